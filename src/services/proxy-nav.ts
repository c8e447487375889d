import Taro from '@tarojs/taro';

/** 委托投票 pages of the villagers' sub-package (loaded only when a villager opens them). */
const ROOT = '/subpackages/village/pages';

export const PROXY_PAGES = {
  /** The principal's status, certificate and revocation; the way in for everyone. */
  mine: `${ROOT}/proxy-mine/index`,
  /** The principal's written authorization: proxy, relation, place, signature. */
  request: `${ROOT}/proxy-request/index`,
  /** The proxy's incoming requests: accept (signed) or decline. */
  incoming: `${ROOT}/proxy-incoming/index`,
} as const;

export function openProxyPage(page: keyof typeof PROXY_PAGES): void {
  void Taro.navigateTo({ url: PROXY_PAGES[page] });
}

/** Back to the page that opened this one (the finish screen's 返回), else 首页. */
export function leaveProxyPage(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/index/index' });
}

/** After filing, the status page replaces the form so 返回 does not reopen a filed form. */
export function showProxyStatus(): void {
  void Taro.redirectTo({ url: PROXY_PAGES.mine });
}
