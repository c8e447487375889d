import { useDidShow } from '@tarojs/taro';
import * as nominations from '../contracts/nomination.contract';
import * as proxies from '../contracts/proxy.contract';
import type { OutputOf } from '../services/contracts';
import { useActionCall, useActionData } from './use-action';

export type ProxyView = OutputOf<typeof proxies.mine>['authorizations'][number];

/** Requested, accepted or approved: the one the principal may still revoke (RULES.md §4). */
export const ACTIVE_PROXY_STATUSES: ReadonlySet<ProxyView['status']> = new Set(['requested', 'accepted', 'approved']);


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

export { isProxyWindowOpen } from './proxy-window';
