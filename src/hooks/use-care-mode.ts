import { useCallback, useSyncExternalStore } from 'react';
import { markCareRoot } from '../services/care-root';
import { loadCareMode, saveCareMode } from '../services/prefs';
import { wechatFontScale } from '../services/text-scale';

/** 关怀模式 multiplies every size of app.scss (text, spacing, tap targets) by this. */
export const CARE_SCALE = 1.25;
/** Largest total factor: beyond it the countdown and two-button rows stop fitting at 320 px. */
export const MAX_TEXT_SCALE = 1.5;

/** 关怀模式: one switch for every page, persisted on the phone. */
let care: boolean | null = null;
let system: number | null = null;
const listeners = new Set<() => void>();

function get(): boolean {
  if (care === null) {
    care = loadCareMode();
    markCareRoot(care);
  }
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
    markCareRoot(next);
    listeners.forEach((l) => l());
  }, []);
  return [on, setOn];
}

/**
 * The size factor of the page: 关怀模式 times WeChat's own font setting (never below 1, so a
 * small WeChat font does not undo our large-text base), capped at MAX_TEXT_SCALE.
 */
export function textScale(careOn: boolean, wechat: number): number {
  const k = (careOn ? CARE_SCALE : 1) * Math.max(1, wechat);
  return Math.round(Math.min(MAX_TEXT_SCALE, k) * 100) / 100;
}

export function useTextScale(): number {
  const [on] = useCareMode();
  if (system === null) system = wechatFontScale();
  return textScale(on, system);
}
