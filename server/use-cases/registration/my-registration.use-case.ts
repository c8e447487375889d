/**
 * registration.mine — the caller's own roll entry (masked) and what they still need to do.
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | UNAUTHENTICATED NOT_BOUND | NOT_FOUND ELECTION_GONE
 */
import type { mine } from '../../../src/contracts/registration.contract';
import { bindingDoc, electionDoc, villageDoc, voterDoc } from '../../../src/contracts/store-documents.schema';
import { voterTodos } from '../../../src/domain/voter-todo';
import { err, ok } from '../../../src/domain/result';
import { readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireOpenid } from '../shared/access';
import { calendarOf, electionSummary, rulesOf, voterView } from '../shared/election-view';

export const myRegistration: UseCase<typeof mine> = async (_input, ctx) => {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const binding = await readDoc(ctx.store, 'binding', who.value, bindingDoc);
  if (!binding) return err('UNAUTHENTICATED', 'NOT_BOUND', '请先绑定您的选民身份');
  const [voter, election, village] = await Promise.all([
    readDoc(ctx.store, 'voter', binding.voterId, voterDoc),
    readDoc(ctx.store, 'election', binding.electionId, electionDoc),
    readDoc(ctx.store, 'village', binding.villageId, villageDoc),
  ]);
  if (!voter || !election || !village) return err('NOT_FOUND', 'ELECTION_GONE', '您绑定的选举已不存在，请联系村选举委员会');
  const now = ctx.clock.now();
  const calendar = calendarOf(election, rulesOf(election));
  return ok({
    voter: voterView(voter, election, village.name),
    election: electionSummary(election, village, now),
    todo: voterTodos({ category: voter.category, status: voter.status, confirmed: voter.confirmed, residence: voter.residenceDecision?.outcome ?? null }, calendar),
  });
};
