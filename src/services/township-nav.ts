import { openPage } from './navigation';

const ROOT = '/subpackages/township/pages';

/** 乡镇工作台 pages: a sub-package only township staff open (the server checks the role on every call). */
export const TOWNSHIP_PAGES = {
  overview: `${ROOT}/overview/index`,
  duplicates: `${ROOT}/duplicates/index`,
  members: `${ROOT}/members/index`,
} as const;

export function openTownshipPage(page: keyof typeof TOWNSHIP_PAGES, query: Record<string, string> = {}): void {
  openPage(TOWNSHIP_PAGES[page], query);
}
