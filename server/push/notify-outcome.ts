/**
 * What a notifier result means for one delivery of a notice push. The notifier already says
 * whether a failure is `transient`; the fan-out needs three finer distinctions:
 *
 * - an answer that does not prove the message was NOT delivered (no errcode at all: network or
 *   runtime lost the reply; or a timeout code) is `unknown` and never retried — a second
 *   subscribe message is worse than a missing one (the villager sees a duplicate and the
 *   second send burns a consent they gave for a later notice), and the unread call list
 *   reaches the rest;
 * - rate limits pause every worker instead of burning the delivery's attempts;
 * - the daily quota stops the run: the timer trigger resumes it later.
 */
import type { NotifyResult } from '../ports/notifier.port';

export type NotifyOutcome =
  | { readonly kind: 'sent' }
  /** WeChat answered with an error that may pass later (system busy, token refresh …). */
  | { readonly kind: 'retry'; readonly errCode: number | null; readonly errMsg: string }
  /** Per-minute or concurrency limit: pause everyone, then try the same delivery again. */
  | { readonly kind: 'rateLimited'; readonly errCode: number; readonly errMsg: string }
  /** Daily quota reached: stop this run; nothing was sent. */
  | { readonly kind: 'dailyQuota'; readonly errCode: number; readonly errMsg: string }
  /** The call may or may not have reached the villager: record, never resend. */
  | { readonly kind: 'unknown'; readonly errCode: number | null; readonly errMsg: string }
  /** The user has no subscription left on WeChat's side (43101): our counter was wrong. */
  | { readonly kind: 'consentGone'; readonly errCode: number; readonly errMsg: string }
  /** Any other refusal: nothing was sent, the consent is still good. */
  | { readonly kind: 'failed'; readonly errCode: number | null; readonly errMsg: string };

/** 45011 per-minute API quota; -501003 / -501004 CloudBase request and concurrency limits. */
const RATE_LIMIT = new Set([45011, -501003, -501004]);
/** 45009: the daily API quota; it resets the next day. */
const DAILY_QUOTA = 45009;
/**
 * Timeouts after the request may have reached WeChat: -501002 resource server timeout,
 * -601008 server-side request timed out, -604102 cloud call to the open API timed out.
 */
const AMBIGUOUS = new Set([-501002, -601008, -604102]);
/** 43101: user refused, or no subscription left (each consent allows one message). */
const NO_SUBSCRIPTION = 43101;

export function classifyNotifyResult(r: NotifyResult): NotifyOutcome {
  if (r.ok) return { kind: 'sent' };
  const errMsg = r.errMsg.slice(0, 200);
  const code = r.errCode;
  if (code === undefined) return r.transient ? { kind: 'unknown', errCode: null, errMsg } : { kind: 'failed', errCode: null, errMsg };
  if (code === NO_SUBSCRIPTION) return { kind: 'consentGone', errCode: code, errMsg };
  if (code === DAILY_QUOTA) return { kind: 'dailyQuota', errCode: code, errMsg };
  if (RATE_LIMIT.has(code)) return { kind: 'rateLimited', errCode: code, errMsg };
  if (AMBIGUOUS.has(code)) return { kind: 'unknown', errCode: code, errMsg };
  return r.transient ? { kind: 'retry', errCode: code, errMsg } : { kind: 'failed', errCode: code, errMsg };
}

/** Exponential backoff before attempt `attempt + 1` (attempt ≥ 1): base · 2^(attempt−1), capped. */
export function backoffMs(attempt: number, backoff: { readonly baseMs: number; readonly maxMs: number }): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
}
