import Taro from '@tarojs/taro';
import { NOTICE_DETAIL_PAGE } from '../contracts/notice.schema';

/** Routes of the notice pages (the detail is the page the push card opens). */
export const NOTICE_TAB = '/pages/notices/index';
export const NOTICE_TAB_INDEX = 1;
const DETAIL = '/' + NOTICE_DETAIL_PAGE;
const COMMITTEE = '/subpackages/committee/pages';

export function openNoticeTab(): void {
  void Taro.switchTab({ url: NOTICE_TAB });
}

export function openNotice(id: string): void {
  void Taro.navigateTo({ url: `${DETAIL}?id=${encodeURIComponent(id)}` });
}

export function openCommitteeNotices(): void {
  void Taro.navigateTo({ url: `${COMMITTEE}/notices/index` });
}

/** `corrects`: write a 更正公告 of that notice; `type` alone: open with that notice type picked. */
export function openNoticeCompose(corrects?: { id: string; type: string } | { type: string }): void {
  const q = !corrects ? '' : 'id' in corrects ? `?corrects=${encodeURIComponent(corrects.id)}&type=${encodeURIComponent(corrects.type)}` : `?type=${encodeURIComponent(corrects.type)}`;
  void Taro.navigateTo({ url: `${COMMITTEE}/notices-compose/index${q}` });
}

export function openNoticeStats(id: string, replace = false): void {
  const url = `${COMMITTEE}/notices-stats/index?id=${encodeURIComponent(id)}`;
  void (replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }));
}

/** The 公告 tab's red badge: the unread count (tab pages only; elsewhere WeChat refuses, harmlessly). */
export function showUnreadBadge(unread: number): void {
  try {
    const p = unread > 0 ? Taro.setTabBarBadge({ index: NOTICE_TAB_INDEX, text: unread > 99 ? '99+' : String(unread) }) : Taro.removeTabBarBadge({ index: NOTICE_TAB_INDEX });
    void Promise.resolve(p).catch(() => undefined);
  } catch {
    // Not on a tab page.
  }
}
