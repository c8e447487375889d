import { useEffect } from 'react';
import Taro from '@tarojs/taro';

/** A box that replaces a long form starts at the top of the screen, not where the form was scrolled to. */
export function useScrollTopOnMount(enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    try {
      void Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined);
    } catch {
      // No page to scroll (a test renderer): nothing to do.
    }
  }, [enabled]);
}
