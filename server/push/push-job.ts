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
 * Delivery transitions are not written to the audit log: an append no longer touches a shared
 * document (docs/decisions/0001-audit-chain.md), but thousands of entries per push would bury
 * the committee's acts in the chain and cost a write and a link each. The delivery documents
 * are their own record; the audit log gets the job's creation (with the publication or
 * reminder) and its completion with the final counts.
 */
import { randomUUID } from 'node:crypto';
import type { DeliveryCounts, PushSummary } from '../../src/contracts/notice.schema';
import { villageDoc } from '../../src/contracts/documents/election-documents.schema';
import { noticeDoc, readReceiptDoc } from '../../src/contracts/documents/notice-documents.schema';
import { consentDoc, noticeDeliveryDoc, pushJobDoc, type NoticeDeliveryDoc, type NoticeDeliveryStatus, type PushJobDoc } from '../../src/contracts/documents/push-documents.schema';
import { voterDoc } from '../../src/contracts/documents/roll-documents.schema';
import { appendAudit } from '../audit/audit-log';
import type { NotifyResult } from '../ports/notifier.port';
import type { Store, TxOps, Where } from '../ports/store.port';
import type { AppContext } from '../runtime/context';
import { findAllDocs, findDocs, readDoc, type WithId } from '../runtime/documents';
import { committeeNameOf } from '../use-cases/objections/notice-text';
import { consentId, consentsByOpenid, refundSpentConsent, templateWithConsent } from './consent';
import { noticeMessage } from '../use-cases/notices/notice-message';
import { backoffMs, classifyNotifyResult } from './notify-outcome';

export type PushDeps = Pick<AppContext, 'store' | 'clock' | 'notifier' | 'log'>;

export const publishJobId = (noticeId: string): string => noticeId;
export const reminderJobId = (noticeId: string, round: number): string => `${noticeId}~r${round}`;
export const deliveryId = (jobId: string, voterId: string): string => `${jobId}:${voterId}`;

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

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Creates the job's deliveries in batches: every registered voter bound to WeChat (a reminder:
 * those who have not read). Idempotent — an interrupted preparation is simply run again; an
 * existing delivery is never overwritten (it may already be sent).
 */
export async function preparePushJob(deps: PushDeps, jobId: string, options: Pick<PushRunOptions, 'batchSize'> = {}): Promise<void> {
  const { store } = deps;
  const job = await readDoc(store, 'pushJob', jobId, pushJobDoc);
  if (!job || job.status !== 'preparing') return;
  const voters = await findAllDocs(store, 'voter', { electionId: job.electionId, status: 'registered' }, voterDoc);
  let targets = voters.filter((v): v is WithId<typeof v> & { boundTo: string } => v.boundTo !== null);
  if (job.kind === 'remind') {
    const readers = new Set((await findAllDocs(store, 'read', { noticeId: job.noticeId }, readReceiptDoc)).map((r) => r.voterId));
    targets = targets.filter((v) => !readers.has(v._id));
  }
  const at = deps.clock.now().toISOString();
  const consents = await consentsByOpenid(store, job.electionId, targets.map((v) => v.boundTo));
  for (const batch of chunks(targets, options.batchSize ?? DEFAULT_RUN_OPTIONS.batchSize)) {
    const templates = batch.map((v) => templateWithConsent(consents.get(v.boundTo) ?? []));
    await store.runTransaction(async (tx) => {
      for (const [i, v] of batch.entries()) {
        const id = deliveryId(jobId, v._id);
        if (await tx.get('noticeDelivery', id)) continue;
        const templateId = templates[i] ?? null;
        const doc: NoticeDeliveryDoc = {
          jobId,
          noticeId: job.noticeId,
          electionId: job.electionId,
          voterId: v._id,
          openid: v.boundTo,
          templateId,
          status: templateId ? 'pending' : 'noConsent',
          attempts: 0,
          consentHeld: false,
          claimToken: null,
          leaseUntil: null,
          lastError: null,
          createdAt: at,
          updatedAt: at,
          sentAt: null,
        };
        await tx.set('noticeDelivery', id, doc);
      }
    });
  }
  const recipients = await store.count('noticeDelivery', { jobId });
  await store.runTransaction(async (tx) => {
    const j = await readDoc(tx, 'pushJob', jobId, pushJobDoc);
    if (!j || j.status !== 'preparing') return;
    await tx.update('pushJob', jobId, { status: 'running', recipients, preparedAt: deps.clock.now().toISOString() });
  });
}

/**
 * Group commit: claims and outcomes of concurrent workers that arrive while a transaction is
 * running are written together in the next one. Each worker still waits for the commit of its
 * own claim before it sends, so the protocol is unchanged; only the number of commits drops.
 * Every operation is a pure function of `tx`, so a store that retries a conflicting transaction
 * may run the whole batch again.
 */
class TxBatcher {
  private readonly queue: Array<{ op: (tx: TxOps) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }> = [];
  private running = false;

  constructor(
    private readonly store: Store,
    private readonly max: number,
  ) {}

  run<T>(op: (tx: TxOps) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ op, resolve: resolve as (v: unknown) => void, reject });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.max);
        try {
          const results = await this.store.runTransaction(async (tx) => {
            const out: unknown[] = [];
            for (const b of batch) out.push(await b.op(tx));
            return out;
          });
          batch.forEach((b, i) => b.resolve(results[i]));
        } catch (e) {
          for (const b of batch) b.reject(e);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

type Exec = PushDeps & { readonly inTx: <T>(fn: (tx: TxOps) => Promise<T>) => Promise<T> };

type Claim = { kind: 'claimed'; delivery: NoticeDeliveryDoc; attempts: number } | { kind: 'skip' };

/** pending → sending in one transaction, spending the consent if the delivery holds none yet. */
async function claimDelivery(deps: Exec, id: string, token: string, leaseMs: number): Promise<Claim> {
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.inTx<Claim>(async (tx) => {
    const d = await readDoc(tx, 'noticeDelivery', id, noticeDeliveryDoc);
    if (!d || d.status !== 'pending') return { kind: 'skip' };
    const giveUp = async (errMsg: string) => {
      if (d.consentHeld) await refundConsent(tx, d);
      await tx.set('noticeDelivery', id, { ...d, status: 'noConsent', consentHeld: false, lastError: { errCode: null, errMsg }, updatedAt: at });
      return { kind: 'skip' } as const;
    };
    // The villager unbound (or was taken off the list) since the job was prepared. Only these
    // two fields are read, each checked for its type: the hot path skips parsing the whole entry.
    const voter = await tx.get('voter', d.voterId);
    if (!voter || typeof voter.boundTo !== 'string' || voter.boundTo !== d.openid) return giveUp('NOT_BOUND');
    if (voter.status !== 'registered') return giveUp('NOT_REGISTERED');
    if (!d.consentHeld) {
      const c = d.templateId ? await readDoc(tx, 'consent', consentId(d.openid, d.templateId), consentDoc) : null;
      if (!c || c.unused < 1) return giveUp('NO_CONSENT');
      await tx.set('consent', c._id, { ...c, unused: c.unused - 1, used: c.used + 1, lastUsedAt: at });
    }
    const attempts = d.attempts + 1;
    const claimed = { status: 'sending' as const, consentHeld: true, claimToken: token, leaseUntil: new Date(now.getTime() + leaseMs).toISOString(), attempts, updatedAt: at };
    await tx.set('noticeDelivery', id, { ...d, ...claimed });
    return { kind: 'claimed', delivery: { ...d, ...claimed }, attempts };
  });
}

async function refundConsent(tx: TxOps, d: NoticeDeliveryDoc): Promise<void> {
  if (d.templateId) await refundSpentConsent(tx, d.openid, d.templateId);
}

type ConsentAction = 'keep' | 'refund' | 'zero';

/**
 * Writes the outcome of a claim. Only the token holder may; the one exception is a success
 * learned after another run wrote the delivery off as `unknown` (the record gets more exact,
 * nothing is sent).
 */
async function settle(deps: Exec, id: string, token: string, patch: Partial<NoticeDeliveryDoc>, consent: ConsentAction): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  return deps.inTx(async (tx) => {
    const d = await readDoc(tx, 'noticeDelivery', id, noticeDeliveryDoc);
    if (!d) return false;
    const ours = d.status === 'sending' && d.claimToken === token;
    const lateSuccess = d.status === 'unknown' && patch.status === 'sent';
    if (!ours && !lateSuccess) return false;
    let consentHeld = d.consentHeld;
    if (consent === 'refund' && d.consentHeld) {
      await refundConsent(tx, d);
      consentHeld = false;
    } else if (consent === 'zero' && d.templateId) {
      // WeChat says this user has no subscription left: our count was wrong.
      const c = await readDoc(tx, 'consent', consentId(d.openid, d.templateId), consentDoc);
      if (c) await tx.update('consent', c._id, { unused: 0 });
    }
    await tx.set('noticeDelivery', id, { ...d, ...patch, consentHeld, claimToken: null, leaseUntil: null, updatedAt: at });
    return true;
  });
}

/** Extends our lease before a retry; false when the claim is no longer ours (never send then). */
async function renew(deps: Exec, id: string, token: string, leaseMs: number, attempts: number): Promise<boolean> {
  const now = deps.clock.now();
  return deps.inTx(async (tx) => {
    const d = await readDoc(tx, 'noticeDelivery', id, noticeDeliveryDoc);
    if (!d || d.status !== 'sending' || d.claimToken !== token) return false;
    await tx.update('noticeDelivery', id, { leaseUntil: new Date(now.getTime() + leaseMs).toISOString(), attempts, updatedAt: now.toISOString() });
    return true;
  });
}

/** A `sending` delivery whose lease ran out: its worker died somewhere around the send. */
async function expireLease(deps: Exec, d: WithId<NoticeDeliveryDoc>): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.inTx(async (tx) => {
    const cur = await readDoc(tx, 'noticeDelivery', d._id, noticeDeliveryDoc);
    if (!cur || cur.status !== 'sending' || cur.claimToken !== d.claimToken || (cur.leaseUntil !== null && cur.leaseUntil > at)) return;
    await tx.update('noticeDelivery', d._id, {
      status: 'unknown',
      claimToken: null,
      leaseUntil: null,
      lastError: { errCode: null, errMsg: 'LEASE_EXPIRED: the worker stopped after claiming; not resent' },
      updatedAt: at,
    });
  });
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
  const state: { stop: StopReason | null; fault: unknown; pausedUntil: number; sent: number } = { stop: null, fault: null, pausedUntil: 0, sent: 0 };
  const overBudget = (extraMs = 0) => o.elapsed() + extraMs - started > o.budgetMs;
  const gate = async () => {
    for (let wait = state.pausedUntil - o.elapsed(); wait > 0; wait = state.pausedUntil - o.elapsed()) await o.sleep(wait);
  };
  /** A rate-limit pause set by another worker that would outlast the budget: stop instead of waiting it out. */
  const pauseOverrunsBudget = () => overBudget(Math.max(0, state.pausedUntil - o.elapsed()));
  const failure = (r: { errCode: number | null; errMsg: string }) => ({ errCode: r.errCode, errMsg: r.errMsg });

  const deliverOne = async (id: string): Promise<void> => {
    if (state.stop || state.fault) return;
    if (overBudget() || pauseOverrunsBudget()) {
      state.stop ??= 'budget';
      return;
    }
    await gate();
    const token = randomUUID();
    const claim = await claimDelivery(exec, id, token, o.leaseMs);
    if (claim.kind !== 'claimed') return;
    let attempts = claim.attempts;
    const d = claim.delivery;
    const message = noticeMessage({
      openid: d.openid,
      templateId: d.templateId ?? '',
      noticeId: notice._id,
      title: notice.title,
      publishedAt: notice.publishedAt,
      committeeName,
      reminder,
    });
    for (;;) {
      let result: NotifyResult;
      try {
        result = await deps.notifier.send(message);
      } catch (e) {
        // As if the process died here: nothing more is written for this delivery.
        state.fault ??= e;
        return;
      }
      const out = classifyNotifyResult(result);
      switch (out.kind) {
        case 'sent':
          if (await settle(exec, id, token, { status: 'sent', sentAt: deps.clock.now().toISOString(), lastError: null }, 'keep')) state.sent += 1;
          return;
        case 'unknown':
          await settle(exec, id, token, { status: 'unknown', lastError: failure(out) }, 'keep');
          return;
        case 'consentGone':
          await settle(exec, id, token, { status: 'failed', lastError: failure(out) }, 'zero');
          return;
        case 'failed':
          await settle(exec, id, token, { status: 'failed', lastError: failure(out) }, 'refund');
          return;
        case 'dailyQuota':
          state.stop = 'dailyQuota';
          // Nothing was sent: back to pending, this attempt not counted, consent kept for the retry.
          await settle(exec, id, token, { status: 'pending', attempts: attempts - 1, lastError: failure(out) }, 'keep');
          return;
        case 'rateLimited': {
          state.pausedUntil = Math.max(state.pausedUntil, o.elapsed() + o.rateLimitPauseMs);
          if (overBudget(state.pausedUntil - o.elapsed())) {
            state.stop = 'budget';
            await settle(exec, id, token, { status: 'pending', attempts: attempts - 1, lastError: failure(out) }, 'keep');
            return;
          }
          await gate();
          // A rate-limited try is not an attempt of the message: same attempt number again.
          if (!(await renew(exec, id, token, o.leaseMs, attempts))) return;
          continue;
        }
        case 'retry': {
          if (attempts >= o.maxAttempts) {
            await settle(exec, id, token, { status: 'failed', lastError: failure(out) }, 'refund');
            return;
          }
          const wait = backoffMs(attempts, o.backoff);
          if (overBudget(wait)) {
            state.stop = 'budget';
            await settle(exec, id, token, { status: 'pending', lastError: failure(out) }, 'keep');
            return;
          }
          await o.sleep(wait);
          // Meanwhile the run may have stopped (daily quota) or a rate-limit pause may outlast
          // the budget: leave the retry to the next run rather than overrun the function's time.
          if (state.stop || state.fault || pauseOverrunsBudget()) {
            state.stop ??= 'budget';
            await settle(exec, id, token, { status: 'pending', lastError: failure(out) }, 'keep');
            return;
          }
          await gate();
          attempts += 1;
          if (!(await renew(exec, id, token, o.leaseMs, attempts))) return;
          continue;
        }
      }
    }
  };

  const guarded = async (id: string) => {
    try {
      await deliverOne(id);
    } catch (e) {
      state.fault ??= e;
    }
  };

  // A second pass picks up deliveries a concurrent preparation added while this one ran.
  for (let pass = 0; pass < 2 && !state.stop && !state.fault; pass++) {
    const all = await findAllDocs(store, 'noticeDelivery', { jobId }, noticeDeliveryDoc);
    const nowIso = deps.clock.now().toISOString();
    const queue: string[] = [];
    for (const d of all) {
      if (d.status === 'pending') queue.push(d._id);
      else if (d.status === 'sending' && (d.leaseUntil === null || d.leaseUntil <= nowIso)) await expireLease(exec, d);
    }
    if (queue.length === 0) break;
    let next = 0;
    const worker = async () => {
      while (next < queue.length && !state.stop && !state.fault) await guarded(queue[next++]!);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, queue.length)) }, worker));
  }
  if (state.fault) throw state.fault;

  const counts = await deliveryCounts(deps, { jobId });
  let status: PushJobDoc['status'] = job.status;
  if (counts.pending + counts.sending === 0) {
    const at = deps.clock.now().toISOString();
    status = 'done';
    const finished = job;
    await store.runTransaction(async (tx) => {
      const j = await readDoc(tx, 'pushJob', jobId, pushJobDoc);
      if (!j || j.status === 'done') return;
      await tx.update('pushJob', jobId, { status: 'done', finishedAt: at });
      await appendAudit(tx, {
        scope: finished.electionId,
        action: 'notices.pushFinished',
        actor: 'system',
        at,
        subject: jobId,
        data: { noticeId: finished.noticeId, kind: finished.kind, ...counts },
      });
    });
  }
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
