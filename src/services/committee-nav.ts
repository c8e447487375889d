import Taro from '@tarojs/taro';
import { openPage } from './navigation';

const ROOT = '/subpackages/committee/pages';

export const COMMITTEE_PAGES = {
  roll: `${ROOT}/roll/index`,
  import: `${ROOT}/import/index`,
  objections: `${ROOT}/objections/index`,
  electionSetup: `${ROOT}/election-setup/index`,
  nominations: `${ROOT}/nominations/index`,
  candidates: `${ROOT}/candidates/index`,
  paperNomination: `${ROOT}/paper-nomination/index`,
  proxies: `${ROOT}/proxies/index`,
  checkIn: `${ROOT}/check-in/index`,
} as const;

export function openCommitteePage(page: keyof typeof COMMITTEE_PAGES, query: Record<string, string> = {}): void {
  openPage(COMMITTEE_PAGES[page], query);
}

/** The current page's query (e.g. the roll filters a dashboard link asks for). */
export function pageQuery(): Record<string, string> {
  const params = Taro.getCurrentInstance()?.router?.params ?? {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' && k !== '$taroTimestamp') out[k] = decodeURIComponent(v);
  return out;
}

/**
 * 返回 in the browser build: the previous page when there is one, else the committee's
 * dashboard (or, from the dashboard itself, 我的) — a link opened directly has no history.
 */
export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack({ delta: 1 });
    return;
  }
  const current = Taro.getCurrentInstance()?.router?.path ?? '';
  if (current.includes('/committee/pages/dashboard')) void Taro.switchTab({ url: '/pages/me/index' });
  else void Taro.redirectTo({ url: `${ROOT}/dashboard/index` });
}
