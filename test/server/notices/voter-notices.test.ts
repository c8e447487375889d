import { CLERK, CLOUDBASE_LATENCY, describeEachStore, makeTestApp, type TestApp } from '../harness';
import { makeVillage, messagesPerOpenid, recording, TEMPLATE, type Village } from './notice-fixture';
import { NOTICE_PAGE_SIZE } from '../../../src/contracts/notice.contract';
import { spendConsent } from '../../../server/push/consent';
import type { Settings } from '../../../server/config/settings';

type Item = { id: string; title: string; read: boolean; readAt: string | null; correctedBy: string | null };
type Listed = { electionId: string; notices: Item[]; unread: number; pushesOwed: number; subscribeTemplateId: string };

describe('notices for the villager', () => {
  let t: TestApp;
  let v: Village;
  let reader: string;
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    v = await makeVillage(t, { voters: 12, consents: () => 0 });
    reader = v.people[0]!.openid!;
  });
  afterEach(() => t.close());

  const freeText = async (title: string) =>
    (await t.ok<{ notice: { id: string } }>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'freeText', title, body: `${title}的内容。` }, CLERK)).notice.id;

  describe('notices.subscribe', () => {
    it('records one consent per accepted template and shows the pushes owed', async () => {
      const r = await t.ok<{ recorded: number; pushesOwed: number; templates: { templateId: string; unused: number }[] }>(
        'notices',
        { action: 'subscribe', electionId: v.electionId, templateIds: [TEMPLATE], accepted: [TEMPLATE] },
        reader,
      );
      expect(r).toEqual({ recorded: 1, pushesOwed: 1, templates: [{ templateId: TEMPLATE, unused: 1 }] });
      const again = await t.ok<{ pushesOwed: number }>('notices', { action: 'subscribe', templateIds: [TEMPLATE], accepted: [TEMPLATE] }, reader);
      expect(again.pushesOwed).toBe(2);
      expect(await t.ok<Listed>('notices', { action: 'list' }, reader)).toMatchObject({ pushesOwed: 2 });
    });
    it('records nothing for a declined request', async () => {
      expect(await t.ok('notices', { action: 'subscribe', templateIds: [TEMPLATE], accepted: [] }, reader)).toMatchObject({ recorded: 0, pushesOwed: 0 });
    });
    it('gives the client the deployment’s notice template in notices.list, and records consents for it only', async () => {
      expect(await t.ok<Listed>('notices', { action: 'list' }, reader)).toMatchObject({ subscribeTemplateId: TEMPLATE });
      // Another deployment, another template (setting NOTICE_TEMPLATE_ID).
      (t.app as { settings: Settings }).settings = { ...t.app.settings, noticeTemplateId: 'Configured_notice_tmpl_42' };
      expect(await t.ok<Listed>('notices', { action: 'list' }, reader)).toMatchObject({ subscribeTemplateId: 'Configured_notice_tmpl_42' });
      expect(await t.call('notices', { action: 'subscribe', templateIds: [TEMPLATE], accepted: [TEMPLATE] }, reader)).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'TEMPLATE_UNKNOWN' });
      expect(await t.ok('notices', { action: 'subscribe', templateIds: ['Configured_notice_tmpl_42'], accepted: ['Configured_notice_tmpl_42'] }, reader)).toMatchObject({
        recorded: 1,
        templates: [{ templateId: 'Configured_notice_tmpl_42', unused: 1 }],
      });
    });
    it('rejects a template that is not the deployment’s notice template, and records nothing', async () => {
      for (const templateIds of [['OtherTemplate_abcdef'], [TEMPLATE, 'OtherTemplate_abcdef']]) {
        const r = await t.call('notices', { action: 'subscribe', templateIds, accepted: templateIds }, reader);
        expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'TEMPLATE_UNKNOWN', message: expect.stringContaining('不是本小程序的公告提醒消息') });
      }
      expect(await t.app.store.count('consent', { openid: reader })).toBe(0);
    });
    it('rejects an accepted template that was not asked for, and an unbound caller', async () => {
      expect(await t.call('notices', { action: 'subscribe', templateIds: [TEMPLATE], accepted: ['Smuggled_template_1'] }, reader)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
      expect(await t.call('notices', { action: 'subscribe', templateIds: [TEMPLATE], accepted: [TEMPLATE] }, 'o-stranger')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', reason: 'NOT_BOUND' });
    });
    it('lets a single push spend a consent inside its own transaction, never below zero', async () => {
      await t.ok('notices', { action: 'subscribe', templateIds: [TEMPLATE], accepted: [TEMPLATE] }, reader);
      const at = t.app.clock.now().toISOString();
      const spend = () => t.app.store.runTransaction((tx) => spendConsent(tx, reader, TEMPLATE, at));
      expect([await spend(), await spend()]).toEqual([true, false]);
      expect(await t.ok<Listed>('notices', { action: 'list' }, reader)).toMatchObject({ pushesOwed: 0 });
    });

    it('pushes one message per consent: two notices, one consent → one message', async () => {
      await t.ok('notices', { action: 'subscribe', templateIds: [TEMPLATE], accepted: [TEMPLATE] }, reader);
      await freeText('第一份通知');
      await freeText('第二份通知');
      expect(messagesPerOpenid(recording(t)).get(reader)).toBe(1);
      const sent = recording(t).deliveries().find((d) => d.message.openid === reader)!;
      expect(sent.message).toMatchObject({ templateId: TEMPLATE, page: expect.stringMatching(/^subpackages\/notice\/pages\/detail\/index\?id=n_/), data: { thing1: { value: '第一份通知' } } });
      expect(await t.ok<Listed>('notices', { action: 'list' }, reader)).toMatchObject({ pushesOwed: 0 });
    });
  });

  describe('notices.list and notices.get', () => {
    it('lists the election’s notices newest first, with read flags and the unread count', async () => {
      const a = await freeText('第一份通知');
      t.setNow('2026-03-01T03:00:00.000Z');
      const b = await freeText('第二份通知');
      const r = await t.ok<Listed>('notices', { action: 'list' }, reader);
      expect(r).toMatchObject({ electionId: v.electionId, unread: 2 });
      expect(r.notices.map((n) => n.id)).toEqual([b, a]);
      await t.ok('notices', { action: 'markRead', noticeId: a }, reader);
      const after = await t.ok<Listed>('notices', { action: 'list' }, reader);
      expect(after.unread).toBe(1);
      expect(after.notices.find((n) => n.id === a)).toMatchObject({ read: true, readAt: '2026-03-01T03:00:00.000Z' });
    });

    it('pages a long frozen list, names and groups only, for voters and the committee', async () => {
      const big = await makeVillage(t, { voters: 260, name: '大村', consents: () => 0, openidPrefix: 'big' });
      const { notice } = await t.ok<{ notice: { id: string } }>('committee', { action: 'publishNotice', electionId: big.electionId, type: 'voterList' }, CLERK);
      const voter = big.people.find((p) => p.openid)!.openid!;
      const page3 = await t.ok<{ attachment: { count: number; page: number; pages: number; pageSize: number; entries: { no: number }[] } }>('notices', { action: 'get', noticeId: notice.id, page: 3 }, voter);
      expect(page3.attachment).toMatchObject({ count: 260, page: 3, pages: 3, pageSize: NOTICE_PAGE_SIZE });
      expect(page3.attachment.entries.map((e) => e.no)).toEqual(Array.from({ length: 60 }, (_, i) => 201 + i));
      expect(await t.call('notices', { action: 'get', noticeId: notice.id }, CLERK)).toMatchObject({ ok: true, data: { notice: { read: false } } });
      // A voter of another village does not see it exists.
      expect(await t.call('notices', { action: 'get', noticeId: notice.id }, reader)).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'NOTICE_UNKNOWN' });
    });
  });

  describe('notices.markRead', () => {
    it('records a read once per voter per notice; repeating changes nothing', async () => {
      const id = await freeText('选民登记通知');
      const first = await t.ok<{ firstRead: boolean; readAt: string; unread: number }>('notices', { action: 'markRead', noticeId: id }, reader);
      expect(first).toMatchObject({ firstRead: true, unread: 0 });
      t.setNow('2026-03-02T02:00:00.000Z');
      const second = await t.ok<{ firstRead: boolean; readAt: string }>('notices', { action: 'markRead', noticeId: id }, reader);
      expect(second).toEqual({ noticeId: id, firstRead: false, readAt: first.readAt, unread: 0 });
      expect(await t.app.store.count('read', { noticeId: id })).toBe(1);
      expect(await t.app.store.get('read', `${id}:${v.people[0]!.voterId}`)).toMatchObject({ voterId: v.people[0]!.voterId, group: v.people[0]!.group });
    });
    it('answers how many of the election\'s notices the voter has still not read, as notices.list counts them', async () => {
      const [a, b] = [await freeText('选民登记通知'), await freeText('投票安排通知')];
      await freeText('候选人提名通知');
      const other = await makeVillage(t, { voters: 2, name: '邻村', openidPrefix: 'next' });
      await t.ok('committee', { action: 'publishNotice', electionId: other.electionId, type: 'freeText', title: '邻村通知', body: '邻村的通知。' }, CLERK);
      const listed = async () => (await t.ok<{ unread: number }>('notices', { action: 'list' }, reader)).unread;
      const total = await listed();
      expect(total).toBeGreaterThanOrEqual(3);
      expect(await t.ok('notices', { action: 'markRead', noticeId: a }, reader)).toMatchObject({ firstRead: true, unread: total - 1 });
      expect(await t.ok('notices', { action: 'markRead', noticeId: a }, reader)).toMatchObject({ firstRead: false, unread: total - 1 });
      expect(await t.ok('notices', { action: 'markRead', noticeId: b }, reader)).toMatchObject({ firstRead: true, unread: total - 2 });
      expect(await listed()).toBe(total - 2);
    });
    it('counts concurrent taps once', async () => {
      const id = await freeText('选民登记通知');
      const taps = await Promise.all(Array.from({ length: 5 }, () => t.ok<{ firstRead: boolean }>('notices', { action: 'markRead', noticeId: id }, reader)));
      expect(taps.filter((x) => x.firstRead)).toHaveLength(1);
      expect(await t.app.store.count('read', { noticeId: id })).toBe(1);
    });
    it('rejects a notice of another election and an unbound caller', async () => {
      const other = await makeVillage(t, { voters: 2, name: '邻村', openidPrefix: 'next' });
      const { notice } = await t.ok<{ notice: { id: string } }>('committee', { action: 'publishNotice', electionId: other.electionId, type: 'freeText', title: '邻村通知', body: '邻村的通知。' }, CLERK);
      expect(await t.call('notices', { action: 'markRead', noticeId: notice.id }, reader)).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'NOTICE_UNKNOWN' });
      expect(await t.call('notices', { action: 'markRead', noticeId: notice.id }, 'o-nobody')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', reason: 'NOT_BOUND' });
    });
  });
});

/** Concurrent taps on both stores (issue 7): CloudBase's snapshot transactions, 20 ± 10 ms per call. */
describeEachStore('notices.markRead races', (kind) => {
  let t: TestApp;
  let v: Village;
  beforeEach(async () => {
    t = makeTestApp({ store: kind });
    t.fake?.setLatency(0, 0);
    v = await makeVillage(t, { voters: 6, consents: () => 0 });
    t.fake?.setLatency(CLOUDBASE_LATENCY.latencyMs, CLOUDBASE_LATENCY.jitterMs);
  });
  afterEach(() => t.close());

  it('counts one voter tapping five times at once as one first read', async () => {
    const { notice } = await t.ok<{ notice: { id: string } }>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'freeText', title: '选民登记通知', body: '内容。' }, CLERK);
    const reader = v.people[0]!.openid!;
    const taps = await Promise.all(Array.from({ length: 5 }, () => t.ok<{ firstRead: boolean }>('notices', { action: 'markRead', noticeId: notice.id }, reader)));
    expect(taps.filter((x) => x.firstRead)).toHaveLength(1);
    expect(await t.app.store.count('read', { noticeId: notice.id })).toBe(1);
  });

  it('records every one of several voters reading at once', async () => {
    const { notice } = await t.ok<{ notice: { id: string } }>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'freeText', title: '选民登记通知', body: '内容。' }, CLERK);
    const readers = v.people.filter((p) => p.openid).map((p) => p.openid!);
    const rs = await Promise.all(readers.map((o) => t.call('notices', { action: 'markRead', noticeId: notice.id }, o)));
    expect(rs.filter((r) => !r.ok)).toEqual([]);
    expect(await t.app.store.count('read', { noticeId: notice.id })).toBe(readers.length);
  });
});
