/**
 * The server's clock as seen from the phone. Countdowns show time left on the server's clock
 * (phone clock + offset), so a phone whose clock is wrong still counts down correctly.
 */

/**
 * serverNow − phone clock when the reply arrived (0 without a readable serverNow). `receivedAtMs`
 * must be the wall-clock time of the reply's ARRIVAL, not of when the reply is read: a reply read
 * seconds later (index.html's whoami prefetch, adopted when the app's scripts have run) would
 * otherwise put the server that many seconds behind.
 */
export function clockOffsetMs(serverNow: string | undefined, receivedAtMs: number): number {
  const t = serverNow ? Date.parse(serverNow) : NaN;
  return Number.isFinite(t) && Number.isFinite(receivedAtMs) ? t - receivedAtMs : 0;
}

/**
 * The wall-clock time of an instant stamped on the monotonic clock (the page timer since navigation start), in the
 * phone clock's CURRENT setting: `nowWallMs` and `nowMonotonicMs` are read together now. Had the
 * prefetch stamped the wall clock instead, a clock corrected between arrival and adoption would leave
 * the offset in the old setting while countdowns use the new one.
 */
export function wallClockAt(monotonicMs: number, nowWallMs: number, nowMonotonicMs: number): number {
  return nowWallMs - (nowMonotonicMs - monotonicMs);
}
