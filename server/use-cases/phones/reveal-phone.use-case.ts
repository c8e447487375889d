/**
 * committee.revealPhone — a voter's phone number in clear, to one committee member, for one call
 * (RULES.md §7: phones stored encrypted, shown masked, revealed only for a call, each reveal
 * audited).
 *
 * The reveal is counted per member and clock hour in `phoneReveal/{member}:{hour}` — a document
 * only that member's calls write, so a village's clerks never contend — and refused past the
 * deployment's PHONE_REVEALS_PER_HOUR. The count and the audit entry are written in one
 * transaction before the number is opened: no reveal without its record.
 *
 * Outcomes:
 * - ok: the voter's id, name, the number (digits) and the reveals left this hour
 * - UNAUTHENTICATED NO_OPENID · FORBIDDEN NOT_COMMITTEE | MEMBER_REVOKED | TERM_ENDED
 * - NOT_FOUND ELECTION_UNKNOWN · VOTER_UNKNOWN (not on this election's roll)
 * - NOT_ELIGIBLE NO_PHONE: none recorded · PHONE_NOT_CALLABLE: kept masked only (imported
 *   before phones were sealed, or under a key the deployment no longer has) — re-import it
 * - RATE_LIMITED REVEAL_LIMIT: this member's reveals for the hour are used up
 */
import * as z from 'zod/mini';
import type { revealPhone } from '../../../src/contracts/phone.contract';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { err, ok } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { UseCase } from '../../runtime/dispatch';
import { readDoc } from '../../runtime/documents';
import { phoneBoxOf } from '../../security/phone-box';
import { actorOf } from '../shared/access.policy';
import { requireCommitteeElection } from '../shared/election-access.policy';

const revealCountDoc = z.object({ count: z.int(), hour: z.string() });

/** phoneReveal/{member}:{hour}: one member's reveals in one clock hour (UTC hour, ISO prefix). */
export const revealCountId = (member: string, hour: string): string => `${member}:${hour}`;

export const revealPhoneUseCase: UseCase<typeof revealPhone> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const voter = await readDoc(ctx.store, 'voter', input.voterId, voterDoc);
  if (!voter || voter.electionId !== scope.value.election._id) return err('NOT_FOUND', 'VOTER_UNKNOWN', '这个选民不在本届选民名单上');
  if (!voter.phoneSealed) {
    return voter.phoneMasked === null
      ? err('NOT_ELIGIBLE', 'NO_PHONE', '没有登记这位选民的电话')
      : err('NOT_ELIGIBLE', 'PHONE_NOT_CALLABLE', '这个号码只保存了隐去部分数字的形式，无法拨打；请重新导入带电话的名单');
  }
  const box = phoneBoxOf(ctx.settings);
  if (box.keyIdOf(voter.phoneSealed) === null) return err('NOT_ELIGIBLE', 'PHONE_NOT_CALLABLE', '这个号码无法打开，请重新导入带电话的名单');

  const now = ctx.clock.now();
  const at = now.toISOString();
  const actor = actorOf(ctx);
  const countId = revealCountId(actor, at.slice(0, 13));
  const limit = ctx.settings.phoneRevealsPerHour;
  const counted = await ctx.store.runTransaction(async (tx) => {
    const raw = await tx.get('phoneReveal', countId);
    const used = raw ? revealCountDoc.parse(raw).count : 0;
    if (used >= limit) return null;
    await tx.set('phoneReveal', countId, { count: used + 1, hour: at.slice(0, 13) });
    await appendAudit(tx, { scope: voter.electionId, action: 'committee.revealPhone', actor, at, subject: voter._id });
    return used + 1;
  });
  if (counted === null) return err('RATE_LIMITED', 'REVEAL_LIMIT', `每小时最多查看${limit}个电话号码，请稍后再拨`);

  const phone = box.open(voter.phoneSealed, voter.idHash);
  // The reveal is on record; a seal that does not open (tampered, unknown key) is not a number to show.
  if (phone === null) return err('NOT_ELIGIBLE', 'PHONE_NOT_CALLABLE', '这个号码无法打开，请重新导入带电话的名单');
  return ok({ voterId: voter._id, name: voter.name, phone, revealsLeft: Math.max(0, limit - counted) });
};
