import { useDidShow } from '@tarojs/taro';
import { timelineMarks } from '../domain/calendar';
import { nominations, proxies, type OutputOf } from '../services/contracts';
import type { ElectionView } from './session-store';
import { useActionCall, useActionData } from './use-action';
import { serverNow } from './use-countdown';

export type ProxyView = OutputOf<typeof proxies.mine>['authorizations'][number];

/** Requested, accepted or approved: the one the principal may still revoke (RULES.md §4). */
export const ACTIVE_PROXY_STATUSES: ReadonlySet<ProxyView['status']> = new Set(['requested', 'accepted', 'approved']);

/**
 * Whether 办理委托投票 is open now on the server's clock: the calendar step has opened (the
 * voter list is out) and its deadline is ahead. Entry points appear only then.
 */
export function isProxyWindowOpen(election: ElectionView | null, clockOffsetMs: number): boolean {
  if (!election) return false;
  const i = election.calendar.findIndex((c) => c.key === 'proxyDeadline');
  if (i < 0) return false;
  return timelineMarks(election.calendar, new Date(serverNow(clockOffsetMs)))[i] === 'now';
}

/** The principal's authorizations, reloaded each time the page shows (after filing, after a push). */
export function useMyProxies() {
  const data = useActionData(proxies.mine, {}, null);
  useDidShow(() => void data.reload());
  const list = data.data?.authorizations ?? [];
  const current = list.find((a) => ACTIVE_PROXY_STATUSES.has(a.status)) ?? null;
  // The latest closed one explains itself (驳回 with its reason, 撤销, 作废) until a new one is filed.
  const latest = current ?? [...list].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0] ?? null;
  return { ...data, current, latest };
}

export function useIncomingProxies() {
  const data = useActionData(proxies.incoming, {}, null);
  useDidShow(() => void data.reload());
  return data;
}

export const useRequestProxy = () => useActionCall(proxies.request);
export const useRevokeProxy = () => useActionCall(proxies.revoke);
export const useRespondProxy = () => useActionCall(proxies.respond);

/** Registered voters of the caller's village by name (group, sex, birth year tell namesakes apart). */
export const useSearchVoters = () => useActionCall(nominations.searchNominees);
