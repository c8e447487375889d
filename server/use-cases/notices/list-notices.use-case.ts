/**
 * notices.list — the bound voter's election notices, newest first, each with its read flag; the
 * unread count (the badge), the pushes still owed to this WeChat user (unspent consents), and
 * the deployment's notice subscribe-message template (setting NOTICE_TEMPLATE_ID), which the
 * client asks wx.requestSubscribeMessage for and reports to notices.subscribe.
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | NOT_BOUND | NOT_FOUND ELECTION_GONE
 */
import type { list } from '../../../src/contracts/notice.contract';
import { ok } from '../../../src/domain/result';
import { pushesOwed } from '../../push/consent';
import type { UseCase } from '../../runtime/dispatch';
import { requireBoundVoter } from '../shared/election-access.policy';
import { correctedByOf, electionNotices, noticeItem, receiptsOf, unreadCount } from './notice-reading.records';

export const listNoticesUseCase: UseCase<typeof list> = async (_input, ctx) => {
  const scope = await requireBoundVoter(ctx);
  if (!scope.ok) return scope;
  const { voter, election, openid } = scope.value;
  const [notices, receipts, owed] = await Promise.all([electionNotices(ctx.store, election._id), receiptsOf(ctx.store, voter._id), pushesOwed(ctx.store, openid)]);
  const correctedBy = correctedByOf(notices);
  return ok({
    electionId: election._id,
    notices: notices.map((n) => noticeItem(n, correctedBy, receipts.get(n._id))),
    unread: unreadCount(notices, receipts),
    pushesOwed: owed,
    subscribeTemplateId: ctx.settings.noticeTemplateId,
  });
};
