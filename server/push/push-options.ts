/** How a push run paces itself: concurrency, retries, leases, the time budget (push-job.ts). */
import type { PushSummary } from '../../src/contracts/notice.schema';

export interface PushRunOptions {
  /** Sends in flight at once. */
  readonly concurrency?: number;
  /** Attempts per delivery on retryable errors (the first send included). */
  readonly maxAttempts?: number;
  readonly backoff?: { readonly baseMs: number; readonly maxMs: number };
  /** How long a claim stays ours; must exceed the slowest send plus the longest backoff. */
  readonly leaseMs?: number;
  /** Pause of every worker after a rate-limit answer (WeChat's quota is per minute). */
  readonly rateLimitPauseMs?: number;
  /** Stop claiming after this long (a cloud function's time limit); the rest stays pending. */
  readonly budgetMs?: number;
  /** Deliveries created per transaction while preparing. */
  readonly batchSize?: number;
  /**
   * Deliveries claimed per transaction and then sent, their successful sends recorded in one
   * call (delivery-claim.ts). Larger batches cost fewer SDK calls per recipient; a process
   * crash loses at most one batch (left `unknown`, never resent, on the call list).
   */
  readonly claimBatch?: number;
  /**
   * Claims and outcomes written per transaction (group commit), 1 = each in its own transaction.
   * Worth raising on the embedded store, where one writer commits everything and each commit
   * costs; leave at 1 on CloudBase, where transactions run side by side and every operation
   * inside one is a round trip.
   */
  readonly groupCommit?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Monotonic milliseconds, for backoff, pauses and the budget. */
  readonly elapsed?: () => number;
}

export const DEFAULT_RUN_OPTIONS = {
  concurrency: 8,
  maxAttempts: 4,
  backoff: { baseMs: 2_000, maxMs: 30_000 },
  leaseMs: 5 * 60_000,
  rateLimitPauseMs: 60_000,
  budgetMs: Number.POSITIVE_INFINITY,
  batchSize: 50,
  claimBatch: 50,
  groupCommit: 1,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  elapsed: () => performance.now(),
} as const;

export type Resolved = { -readonly [K in keyof typeof DEFAULT_RUN_OPTIONS]: NonNullable<PushRunOptions[K]> };

export type StopReason = 'budget' | 'dailyQuota';

export interface PushRunReport extends PushSummary {
  /** Why this run left deliveries pending (null when it went as far as it could). */
  readonly stoppedBy: StopReason | null;
  readonly sentThisRun: number;
}
