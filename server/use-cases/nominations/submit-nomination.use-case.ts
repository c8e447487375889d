/**
 * nominations.submit — 提交提名票: the bound, registered voter in person (identity only from the
 * WeChat context; no proxy nominations, RULES.md §3), inside the committee's window in Beijing
 * time, names up to each post's seats of this village's registered voters with the right to
 * stand, and signs by hand. The strokes go to private storage; the ballot keeps their digest;
 * the canonical submission is hashed, audited in the same transaction and signed: the reply is
 * the receipt (record-ballot.ts).
 *
 * Outcomes:
 * - ok: the receipt, `replaced` when an earlier ballot of this voter was replaced (preset
 *   `replace`), the ballot as the voter sees it
 * - UNAUTHENTICATED NO_OPENID | NOT_BOUND · NOT_FOUND ELECTION_GONE
 * - INVALID_INPUT EMPTY_BALLOT | UNKNOWN_POST | TOO_MANY_NAMES | DUPLICATE_NOMINEE
 * - NOT_ELIGIBLE NOT_REGISTERED (the caller) | NOMINEE_OTHER_VILLAGE | NOMINEE_NOT_REGISTERED | NOMINEE_UNDER_AGE
 * - WINDOW_CLOSED NOT_OPEN_YET | CLOSED | NO_WINDOW
 * - CONFLICT ALREADY_SUBMITTED (preset `reject`) | PAPER_BALLOT_EXISTS
 */
import type { submit } from '../../../src/contracts/nomination.contract';
import { nominationWindowState } from '../../../src/domain/nomination-ballot';
import { ok } from '../../../src/domain/result';
import type { UseCase } from '../../runtime/dispatch';
import { actorOf } from '../shared/access.policy';
import { checkBallotOf, namedIds, nominatingVoterWith, nominationId, postLines } from './nomination-scope.policy';
import { recordBallot } from './ballot.records';
import { discardSignatureFiles, storeSignature } from '../shared/signature-file.records';
import { nominationDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import { readDoc } from '../../runtime/documents';

export const submitNominationUseCase: UseCase<typeof submit> = async (input, ctx) => {
  // The nominees come in the caller's own batched read (cost floor: binding, entries, election).
  const scope = await nominatingVoterWith(ctx, input.electionId, namedIds(input.names));
  if (!scope.ok) return scope;
  const { election, voter, rules, others } = scope.value;
  const now = ctx.clock.now();
  const window = nominationWindowState({ opensOn: election.nominationOpensOn, closesOn: election.nominationClosesOn }, now);
  if (!window.ok) return window;
  const checked = checkBallotOf(input.names, election, rules, others);
  if (!checked.ok) return checked;

  // Stored before the transaction (files are not transactional); the name carries the digest, so
  // a retry rewrites the same file; a refused ballot's files are removed again below.
  const signature = await storeSignature(ctx, { villageId: election.villageId, electionId: election._id, voterId: voter._id }, input.signature);
  const recorded = await recordBallot(ctx, {
    content: { electionId: election._id, voterId: voter._id, channel: 'app', valid: true, names: input.names, signatureDigest: signature.digest, scanRef: null, submittedAt: now.toISOString() },
    villageId: election.villageId,
    signature,
    paper: null,
    actor: actorOf(ctx),
    resubmission: rules.nomination.resubmission,
  });
  if (!recorded.ok) {
    // Refused (a ballot already there under \`reject\`, or a paper one): the strokes just stored
    // belong to no ballot — unless they are the standing ballot's own (same voter, same strokes,
    // same file name), which must stay.
    const standing = await readDoc(ctx.store, 'nomination', nominationId(election._id, voter._id), nominationDoc);
    if (standing?.signature?.fileId !== signature.fileId) await discardSignatureFiles(ctx, signature.fileId);
    return recorded;
  }
  const { ballot, replaced } = recorded.value;
  return ok({
    receipt: { code: ballot.code, hash: ballot.hash, keyId: ballot.keyId, signature: ballot.sig, submittedAt: ballot.submittedAt },
    replaced,
    names: postLines(ballot.names, election, checked.value),
  });
};
