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
 * 返回 in the browser build: the previous page when there is one, else the console's home — the
 * committee's dashboard or the township's overview (or, from that page itself, 我的) — a link
 * opened directly has no history.
 */
export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack({ delta: 1 });
    return;
  }
  const current = Taro.getCurrentInstance()?.router?.path ?? '';
  // Each console's home page (the committee's dashboard, the township's overview) goes back to 我的.
  const home = current.includes('/township/pages/') ? '/subpackages/township/pages/overview/index' : `${ROOT}/dashboard/index`;
  if (current.includes(home.slice(1))) void Taro.switchTab({ url: '/pages/me/index' });
  else void Taro.redirectTo({ url: home });
}
