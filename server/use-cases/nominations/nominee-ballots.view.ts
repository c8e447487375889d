/**
 * The signed ballots of one nominee, for the committee (`committee.tally` with `nominee`): each
 * ballot naming that person for any post, with the signer's name and group and a short-lived
 * link to the signature drawing (RULES.md §7: signature files are private). Picked from the same
 * paged pass over the ballot documents as the live count — no index or counter document.
 */
import type { NomineeBallot } from '../../../src/contracts/candidate.contract';
import type { NominationDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import { POST_LABELS, POST_ORDER } from '../../../src/domain/nomination-ballot';
import type { CallContext } from '../../runtime/context';
import type { WithId } from '../../runtime/documents';
import { signatureImageUrl } from '../shared/signature-file.records';
import { readVoters } from './nomination-scope.policy';

/** Long enough to look through a nominee's ballots, short enough that a forwarded link dies soon. */
export const BALLOT_SIGNATURE_URL_TTL_SECONDS = 600;

/** One entry per (ballot, post naming the nominee): the ballot shape rules keep a person to one post. */
export function ballotsNaming(ballots: readonly WithId<NominationDoc>[], nominee: string) {
  return ballots.flatMap((b) => POST_ORDER.filter((post) => b.names[post]?.includes(nominee)).map((post) => ({ ballot: b, post })));
}

export async function nomineeBallotViews(ctx: CallContext, picked: readonly WithId<NominationDoc>[], nominee: string): Promise<NomineeBallot[]> {
  const naming = ballotsNaming(picked, nominee).sort((a, b) => (a.ballot.submittedAt < b.ballot.submittedAt ? -1 : a.ballot.submittedAt > b.ballot.submittedAt ? 1 : a.ballot._id < b.ballot._id ? -1 : 1));
  const signers = await readVoters(ctx.store, naming.map((n) => n.ballot.voterId));
  return Promise.all(
    naming.map(async ({ ballot: b, post }) => {
      const signer = signers.get(b.voterId);
      return {
        voterId: b.voterId,
        name: signer?.name ?? '（名册中已无此人）',
        group: signer?.group ?? '',
        post,
        postLabel: POST_LABELS[post],
        channel: b.channel,
        scanRef: b.paper?.scanRef ?? null,
        valid: b.valid,
        submittedAt: b.submittedAt,
        signatureUrl: b.signature ? await signatureImageUrl(ctx, b.signature.fileId, BALLOT_SIGNATURE_URL_TTL_SECONDS) : null,
      };
    }),
  );
}
