import { timelineMarks } from '../domain/calendar';
import type { ElectionView } from './session-store';
import { serverNow } from './use-countdown';

/**
 * Whether 办理委托投票 is open now on the server's clock: the calendar step has opened (the
 * voter list is out) and its deadline is ahead. Entry points appear only then. Kept apart from
 * use-proxy.ts so that 首页 (main package) does not pull in the proxy and nomination contracts,
 * which only the village sub-package's pages call.
 */
export function isProxyWindowOpen(election: ElectionView | null, clockOffsetMs: number): boolean {
  if (!election) return false;
  const i = election.calendar.findIndex((c) => c.key === 'proxyDeadline');
  if (i < 0) return false;
  return timelineMarks(election.calendar, new Date(serverNow(clockOffsetMs)))[i] === 'now';
}
