import Taro from '@tarojs/taro';
import { LEGACY_NOTICE_DETAIL_PAGE, NOTICE_DETAIL_PAGE } from '../contracts/notice-pages';

const HOME = '/pages/index/index';

/**
 * Pages that moved out of the main package, old path → new path. A subscribe-message card keeps
 * the page path it was sent with, so a villager tapping an older 公告 card must still land on it.
 */
const MOVED: Readonly<Record<string, string>> = { [LEGACY_NOTICE_DETAIL_PAGE]: NOTICE_DETAIL_PAGE };

/** The new URL (query kept) for a path that moved; null for any other path. */
function movedPageUrl(path: string, query: Readonly<Record<string, unknown>> = {}): string | null {
  const to = MOVED[path.replace(/^\/+/, '')];
  if (!to) return null;
  const q = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `/${to}${q ? `?${q}` : ''}`;
}

/**
 * weapp: sends a page that no longer exists to where it moved (or, opened from outside the app,
 * to 首页 rather than WeChat's bare "page not found"). WeChat honours only a redirect made
 * synchronously inside this callback, hence the listener rather than the app's async hook.
 */
export function redirectMovedPages(): void {
  if (typeof Taro.onPageNotFound !== 'function') return;
  Taro.onPageNotFound((res) => {
    const url = movedPageUrl(res.path, res.query as Record<string, unknown>);
    if (url) void Promise.resolve(Taro.redirectTo({ url })).catch(() => undefined);
    else if (res.isEntryPage) void Promise.resolve(Taro.reLaunch({ url: HOME })).catch(() => undefined);
  });
}
