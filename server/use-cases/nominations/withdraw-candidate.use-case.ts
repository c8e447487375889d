/**
 * committee.withdrawCandidate — 候选人退出: recorded only on the candidate's written request (its
 * date and the record), before election day. The withdrawn person is excluded and the next by
 * votes fills the slot (src/domain/formal-candidates.ts; a tie for the slot goes to the
 * committee); a list already published must be published again.
 *
 * Outcomes:
 * - ok: the selection now, who filled the slot (null when nobody could), `republishNeeded`
 * - UNAUTHENTICATED NO_OPENID · FORBIDDEN NOT_COMMITTEE | MEMBER_REVOKED · NOT_FOUND ELECTION_UNKNOWN | NOT_A_CANDIDATE
 * - CONFLICT ALREADY_WITHDRAWN · WINDOW_CLOSED NOT_CLOSED | ELECTION_DAY_PASSED
 */
import type { withdrawCandidate } from '../../../src/contracts/candidate.contract';
import { compareCivil, shanghaiDateOf } from '../../../src/domain/civil-date';
import { err, ok } from '../../../src/domain/result';
import type { UseCase } from '../../runtime/dispatch';
import { actorOf } from '../shared/access.policy';
import { candidateDocs, computeSelection } from './candidate-selection.view';
import { closedElection, currentViews, emptyCandidate, initialLine, readCandidate, saveCandidate } from './candidate-change.records';

export const withdrawCandidateUseCase: UseCase<typeof withdrawCandidate> = async (input, ctx) => {
  const scope = await closedElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { close, rules, election } = scope.value;
  const now = ctx.clock.now();
  if (compareCivil(shanghaiDateOf(now), election.electionDay) >= 0) return err('WINDOW_CLOSED', 'ELECTION_DAY_PASSED', '已经到了选举日，不能再办理退出');
  if (!initialLine(close, input.voterId, rules)) return err('NOT_FOUND', 'NOT_A_CANDIDATE', '这个人不是本届的候选人');
  const prev = (await readCandidate(ctx, election._id, input.voterId)) ?? emptyCandidate(election._id, input.voterId);
  if (prev.withdrawal) return err('CONFLICT', 'ALREADY_WITHDRAWN', '这位候选人已经退出了');
  const before = computeSelection(close, await candidateDocs(ctx.store, election._id), rules);
  const listedBefore = new Set(before.posts.flatMap((p) => p.candidates.map((c) => c.voterId)));
  const at = now.toISOString();
  const actor = actorOf(ctx);
  await saveCandidate(ctx, close, { ...prev, withdrawal: { writtenOn: input.writtenOn, record: input.record, at, by: actor } }, 'committee.withdrawCandidate', at, actor, { writtenOn: input.writtenOn, record: input.record });
  const views = await currentViews(ctx, scope.value, input.voterId);
  const filler = views.selection.posts.flatMap((p) => p.candidates).find((c) => !listedBefore.has(c.voterId));
  return ok({
    selection: views.selection,
    refilledBy: filler ? { voterId: filler.voterId, name: filler.name, group: filler.group, sex: filler.sex, birthYear: filler.birthYear } : null,
    republishNeeded: close.publication !== null,
  });
};
