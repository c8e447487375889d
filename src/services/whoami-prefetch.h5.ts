/**
 * Browser build. index.html POSTs identity.whoami while the HTML parses, in parallel with the
 * app's scripts (a slow phone spends seconds downloading them), and leaves the request on
 * `window.__cxtWhoami`. The session adopts that reply once, instead of asking after its scripts
 * ran. The inline script sends exactly what callAction would (the same path, body and
 * X-Dev-Openid header); test/contracts/whoami-prefetch.test.ts keeps the two in step.
 */
import { wallClockAt } from '../domain/clock-offset';
import { currentDevOpenid } from './dev-personas';
import type { PrefetchedReply } from './whoami-prefetch';

export type { PrefetchedReply } from './whoami-prefetch';

/** What index.html leaves on window; times are performance.now() stamps (monotonic). */
export interface WhoamiPrefetch {
  openid: string | null;
  sentAt: number;
  reply: Promise<{ body: unknown; receivedAt: number }>;
}

export const PREFETCH_GLOBAL = '__cxtWhoami';
/** A reply older than this is not adopted (the session's own staleness limit). */
export const PREFETCH_MAX_AGE_MS = 15_000;

type Host = Record<string, unknown> & { performance?: { now(): number } };

/**
 * The prefetched reply, at most once per page load; null when there is none, it failed, it is
 * older than PREFETCH_MAX_AGE_MS, or it was sent for another dev persona than the current one
 * (the caller then makes its normal call).
 */
export async function takeWhoamiPrefetch(host: Host = globalThis as unknown as Host): Promise<PrefetchedReply | null> {
  const pre = host[PREFETCH_GLOBAL] as WhoamiPrefetch | undefined;
  const clock = host.performance;
  if (!pre || typeof pre !== 'object' || !clock) return null;
  delete host[PREFETCH_GLOBAL];
  if (pre.openid !== currentDevOpenid()) return null;
  let arrived: { body: unknown; receivedAt: number };
  try {
    arrived = await pre.reply;
  } catch {
    return null;
  }
  const nowMono = clock.now();
  if (pre.openid !== currentDevOpenid() || nowMono - arrived.receivedAt > PREFETCH_MAX_AGE_MS) return null;
  return { body: arrived.body, receivedAt: wallClockAt(arrived.receivedAt, Date.now(), nowMono) };
}
