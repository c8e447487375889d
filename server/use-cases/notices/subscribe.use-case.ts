/**
 * notices.subscribe — records what the villager accepted in wx.requestSubscribeMessage. A
 * one-time subscribe message allows one message per tap, so each accepted template adds one
 * to `consent/{openid}:{templateId}`; the app asks again at natural moments (after reading a
 * notice, after binding) and shows how many pushes are owed. Declined templates change nothing.
 *
 * Only the deployment's notice template (setting NOTICE_TEMPLATE_ID, given to the client in
 * notices.list) is accepted: a consent for any other id could never be used by a notice push,
 * and a client could otherwise fill the store with consents for made-up templates.
 *
 * A WeChat user who is not bound may subscribe only while an objection they filed about
 * themselves (registration.fileObjection with their own identity: "I am missing from the list")
 * is open — its decision is pushed to them. Their consent carries no voter until they bind.
 *
 * Not in the audit log, like read receipts: the consent document keeps the counts and times.
 *
 * Outcomes: ok | INVALID_INPUT TEMPLATE_UNKNOWN | UNAUTHENTICATED NO_OPENID | NOT_BOUND (not bound
 * and no open objection of their own) | NOT_FOUND ELECTION_GONE
 */
import type { subscribe } from '../../../src/contracts/notice.contract';
import { objectionDoc } from '../../../src/contracts/documents/objection-documents.schema';
import { err, ok } from '../../../src/domain/result';
import { findDocs } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireBoundVoter } from '../shared/election-access.policy';
import { requireOpenid } from '../shared/access.policy';

export const subscribeUseCase: UseCase<typeof subscribe> = async (input, ctx) => {
  const configured = ctx.settings.noticeTemplateId;
  if (input.templateIds.some((t) => t !== configured)) {
    return err('INVALID_INPUT', 'TEMPLATE_UNKNOWN', '这不是本小程序的公告提醒消息，没有记录。请退出小程序重新打开，再点“订阅消息提醒”。');
  }
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const openid = who.value;
  const scope = await requireBoundVoter(ctx);
  if (!scope.ok && scope.reason !== 'NOT_BOUND') return scope;
  const voter = scope.ok ? scope.value.voter : null;
  const waiting = voter ? null : await openOwnObjection(ctx, openid);
  if (!voter && !waiting) return err('UNAUTHENTICATED', 'NOT_BOUND', '请先绑定您的选民身份');
  const at = ctx.clock.now().toISOString();
  const grant = { openid, templateIds: input.accepted, voterId: voter?._id ?? null, electionId: voter?.electionId ?? waiting?.electionId ?? null };
  await ctx.store.runTransaction((tx) => ctx.push.grantConsents(tx, grant, at));
  const consents = await ctx.push.consentsOf(openid);
  return ok({
    recorded: input.accepted.length,
    pushesOwed: consents.reduce((n, c) => n + c.unused, 0),
    templates: consents.map((c) => ({ templateId: c.templateId, unused: c.unused })),
  });
};

/** An undecided objection this WeChat user filed about themselves while not bound. */
async function openOwnObjection(ctx: Parameters<UseCase<typeof subscribe>>[1], openid: string): Promise<{ electionId: string } | null> {
  const mine = await findDocs(ctx.store, 'objection', { objectorOpenid: openid, status: 'open' }, objectionDoc, { limit: 1 });
  return mine[0] ? { electionId: mine[0].electionId } : null;
}
