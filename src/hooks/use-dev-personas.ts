import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { fetchPersonas, loadChosenPersona, saveChosenPersona, type Persona } from '../services/dev-personas';
import { refreshSession } from './session-store';

/** Dev persona picker state (H5 + local host in dev mode only). */
interface DevState {
  loaded: boolean;
  personas: Persona[] | null;
  chosen: Persona | null;
}
let dev: DevState = { loaded: false, personas: null, chosen: null };
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: Partial<DevState>): void {
  dev = { ...dev, ...next };
  listeners.forEach((l) => l());
}

function load(): Promise<void> {
  if (!loading) {
    loading = fetchPersonas().then((personas) => {
      const saved = loadChosenPersona();
      // A stale choice from another data set would silently act as nobody: drop it — but only
      // against a list that arrived. A fetch that failed (or was cut off by a navigation, while
      // the next page already reads the stored choice) says nothing about the choice.
      const chosen = personas && saved ? (personas.find((p) => p.key === saved.key && p.openid === saved.openid) ?? null) : null;
      const stale = personas !== null && saved !== null && chosen === null;
      if (stale) saveChosenPersona(null);
      set({ loaded: true, personas, chosen });
      if (stale) void refreshSession();
    });
  }
  return loading;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
const get = () => dev;

export function useDevPersonas() {
  const s = useSyncExternalStore(subscribe, get, get);
  useEffect(() => {
    void load();
  }, []);
  const choose = useCallback((p: Persona | null) => {
    saveChosenPersona(p);
    set({ chosen: p });
    void refreshSession();
  }, []);
  return { ...s, devMode: !!s.personas, choose };
}
