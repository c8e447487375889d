import { useEffect, useRef, useState } from 'react';

/**
 * Milliseconds left until `deadline`, measured on the server's clock (phone clock + offset),
 * rounded to whole minutes so the page re-renders once a minute. Calls `onElapsed` once when
 * it reaches zero, then stops.
 */
export function useCountdown(deadline: string | null | undefined, clockOffsetMs: number, onElapsed?: () => void): number | null {
  const target = deadline ? Date.parse(deadline) : NaN;
  const compute = () => (Number.isFinite(target) ? Math.max(0, Math.ceil((target - (Date.now() + clockOffsetMs)) / 60_000) * 60_000) : null);
  const [left, setLeft] = useState<number | null>(compute);
  const elapsedRef = useRef(onElapsed);
  elapsedRef.current = onElapsed;

  useEffect(() => {
    setLeft(compute());
    if (!Number.isFinite(target)) return undefined;
    let fired = false;
    const tick = () => {
      const v = compute();
      setLeft(v);
      if (v === 0 && !fired) {
        fired = true;
        clearInterval(timer);
        elapsedRef.current?.();
      }
    };
    const timer = setInterval(tick, 1000);
    tick();
    return () => clearInterval(timer);
  }, [target, clockOffsetMs]);

  return left;
}

/** The server-corrected "now", for marking calendar entries done or not. */
export function serverNow(clockOffsetMs: number): number {
  return Date.now() + clockOffsetMs;
}
