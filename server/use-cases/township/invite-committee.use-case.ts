/**
 * township.inviteCommittee — a one-time code for a village's election committee member, for a
 * seat the township chooses (主任 / 委员 / 办事员).
 * Only the code's keyed hash is stored; the clear code is returned once.
 *
 * Outcomes: ok | FORBIDDEN NOT_TOWNSHIP | NOT_FOUND VILLAGE_UNKNOWN
 */
import type { inviteCommittee } from '../../../src/contracts/township.contract';
import { villageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { err, ok } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { keyedHash, randomCode } from '../../security/keyed-hash';
import { actorOf, requireTownship } from '../shared/access';

export const inviteCommitteeUseCase: UseCase<typeof inviteCommittee> = async (input, ctx) => {
  const t = requireTownship(ctx);
  if (!t.ok) return t;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const code = randomCode(ctx.rng, 10);
  const expiresAt = new Date(now.getTime() + ctx.settings.inviteTtlHours * 3600_000).toISOString();
  const found = await ctx.store.runTransaction(async (tx) => {
    if (!(await readDoc(tx, 'village', input.villageId, villageDoc))) return false;
    await tx.set('invite', keyedHash(ctx.settings.idHmacKey, 'invite', code), { villageId: input.villageId, role: input.role, expiresAt, usedBy: null, usedAt: null, createdAt: at });
    await appendAudit(tx, { scope: `village:${input.villageId}`, action: 'township.inviteCommittee', actor: actorOf(ctx), at, data: { expiresAt, role: input.role } });
    return true;
  });
  return found ? ok({ code, villageId: input.villageId, role: input.role, expiresAt }) : err('NOT_FOUND', 'VILLAGE_UNKNOWN', '没有找到这个村（社区）');
};
