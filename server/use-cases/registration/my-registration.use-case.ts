/**
 * registration.mine — the caller's own roll entry (no ID digits) and what they still need to do.
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | UNAUTHENTICATED NOT_BOUND | NOT_FOUND ELECTION_GONE
 */
import type { mine } from '../../../src/contracts/registration.contract';
import { voterTodos } from '../../../src/domain/voter-todo';
import { ok } from '../../../src/domain/result';
import type { UseCase } from '../../runtime/dispatch';
import { requireBoundVoter } from '../shared/election-access.policy';
import { calendarOf, electionSummary, voterView } from '../shared/election.view';

export const myRegistrationUseCase: UseCase<typeof mine> = async (_input, ctx) => {
  const own = await requireBoundVoter(ctx);
  if (!own.ok) return own;
  const { voter, election, village, rules } = own.value;
  const now = ctx.clock.now();
  const calendar = calendarOf(election, rules);
  return ok({
    voter: voterView(voter, election, village.name),
    election: electionSummary(election, village, now),
    todo: voterTodos({ category: voter.category, status: voter.status, confirmed: voter.confirmed, residence: voter.residenceDecision?.outcome ?? null }, calendar),
    groups: village.groups,
  });
};
