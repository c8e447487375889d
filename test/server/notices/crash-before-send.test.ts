/**
 * At most once, and nobody forgotten: the worker dies after claiming a delivery (consent spent,
 * `sending`) and BEFORE calling WeChat. After its lease the delivery is written off as `unknown`
 * and never sent; the villager got nothing, so the call list names them, and
 * committee.noticeStats counts them.
 */
import { CLERK, makeTestApp, type TestApp } from '../harness';
import { type PushDeps } from '../../../server/ports/push.port';
import { resumePushJobs } from '../../../server/push/push-job';
import type { Notifier } from '../../../server/ports/notifier.port';
import type { RecordingNotifier } from '../../../server/adapters/local/recording.notifier';
import { eligible, makeVillage, messagesPerOpenid, recording, type Village } from './notice-fixture';
import { composeNoticeMessage } from '../../../server/use-cases/notices/notice-message.text';

type Entry = { name: string; group: string; why: string; whyLabel: string };
type Detail = {
  deliveries: Record<string, number>;
  unread: { total: number; withConsent: number; callOnly: number; onCallList: number; pushUnknown: number };
  callList: Entry[] | null;
};

/** Dies on the `n`-th send before it reaches WeChat (the claim is already committed). */
function dyingBeforeSend(inner: Notifier, n: number): Notifier & { diedFor: string | null } {
  let calls = 0;
  const d = {
    diedFor: null as string | null,
    async send(msg: Parameters<Notifier['send']>[0]) {
      if (++calls === n) {
        d.diedFor = msg.openid;
        throw new Error('worker killed before the send');
      }
      return inner.send(msg);
    },
  };
  return d;
}

describe('a crash after the claim and before the send', () => {
  let t: TestApp;
  let v: Village;
  let wechat: RecordingNotifier;
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    // Every bound voter has exactly one consent: any second message would be a double send.
    v = await makeVillage(t, { voters: 30, consents: () => 1 });
    wechat = recording(t);
  });
  afterEach(() => t.close());

  const deps = (): PushDeps => ({ store: t.app.store, clock: t.app.clock, notifier: wechat, log: t.app.log, composeMessage: composeNoticeMessage });
  const stats = async (noticeId: string, callList = false) =>
    (await t.ok<{ detail: Detail }>('committee', { action: 'noticeStats', electionId: v.electionId, noticeId, ...(callList ? { callList: true } : {}) }, CLERK)).detail;

  it('never sends twice, marks the delivery unknown, and puts the villager on the call list', async () => {
    // The 5th send dies before WeChat is called; the first villager's push is refused (nothing sent).
    wechat.failNext({ ok: false, transient: false, errCode: 40003, errMsg: 'invalid openid' });
    const dying = dyingBeforeSend(wechat, 5);
    t.setNotifier(dying);
    const pub = await t.ok<{ notice: { id: string }; push: { status: string; counts: Record<string, number> } }>(
      'committee',
      { action: 'publishNotice', electionId: v.electionId, type: 'freeText', title: '关于核对选民登记的通知', body: '请各位选民核对登记信息。' },
      CLERK,
    );
    t.setNotifier(wechat);
    // The publication stands; its push stopped with one delivery claimed and never sent.
    expect(pub.push).toMatchObject({ status: 'running', counts: { sending: 1 } });
    const lost = dying.diedFor!;
    expect(lost).not.toBeNull();

    // The timer runs after the dead worker's lease: the claimed one is written off, the rest is sent.
    t.setNow('2026-03-01T02:10:00.000Z');
    const [tick] = await resumePushJobs(deps());
    const eligibleCount = v.people.filter(eligible).length;
    expect(tick).toMatchObject({ status: 'done', counts: { unknown: 1, failed: 1, sent: eligibleCount - 2, sending: 0, pending: 0 } });

    const per = messagesPerOpenid(wechat);
    expect(Math.max(...per.values())).toBe(1);
    expect(per.has(lost)).toBe(false);
    expect(wechat.deliveries().filter((d) => d.message.openid === lost)).toHaveLength(0);
    const refused = wechat.deliveries().find((d) => !d.result.ok)!.message.openid;

    // noticeStats counts the unknown one, among the deliveries and among the unread.
    const s = await stats(pub.notice.id);
    expect(s.deliveries).toMatchObject({ unknown: 1, failed: 1 });
    expect(s.unread.pushUnknown).toBe(1);
    expect(s.callList).toBeNull();
    const listed = await stats(pub.notice.id, true);
    const unknownRows = listed.callList!.filter((c) => c.why === 'pushUnknown');
    const lostVoter = await t.app.store.get<{ name: string }>('voter', v.people.find((p) => p.openid === lost)!.voterId);
    expect(unknownRows).toEqual([expect.objectContaining({ name: lostVoter!.name, whyLabel: '推送情况不明' })]);
    expect(listed.callList!.filter((c) => c.why === 'pushFailed')).toHaveLength(1);
    expect(listed.unread.onCallList).toBe(listed.callList!.length);
    // Everyone unbound is there too, and nobody who got the message.
    expect(listed.callList!.filter((c) => c.why === 'notBound')).toHaveLength(v.people.filter((p) => !p.openid).length);
    expect(listed.callList).toHaveLength(v.people.filter((p) => !p.openid).length + 2);

    // A reminder sends nothing more to anyone (their one consent is spent, or refunded only for
    // the refused one), and its call list still names the unknown villager.
    const r = await t.ok<{ push: { counts: Record<string, number> }; callList: Entry[] }>('committee', { action: 'remindUnread', electionId: v.electionId, noticeId: pub.notice.id }, CLERK);
    const after = messagesPerOpenid(wechat);
    expect(Math.max(...after.values())).toBe(1);
    expect(after.has(lost)).toBe(false);
    expect(r.push.counts.sent).toBe(1);
    expect([...after.entries()].filter(([o]) => !per.has(o)).map(([o]) => o)).toEqual([refused]);
    expect(r.callList.filter((c) => c.why === 'pushUnknown')).toEqual([expect.objectContaining({ name: lostVoter!.name })]);
    expect(r.callList.filter((c) => c.why === 'pushFailed')).toHaveLength(0);
  });
});
