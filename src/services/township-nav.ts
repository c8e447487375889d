import Taro from '@tarojs/taro';

const ROOT = '/subpackages/township/pages';

/** 乡镇工作台 pages: a sub-package only township staff open (the server checks the role on every call). */
export const TOWNSHIP_PAGES = {
  overview: `${ROOT}/overview/index`,
  duplicates: `${ROOT}/duplicates/index`,
} as const;

export function openTownshipPage(page: keyof typeof TOWNSHIP_PAGES): void {
  void Taro.navigateTo({ url: TOWNSHIP_PAGES[page] });
}
