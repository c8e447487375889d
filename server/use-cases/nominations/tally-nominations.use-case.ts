/**
 * committee.tally — 提名计票: live counts per post and nominee for the committee, read from the
 * ballot documents page by page (no counter document that every submission writes). Counts
 * only: never who nominated whom. With `recount`, the same tally is rebuilt from the audit log
 * and compared (the committee's check that nothing was changed outside the actions).
 * With `nominee` (a voter id), the reply also carries `nomineeBallots`: the signed ballots naming
 * that person (signer's name and group, post, channel and scan reference, valid or not, time, and
 * a short-lived signature URL — null on paper), picked during the same paged pass. Committee
 * only, like the rest of this action; the general tally stays counts only.
 *
 * Outcomes:
 * - ok: ballots, valid, invalid, paper; lines per post by votes; `closed`, the Merkle root and the
 *   seats to fill after close; `recount` when asked; `nomineeBallots` when `nominee` was given
 * - UNAUTHENTICATED NO_OPENID · FORBIDDEN NOT_COMMITTEE | MEMBER_REVOKED · NOT_FOUND ELECTION_UNKNOWN
 */
import type { tally } from '../../../src/contracts/candidate.contract';
import { POST_LABELS } from '../../../src/domain/nomination-ballot';
import { sameTally } from '../../../src/domain/nomination-tally';
import { ok } from '../../../src/domain/result';
import type { UseCase } from '../../runtime/dispatch';
import { requireCommitteeElection } from '../shared/election-access.policy';
import { liveCount, recountFromAudit } from './ballot-count.records';
import { readClose } from './candidate-selection.view';
import { seatsToFillView } from './close-nominations.use-case';
import { postsOf, readVoters } from './nomination-scope.policy';
import { ballotsNaming, nomineeBallotViews } from './nominee-ballots.view';
import type { NominationDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import type { WithId } from '../../runtime/documents';

export const tallyNominationsUseCase: UseCase<typeof tally> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election } = scope.value;
  const picked: WithId<NominationDoc>[] = [];
  const nominee = input.nominee;
  const pick = nominee
    ? (b: WithId<NominationDoc>) => {
        if (ballotsNaming([b], nominee).length > 0) picked.push(b);
      }
    : undefined;
  const [live, close] = await Promise.all([liveCount(ctx.store, election._id, pick), readClose(ctx.store, election._id)]);
  const { tally: t } = live;
  const voters = await readVoters(ctx.store, [...t.votes.values()].flatMap((per) => [...per.keys()]));
  const posts = postsOf(election).map(({ post, seats }) => ({
    post,
    label: POST_LABELS[post],
    seats,
    lines: [...(t.votes.get(post) ?? new Map<string, number>())]
      .flatMap(([voterId, votes]) => {
        const v = voters.get(voterId);
        return v ? [{ voterId, name: v.name, group: v.group, sex: v.sex, votes }] : [];
      })
      .sort((a, b) => b.votes - a.votes || (a.voterId < b.voterId ? -1 : 1)),
  }));
  const recount = input.recount ? await recountFromAudit(ctx.store, election._id) : null;
  return ok({
    ballots: t.ballots,
    valid: t.valid,
    invalid: t.invalid,
    paper: live.paper,
    posts,
    closed: close !== null,
    recount: recount ? { matches: sameTally(t, recount), ballots: recount.ballots } : null,
    merkleRoot: close?.merkle?.root ?? null,
    seatsToFill: close ? seatsToFillView(close) : [],
    nomineeBallots: nominee ? await nomineeBallotViews(ctx, picked, nominee) : null,
    at: ctx.clock.now().toISOString(),
  });
};
