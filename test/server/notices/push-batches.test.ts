/**
 * Batched push bookkeeping (server/push/push-claims.ts, push-sender.ts): deliveries are claimed
 * in batches and a batch's successful sends recorded in one call, so a recipient costs at most
 * 4 CloudBase SDK calls with its send (issue 12; push.sdk_calls_per_recipient in the bench), and
 * claims a stopped run never attempted go back to `pending` instead of being lost.
 */
import { CLERK, describeEachStore, makeTestApp, type TestApp } from '../harness';
import { resumePushJobs } from '../../../server/push/push-job';
import type { PushDeps } from '../../../server/ports/push.port';
import { composeNoticeMessage } from '../../../server/use-cases/notices/notice-message.text';
import type { Notifier } from '../../../server/ports/notifier.port';
import { eligible, makeVillage, messagesPerOpenid, recording, type Village } from './notice-fixture';

const publish = (t: TestApp, v: Village) =>
  t.ok<{ push: { status: string; counts: Record<string, number> } }>(
    'committee',
    { action: 'publishNotice', electionId: v.electionId, type: 'freeText', title: '关于核对选民名单的通知', body: '请各位选民核对自己的登记信息。' },
    CLERK,
  );

describe('push cost on CloudBase', () => {
  it('spends at most 4 SDK calls per recipient, the send included, and sends each exactly once', async () => {
    const t = makeTestApp({ now: '2026-03-01T02:00:00.000Z', store: 'cloudbase-fake', latency: { latencyMs: 0, jitterMs: 0 } });
    try {
      const v = await makeVillage(t, { voters: 240 });
      const wechat = recording(t);
      const before = t.fake!.stats.calls;
      const pub = await publish(t, v);
      expect(pub.push.status).toBe('done');
      const recipients = v.people.filter(eligible);
      const per = messagesPerOpenid(wechat);
      expect(recipients.every((p) => per.get(p.openid!) === 1)).toBe(true);
      expect([...per.values()].reduce((a, b) => a + b, 0)).toBe(recipients.length);
      const calls = t.fake!.stats.calls - before + wechat.deliveries().length;
      // The publication itself (notice, audit, job) is a handful of calls, counted here too.
      expect(calls / recipients.length).toBeLessThanOrEqual(4);
    } finally {
      await t.close();
    }
  });
});

describeEachStore('a send that faults in the middle of a claim batch', (store) => {
  let t: TestApp;
  beforeEach(() => {
    t = makeTestApp({ now: '2026-03-01T02:00:00.000Z', store, latency: { latencyMs: 0, jitterMs: 0 } });
  });
  afterEach(() => t.close());

  it('leaves only the faulting delivery sending, returns the claims never attempted to pending, and the timer finishes', async () => {
    const v = await makeVillage(t, { voters: 120, consents: () => 1 });
    const wechat = recording(t);
    let sends = 0;
    const dying: Notifier = {
      async send(msg) {
        if (++sends === 3) throw new Error('worker killed during the send');
        return wechat.send(msg);
      },
    };
    t.setNotifier(dying);
    const pub = await publish(t, v);
    // Sends already under way in other workers finish and are recorded; the claim batch (50)
    // held far more, and those never attempted are back to pending.
    const recipients = v.people.filter(eligible).length;
    expect(pub.push.counts).toMatchObject({ sending: 1, sent: sends - 1, pending: recipients - sends, unknown: 0 });
    expect(sends).toBeLessThan(50);

    t.setNotifier(wechat);
    t.setNow('2026-03-01T02:10:00.000Z');
    const deps: PushDeps = { store: t.app.store, clock: t.app.clock, notifier: wechat, log: t.app.log, composeMessage: composeNoticeMessage };
    const [tick] = await resumePushJobs(deps);
    expect(tick).toMatchObject({ status: 'done', counts: { unknown: 1, sent: recipients - 1, pending: 0, sending: 0 } });
    // Every consent was spent once: none of the returned claims spent a second one.
    const per = messagesPerOpenid(wechat);
    expect(Math.max(...per.values())).toBe(1);
    const consents = Object.values(await t.app.store.find('consent', { electionId: v.electionId }, { limit: 1000 }));
    expect(consents.every((c) => c.unused === 0 && c.used === 1)).toBe(true);
  });
});
