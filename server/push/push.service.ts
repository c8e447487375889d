/**
 * The push service behind `ctx.push` (server/ports/push.port.ts): the push job's functions bound
 * to one set of PushDeps, so a use case starts, runs and inspects pushes without importing
 * server/push. Built by the wiring (server/functions/app-context.factory.ts) with the notices'
 * message wording; rebuilt when a test swaps the notifier (test/server/harness.ts setNotifier).
 */
import type { PushDeps, PushService } from '../ports/push.port';
import { consentsByOpenid, consentsOf, grantConsents, pushesOwed } from './consent';
import { createPublicationPushJob, pushNow, pushPublication } from './notice-push';
import { createPushJob, deliveryCounts, newPushJob, reminderJobId } from './push-job.records';
import { pushOnce } from './single-push';

export function createPushService(deps: PushDeps): PushService {
  return {
    createPublicationJob: (tx, notice, noticeId, at) => createPublicationPushJob(tx, notice, noticeId, at),
    createReminderJob: async (tx, job, at) => {
      const jobId = reminderJobId(job.noticeId, job.round);
      // Two reminders at once compute the same round: the job id is the claim.
      if (await tx.get('pushJob', jobId)) return null;
      await createPushJob(tx, jobId, newPushJob({ ...job, kind: 'remind' }, at));
      return jobId;
    },
    pushPublication: (noticeId) => pushPublication(deps, noticeId),
    runJobNow: (jobId) => pushNow(deps, jobId),
    pushOnce: (push, requestId) => pushOnce(deps, push, requestId),
    pushesOwed: (openid) => pushesOwed(deps.store, openid),
    consentsOf: (openid) => consentsOf(deps.store, openid),
    consentsByOpenid: (electionId, openids) => consentsByOpenid(deps.store, electionId, openids),
    grantConsents,
    deliveryCounts: (where) => deliveryCounts(deps, where),
  };
}
