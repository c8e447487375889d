/**
 * Browser build. Dev-mode personas of the local host. The local host answers GET /dev/personas
 * only when APP_MODE=dev; the chosen persona's openid goes out as X-Dev-Openid, which the
 * host ignores outside dev mode. Nothing here runs in the mini-program.
 */
import type { Persona } from './dev-personas';

export type { Persona, PersonaRole } from './dev-personas';

export const STORAGE_KEY = 'cxt.dev.persona';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadChosenPersona(): Persona | null {
  const raw = storage()?.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as Persona;
    return typeof p?.openid === 'string' && typeof p.key === 'string' ? p : null;
  } catch {
    return null;
  }
}

export function saveChosenPersona(p: Persona | null): void {
  const s = storage();
  if (!s) return;
  if (p) s.setItem(STORAGE_KEY, JSON.stringify(p));
  else s.removeItem(STORAGE_KEY);
}

export function currentDevOpenid(): string | null {
  return loadChosenPersona()?.openid ?? null;
}

/** null when the host is not in dev mode (404) or unreachable: then no picker is shown. */
export async function fetchPersonas(): Promise<Persona[] | null> {
  if (typeof fetch !== 'function') return null;
  try {
    const res = await fetch('/dev/personas', { headers: { accept: 'application/json' } });
    if (res.status !== 200) return null;
    const body = (await res.json()) as { personas?: Persona[] };
    return Array.isArray(body.personas) ? body.personas : null;
  } catch {
    return null;
  }
}
