/**
 * nominations.mine — 我的提名: the caller's own ballot (app or the paper one the committee typed
 * in) with its receipt, so the voter can check it at any time.
 *
 * Outcomes:
 * - ok: `ballot` null when the caller has none
 * - UNAUTHENTICATED NO_OPENID | NOT_BOUND · NOT_FOUND ELECTION_GONE
 */
import type { mine } from '../../../src/contracts/nomination.contract';
import { nominationDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import { err, ok } from '../../../src/domain/result';
import type { UseCase } from '../../runtime/dispatch';
import { readDoc } from '../../runtime/documents';
import { requireBoundVoter } from '../shared/election-access.policy';
import { nominationId, postLines, readVoters } from './nomination-scope.policy';

export const myNominationUseCase: UseCase<typeof mine> = async (input, ctx) => {
  const scope = await requireBoundVoter(ctx);
  if (!scope.ok) return scope;
  const { election, voter } = scope.value;
  if (input.electionId && input.electionId !== election._id) return err('NOT_FOUND', 'ELECTION_GONE', '这场选举不是您登记的选举');
  const ballot = await readDoc(ctx.store, 'nomination', nominationId(election._id, voter._id), nominationDoc);
  if (!ballot) return ok({ ballot: null });
  const nominees = await readVoters(ctx.store, Object.values(ballot.names).flatMap((l) => l ?? []));
  return ok({
    ballot: {
      names: postLines(ballot.names, election, nominees),
      receipt: { code: ballot.code, hash: ballot.hash, keyId: ballot.keyId, signature: ballot.sig, submittedAt: ballot.submittedAt },
      channel: ballot.channel,
    },
  });
};
