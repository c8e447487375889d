/**
 * identity.redeemInvite — become a member of a village's election committee (村民选举委员会)
 * with a one-time code issued by the township, in the seat the township chose. The term is the
 * village's current election, or the next one created (server/use-cases/membership/membership.ts);
 * a caller already bound to a voter of this village is linked to that entry. A membership that
 * was revoked or whose term ended is replaced (a new seat; the old one stays in the audit log).
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | NOT_FOUND INVITE_INVALID | CONFLICT INVITE_USED |
 * CONFLICT ALREADY_MEMBER | WINDOW_CLOSED INVITE_EXPIRED
 */
import type { redeemInvite } from '../../../src/contracts/identity.contract';
import { inviteDoc, memberDoc, villageDoc, type MemberDoc } from '../../../src/contracts/documents/election-documents.schema';
import { bindingDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { err, ok, type Result } from '../../../src/domain/result';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { appendAudit } from '../../audit/audit-log';
import { readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { keyedHash } from '../../security/keyed-hash';
import { activeElectionClaimId, linkMemberToVoter, membershipRefusal, writeMember } from '../membership/membership';
import { actorOf, memberId, requireOpenid } from '../shared/access';

type Redeemed = { villageId: string; villageName: string; memberRole: MemberDoc['role']; termElectionId: string | null };

export const redeemCommitteeInvite: UseCase<typeof redeemInvite> = async (input, ctx) => {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const openid = who.value;
  const at = ctx.clock.now().toISOString();
  const inviteId = keyedHash(ctx.settings.idHmacKey, 'invite', input.code);

  const r = await ctx.store.runTransaction<Result<Redeemed, ErrorCode>>(async (tx) => {
    const invite = await readDoc(tx, 'invite', inviteId, inviteDoc);
    if (!invite) return err('NOT_FOUND', 'INVITE_INVALID', '邀请码不对，请核对后再试');
    if (invite.usedBy !== null) return err('CONFLICT', 'INVITE_USED', '这个邀请码已经用过了，请向乡镇重新申请');
    if (invite.expiresAt <= at) return err('WINDOW_CLOSED', 'INVITE_EXPIRED', '这个邀请码已经过期，请向乡镇重新申请');
    const village = await readDoc(tx, 'village', invite.villageId, villageDoc);
    if (!village) return err('NOT_FOUND', 'INVITE_INVALID', '邀请码对应的村（社区）不存在');
    const mid = memberId(invite.villageId, openid);
    const existing = await readDoc(tx, 'member', mid, memberDoc);
    if (existing && !(await membershipRefusal(tx, existing))) return err('CONFLICT', 'ALREADY_MEMBER', `您已经是${village.name}选举委员会成员`);
    const claim = await tx.get<{ electionId?: unknown }>('meta', activeElectionClaimId(invite.villageId));
    const termElectionId = typeof claim?.electionId === 'string' ? claim.electionId : null;
    const member: MemberDoc = {
      openid,
      villageId: invite.villageId,
      role: invite.role,
      joinedAt: at,
      termElectionId,
      voterId: null,
      status: 'active',
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
      revokeNote: null,
    };
    await writeMember(tx, mid, member);
    const binding = await readDoc(tx, 'binding', openid, bindingDoc);
    if (binding && binding.villageId === invite.villageId) await linkMemberToVoter(tx, mid, member, binding.voterId);
    await tx.update('invite', inviteId, { usedBy: actorOf(ctx), usedAt: at });
    await appendAudit(tx, {
      scope: `village:${invite.villageId}`,
      action: 'identity.redeemInvite',
      actor: actorOf(ctx),
      at,
      data: { role: invite.role, termElectionId, replaced: existing ? existing.status : null },
    });
    return ok({ villageId: invite.villageId, villageName: village.name, memberRole: invite.role, termElectionId });
  });
  return r.ok ? ok({ ...r.value, role: 'committee' as const }) : r;
};
