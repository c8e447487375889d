import { useCallback, useSyncExternalStore } from 'react';
import { loadCareMode, saveCareMode } from '../services/prefs';

/** 关怀模式: one switch for every page, persisted on the phone. */
let care: boolean | null = null;
const listeners = new Set<() => void>();

function get(): boolean {
  if (care === null) care = loadCareMode();
  return care;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useCareMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, get, get);
  const setOn = useCallback((next: boolean) => {
    care = next;
    saveCareMode(next);
    listeners.forEach((l) => l());
  }, []);
  return [on, setOn];
}
