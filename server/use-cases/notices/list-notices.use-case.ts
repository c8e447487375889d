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
import type { UseCase } from '../../runtime/dispatch';
import { requireBoundEntry } from '../shared/election-access.policy';
import { correctedByOf, electionNotices, noticeItem, receiptsOf, unreadCount } from './notice-reading.records';

export const listNoticesUseCase: UseCase<typeof list> = async (_input, ctx) => {
  // Binding and entry only (the entry names its election): neither the election nor the village
  // document adds anything to the list, and each would be one more billed read per open.
  const scope = await requireBoundEntry(ctx);
  if (!scope.ok) return scope;
  const { voter, binding } = scope.value;
  const electionId = voter.electionId;
  const [notices, receipts, owed] = await Promise.all([electionNotices(ctx.store, electionId), receiptsOf(ctx.store, voter._id), ctx.push.pushesOwed(binding._id)]);
  const correctedBy = correctedByOf(notices);
  return ok({
    electionId,
    notices: notices.map((n) => noticeItem(n, correctedBy, receipts.get(n._id))),
    unread: unreadCount(notices, receipts),
    pushesOwed: owed,
    subscribeTemplateId: ctx.settings.noticeTemplateId,
  });
};
