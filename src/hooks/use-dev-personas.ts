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
      // A stale choice from another data set would silently act as nobody: drop it.
      const chosen = personas && saved ? (personas.find((p) => p.key === saved.key && p.openid === saved.openid) ?? null) : null;
      if (saved && !chosen) saveChosenPersona(null);
      set({ loaded: true, personas, chosen });
      if (saved && !chosen) void refreshSession();
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
