/**
 * township.inviteCommittee — a one-time code for a village's election committee member, for a
 * seat the township chooses (主任 / 委员 / 办事员).
 * Only keyed hashes are stored; the clear code is returned once. The document is addressed by the
 * hash of the code's first INVITE_LOOKUP_LENGTH characters and holds the hash of the whole code, so
 * wrong guesses at one invitation are counted on it (identity.redeemInvite).
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
import { inviteLookupId, INVITE_CODE_LENGTH } from '../identity/invite-code';
import { actorOf, requireTownship } from '../shared/access.policy';

export const inviteCommitteeUseCase: UseCase<typeof inviteCommittee> = async (input, ctx) => {
  const t = requireTownship(ctx);
  if (!t.ok) return t;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + ctx.settings.inviteTtlHours * 3600_000).toISOString();
  // A lookup part already taken by another invitation (rare: 31^5 of them) draws again.
  for (let draw = 0; draw < 5; draw++) {
    const code = randomCode(ctx.rng, INVITE_CODE_LENGTH);
    const id = inviteLookupId(ctx.settings.idHmacKey, code);
    const r = await ctx.store.runTransaction<'noVillage' | 'taken' | 'issued'>(async (tx) => {
      if (!(await readDoc(tx, 'village', input.villageId, villageDoc))) return 'noVillage';
      if (await tx.get('invite', id)) return 'taken';
      const secretHash = keyedHash(ctx.settings.idHmacKey, 'invite', code);
      await tx.set('invite', id, { villageId: input.villageId, role: input.role, expiresAt, usedBy: null, usedAt: null, createdAt: at, secretHash, failures: 0, lockedAt: null });
      await appendAudit(tx, { scope: `village:${input.villageId}`, action: 'township.inviteCommittee', actor: actorOf(ctx), at, data: { expiresAt, role: input.role } });
      return 'issued';
    });
    if (r === 'noVillage') return err('NOT_FOUND', 'VILLAGE_UNKNOWN', '没有找到这个村（社区）');
    if (r === 'issued') return ok({ code, villageId: input.villageId, role: input.role, expiresAt });
  }
  throw new Error('no free invitation lookup after 5 draws');
};
