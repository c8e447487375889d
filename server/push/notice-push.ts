/**
 * Starting a notice push from an action: the job is created, then run in the same invocation
 * within a time budget (a small village is done before the reply; a large one continues on the
 * `notices` function's timer trigger, see cloudfunctions/notices/config.json). A push problem
 * never undoes or hides the publication: faults are logged and the job is left for the timer.
 */
import type { PushSummary } from '../../src/contracts/notice.contract';
import { pushJobDoc, type NoticeDoc } from '../../src/contracts/store-documents.schema';
import { appendAudit } from '../audit/audit-log';
import type { CallContext } from '../runtime/context';
import { readDoc, type WithId } from '../runtime/documents';
import { actorOf } from '../use-cases/shared/access';
import { createPushJob, newPushJob, publishJobId, pushSummary, runPushJob, type PushDeps, type PushRunOptions } from './push-job';

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
 * The publication push of a notice written elsewhere (committee.publishVoterList): creates its
 * job once (with its audit entry) and runs it. Calling it again for the same notice only resumes.
 */
export async function startNoticePush(ctx: CallContext, notice: WithId<NoticeDoc>): Promise<PushSummary> {
  const jobId = publishJobId(notice._id);
  const at = ctx.clock.now().toISOString();
  await ctx.store.runTransaction(async (tx) => {
    if (await readDoc(tx, 'pushJob', jobId, pushJobDoc)) return;
    await createPushJob(tx, jobId, newPushJob({ electionId: notice.electionId, villageId: notice.villageId, noticeId: notice._id, kind: 'publish', round: 0 }, at));
    await appendAudit(tx, { scope: notice.electionId, action: 'notices.pushStarted', actor: actorOf(ctx), at, subject: jobId, data: { noticeId: notice._id, type: notice.type } });
  });
  return pushNow(ctx, jobId);
}
