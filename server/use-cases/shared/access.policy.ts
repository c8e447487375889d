import { err, ok, type Result } from '../../../src/domain/result';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { memberDoc, type ElectionDoc, type MemberDoc } from '../../../src/contracts/documents/election-documents.schema';
import { findDocs, readDoc, type WithId } from '../../runtime/documents';
import type { CallContext } from '../../runtime/context';
import { memberId, memberRefOf, membershipRefusal, resolveTerm } from '../membership/membership.records';
import { parseIdNumber, type ParsedId } from '../../../src/domain/id-number';
import { keyedHash } from '../../security/keyed-hash';

/** Permission checks as small named predicates; identity only from the call context. */
export function requireOpenid(ctx: CallContext): Result<string, ErrorCode> {
  return ctx.openid ? ok(ctx.openid) : err('UNAUTHENTICATED', 'NO_OPENID', '没有取得微信身份，请在微信里打开');
}

/**
 * A signed-in caller and the ID number they typed: its facts and its keyed hash, the only form
 * of the number that is kept or looked up (RULES.md §7).
 */
export function requireCallerWithId(ctx: CallContext, idNumber: string): Result<{ openid: string; id: ParsedId; idHash: string }, ErrorCode> {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) return err('INVALID_INPUT', parsed.reason, parsed.message);
  return ok({ openid: who.value, id: parsed.value, idHash: keyedHash(ctx.settings.idHmacKey, 'id', parsed.value.normalized) });
}

export function isTownshipAdmin(ctx: CallContext): boolean {
  return ctx.openid !== null && ctx.settings.townshipAdmins.has(ctx.openid);
}

export function requireTownship(ctx: CallContext): Result<string, ErrorCode> {
  return isTownshipAdmin(ctx) ? ok(ctx.openid as string) : err('FORBIDDEN', 'NOT_TOWNSHIP', '只有乡镇工作人员可以做这件事');
}

export { memberId };

/**
 * The caller is an active member of this village's election committee whose term has not ended.
 * `known`: the election the action is about, already read (saves reading the term's election).
 */
export async function requireCommittee(ctx: CallContext, villageId: string, known?: WithId<ElectionDoc>): Promise<Result<WithId<MemberDoc>, ErrorCode>> {
  if (!ctx.openid) return err('UNAUTHENTICATED', 'NO_OPENID', '没有取得微信身份，请在微信里打开');
  const m = await readDoc(ctx.store, 'member', memberId(villageId, ctx.openid), memberDoc);
  if (!m) return err('FORBIDDEN', 'NOT_COMMITTEE', '只有本村选举委员会成员可以做这件事');
  return (await membershipRefusal(ctx.store, m, known)) ?? ok(m);
}

/** The caller's memberships that still grant committee rights (revoked and ended terms left out). */
export async function committeeMemberships(ctx: CallContext): Promise<WithId<MemberDoc>[]> {
  if (!ctx.openid) return [];
  const all = await findDocs(ctx.store, 'member', { openid: ctx.openid }, memberDoc);
  const live = await Promise.all(all.map(async (m) => m.status === 'active' && !(await resolveTerm(ctx.store, m)).ended));
  return all.filter((_, i) => live[i]);
}

/** The actor recorded in the audit log: a keyed hash of the openid, never the raw id. */
export function actorOf(ctx: CallContext): string {
  return ctx.openid ? memberRefOf(ctx.settings.idHmacKey, ctx.openid) : 'system';
}
