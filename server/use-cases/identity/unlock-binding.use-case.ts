/**
 * committee.unlockBinding — lift the binding lock of one roll entry (bind-guard.ts): the
 * committee has checked the person, so the entry's wrong-try count starts again. Each unlock is
 * in the election's audit log.
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | FORBIDDEN NOT_COMMITTEE | MEMBER_REVOKED |
 * TERM_ENDED | NOT_FOUND ELECTION_UNKNOWN | VOTER_UNKNOWN | CONFLICT NOT_LOCKED
 */
import type { unlockBinding } from '../../../src/contracts/binding-lock.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { readDoc, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { actorOf } from '../shared/access.policy';
import { requireCommitteeElection } from '../shared/election-access.policy';

export const unlockBindingUseCase: UseCase<typeof unlockBinding> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const at = ctx.clock.now().toISOString();
  const r = await ctx.store.runTransaction<Result<WithId<VoterDoc>, ErrorCode>>(async (tx) => {
    const v = await readDoc(tx, 'voter', input.voterId, voterDoc);
    if (!v || v.electionId !== input.electionId) return err('NOT_FOUND', 'VOTER_UNKNOWN', '本届选民登记里没有这一条');
    if (!v.bindLockedAt) return err('CONFLICT', 'NOT_LOCKED', `${v.name}的绑定没有被锁定，不需要解锁`);
    await tx.update('voter', v._id, { bindFailures: 0, bindLockedAt: null, updatedAt: at });
    await appendAudit(tx, {
      scope: v.electionId,
      action: 'committee.unlockBinding',
      actor: actorOf(ctx),
      at,
      subject: v._id,
      data: { lockedAt: v.bindLockedAt, failures: v.bindFailures ?? 0 },
    });
    return ok(v);
  });
  return r.ok ? ok({ voterId: r.value._id, name: r.value.name, group: r.value.group, unlocked: true as const }) : r;
};
