/**
 * identity.redeemInvite — become a member of a village's election committee (村民选举委员会)
 * with a one-time code issued by the township, in the seat the township chose. The term is the
 * village's current election, or the next one created (server/use-cases/membership/membership.records.ts);
 * a caller already bound to a voter of this village is linked to that entry. A membership that
 * was revoked or whose term ended is replaced (a new seat; the old one stays in the audit log).
 *
 * Guessing is limited per WeChat user (settings.inviteMaxFailures, then a lock of
 * inviteLockMinutes) and per invitation (invite-code.ts: inviteCodeMaxFailures wrong guesses and
 * it is void), each counter its own document written in the transaction that counts the guess.
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | NOT_FOUND INVITE_INVALID | CONFLICT INVITE_USED |
 * CONFLICT ALREADY_MEMBER | WINDOW_CLOSED INVITE_EXPIRED | RATE_LIMITED INVITE_TRIES (this user,
 * until a time) | RATE_LIMITED INVITE_LOCKED (this invitation, void)
 */
import type { redeemInvite } from '../../../src/contracts/identity.contract';
import { memberDoc, villageDoc, type MemberDoc } from '../../../src/contracts/documents/election-documents.schema';
import { inviteDoc, type InviteDoc } from '../../../src/contracts/documents/invite-documents.schema';
import { bindAttemptDoc, bindingDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { err, ok, type Result } from '../../../src/domain/result';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { appendAudit } from '../../audit/audit-log';
import type { TxOps } from '../../ports/store.port';
import { readDoc, type WithId } from '../../runtime/documents';
import type { CallContext } from '../../runtime/context';
import type { UseCase } from '../../runtime/dispatch';
import { keyedHash, sameHash } from '../../security/keyed-hash';
import { activeElectionClaimId, linkMemberToVoter, membershipRefusal, writeMember } from '../membership/membership.records';
import { actorOf, memberId, requireOpenid } from '../shared/access.policy';
import { formatShanghaiTime } from '../shared/format.text';
import { inviteAttemptId, inviteLookupId } from './invite-code';
import { countUserMiss } from './bind-guard';

type Redeemed = { villageId: string; villageName: string; memberRole: MemberDoc['role']; termElectionId: string | null };

export const redeemInviteUseCase: UseCase<typeof redeemInvite> = async (input, ctx) => {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const openid = who.value;
  const at = ctx.clock.now().toISOString();
  const key = ctx.settings.idHmacKey;
  const lookupId = inviteLookupId(key, input.code);
  const codeHash = keyedHash(key, 'invite', input.code);

  const r = await ctx.store.runTransaction<Result<Redeemed, ErrorCode>>(async (tx) => {
    const attemptId = inviteAttemptId(openid);
    const attempt = await readDoc(tx, 'bindAttempt', attemptId, bindAttemptDoc);
    if (attempt?.lockedUntil && attempt.lockedUntil > at) return tooManyTries(attempt.lockedUntil);
    const found = await findInvite(tx, lookupId, codeHash);
    if (found.kind === 'locked') return err('RATE_LIMITED', 'INVITE_LOCKED', INVITE_LOCKED);
    if (found.kind !== 'match') return countWrongCode(tx, ctx, { attemptId, attempt, hit: found.kind === 'wrongSecret' ? found.invite : null, at });
    const { invite, inviteId } = found;
    if (attempt) await tx.remove('bindAttempt', attemptId);
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

const INVITE_LOCKED = '这个邀请码输错的次数太多，已经作废，请向乡镇重新申请';
const tooManyTries = (until: string) => err('RATE_LIMITED', 'INVITE_TRIES', `邀请码输错的次数太多，请在 ${formatShanghaiTime(until)} 以后再试`);

type Found =
  | { kind: 'match'; invite: WithId<InviteDoc>; inviteId: string }
  | { kind: 'wrongSecret'; invite: WithId<InviteDoc> }
  | { kind: 'locked' }
  | { kind: 'none' };

/** By its lookup part; an invitation issued before lookups existed is stored under the whole code's hash. */
async function findInvite(tx: TxOps, lookupId: string, codeHash: string): Promise<Found> {
  const invite = await readDoc(tx, 'invite', lookupId, inviteDoc);
  if (invite?.secretHash !== undefined) {
    if (invite.lockedAt) return { kind: 'locked' };
    return sameHash(invite.secretHash, codeHash) ? { kind: 'match', invite, inviteId: lookupId } : { kind: 'wrongSecret', invite };
  }
  const legacy = await readDoc(tx, 'invite', codeHash, inviteDoc);
  return legacy && legacy.secretHash === undefined ? { kind: 'match', invite: legacy, inviteId: codeHash } : { kind: 'none' };
}

/** One wrong code: counted against the user, and against the invitation its first part named. */
async function countWrongCode(
  tx: TxOps,
  ctx: CallContext,
  p: { attemptId: string; attempt: { failures: number; lockedUntil: string | null } | null; hit: WithId<InviteDoc> | null; at: string },
): Promise<Result<never, ErrorCode>> {
  const { inviteMaxFailures, inviteLockMinutes, inviteCodeMaxFailures } = ctx.settings;
  const { lockedUntil } = await countUserMiss(tx, { attemptId: p.attemptId, attempt: p.attempt, max: inviteMaxFailures, lockMinutes: inviteLockMinutes, now: new Date(p.at) });
  if (p.hit && p.hit.usedBy === null) {
    const hits = (p.hit.failures ?? 0) + 1;
    const lockedAt = hits >= inviteCodeMaxFailures ? p.at : null;
    await tx.update('invite', p.hit._id, { failures: hits, lockedAt });
    if (lockedAt) {
      await appendAudit(tx, { scope: `village:${p.hit.villageId}`, action: 'identity.redeemInvite', actor: actorOf(ctx), at: p.at, data: { locked: true, failures: hits } });
      return err('RATE_LIMITED', 'INVITE_LOCKED', INVITE_LOCKED);
    }
  }
  return lockedUntil ? tooManyTries(lockedUntil) : err('NOT_FOUND', 'INVITE_INVALID', '邀请码不对，请核对后再试');
}
