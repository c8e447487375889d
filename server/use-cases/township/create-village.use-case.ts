/**
 * township.createVillage — a village (村) or residents' community (社区) with its rule preset.
 *
 * Outcomes: ok | FORBIDDEN NOT_TOWNSHIP | NOT_FOUND PRESET_UNKNOWN | CONFLICT VILLAGE_EXISTS
 */
import type { createVillage } from '../../../src/contracts/township.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { listPresets } from '../../../src/domain/presets/registry';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { UseCase } from '../../runtime/dispatch';
import { keyedHash, newId } from '../../security/keyed-hash';
import { actorOf, requireTownship } from '../shared/access.policy';

export const TOWNSHIP_ID = 'default';

export const createVillageUseCase: UseCase<typeof createVillage> = async (input, ctx) => {
  const t = requireTownship(ctx);
  if (!t.ok) return t;
  if (!listPresets().some((p) => p.id === input.presetId && p.kind === input.kind)) {
    return err('NOT_FOUND', 'PRESET_UNKNOWN', '没有这套选举规则，请从列表中选择');
  }
  const at = ctx.clock.now().toISOString();
  const id = newId(ctx.rng, 'v');
  // Names are unique per township: a claim document keyed by the name's hash, in the same transaction.
  const claim = `villageName:${keyedHash(ctx.settings.idHmacKey, 'name', input.name)}`;
  const village = { name: input.name, kind: input.kind, presetId: input.presetId, townshipId: TOWNSHIP_ID, groups: input.groups, createdAt: at };
  const r = await ctx.store.runTransaction<Result<true, ErrorCode>>(async (tx) => {
    if (await tx.get('meta', claim)) return err('CONFLICT', 'VILLAGE_EXISTS', `已经有名为“${input.name}”的村（社区）了`);
    await tx.set('meta', claim, { villageId: id });
    await tx.set('village', id, village);
    await appendAudit(tx, { scope: `village:${id}`, action: 'township.createVillage', actor: actorOf(ctx), at, data: { name: input.name, presetId: input.presetId } });
    return ok(true);
  });
  return r.ok ? ok({ village: { id, ...village } }) : r;
};
