/**
 * The fan-out engine (server/push/push-job.ts) against a simulated WeChat: the recording
 * notifier with injected transient failures, behind a per-minute rate limit; a 3,000-voter
 * publication through committee.publishNotice finished by the timer; crashes mid-run and
 * restarts. Time for backoff, pauses and budgets is virtual (except in the publishing call), so
 * the runs are fast and exact; figures go to the log, no test asserts timings.
 */
import { CLERK, makeTestApp, type TestApp } from '../harness';
import { createRecordingNotifier } from '../../../server/adapters/local/recording.notifier';
import { consentId } from '../../../server/push/consent';
import { type PushDeps } from '../../../server/ports/push.port';
import { preparePushJob } from '../../../server/push/prepare-push-job';
import { resumePushJobs, runPushJob } from '../../../server/push/push-job';
import { createPushJob, deliveryCounts, newPushJob, publishJobId, pushSummary, unfinishedPushJobs } from '../../../server/push/push-job.records';
import { type PushRunOptions } from '../../../server/push/push-options';
import { classifyNotifyResult, backoffMs } from '../../../server/push/notify-outcome';
import { TIMER_RUN } from '../../../server/cloud/cloud-push-timer';
import { composeNoticeMessage, noticeMessage, thing } from '../../../server/use-cases/notices/notice-message.text';
import type { Notifier, NotifyResult } from '../../../server/ports/notifier.port';
import type { Store } from '../../../server/ports/store.port';
import { findAllDocs, readDoc } from '../../../server/runtime/documents';
import { type NoticeDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { consentDoc, noticeDeliveryDoc, pushJobDoc } from '../../../src/contracts/documents/push-documents.schema';
import { eligible, makeVillage, messagesPerOpenid, TEMPLATE, type Village } from './notice-fixture';

const BUSY: Extract<NotifyResult, { ok: false }> = { ok: false, transient: true, errCode: -1, errMsg: 'system error' };
const MINUTE_QUOTA: Extract<NotifyResult, { ok: false }> = { ok: false, transient: true, errCode: 45011, errMsg: 'api minute-quota reach limit' };

/** Virtual milliseconds: sleeping advances them; every sleep yields to the other workers. */
function virtualTime() {
  let now = 0;
  return {
    elapsed: () => now,
    sleep: async (ms: number) => {
      now += Math.max(0, ms);
      await new Promise((r) => setImmediate(r));
    },
  };
}

/** At most `perWindow` accepted calls per window of virtual time; the rest get 45011 (nothing delivered). */
function rateLimited(inner: Notifier, time: { elapsed: () => number }, perWindow: number, windowMs: number): Notifier & { limited: number } {
  let window = -1;
  let used = 0;
  const n = {
    limited: 0,
    async send(msg: Parameters<Notifier['send']>[0]) {
      const w = Math.floor(time.elapsed() / windowMs);
      if (w !== window) {
        window = w;
        used = 0;
      }
      if (used >= perWindow) {
        n.limited += 1;
        return MINUTE_QUOTA;
      }
      used += 1;
      return inner.send(msg);
    },
  };
  return n;
}

/** Delivers the message, then dies before its caller can record it (after `okSends` good sends). */
function crashingAfter(inner: Notifier, okSends: number): Notifier & { crashedFor: string | null } {
  let n = 0;
  const c = {
    crashedFor: null as string | null,
    async send(msg: Parameters<Notifier['send']>[0]) {
      const r = await inner.send(msg);
      if (r.ok && ++n === okSends + 1) {
        c.crashedFor = msg.openid;
        throw new Error('worker killed');
      }
      return r;
    },
  };
  return c;
}

async function seedNotice(store: Store, v: Village, at: string): Promise<string> {
  const noticeId = 'n_fanouttest01';
  const notice: NoticeDoc = {
    electionId: v.electionId,
    villageId: v.villageId,
    type: 'freeText',
    title: '关于做好选民登记工作的通知',
    body: '请各位选民核对登记信息。',
    attachment: null,
    publishedAt: at,
    publishedBy: 'wx:test',
    corrects: null,
  };
  await store.runTransaction(async (tx) => {
    await tx.set('notice', noticeId, notice);
    await createPushJob(tx, publishJobId(noticeId), newPushJob({ electionId: v.electionId, villageId: v.villageId, noticeId, kind: 'publish', round: 0 }, at));
  });
  return noticeId;
}

function depsWith(t: TestApp, notifier: Notifier): PushDeps {
  return { store: t.app.store, clock: t.app.clock, log: t.app.log, notifier, composeMessage: composeNoticeMessage };
}

async function statuses(store: Store, jobId: string) {
  return new Map((await findAllDocs(store, 'noticeDelivery', { jobId }, noticeDeliveryDoc)).map((d) => [d.voterId, d]));
}

/** Fails the first attempt to each `every`-th recipient with a transient error (WeChat busy); the retry goes through. */
function busyOnceFor(inner: Notifier, every: number): Notifier & { busy: number } {
  const seen = new Map<string, number>();
  const n = {
    busy: 0,
    async send(msg: Parameters<Notifier['send']>[0]) {
      if (!seen.has(msg.openid)) seen.set(msg.openid, seen.size);
      if (seen.get(msg.openid)! % every === 0 && !seen.has(`${msg.openid}#retried`)) {
        seen.set(`${msg.openid}#retried`, -1);
        n.busy += 1;
        return BUSY;
      }
      return inner.send(msg);
    },
  };
  return n;
}

describe('fan-out to 3,000 recipients through committee.publishNotice', () => {
  let t: TestApp;
  let v: Village;
  beforeAll(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    // 3,000 registered voters plus 60 pending migrants who consented but are not on the list;
    // 1 in 10 not bound, 2 in 10 of the bound without a consent, every 7th with two consents.
    v = await makeVillage(t, {
      voters: 3_060,
      status: (i) => (i >= 3_000 ? 'pending' : 'registered'),
      category: (i) => (i >= 3_000 || i % 5 === 0 ? 'B' : 'A'),
      consents: (i) => (i >= 3_000 ? 1 : i % 10 < 8 ? (i % 7 === 0 ? 2 : 1) : 0),
    });
  }, 60_000);
  afterAll(() => t.close());

  it('sends exactly one message to every eligible voter and none to the others, through failures and a rate limit', async () => {
    // Simulated WeChat: 400 messages per minute (then 45011, nothing delivered), and every
    // 37th recipient's first attempt answered "system busy". The minute is virtual: it moves
    // only when the timer's runs sleep, so the publishing invocation hits the limit and stops.
    const time = virtualTime();
    const wechat = createRecordingNotifier(t.app.clock);
    const flaky = busyOnceFor(wechat, 37);
    const limited = rateLimited(flaky, time, 400, 60_000);
    t.setNotifier(limited);

    const started = performance.now();
    const pub = await t.ok<{ notice: { id: string }; push: { status: string; counts: Record<string, number> } }>(
      'committee',
      { action: 'publishNotice', electionId: v.electionId, type: 'freeText', title: '关于核对选民名单的通知', body: '请各位选民在3月5日前核对自己的登记信息。' },
      CLERK,
    );
    const publishMs = performance.now() - started;
    // The publishing call pushed what the minute allowed; the rest waits for the timer.
    expect(pub.push).toMatchObject({ status: 'running' });
    expect(pub.push.counts.sent).toBeGreaterThan(0);
    expect(pub.push.counts.pending).toBeGreaterThan(0);

    // The notices function's timer trigger, once a (virtual) minute, until the job is done.
    const tickOptions: PushRunOptions = { ...TIMER_RUN, concurrency: 32, groupCommit: 32, backoff: { baseMs: 1_000, maxMs: 8_000 }, ...time };
    const deps = depsWith(t, limited);
    let ticks = 0;
    while ((await unfinishedPushJobs(deps)).length > 0 && ticks < 30) {
      ticks += 1;
      await resumePushJobs(deps, tickOptions);
      await time.sleep(60_000);
    }
    const report = await pushSummary(deps, publishJobId(pub.notice.id));
    console.info(
      `fan-out via publishNotice: ${report.counts.total} deliveries, ${report.counts.sent} sent; ${pub.push.counts.sent} in the publishing call (${Math.round(publishMs)} ms), the rest in ${ticks} timer ticks; ${limited.limited} rate-limited answers, ${flaky.busy} busy answers, virtual ${Math.round(time.elapsed() / 1000)} s, ${Math.round(performance.now() - started)} ms in all`,
    );

    const expected = v.people.filter(eligible);
    expect(expected.length).toBeGreaterThan(2_000);
    expect(report).toMatchObject({ status: 'done', counts: { sent: expected.length, pending: 0, sending: 0, failed: 0, unknown: 0 } });
    expect(report.counts.noConsent).toBe(v.people.filter((p) => p.status === 'registered' && p.openid && p.consents === 0).length);
    expect(limited.limited).toBeGreaterThan(0);
    expect(flaky.busy).toBeGreaterThan(0);

    const per = messagesPerOpenid(wechat);
    for (const p of v.people) expect([p.voterId, per.get(p.openid ?? '') ?? 0]).toEqual([p.voterId, eligible(p) ? 1 : 0]);
    // Each eligible voter spent exactly one consent; the others kept theirs.
    for (const p of v.people.filter((x) => x.openid && x.consents > 0).slice(0, 400)) {
      const c = await readDoc(t.app.store, 'consent', consentId(p.openid!, TEMPLATE), consentDoc);
      expect(c?.unused).toBe(eligible(p) ? p.consents - 1 : p.consents);
    }

    // Another tick sends nothing.
    const again = await runPushJob(deps, publishJobId(pub.notice.id), tickOptions);
    expect(again.sentThisRun).toBe(0);
    expect(wechat.deliveries().filter((d) => d.result.ok).length).toBe(expected.length);
  }, 60_000);
});

describe.each([1, 8])('crash mid-fan-out and restart (group commit %i)', (groupCommit) => {
  let t: TestApp;
  let v: Village;
  let jobId: string;
  const time = virtualTime();
  const options: PushRunOptions = { concurrency: 8, groupCommit, maxAttempts: 3, backoff: { baseMs: 10, maxMs: 10 }, leaseMs: 5 * 60_000, ...time };
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    v = await makeVillage(t, { voters: 400 });
    jobId = publishJobId(await seedNotice(t.app.store, v, t.app.clock.now().toISOString()));
  });
  afterEach(() => t.close());

  it('sends nothing twice: the delivery caught in the crash becomes unknown, the rest is finished on restart', async () => {
    const wechat = createRecordingNotifier(t.app.clock);
    const crashing = crashingAfter(wechat, 120);
    await expect(runPushJob(depsWith(t, crashing), jobId, options)).rejects.toThrow('worker killed');
    const sentBefore = wechat.deliveries().filter((d) => d.result.ok).length;
    expect(sentBefore).toBeGreaterThan(120);
    const mid = await statuses(t.app.store, jobId);
    const stuck = [...mid.values()].filter((d) => d.status === 'sending');
    expect(stuck.map((d) => d.openid)).toEqual([crashing.crashedFor]);
    expect((await readDoc(t.app.store, 'pushJob', jobId, pushJobDoc))?.status).toBe('running');

    // Restart while the dead worker's lease still runs: everything else is sent, that one waits.
    const early = await runPushJob(depsWith(t, wechat), jobId, options);
    expect(early).toMatchObject({ status: 'running', counts: { sending: 1, pending: 0 } });

    // After the lease: written off as unknown, never sent again; the job is done.
    t.setNow('2026-03-01T02:10:00.000Z');
    const late = await runPushJob(depsWith(t, wechat), jobId, options);
    const expected = v.people.filter(eligible).length;
    expect(late).toMatchObject({ status: 'done', counts: { unknown: 1, sent: expected - 1, sending: 0, pending: 0 } });
    const per = messagesPerOpenid(wechat);
    expect(Math.max(...per.values())).toBe(1);
    expect(per.size).toBe(expected);
    expect(per.get(crashing.crashedFor!)).toBe(1);
    const unknown = [...(await statuses(t.app.store, jobId)).values()].find((d) => d.status === 'unknown')!;
    expect(unknown.lastError?.errMsg).toMatch(/LEASE_EXPIRED/);
    // The consent stays spent: WeChat most likely delivered it.
    expect(unknown.consentHeld).toBe(true);
  });

  it('resumes an interrupted preparation without duplicating deliveries', async () => {
    let txs = 0;
    const store = t.app.store;
    const failing: Store = { ...store, find: store.find.bind(store), count: store.count.bind(store), get: store.get.bind(store), runTransaction: (fn) => (++txs === 3 ? Promise.reject(new Error('function timed out')) : store.runTransaction(fn)) };
    await expect(preparePushJob({ ...depsWith(t, createRecordingNotifier()), store: failing }, jobId, { batchSize: 50 })).rejects.toThrow('timed out');
    const partial = await store.count('noticeDelivery', { jobId });
    expect(partial).toBe(100);
    const wechat = createRecordingNotifier(t.app.clock);
    const r = await runPushJob(depsWith(t, wechat), jobId, { ...options, batchSize: 50 });
    expect(r.status).toBe('done');
    expect(r.counts.total).toBe(v.people.filter((p) => p.openid && p.status === 'registered').length);
    expect(Math.max(...messagesPerOpenid(wechat).values())).toBe(1);
    expect(messagesPerOpenid(wechat).size).toBe(v.people.filter(eligible).length);
  });

  it('stops at its time budget and the timer resumes the rest', async () => {
    const wechat = createRecordingNotifier(t.app.clock);
    const slow: Notifier = { send: async (m) => (await time.sleep(100), wechat.send(m)) };
    const first = await runPushJob(depsWith(t, slow), jobId, { ...options, concurrency: 4, budgetMs: 2_000 });
    expect(first).toMatchObject({ status: 'running', stoppedBy: 'budget' });
    expect(first.counts.sent).toBeGreaterThan(0);
    expect(first.counts.pending).toBeGreaterThan(0);
    const [resumed] = await resumePushJobs(depsWith(t, wechat), options);
    expect(resumed).toMatchObject({ jobId, status: 'done' });
    expect(Math.max(...messagesPerOpenid(wechat).values())).toBe(1);
    expect(messagesPerOpenid(wechat).size).toBe(v.people.filter(eligible).length);
  });
});

describe('delivery outcomes', () => {
  let t: TestApp;
  let v: Village;
  let jobId: string;
  const options: PushRunOptions = { concurrency: 1, maxAttempts: 3, backoff: { baseMs: 0, maxMs: 0 }, ...virtualTime() };
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    v = await makeVillage(t, { voters: 3, bound: () => true, consents: () => 1 });
    jobId = publishJobId(await seedNotice(t.app.store, v, t.app.clock.now().toISOString()));
  });
  afterEach(() => t.close());
  const consentOf = (i: number) => readDoc(t.app.store, 'consent', consentId(v.people[i]!.openid!, TEMPLATE), consentDoc);

  it('gives up after maxAttempts transient failures and refunds the consent', async () => {
    const wechat = createRecordingNotifier(t.app.clock);
    wechat.failNext(BUSY, BUSY, BUSY);
    const r = await runPushJob(depsWith(t, wechat), jobId, options);
    expect(r.counts).toMatchObject({ failed: 1, sent: 2 });
    const failed = [...(await statuses(t.app.store, jobId)).values()].find((d) => d.status === 'failed')!;
    expect(failed).toMatchObject({ attempts: 3, consentHeld: false, lastError: { errCode: -1 } });
    const i = v.people.findIndex((p) => p.voterId === failed.voterId);
    expect((await consentOf(i))?.unused).toBe(1);
  });

  it('treats a lost reply as unknown and never retries it', async () => {
    const wechat = createRecordingNotifier(t.app.clock);
    wechat.failNext({ ok: false, transient: true, errMsg: 'ESOCKETTIMEDOUT' });
    const r = await runPushJob(depsWith(t, wechat), jobId, options);
    expect(r.counts).toMatchObject({ unknown: 1, sent: 2 });
    expect(wechat.deliveries()).toHaveLength(3);
  });

  it('zeroes the consent when WeChat says none is left (43101), refunds it on other refusals', async () => {
    const wechat = createRecordingNotifier(t.app.clock);
    wechat.failNext({ ok: false, transient: false, errCode: 43101, errMsg: 'user refuse to accept the msg' }, { ok: false, transient: false, errCode: 47003, errMsg: 'argument invalid' });
    await runPushJob(depsWith(t, wechat), jobId, options);
    const byVoter = await statuses(t.app.store, jobId);
    const unused = await Promise.all(v.people.map(async (p, i) => [byVoter.get(p.voterId)?.lastError?.errCode ?? null, (await consentOf(i))?.unused]));
    expect(unused.sort()).toEqual([[43101, 0], [47003, 1], [null, 0]].sort());
  });

  it('stops on the daily quota without spending the delivery, and finishes later', async () => {
    const wechat = createRecordingNotifier(t.app.clock);
    wechat.failNext({ ok: false, transient: true, errCode: 45009, errMsg: 'reach max api daily quota limit' });
    const first = await runPushJob(depsWith(t, wechat), jobId, options);
    expect(first).toMatchObject({ status: 'running', stoppedBy: 'dailyQuota', counts: { pending: 3 } });
    const next = await runPushJob(depsWith(t, wechat), jobId, options);
    expect(next).toMatchObject({ status: 'done', counts: { sent: 3 } });
    expect((await consentOf(0))?.unused).toBe(0);
    expect(Math.max(...messagesPerOpenid(wechat).values())).toBe(1);
  });

  it('rejects waiting out a rate-limit pause that outlasts the budget: a retrying worker stops too', async () => {
    const time = virtualTime();
    const wechat = createRecordingNotifier(t.app.clock);
    // One worker's delivery is busy (retry after 1 s); meanwhile the other's hits the minute quota.
    wechat.failNext(BUSY, MINUTE_QUOTA);
    const r = await runPushJob(depsWith(t, wechat), jobId, { ...options, ...time, concurrency: 2, backoff: { baseMs: 1_000, maxMs: 1_000 }, rateLimitPauseMs: 60_000, budgetMs: 10_000 });
    expect(r).toMatchObject({ status: 'running', stoppedBy: 'budget', counts: { pending: 3, sent: 0 } });
    expect(time.elapsed()).toBeLessThan(10_000);
    const next = await runPushJob(depsWith(t, wechat), jobId, options);
    expect(next).toMatchObject({ status: 'done', counts: { sent: 3 } });
    expect(Math.max(...messagesPerOpenid(wechat).values())).toBe(1);
  });

  it('does not send to a voter who unbound after the job was prepared, and refunds nothing it did not spend', async () => {
    await preparePushJob(depsWith(t, createRecordingNotifier()), jobId);
    await t.app.store.update('voter', v.people[0]!.voterId, { boundTo: null });
    const wechat = createRecordingNotifier(t.app.clock);
    const r = await runPushJob(depsWith(t, wechat), jobId, options);
    expect(r.counts).toMatchObject({ noConsent: 1, sent: 2 });
    expect(messagesPerOpenid(wechat).has(v.people[0]!.openid!)).toBe(false);
    expect((await consentOf(0))?.unused).toBe(1);
    expect(await deliveryCounts(t.app, { noticeId: jobId })).toMatchObject({ total: 3 });
  });
});

describe('notifier outcomes and the message', () => {
  it('classifies WeChat answers', () => {
    expect(classifyNotifyResult({ ok: true }).kind).toBe('sent');
    expect(classifyNotifyResult(BUSY).kind).toBe('retry');
    expect(classifyNotifyResult(MINUTE_QUOTA).kind).toBe('rateLimited');
    expect(classifyNotifyResult({ ok: false, transient: true, errCode: -501004, errMsg: 'x' }).kind).toBe('rateLimited');
    expect(classifyNotifyResult({ ok: false, transient: true, errCode: -604102, errMsg: 'timeout' }).kind).toBe('unknown');
    expect(classifyNotifyResult({ ok: false, transient: true, errMsg: 'no reply' }).kind).toBe('unknown');
    expect(classifyNotifyResult({ ok: false, transient: false, errCode: 40003, errMsg: 'bad openid' }).kind).toBe('failed');
  });
  it('backs off exponentially, capped', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, { baseMs: 1000, maxMs: 8000 }))).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
  it('fits the template: thing ≤ 20 characters, the notice page, Shanghai time', () => {
    const m = noticeMessage({ openid: 'o1', templateId: 'T', noticeId: 'n_1', title: '关于公布清溪村第十二届村民委员会换届选举选民名单的公告', publishedAt: '2026-03-02T01:30:00.000Z', committeeName: '清溪村村民选举委员会', reminder: false });
    expect(m.page).toBe('subpackages/notice/pages/detail/index?id=n_1');
    expect([...m.data.thing1!.value]).toHaveLength(20);
    expect(m.data.time2!.value).toBe('2026年3月2日 09:30');
    expect(thing('短标题')).toBe('短标题');
  });
});

