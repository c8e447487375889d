/**
 * registration.confirm — a bound voter confirms their own entry is correct (核对).
 *
 * Idempotent by design: confirming again is ok with `alreadyConfirmed: true` (a villager tapping
 * twice on a slow network should not see an error); only the first confirmation is audited.
 * A later change of name, group or category by the committee clears the confirmation.
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | NOT_BOUND | NOT_FOUND ELECTION_GONE |
 * WINDOW_CLOSED ELECTION_CLOSED
 */
import type { confirm } from '../../../src/contracts/registration.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { actorOf } from '../shared/access.policy';
import { voterView } from '../shared/election.view';
import { electionClosed } from './roll-access.policy';
import { requireBoundVoter } from '../shared/election-access.policy';

export const confirmRegistrationUseCase: UseCase<typeof confirm> = async (_input, ctx) => {
  const own = await requireBoundVoter(ctx);
  if (!own.ok) return own;
  const { voter, election, village } = own.value;
  if (election.status !== 'active') return electionClosed();
  const at = ctx.clock.now().toISOString();
  const r = await ctx.store.runTransaction<Result<{ confirmedAt: string; already: boolean }, ErrorCode>>(async (tx) => {
    const v = await readDoc(tx, 'voter', voter._id, voterDoc);
    if (!v) return err('NOT_FOUND', 'ELECTION_GONE', '您的登记已不存在，请联系村选举委员会');
    if (v.confirmed) return ok({ confirmedAt: v.confirmedAt ?? v.updatedAt, already: true });
    await tx.update('voter', v._id, { confirmed: true, confirmedAt: at, updatedAt: at });
    await appendAudit(tx, { scope: v.electionId, action: 'registration.confirm', actor: actorOf(ctx), at, subject: v._id });
    return ok({ confirmedAt: at, already: false });
  });
  if (!r.ok) return r;
  return ok({ voter: voterView({ ...voter, confirmed: true }, election, village.name), confirmedAt: r.value.confirmedAt, alreadyConfirmed: r.value.already });
};
