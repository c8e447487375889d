import { useCallback, useSyncExternalStore } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { identity, registration, type ErrEnvelope, type OutputOf } from '../services/contracts';
import { callAction } from '../services/api';
import { callWhoami } from '../services/whoami';
import { clockOffsetMs } from '../domain/clock-offset';
import { createLatestStore } from './latest-store';

export type Whoami = OutputOf<typeof identity.whoami>;
export type Mine = OutputOf<typeof registration.mine>;
export type ElectionView = Whoami['elections'][number];

export interface SessionState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  whoami: Whoami | null;
  /** registration.mine, fetched only for a bound voter. */
  mine: Mine | null;
  mineError: ErrEnvelope | null;
  /** registration.mine is on its way (the session is already ready with whoami). */
  mineLoading: boolean;
  error: ErrEnvelope | null;
  /** serverNow − phone clock at the reply: corrects countdowns on a phone with a wrong clock. */
  clockOffsetMs: number;
  loadedAt: number;
}

const STALE_MS = 15_000;
const store = createLatestStore<SessionState>({ status: 'idle', whoami: null, mine: null, mineError: null, mineLoading: false, error: null, clockOffsetMs: 0, loadedAt: 0 });
const { set } = store;

/**
 * Reload who the caller is, then their roll entry. The latest call wins. whoami alone is enough
 * for most pages (首页 shows the election from it), so the session is ready as soon as whoami
 * answers and registration.mine follows in a second step: a slow phone sees content one round
 * trip sooner. Until mine answers, `mineLoading` is set and the previous entry of the same voter
 * stays shown.
 */
export function refreshSession(): Promise<void> {
  if (store.get().status !== 'ready') set({ status: 'loading' });
  return store.load(async (current) => {
    // In the browser this may be the reply index.html prefetched: receivedAt is its arrival.
    const { reply: who, receivedAt } = await callWhoami();
    if (!current()) return;
    if (!who.ok) {
      set({ status: 'error', error: who, loadedAt: receivedAt });
      return;
    }
    const voterId = who.data.voter?.id ?? null;
    const state = store.get();
    const sameVoter = !!voterId && state.mine?.voter.id === voterId;
    set({
      status: 'ready',
      whoami: who.data,
      mine: sameVoter ? state.mine : null,
      mineError: sameVoter ? state.mineError : null,
      mineLoading: !!voterId,
      error: null,
      clockOffsetMs: clockOffsetMs(who.data.elections[0]?.serverNow, receivedAt),
      loadedAt: receivedAt,
    });
    if (voterId) await loadMine(current, who.data.elections.length > 0);
  });
}

/** Second step of refreshSession: the bound voter's roll entry and to-do list. */
async function loadMine(current: () => boolean, haveOffset: boolean): Promise<void> {
  const m = await callAction(registration.mine, {});
  const receivedAt = Date.now();
  if (!current()) return;
  set({
    mine: m.ok ? m.data : null,
    mineError: m.ok ? null : m,
    mineLoading: false,
    ...(!haveOffset && m.ok ? { clockOffsetMs: clockOffsetMs(m.data.election.serverNow, receivedAt) } : {}),
  });
}

export function getSession(): SessionState {
  return store.get();
}

/** The session for a page: loads on first show, reloads when stale, supports pull-down refresh. */
export function useSession(): SessionState & { reload: () => Promise<void> } {
  const snapshot = useSyncExternalStore(store.subscribe, store.get, store.get);
  useDidShow(() => {
    const state = store.get();
    if (!store.loading() && (state.status === 'idle' || state.status === 'error' || Date.now() - state.loadedAt > STALE_MS)) void refreshSession();
  });
  usePullDownRefresh(() => {
    void refreshSession().finally(() => Taro.stopPullDownRefresh());
  });
  const reload = useCallback(() => refreshSession(), []);
  return { ...snapshot, reload };
}

/** The election a page shows: the voter's own, else the first the caller is related to. */
export function pickElection(who: Whoami | null): ElectionView | null {
  if (!who) return null;
  if (who.voter) return who.elections.find((e) => e.id === who.voter!.electionId) ?? who.elections[0] ?? null;
  return who.elections[0] ?? null;
}
