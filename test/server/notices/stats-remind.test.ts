import { CLERK, makeTestApp, type TestApp } from '../harness';
import { eligible, GROUPS, makeVillage, messagesPerOpenid, recording, type Village } from './notice-fixture';

type Rate = { readers: number; registered: number; rate: number | null; label: string };
type Stats = {
  notices: { id: string; awareness: Rate; correctedBy: string | null }[];
  types: { type: string; allowed: boolean; reason: string | null; message: string | null; lastDay: string | null }[];
  detail: {
    awareness: { overall: Rate; byGroup: (Rate & { group: string })[]; migrants: Rate; residents: Rate };
    deliveries: Record<string, number>;
    jobs: { jobId: string; kind: string; status: string }[];
    unread: { total: number; withConsent: number; callOnly: number; onCallList: number; pushUnknown: number };
    callList: Reminded['callList'] | null;
  } | null;
};
type Reminded = {
  push: { jobId: string; status: string; counts: Record<string, number> };
  callList: { name: string; group: string; category: string; phoneMasked: string | null; why: string; whyLabel: string }[];
};

describe('知晓率 and reminders', () => {
  let t: TestApp;
  let v: Village;
  let noticeId: string;
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    // 30 voters over three groups; every 5th a migrant (B); two pending (off the list).
    v = await makeVillage(t, { voters: 30, status: (i) => (i === 28 || i === 29 ? 'pending' : 'registered'), consents: (i) => (i % 10 < 6 ? 2 : 0) });
    noticeId = (await t.ok<{ notice: { id: string } }>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'nominationWindow' }, CLERK)).notice.id;
  });
  afterEach(() => t.close());

  const stats = (id?: string) => t.ok<Stats>('committee', { action: 'noticeStats', electionId: v.electionId, ...(id ? { noticeId: id } : {}) }, CLERK);
  const read = (i: number) => t.ok('notices', { action: 'markRead', noticeId }, v.people[i]!.openid!);

  it('computes 知晓率 overall, per group, and for migrants apart', async () => {
    // Readers: 0 (一组, B), 1 (二组, A), 3 (一组, A), 5 (三组, B), 28 (pending: not counted).
    for (const i of [0, 1, 3, 5, 28]) await read(i);
    const s = await stats(noticeId);
    expect(s.detail!.awareness.overall).toEqual({ readers: 4, registered: 28, rate: 0.1429, label: '14.3%' });
    const byGroup = Object.fromEntries(s.detail!.awareness.byGroup.map((g) => [g.group, [g.readers, g.registered]]));
    expect(byGroup).toEqual({ [GROUPS[0]!]: [2, 10], [GROUPS[1]!]: [1, 9], [GROUPS[2]!]: [1, 9] });
    expect(s.detail!.awareness.migrants).toMatchObject({ readers: 2, registered: 6 });
    expect(s.detail!.awareness.residents).toMatchObject({ readers: 2, registered: 22 });
    expect(s.notices.find((n) => n.id === noticeId)!.awareness).toMatchObject({ readers: 4, registered: 28 });
  });

  it('moves the rate as villagers read, and counts each reader once', async () => {
    await read(1);
    await read(1);
    expect((await stats(noticeId)).detail!.awareness.overall.readers).toBe(1);
    await read(2);
    expect((await stats(noticeId)).detail!.awareness.overall.readers).toBe(2);
  });

  it('reports the deliveries of the publication push by status', async () => {
    const s = await stats(noticeId);
    const registered = v.people.filter((p) => p.status === 'registered');
    expect(s.detail!.deliveries).toMatchObject({
      sent: registered.filter(eligible).length,
      noConsent: registered.filter((p) => p.openid && !p.consents).length,
      pending: 0,
      failed: 0,
    });
    expect(s.detail!.jobs).toEqual([expect.objectContaining({ jobId: noticeId, kind: 'publish', status: 'done' })]);
  });

  it('lists which notice types may be published today, and why not', async () => {
    const s = await stats();
    expect(s.detail).toBeNull();
    const byType = Object.fromEntries(s.types.map((x) => [x.type, x]));
    expect(byType.freeText).toMatchObject({ allowed: true });
    expect(byType.voterList).toMatchObject({ allowed: true, lastDay: expect.any(String) });
    expect(byType.formalCandidates).toMatchObject({ allowed: false, reason: 'NOT_YET_OPEN' });
    expect(byType.objectionResults).toMatchObject({ allowed: false, reason: 'DATA_NOT_READY' });
  });

  describe('committee.remindUnread', () => {
    it('pushes again only to unread voters with a consent left, and lists the rest for a call', async () => {
      for (const i of [0, 1, 2]) await read(i);
      const before = messagesPerOpenid(recording(t));
      const r = await t.ok<Reminded>('committee', { action: 'remindUnread', electionId: v.electionId, noticeId }, CLERK);
      const after = messagesPerOpenid(recording(t));
      const registered = v.people.map((p, i) => ({ ...p, i })).filter((p) => p.status === 'registered');
      const unread = registered.filter((p) => ![0, 1, 2].includes(p.i));
      // Two consents each: the publication spent one, the reminder the other.
      for (const p of registered) {
        const extra = (after.get(p.openid ?? '') ?? 0) - (before.get(p.openid ?? '') ?? 0);
        expect([p.i, extra]).toEqual([p.i, unread.includes(p) && eligible(p) ? 1 : 0]);
      }
      expect(r.push).toMatchObject({ status: 'done', counts: { sent: unread.filter(eligible).length } });
      const reminder = recording(t).deliveries().at(-1)!;
      expect(reminder.message.data.thing3!.value).toContain('还没有阅读');

      expect(r.callList).toHaveLength(unread.filter((p) => !eligible(p)).length);
      expect(new Set(r.callList.map((c) => c.why))).toEqual(new Set(['notBound', 'noConsent']));
      expect(r.callList.map((c) => c.group)).toEqual([...r.callList.map((c) => c.group)].sort((a, b) => GROUPS.indexOf(a) - GROUPS.indexOf(b)));
      // Masked phones only (a sealed one is dialled through committee.revealPhone); never an ID number or a clear phone number.
      for (const c of r.callList) {
        expect(Object.keys(c).sort()).toEqual(['callable', 'category', 'group', 'name', 'phoneMasked', 'voterId', 'why', 'whyLabel']);
        if (c.phoneMasked !== null) expect(c.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      }
      expect(JSON.stringify(r)).not.toMatch(/\d{11}|\d{17}[\dXx]/);
      expect(r.callList.some((c) => c.phoneMasked !== null)).toBe(true);
    });

    it('masks a clear phone number that slipped into the store', async () => {
      const unbound = v.people.findIndex((p) => p.openid === null && p.status === 'registered');
      await t.app.store.update('voter', v.people[unbound]!.voterId, { phoneMasked: '13812345678' });
      const r = await t.ok<Reminded>('committee', { action: 'remindUnread', electionId: v.electionId, noticeId }, CLERK);
      expect(r.callList.map((c) => c.phoneMasked)).toContain('138****5678');
      expect(JSON.stringify(r)).not.toContain('13812345678');
    });

    it('counts reminder deliveries in the notice stats, by round', async () => {
      await t.ok('committee', { action: 'remindUnread', electionId: v.electionId, noticeId }, CLERK);
      const s = await stats(noticeId);
      expect(s.detail!.jobs.map((j) => [j.jobId, j.kind])).toEqual([
        [noticeId, 'publish'],
        [`${noticeId}~r1`, 'remind'],
      ]);
      expect(s.detail!.unread.withConsent).toBe(0);
    });

    it('gives the call list of the latest push again through noticeStats, without pushing', async () => {
      for (const i of [0, 1]) await read(i);
      const reminded = await t.ok<Reminded>('committee', { action: 'remindUnread', electionId: v.electionId, noticeId }, CLERK);
      const sent = recording(t).deliveries().length;
      const jobs = await t.app.store.count('pushJob', { noticeId });
      const again = await t.ok<Stats>('committee', { action: 'noticeStats', electionId: v.electionId, noticeId, callList: true }, CLERK);
      expect(again.detail!.callList).toEqual(reminded.callList);
      expect(again.detail!.unread.onCallList).toBe(reminded.callList.length);
      expect(recording(t).deliveries().length).toBe(sent);
      expect(await t.app.store.count('pushJob', { noticeId })).toBe(jobs);
      // Someone on the list reads: they drop off it.
      const reader = v.people.findIndex((p, i) => i > 1 && p.status === 'registered' && p.openid && !eligible(p));
      await read(reader);
      const later = await t.ok<Stats>('committee', { action: 'noticeStats', electionId: v.electionId, noticeId, callList: true }, CLERK);
      expect(later.detail!.callList).toHaveLength(reminded.callList.length - 1);
    });

    it('gives the publication’s call list before any reminder, and none unless asked', async () => {
      const s = await stats(noticeId);
      expect(s.detail!.callList).toBeNull();
      const registered = v.people.filter((p) => p.status === 'registered');
      expect(s.detail!.unread).toEqual({
        total: registered.length,
        withConsent: registered.filter(eligible).length,
        callOnly: registered.filter((p) => !eligible(p)).length,
        onCallList: registered.filter((p) => !eligible(p)).length,
        pushUnknown: 0,
      });
      const listed = await t.ok<Stats>('committee', { action: 'noticeStats', electionId: v.electionId, noticeId, callList: true }, CLERK);
      expect(listed.detail!.callList!.map((c) => c.why).sort()).toEqual(registered.filter((p) => !eligible(p)).map((p) => (p.openid ? 'noConsent' : 'notBound')).sort());
    });

    it('rejects asking for the call list without a notice', async () => {
      expect(await t.call('committee', { action: 'noticeStats', electionId: v.electionId, callList: true }, CLERK)).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        fields: { callList: '请先选择公告，再获取电话通知名单' },
      });
    });

    it('rejects a reminder while a push of the notice is still running', async () => {
      await t.app.store.update('pushJob', noticeId, { status: 'running' });
      expect(await t.call('committee', { action: 'remindUnread', electionId: v.electionId, noticeId }, CLERK)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'PUSH_IN_PROGRESS' });
    });

    it('rejects a villager and an unknown notice', async () => {
      expect(await t.call('committee', { action: 'remindUnread', electionId: v.electionId, noticeId }, v.people[0]!.openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await t.call('committee', { action: 'remindUnread', electionId: v.electionId, noticeId: 'n_nothing' }, CLERK)).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'NOTICE_UNKNOWN' });
    });
  });
});
