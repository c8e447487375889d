/**
 * The `notices` cloud function's timer trigger (cloudfunctions/notices/config.json, every
 * minute): resumes every push job that is not done — a large village's fan-out that did not fit
 * in the publishing invocation, a run cut short by WeChat's rate limit or daily quota, or one
 * interrupted by a crash. runPushJob is resumable and sends nothing twice, so overlapping ticks
 * and a tick racing the publishing invocation are harmless.
 *
 * CloudBase calls a timer trigger with `{ Type: 'Timer', TriggerName, Time }` and no WeChat
 * user. A mini-program client can send any event, so a "timer" event that carries an OPENID is
 * treated as an ordinary action call (and refused as an unknown action).
 *
 * Needs no deployment secret: only the store, the clock and the notifier.
 */
import type { Envelope } from '../../src/contracts/envelope';
import { createCloudbaseStoreFromSdk, installTcbRejectionGuard } from '../adapters/cloudbase/cloudbase.store';
import { createSubscribeMessageNotifier } from '../adapters/cloudbase/subscribe-message.notifier';
import type { WxCloud } from './cloud-main';
import { systemClock } from '../ports/clock.port';
import { jsonLogger } from '../runtime/logger';
import { type PushDeps } from '../ports/push.port';
import { type PushRunOptions } from '../push/push-options';
import { isTimerEvent } from './timer-event';

/** Leaves headroom inside a 60 s function timeout (set in the console; the default is 3 s). */
export const TIMER_RUN: PushRunOptions = { concurrency: 8, budgetMs: 45_000 };

export { isTimerEvent } from './timer-event';

type ActionMain = (event: unknown, context?: { request_id?: string }) => Promise<Envelope<unknown>>;

export function withPushTimer(actions: ActionMain, cloud: () => WxCloud, options: PushRunOptions = TIMER_RUN): ActionMain {
  let deps: PushDeps | null = null;
  const coldStart = (): PushDeps => {
    if (deps) return deps;
    const c = cloud();
    // DYNAMIC_CURRENT_ENV is a symbol at runtime; the SDK typings only admit strings.
    c.init({ env: c.DYNAMIC_CURRENT_ENV as unknown as string });
    installTcbRejectionGuard();
    // Required here, not at load: only timer calls resume push jobs (an action's cold start skips them).
    const { composeNoticeMessage } = require('../use-cases/notices/notice-message.text') as typeof import('../use-cases/notices/notice-message.text');
    deps = { store: createCloudbaseStoreFromSdk(c), clock: systemClock, notifier: createSubscribeMessageNotifier(c), log: jsonLogger(), composeMessage: composeNoticeMessage };
    return deps;
  };
  return async (event, context) => {
    if (!isTimerEvent(event) || cloud().getWXContext().OPENID) return actions(event, context);
    const d = coldStart();
    const { resumePushJobs } = require('../push/push-job') as typeof import('../push/push-job');
    const reports = await resumePushJobs(d, options);
    return { ok: true, data: { jobs: reports.map((r) => ({ jobId: r.jobId, status: r.status, counts: r.counts, stoppedBy: r.stoppedBy })) } };
  };
}
