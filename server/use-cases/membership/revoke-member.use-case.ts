/**
 * township.revokeMember — the township removes one member from a village's election committee,
 * with a reason. Irreversible: the member is refused from their next call on (FORBIDDEN
 * MEMBER_REVOKED) and no longer sees committee screens; to serve again they need a new invite.
 * The change and its audit entry commit together.
 *
 * Outcomes: ok | FORBIDDEN NOT_TOWNSHIP | NOT_FOUND VILLAGE_UNKNOWN | MEMBER_UNKNOWN |
 * CONFLICT MEMBER_ALREADY_REVOKED
 */
import type { ErrorCode } from '../../../src/contracts/envelope';
import type { revokeMember } from '../../../src/contracts/township.contract';
import { memberDoc, villageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { findAllDocs, readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { redact } from '../../runtime/logger';
import { actorOf, requireTownship } from '../shared/access.policy';
import { memberRefOf, revokeMemberInTx } from './membership.records';
import { memberView } from './member.view';

export const revokeMemberUseCase: UseCase<typeof revokeMember> = async (input, ctx) => {
  const t = requireTownship(ctx);
  if (!t.ok) return t;
  const key = ctx.settings.idHmacKey;
  const village = await readDoc(ctx.store, 'village', input.villageId, villageDoc);
  if (!village) return err('NOT_FOUND', 'VILLAGE_UNKNOWN', '没有找到这个村（社区）');
  // The reference is a keyed hash of the openid: found among the village's few members, then re-read by id.
  const target = (await findAllDocs(ctx.store, 'member', { villageId: input.villageId }, memberDoc)).find((m) => memberRefOf(key, m.openid) === input.memberRef);
  if (!target) return err('NOT_FOUND', 'MEMBER_UNKNOWN', '没有找到这位选举委员会成员，请刷新后再试');

  const at = ctx.clock.now().toISOString();
  const actor = actorOf(ctx);
  // The stated reason is kept with the seat and the audit entry; anything shaped like an ID or phone number is masked.
  const note = redact(input.reason);
  const r = await ctx.store.runTransaction<Result<true, ErrorCode>>(async (tx) => {
    const m = await readDoc(tx, 'member', target._id, memberDoc);
    if (!m) return err('NOT_FOUND', 'MEMBER_UNKNOWN', '没有找到这位选举委员会成员，请刷新后再试');
    if (m.status === 'revoked') return err('CONFLICT', 'MEMBER_ALREADY_REVOKED', '这位成员已经被撤销了，不用再撤销');
    await revokeMemberInTx(tx, m._id, m, { at, by: actor, reason: 'TOWNSHIP', note });
    await appendAudit(tx, {
      scope: `village:${input.villageId}`,
      action: 'township.revokeMember',
      actor,
      at,
      subject: input.memberRef,
      data: { role: m.role, termElectionId: m.termElectionId, reason: note },
    });
    return ok(true);
  });
  if (!r.ok) return r;
  const stored = await readDoc(ctx.store, 'member', target._id, memberDoc);
  if (!stored) throw new Error('member vanished after revocation');
  return ok({ member: await memberView(ctx.store, key, stored) });
};
