/**
 * Clock port: use cases never read the system time themselves (ARCHITECTURE.md principle 1),
 * so tests, documentation examples and demos can pin or shift "now".
 */
export interface Clock {
  now(): Date;
}

function parseInstant(iso: string): number {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) throw new Error(`not an ISO instant: ${JSON.stringify(iso)}`);
  return t;
}

export const systemClock: Clock = { now: () => new Date() };

/** Always the same instant (a fresh Date each call, so callers cannot mutate the clock). */
export function fixedClock(iso: string): Clock {
  const t = parseInstant(iso);
  return { now: () => new Date(t) };
}

/** `base` shifted by a constant offset: a demo can live "on election day" while time still runs. */
export function offsetClock(offsetMs: number, base: Clock = systemClock): Clock {
  if (!Number.isFinite(offsetMs)) throw new Error('offsetClock: offset must be a finite number of milliseconds');
  return { now: () => new Date(base.now().getTime() + offsetMs) };
}

/** A running clock that reads `iso` at the moment it is created. */
export function clockStartingAt(iso: string, base: Clock = systemClock): Clock {
  return offsetClock(parseInstant(iso) - base.now().getTime(), base);
}

/** A clock the caller moves by hand (tests of deadlines and lockouts). */
export interface ManualClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function manualClock(iso: string): ManualClock {
  let t = parseInstant(iso);
  return {
    now: () => new Date(t),
    set: (next) => {
      t = parseInstant(next);
    },
    advance: (ms) => {
      if (!Number.isFinite(ms)) throw new Error('manualClock.advance: ms must be finite');
      t += ms;
    },
  };
}
