/**
 * Starting a notice push from an action. The publication's job is written inside the very
 * transaction that publishes the notice (createPublicationPushJob), so no crash can leave a
 * published notice without its push: whatever happens after the commit, the `notices` function's
 * timer trigger (cloudfunctions/notices/config.json, server/cloud/cloud-push-timer.ts) finds the
 * job and sends it. The action then runs the job within a time budget (a small village is done
 * before the reply; a large one continues on the timer). A push problem never undoes or hides
 * the publication: faults are logged and the job is left for the timer.
 */
import type { PushSummary } from '../../src/contracts/notice.schema';
import { noticeDoc, type NoticeDoc } from '../../src/contracts/documents/notice-documents.schema';
import type { TxOps } from '../ports/store.port';
import { readDoc } from '../runtime/documents';
import { type PushDeps } from '../ports/push.port';
import { runPushJob } from './push-job';
import { createPushJob, newPushJob, publishJobId, pushSummary } from './push-job.records';
import { type PushRunOptions } from './push-options';

/**
 * In the invocation that publishes: shorter backoff and a budget well inside a cloud function's
 * time limit (set the committee function's timeout to 60 s in the console). A rate limit pauses
 * for a minute, which exceeds the budget: the rest goes to the timer.
 */
export const INLINE_RUN: PushRunOptions = {
  concurrency: 8,
  maxAttempts: 3,
  backoff: { baseMs: 500, maxMs: 4_000 },
  budgetMs: 20_000,
};

/**
 * The publication push job of a notice, written by the caller inside the transaction that
 * writes the notice (committee.publishNotice, committee.publishVoterList). The publication's
 * audit entry records it; the job's completion gets its own entry (notices.pushFinished).
 */
export async function createPublicationPushJob(tx: TxOps, notice: Pick<NoticeDoc, 'electionId' | 'villageId'>, noticeId: string, at: string): Promise<string> {
  const jobId = publishJobId(noticeId);
  await createPushJob(tx, jobId, newPushJob({ electionId: notice.electionId, villageId: notice.villageId, noticeId, kind: 'publish', round: 0 }, at));
  return jobId;
}

export async function pushNow(deps: PushDeps, jobId: string, options: PushRunOptions = INLINE_RUN): Promise<PushSummary> {
  try {
    const r = await runPushJob(deps, jobId, options);
    return { jobId: r.jobId, status: r.status, counts: r.counts };
  } catch (e) {
    deps.log.error('push.inline.failed', { jobId, error: e instanceof Error ? e.name : 'Error', detail: e instanceof Error ? e.message : String(e) });
    return pushSummary(deps, jobId);
  }
}

/**
 * Runs the publication push of a notice whose job was created with its publication. Should the
 * job be missing (a publishing path that forgot createPublicationPushJob — a bug, logged), it
 * is created here so the villagers still get the notice; the crash-window guarantee needs the
 * job in the publishing transaction (test/server/notices/publish-crash.test.ts).
 */
export async function pushPublication(deps: PushDeps, noticeId: string, options: PushRunOptions = INLINE_RUN): Promise<PushSummary> {
  const jobId = publishJobId(noticeId);
  if (!(await deps.store.get('pushJob', jobId))) {
    const notice = await readDoc(deps.store, 'notice', noticeId, noticeDoc);
    if (!notice) throw new Error(`no notice ${noticeId} to push`);
    deps.log.error('push.jobMissing', { noticeId, type: notice.type });
    await deps.store.runTransaction(async (tx) => {
      if (!(await tx.get('pushJob', jobId))) await createPublicationPushJob(tx, notice, noticeId, deps.clock.now().toISOString());
    });
  }
  return pushNow(deps, jobId, options);
}
