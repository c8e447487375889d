/**
 * A module-level store that pages share through useSyncExternalStore, reloaded so that the
 * latest load wins: the session (whoami, then mine) and the notice list. A load started later
 * makes the answer of an earlier one stale; `loading()` tells a page one is already on its way.
 */
export function createLatestStore<S extends object>(initial: S) {
  let state = initial;
  const listeners = new Set<() => void>();
  let generation = 0;
  let inflight: Promise<void> | null = null;

  const get = (): S => state;
  const set = (next: Partial<S>): void => {
    state = { ...state, ...next };
    listeners.forEach((l) => l());
  };
  const subscribe = (l: () => void): (() => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  /** Runs a load; its `current()` turns false once a later load starts or `drop()` is called. */
  const load = (run: (current: () => boolean) => Promise<void>): Promise<void> => {
    const gen = ++generation;
    const p = run(() => gen === generation).finally(() => {
      if (gen === generation) inflight = null;
    });
    inflight = p;
    return p;
  };
  /** Makes a load on its way stale (after unbinding, its answer belongs to someone else). */
  const drop = (): void => {
    generation++;
  };
  return { get, set, subscribe, load, drop, loading: () => inflight !== null };
}
