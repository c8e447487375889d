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
 * Claims go by batches (claimBatch in delivery-claim.ts): one transaction claims up to 50
 * deliveries, they are sent, and the batch's successful sends are recorded in one
 * `Store.updateMany`; failures are written one by one. About 3.4 CloudBase SDK calls per
 * recipient with its send (push.sdk_calls_per_recipient in `npm run bench`), where a transaction
 * per claim and per outcome cost 14. The price: a process that dies holding a batch leaves its
 * unsent deliveries `unknown` after the lease (lost, on the call list, never duplicated), where
 * per-delivery claims lost at most the deliveries in flight.
 *
 * Delivery transitions are not written to the audit log: an append no longer touches a shared
 * document (docs/decisions/0001-audit-chain.md), but thousands of entries per push would bury
 * the committee's acts in the chain and cost a write and a link each. The delivery documents
 * are their own record; the audit log gets the job's creation (with the publication or
 * reminder) and its completion with the final counts.
 *
 * Files: push-options.ts (pacing), push-job.records.ts (ids, counts), prepare-push-job.ts,
 * delivery-claim.ts (the claim protocol), push-run.ts (one run's workers), this file (a run
 * and the timer's resume).
 */
import { randomUUID } from 'node:crypto';
import { noticeDoc } from '../../src/contracts/documents/notice-documents.schema';
import { villageDoc } from '../../src/contracts/documents/election-documents.schema';
import { noticeDeliveryDoc, pushJobDoc, type PushJobDoc } from '../../src/contracts/documents/push-documents.schema';
import { appendAudit } from '../audit/audit-log';
import type { NotifyMessage } from '../ports/notifier.port';
import type { PushDeps } from '../ports/push.port';
import { findAllDocs, readDoc, type WithId } from '../runtime/documents';
import { claimBatch, expireLease, TxBatcher, type Claimed, type Exec } from './delivery-claim';
import { preparePushJob } from './prepare-push-job';
import { deliveryCounts, pushSummary, unfinishedPushJobs } from './push-job.records';
import { DEFAULT_RUN_OPTIONS, type PushRunOptions, type PushRunReport, type Resolved } from './push-options';
import { PushRun } from './push-run';

/** The job document, prepared (its deliveries created) if it was still preparing. */
async function preparedJob(deps: PushDeps, jobId: string, o: Resolved): Promise<WithId<PushJobDoc>> {
  let job = await readDoc(deps.store, 'pushJob', jobId, pushJobDoc);
  if (!job) throw new Error(`no push job ${jobId}`);
  if (job.status === 'preparing') {
    await preparePushJob(deps, jobId, o);
    job = await readDoc(deps.store, 'pushJob', jobId, pushJobDoc);
    if (!job) throw new Error(`push job ${jobId} vanished`);
  }
  return job;
}

/** Each recipient's message, worded by the notices capability from the notice and its village. */
async function messagesOf(deps: PushDeps, job: WithId<PushJobDoc>): Promise<(openid: string, templateId: string) => NotifyMessage> {
  const notice = await readDoc(deps.store, 'notice', job.noticeId, noticeDoc);
  const village = await readDoc(deps.store, 'village', job.villageId, villageDoc);
  if (!notice || !village) throw new Error(`push job ${job._id}: notice or village is missing`);
  const reminder = job.kind === 'remind';
  return (openid, templateId) =>
    deps.composeMessage({ openid, templateId, noticeId: notice._id, title: notice.title, publishedAt: notice.publishedAt, village, reminder });
}

/** The job's pending deliveries, after writing off those whose claim's lease ran out. */
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

type ClaimedBatch = Promise<{ claimed: Claimed[]; token: string }>;

/**
 * Claims and sends the pending deliveries batch by batch (o.claimBatch); a second pass picks up
 * deliveries a concurrent preparation added. The next batch is claimed while this one is being
 * sent, so the sends never wait for a claim transaction; a run that stops meanwhile hands that
 * batch straight back (sendBatch returns claims it never attempted to `pending`).
 */
async function sendPending(exec: Exec, run: PushRun, jobId: string, o: Resolved, compose: (openid: string, templateId: string) => NotifyMessage): Promise<void> {
  for (let pass = 0; pass < 2 && !run.halted; pass++) {
    const queue = await owedDeliveries(exec, jobId);
    if (queue.length === 0) break;
    const claimAt = (i: number): ClaimedBatch => {
      const token = randomUUID();
      const claim = claimBatch(exec, jobId, queue.slice(i, i + o.claimBatch), token, o.leaseMs).then((claimed) => ({ claimed, token }));
      // Awaited later; a rejection before then must not count as unhandled.
      claim.catch(() => undefined);
      return claim;
    };
    let next: ClaimedBatch | null = run.mayClaim() ? claimAt(0) : null;
    for (let i = 0; next; i += o.claimBatch) {
      try {
        const { claimed, token } = await next;
        next = i + o.claimBatch < queue.length && run.mayClaim() ? claimAt(i + o.claimBatch) : null;
        await run.sendBatch(claimed, token, compose);
      } catch (e) {
        run.fault ??= e;
      }
      if (run.fault && next) {
        // Hand the claim in flight back before reporting the fault.
        await next.then(({ claimed, token }) => run.sendBatch(claimed, token, compose)).catch(() => undefined);
        next = null;
      }
    }
  }
}

/** Marks the job done once nothing is pending or sending, with its audit entry (notices.pushFinished). */
async function finishIfComplete(deps: PushDeps, job: WithId<PushJobDoc>): Promise<Pick<PushRunReport, 'status' | 'counts'>> {
  const jobId = job._id;
  const counts = await deliveryCounts(deps, { jobId });
  if (counts.pending + counts.sending !== 0) return { status: job.status, counts };
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
  return { status: 'done', counts };
}

/**
 * Sends what the job still owes, resumable at any point: calling it again after a crash or a
 * time-out finishes the rest and sends nothing twice. Throws only for faults (the store, or a
 * notifier that throws — treated like a crash: the delivery it was sending stays `sending`).
 */
export async function runPushJob(deps: PushDeps, jobId: string, options: PushRunOptions = {}): Promise<PushRunReport> {
  const o = { ...DEFAULT_RUN_OPTIONS, ...options } as Resolved;
  const started = o.elapsed();
  const job = await preparedJob(deps, jobId, o);
  if (job.status === 'done') return { ...(await pushSummary(deps, jobId)), stoppedBy: null, sentThisRun: 0 };
  const compose = await messagesOf(deps, job);
  const batcher = o.groupCommit > 1 ? new TxBatcher(deps.store, o.groupCommit) : null;
  const exec: Exec = { ...deps, inTx: (fn) => (batcher ? batcher.run(fn) : deps.store.runTransaction(fn)) };
  const run = new PushRun(exec, o, started);
  await sendPending(exec, run, jobId, o, compose);
  if (run.fault) throw run.fault;
  const { status, counts } = await finishIfComplete(deps, job);
  deps.log.info('push.run', { jobId, status, stoppedBy: run.stop, sentThisRun: run.sent, ...counts });
  return { jobId, status, counts, stoppedBy: run.stop, sentThisRun: run.sent };
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
