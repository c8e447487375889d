/**
 * push.* in `npm run bench`: committee.publishNotice to 3,000 registered voters on the CloudBase
 * fake (SDK calls counted), through the recording notifier behind a simulated WeChat — each send
 * answered after 30 ± 10 ms, at most 600 accepted a second (then 45011, nothing delivered) — the
 * push timer finishing what the publishing call leaves. push.3000.lost: eligible voters without
 * exactly one message; push.sdk_calls_per_recipient: store SDK calls plus sends, per recipient.
 */
import { performance } from 'node:perf_hooks';
import { CLERK, makeTestApp } from '../test/server/harness';
import { eligible, makeVillage, messagesPerOpenid } from '../test/server/notices/notice-fixture';
import { createRecordingNotifier } from '../server/adapters/local/recording.notifier';
import { resumePushJobs } from '../server/push/push-job';
import { unfinishedPushJobs } from '../server/push/push-job.records';
import type { PushDeps } from '../server/ports/push.port';
import { composeNoticeMessage } from '../server/use-cases/notices/notice-message.text';
import { TIMER_RUN } from '../server/cloud/cloud-push-timer';
import type { Notifier } from '../server/ports/notifier.port';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function simulatedWechat(inner: Notifier, perSecond: number, latencyMs: number, jitterMs: number): Notifier & { sends: number } {
  let second = -1;
  let used = 0;
  const n = {
    sends: 0,
    async send(msg: Parameters<Notifier['send']>[0]) {
      n.sends += 1;
      await sleep(latencyMs + (Math.random() * 2 - 1) * jitterMs);
      const s = Math.floor(performance.now() / 1000);
      if (s !== second) [second, used] = [s, 0];
      if (used >= perSecond) return { ok: false as const, transient: true, errCode: 45011, errMsg: 'api minute-quota reach limit' };
      used += 1;
      return inner.send(msg);
    },
  };
  return n;
}

export async function benchPush(voters = 3_000): Promise<Record<string, number>> {
  const t = makeTestApp({ now: '2026-03-01T02:00:00.000Z', store: 'cloudbase-fake', latency: { latencyMs: 0, jitterMs: 0 } });
  try {
    const v = await makeVillage(t, { voters, status: () => 'registered' });
    const wechat = createRecordingNotifier(t.app.clock);
    const limited = simulatedWechat(wechat, 600, 30, 10);
    t.setNotifier(limited);
    const callsBefore = t.fake!.stats.calls;
    const started = performance.now();
    await t.ok('committee', { action: 'publishNotice', electionId: v.electionId, type: 'freeText', title: '关于核对选民名单的通知', body: '请各位选民核对自己的登记信息。' }, CLERK);
    const deps: PushDeps = { store: t.app.store, clock: t.app.clock, log: t.app.log, notifier: limited, composeMessage: composeNoticeMessage };
    for (let ticks = 0; (await unfinishedPushJobs(deps)).length > 0 && ticks < 50; ticks++) {
      await resumePushJobs(deps, { ...TIMER_RUN, backoff: { baseMs: 200, maxMs: 1_000 } });
    }
    const ms = performance.now() - started;
    const recipients = v.people.filter(eligible);
    const per = messagesPerOpenid(wechat);
    const lost = recipients.filter((p) => per.get(p.openid!) !== 1).length;
    const calls = t.fake!.stats.calls - callsBefore + limited.sends;
    return { 'push.3000.ms': Math.round(ms), 'push.3000.lost': lost, 'push.3000.recipients': recipients.length, 'push.sdk_calls_per_recipient': Number((calls / recipients.length).toFixed(2)) };
  } finally {
    await t.close();
  }
}

if (require.main === module) {
  benchPush()
    .then((f) => console.table(f))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
