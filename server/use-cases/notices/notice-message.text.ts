/**
 * The subscribe message for a notice. The deployment picks a template from the WeChat template
 * library (公众平台 → 订阅消息) with three keywords in this order and gives its id to the
 * mini-program, which asks the villager with wx.requestSubscribeMessage and reports the result
 * through notices.subscribe:
 *
 *   thing1 公告标题 · time2 发布时间 · thing3 温馨提示
 *
 * `thing` values are limited to 20 characters by WeChat (longer ones fail with 47003).
 */
import { NOTICE_DETAIL_PAGE } from '../../../src/contracts/notice.schema';
import type { NotifyMessage } from '../../ports/notifier.port';
import type { ComposeNoticeMessage } from '../../ports/push.port';
import { committeeNameOf } from './objection-notices.text';
import { pushTime } from '../shared/format.text';

const THING_MAX = 20;

/** thing3 of a reminder round (committee.remindUnread). */
export const REMINDER_HINT = '您还没有阅读这份公告，请点开查看';

export function thing(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= THING_MAX ? chars.join('') : `${chars.slice(0, THING_MAX - 1).join('')}…`;
}

export function noticeMessage(input: {
  readonly openid: string;
  readonly templateId: string;
  readonly noticeId: string;
  readonly title: string;
  readonly publishedAt: string;
  readonly committeeName: string;
  readonly reminder: boolean;
}): NotifyMessage {
  return {
    openid: input.openid,
    templateId: input.templateId,
    page: `${NOTICE_DETAIL_PAGE}?id=${encodeURIComponent(input.noticeId)}`,
    data: {
      thing1: { value: thing(input.title) },
      time2: { value: pushTime(input.publishedAt) },
      thing3: { value: thing(input.reminder ? REMINDER_HINT : `${input.committeeName}发布`) },
    },
  };
}

/** The push port's wording of a notice push: the committee signs the publication, a reminder asks to read. */
export const composeNoticeMessage: ComposeNoticeMessage = (s) =>
  noticeMessage({ openid: s.openid, templateId: s.templateId, noticeId: s.noticeId, title: s.title, publishedAt: s.publishedAt, committeeName: committeeNameOf(s.village), reminder: s.reminder });
