import { err, ok, type Result } from '../../../src/domain/result';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { memberDoc, type MemberDoc } from '../../../src/contracts/store-documents.schema';
import { findDocs, readDoc, type WithId } from '../../runtime/documents';
import type { CallContext } from '../../runtime/context';
import { keyedHash } from '../../security/keyed-hash';

/** Permission checks as small named predicates; identity only from the call context. */
export function requireOpenid(ctx: CallContext): Result<string, ErrorCode> {
  return ctx.openid ? ok(ctx.openid) : err('UNAUTHENTICATED', 'NO_OPENID', '没有取得微信身份，请在微信里打开');
}

export function isTownshipAdmin(ctx: CallContext): boolean {
  return ctx.openid !== null && ctx.settings.townshipAdmins.has(ctx.openid);
}

export function requireTownship(ctx: CallContext): Result<string, ErrorCode> {
  return isTownshipAdmin(ctx) ? ok(ctx.openid as string) : err('FORBIDDEN', 'NOT_TOWNSHIP', '只有乡镇工作人员可以做这件事');
}

export const memberId = (villageId: string, openid: string) => `${villageId}:${openid}`;

export async function requireCommittee(ctx: CallContext, villageId: string): Promise<Result<WithId<MemberDoc>, ErrorCode>> {
  if (!ctx.openid) return err('UNAUTHENTICATED', 'NO_OPENID', '没有取得微信身份，请在微信里打开');
  const m = await readDoc(ctx.store, 'member', memberId(villageId, ctx.openid), memberDoc);
  return m ? ok(m) : err('FORBIDDEN', 'NOT_COMMITTEE', '只有本村选举委员会成员可以做这件事');
}

export function committeeMemberships(ctx: CallContext): Promise<WithId<MemberDoc>[]> {
  return ctx.openid ? findDocs(ctx.store, 'member', { openid: ctx.openid }, memberDoc) : Promise.resolve([]);
}

/** The actor recorded in the audit log: a keyed hash of the openid, never the raw id. */
export function actorOf(ctx: CallContext): string {
  return ctx.openid ? `wx:${keyedHash(ctx.settings.idHmacKey, 'actor', ctx.openid).slice(0, 16)}` : 'system';
}
