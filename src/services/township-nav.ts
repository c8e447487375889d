import Taro from '@tarojs/taro';

const ROOT = '/subpackages/township/pages';

/** 乡镇工作台 pages: a sub-package only township staff open (the server checks the role on every call). */
export const TOWNSHIP_PAGES = {
  overview: `${ROOT}/overview/index`,
  duplicates: `${ROOT}/duplicates/index`,
  members: `${ROOT}/members/index`,
} as const;

export function openTownshipPage(page: keyof typeof TOWNSHIP_PAGES, query: Record<string, string> = {}): void {
  const qs = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  void Taro.navigateTo({ url: TOWNSHIP_PAGES[page] + (qs ? `?${qs}` : '') });
}
