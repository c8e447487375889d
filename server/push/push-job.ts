/**
 * Notice fan-out: one `pushJob` per push of a notice (publication, then each reminder round),
 * one `noticeDelivery/{jobId}:{voterId}` per recipient, and a worker that sends them through the
 * notifier port with bounded concurrency.
 *
 * Delivery life cycle
 *
 *   pending ──claim tx──▶ sending ──send──▶ sent | failed | unknown
 *      │                    │  └─ rate limit / daily quota / out of time ─▶ pending (consent kept)
 *      └─ no consent, unbound, off the list ─▶ noConsent
 *
 * At most once, on purpose. WeChat's subscribeMessage.send has no idempotency key, so no
 * protocol can make "send" and "record that it was sent" one atomic step. We choose the side
 * that can only lose a message, never duplicate one: a second push is worse than a missing one
 * (the villager sees the same notice twice and the duplicate spends a consent given for a later
 * notice), while a missing one is caught by the notice list in the app and by remindUnread's call
 * list. Therefore:
 * - the claim transaction spends the consent and marks the delivery `sending` with a random
 *   claim token and a lease BEFORE the send;
 * - the outcome is written only by the holder of the claim token;
 * - a run that finds a `sending` delivery whose lease ran out cannot know whether the crashed
 *   worker's send went through, so it marks it `unknown` and never sends it again (a crash
 *   between "notifier said ok" and "marked sent" leaves `unknown`, not a second message);
 * - retries happen only after an answer that proves nothing was delivered (a WeChat errcode);
 *   a lost reply or a timeout is `unknown` too (notify-outcome.ts). Before each retry the worker
 *   renews its lease in a transaction that checks the token, so it never sends on a claim that
 *   another run has already written off.
 * Running the same job twice at once is safe: claims are transactions on the delivery document.
 *
 * Claims go by batches (`claimBatch`, push-claims.ts): one transaction claims up to 50
 * deliveries, they are sent, and the batch's successful sends are recorded in one `updateMany`
 * (push-sender.ts); failures are written one by one. About 3.4 CloudBase SDK calls per recipient,
 * the send included (push.sdk_calls_per_recipient in `npm run bench`), where a transaction per
 * claim and per outcome cost 14. The price: a process that dies holding a batch leaves its
 * unsent deliveries `unknown` after the lease (lost, on the call list, never duplicated), where
 * per-delivery claims lost at most the deliveries in flight.
 *
 * Delivery transitions are not written to the audit log: an append no longer touches a shared
 * document (docs/decisions/0001-audit-chain.md), but thousands of entries per push would bury
 * the committee's acts in the chain and cost a write and a link each. The delivery documents
 * are their own record; the audit log gets the job's creation (with the publication or
 * reminder) and its completion with the final counts.
 */
import { randomUUID } from 'node:crypto';
import type { DeliveryCounts, PushSummary } from '../../src/contracts/notice.schema';
import { villageDoc } from '../../src/contracts/documents/election-documents.schema';
import { noticeDoc } from '../../src/contracts/documents/notice-documents.schema';
import { noticeDeliveryDoc, pushJobDoc, type NoticeDeliveryDoc, type NoticeDeliveryStatus, type PushJobDoc } from '../../src/contracts/documents/push-documents.schema';
import { appendAudit } from '../audit/audit-log';
import type { TxOps, Where } from '../ports/store.port';
import type { AppContext } from '../runtime/context';
import { findAllDocs, findDocs, readDoc, type WithId } from '../runtime/documents';
import { committeeNameOf } from '../use-cases/objections/notice-text';
import { noticeMessage } from '../use-cases/notices/notice-message';
import { claimBatch, expireLease, TxBatcher, type Claimed, type Exec } from './push-claims';
import { preparePushJob } from './push-prepare';
import { runControl, sendBatch, type RunControl } from './push-sender';
import type { NotifyMessage } from '../ports/notifier.port';

export type PushDeps = Pick<AppContext, 'store' | 'clock' | 'notifier' | 'log'>;

export const publishJobId = (noticeId: string): string => noticeId;
export const reminderJobId = (noticeId: string, round: number): string => `${noticeId}~r${round}`;
export const deliveryId = (jobId: string, voterId: string): string => `${jobId}:${voterId}`;
export { preparePushJob } from './push-prepare';

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
   * Deliveries claimed per transaction and then sent (their successes recorded in one call).
   * Larger batches cost fewer SDK calls per recipient; a process crash loses at most one batch
   * (left `unknown`, never resent, on the call list).
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

type Resolved = { -readonly [K in keyof typeof DEFAULT_RUN_OPTIONS]: NonNullable<PushRunOptions[K]> };

export type StopReason = 'budget' | 'dailyQuota';

export interface PushRunReport extends PushSummary {
  /** Why this run left deliveries pending (null when it went as far as it could). */
  readonly stoppedBy: StopReason | null;
  readonly sentThisRun: number;
}

const STATUSES: readonly NoticeDeliveryStatus[] = ['pending', 'sending', 'sent', 'failed', 'noConsent', 'unknown'];

export async function deliveryCounts(deps: Pick<PushDeps, 'store'>, where: { jobId: string } | { noticeId: string }): Promise<DeliveryCounts> {
  const n = await Promise.all(STATUSES.map((status) => deps.store.count('noticeDelivery', { ...(where as Where), status })));
  const [pending, sending, sent, failed, noConsent, unknown] = n as [number, number, number, number, number, number];
  return { total: pending + sending + sent + failed + noConsent + unknown, pending, sending, sent, failed, noConsent, unknown };
}

export async function pushSummary(deps: Pick<PushDeps, 'store'>, jobId: string): Promise<PushSummary> {
  const job = await readDoc(deps.store, 'pushJob', jobId, pushJobDoc);
  if (!job) throw new Error(`no push job ${jobId}`);
  return { jobId, status: job.status, counts: await deliveryCounts(deps, { jobId }) };
}

/** The job document, written by the caller inside the transaction that publishes or reminds. */
export function newPushJob(fields: Pick<PushJobDoc, 'electionId' | 'villageId' | 'noticeId' | 'kind' | 'round'>, at: string): PushJobDoc {
  return { ...fields, status: 'preparing', recipients: 0, createdAt: at, preparedAt: null, finishedAt: null };
}

export async function createPushJob(tx: TxOps, jobId: string, job: PushJobDoc): Promise<void> {
  await tx.set('pushJob', jobId, job);
}

/** Pending deliveries of the job, after writing off those whose claim's lease ran out. */
async function owedDeliveries(exec: Exec, jobId: string): Promise<string[]> {
  const all = await findAllDocs(exec.store, 'noticeDelivery', { jobId }, noticeDeliveryDoc);
  const nowIso = exec.clock.now().toISOString();
  const queue: string[] = [];
  for (const d of all) {
    if (d.status === 'pending') queue.push(d._id);
    else if (d.status === 'sending' && (d.leaseUntil === null || d.leaseUntil <= nowIso)) await expireLease(exec, d);
  }
  return queue;
}

/** Claims and sends the job's pending deliveries batch by batch until none is left or the run stops. */
async function sendOwed(exec: Exec, o: Resolved, ctl: RunControl, jobId: string, messageOf: (d: NoticeDeliveryDoc) => NotifyMessage): Promise<void> {
  const { state } = ctl;
  // A second pass picks up deliveries a concurrent preparation added while this one ran.
  for (let pass = 0; pass < 2 && !state.stop && !state.fault; pass++) {
    const queue = await owedDeliveries(exec, jobId);
    if (queue.length === 0) break;
    // The next batch is claimed while this one is being sent, so the sends never wait for a
    // claim transaction; a run that stops meanwhile hands that batch straight back (sendBatch
    // returns claims it never attempted to `pending`).
    const claimAt = (i: number) => {
      const token = randomUUID();
      const claim = claimBatch(exec, jobId, queue.slice(i, i + o.claimBatch), token, o.leaseMs).then((claimed) => ({ claimed, token }));
      // Awaited later; a rejection before then must not count as unhandled.
      claim.catch(() => undefined);
      return claim;
    };
    const startNow = !ctl.overBudget() && !ctl.pauseOverrunsBudget();
    if (!startNow) state.stop ??= 'budget';
    let next: Promise<{ claimed: Claimed[]; token: string }> | null = startNow ? claimAt(0) : null;
    for (let i = 0; next; i += o.claimBatch) {
      try {
        const { claimed, token } = await next;
        next = i + o.claimBatch < queue.length && !state.stop && !state.fault && !ctl.overBudget() ? claimAt(i + o.claimBatch) : null;
        await sendBatch(exec, o, ctl, claimed, token, messageOf);
      } catch (e) {
        state.fault ??= e;
      }
      if (state.fault) {
        // Settle the claim in flight before reporting the fault (its claims go back to pending).
        if (next) await next.then(({ claimed, token }) => sendBatch(exec, o, ctl, claimed, token, messageOf)).catch(() => undefined);
        next = null;
      }
    }
  }
}

/** Marks the job done (once) with its final counts in the audit log. */
async function finishJob(deps: PushDeps, jobId: string, job: PushJobDoc, counts: DeliveryCounts): Promise<'done'> {
  const at = deps.clock.now().toISOString();
  await deps.store.runTransaction(async (tx) => {
    const j = await readDoc(tx, 'pushJob', jobId, pushJobDoc);
    if (!j || j.status === 'done') return;
    await tx.update('pushJob', jobId, { status: 'done', finishedAt: at });
    await appendAudit(tx, {
      scope: job.electionId,
      action: 'notices.pushFinished',
      actor: 'system',
      at,
      subject: jobId,
      data: { noticeId: job.noticeId, kind: job.kind, ...counts },
    });
  });
  return 'done';
}

/**
 * Sends what the job still owes, resumable at any point: calling it again after a crash or a
 * time-out finishes the rest and sends nothing twice. Throws only for faults (the store, or a
 * notifier that throws — treated like a crash: the delivery it was sending stays `sending`).
 */
export async function runPushJob(deps: PushDeps, jobId: string, options: PushRunOptions = {}): Promise<PushRunReport> {
  const o = { ...DEFAULT_RUN_OPTIONS, ...options } as Resolved;
  const started = o.elapsed();
  const { store } = deps;
  let job = await readDoc(store, 'pushJob', jobId, pushJobDoc);
  if (!job) throw new Error(`no push job ${jobId}`);
  if (job.status === 'preparing') {
    await preparePushJob(deps, jobId, o);
    job = await readDoc(store, 'pushJob', jobId, pushJobDoc);
    if (!job) throw new Error(`push job ${jobId} vanished`);
  }
  if (job.status === 'done') return { ...(await pushSummary(deps, jobId)), stoppedBy: null, sentThisRun: 0 };

  const notice = await readDoc(store, 'notice', job.noticeId, noticeDoc);
  const village = await readDoc(store, 'village', job.villageId, villageDoc);
  if (!notice || !village) throw new Error(`push job ${jobId}: notice or village is missing`);
  const reminder = job.kind === 'remind';
  const committeeName = committeeNameOf(village);

  const batcher = o.groupCommit > 1 ? new TxBatcher(store, o.groupCommit) : null;
  const exec: Exec = { ...deps, inTx: (fn) => (batcher ? batcher.run(fn) : store.runTransaction(fn)) };
  const ctl = runControl(o, started);
  const { state } = ctl;
  const messageOf = (d: NoticeDeliveryDoc) =>
    noticeMessage({ openid: d.openid, templateId: d.templateId ?? '', noticeId: notice._id, title: notice.title, publishedAt: notice.publishedAt, committeeName, reminder });

  await sendOwed(exec, o, ctl, jobId, messageOf);
  if (state.fault) throw state.fault;

  const counts = await deliveryCounts(deps, { jobId });
  const status = counts.pending + counts.sending === 0 ? await finishJob(deps, jobId, job, counts) : job.status;
  deps.log.info('push.run', { jobId, status, stoppedBy: state.stop, sentThisRun: state.sent, ...counts });
  return { jobId, status, counts, stoppedBy: state.stop, sentThisRun: state.sent };
}

/** Jobs not yet done, oldest first: what a timer trigger resumes. */
export async function unfinishedPushJobs(deps: Pick<PushDeps, 'store'>): Promise<WithId<PushJobDoc>[]> {
  const [preparing, running] = await Promise.all([
    findDocs(deps.store, 'pushJob', { status: 'preparing' }, pushJobDoc, { limit: 100 }),
    findDocs(deps.store, 'pushJob', { status: 'running' }, pushJobDoc, { limit: 100 }),
  ]);
  return [...preparing, ...running].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/**
 * Resumes every unfinished job within one time budget (a CloudBase timer trigger calls this
 * every minute). A job that faults is logged and left for the next tick; the others go on.
 */
export async function resumePushJobs(deps: PushDeps, options: PushRunOptions = {}): Promise<PushRunReport[]> {
  const elapsed = options.elapsed ?? DEFAULT_RUN_OPTIONS.elapsed;
  const budget = options.budgetMs ?? DEFAULT_RUN_OPTIONS.budgetMs;
  const started = elapsed();
  const reports: PushRunReport[] = [];
  for (const job of await unfinishedPushJobs(deps)) {
    const left = budget - (elapsed() - started);
    if (left <= 0) break;
    try {
      reports.push(await runPushJob(deps, job._id, { ...options, budgetMs: left }));
    } catch (e) {
      deps.log.error('push.resume.failed', { jobId: job._id, error: e instanceof Error ? e.name : 'Error', detail: e instanceof Error ? e.message : String(e) });
    }
  }
  return reports;
}
