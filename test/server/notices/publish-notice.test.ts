import { createHash } from 'node:crypto';
import { CLERK, makeTestApp, type TestApp } from '../harness';
import { canonicalJson } from '../../../server/audit/canonical-json';
import { verifyAuditChain } from '../../../server/audit/audit-log';
import { addDays } from '../../../src/domain/civil-date';
import { noticeDoc } from '../../../src/contracts/store-documents.schema';
import { readDoc } from '../../../server/runtime/documents';
import { makeVillage, messagesPerOpenid, recording, eligible, type Village } from './notice-fixture';

type Published = {
  notice: { id: string; type: string; title: string; body: string; attachment: { kind: string; count: number; hash: string } | null; corrects: string | null } | null;
  draft: { title: string; body: string; attachment: { count: number; hash: string; sample: Record<string, unknown>[] } | null };
  window: { lastDay: string | null; basis: string };
  push: { jobId: string; status: string; counts: Record<string, number> } | null;
  warning: string | null;
};

/** 10:00 Asia/Shanghai on a civil date. */
const at10 = (day: string) => `${day}T02:00:00.000Z`;

describe('committee.publishNotice', () => {
  let t: TestApp;
  let v: Village;
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    v = await makeVillage(t, { voters: 30 });
  });
  afterEach(() => t.close());

  const publish = (event: Record<string, unknown>) => t.call<Published>('committee', { action: 'publishNotice', electionId: v.electionId, ...event }, CLERK);

  describe('refused before the data exists', () => {
    it('rejects formal candidates: none exist yet (inside their window, E−6)', async () => {
      t.setNow(at10(addDays(v.electionDay, -6)));
      expect(await publish({ type: 'formalCandidates' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'DATA_NOT_READY', message: '还没有确定正式候选人，不能公布正式候选人名单' });
    });
    it('rejects objection results before any objection is decided', async () => {
      expect(await publish({ type: 'objectionResults' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'DATA_NOT_READY' });
    });
    it('rejects the voter list while nobody is registered', async () => {
      const empty = await makeVillage(t, { voters: 2, name: '空村', status: () => 'pending', openidPrefix: 'empty' });
      const r = await t.call('committee', { action: 'publishNotice', electionId: empty.electionId, type: 'voterList' }, CLERK);
      expect(r).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'DATA_NOT_READY' });
    });
    it.each(['committeeMembers', 'proxyList', 'pollingStations'])('rejects %s: no data in the store yet', async (type) => {
      expect(await publish({ type })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'DATA_NOT_READY' });
    });
    it('rejects results before election day', async () => {
      expect(await publish({ type: 'results' })).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'NOT_YET_OPEN' });
    });
  });

  describe('refused after its statutory date', () => {
    it('rejects the voter list on E−19 (national: by E−20)', async () => {
      t.setNow(at10(addDays(v.electionDay, -19)));
      const r = await publish({ type: 'voterList' });
      expect(r).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'DEADLINE_PASSED' });
      if (!r.ok) expect(r.message).toContain(addDays(v.electionDay, -20));
    });
    it('rejects the nomination notice after nomination has opened', async () => {
      t.setNow(at10(addDays(v.electionDay, -10)));
      expect(await publish({ type: 'nominationWindow' })).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'DEADLINE_PASSED' });
    });
    it('rejects the election-day notice on election day', async () => {
      t.setNow(at10(v.electionDay));
      expect(await publish({ type: 'electionDayPlaces' })).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'DEADLINE_PASSED' });
    });
    it('publishes the voter list on E−20 itself, warning that it is the last day', async () => {
      t.setNow(at10(addDays(v.electionDay, -20)));
      const r = await publish({ type: 'voterList' });
      expect(r).toMatchObject({ ok: true, data: { notice: { type: 'voterList' }, warning: expect.stringContaining('最晚') } });
    });
  });

  it('requires a title and a body for free text', async () => {
    expect(await publish({ type: 'freeText', title: '停水通知' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { body: '一般公告请填写标题和正文' } });
    expect(await publish({ type: 'freeText', title: '联系电话', body: '有事请拨打13812345678联系' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('generates a typed notice from the data it announces, with a frozen hashed list', async () => {
    const r = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'electionDayPlaces', body: '投票时间为上午8时至下午5时，地点为村委会大院。' }, CLERK);
    expect(r.notice).toMatchObject({ type: 'electionDayPlaces', title: '公告村选举日公告', attachment: { kind: 'posts', count: 3 } });
    expect(r.notice!.body).toContain(`选举日定于${v.electionDay}`);
    expect(r.notice!.body).toContain('主任1名、副主任1名、委员3名');
    expect(r.notice!.body).toContain('投票时间为上午8时至下午5时');
    const entries = [
      { post: '主任', seats: 1 },
      { post: '副主任', seats: 1 },
      { post: '委员', seats: 3 },
    ];
    expect(r.notice!.attachment!.hash).toBe(createHash('sha256').update(canonicalJson({ kind: 'posts', entries }), 'utf8').digest('hex'));
    expect(r.window.lastDay).toBe(addDays(v.electionDay, -1));
  });

  it('previews without storing or sending anything', async () => {
    const before = recording(t).deliveries().length;
    const r = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'voterList', preview: true }, CLERK);
    expect(r.notice).toBeNull();
    expect(r.push).toBeNull();
    expect(r.draft.attachment).toMatchObject({ count: 30 });
    expect(r.draft.attachment!.sample[0]).toEqual({ no: 1, name: expect.any(String), group: '第一村民小组' });
    expect(await t.app.store.count('notice', { electionId: v.electionId })).toBe(0);
    expect(recording(t).deliveries().length).toBe(before);
  });

  describe('voter list through committee.publishVoterList', () => {
    it('delegates (freeze, objection clock) and pushes to every registered voter with a consent, once', async () => {
      const r = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'voterList' }, CLERK);
      expect(r.notice).toMatchObject({ type: 'voterList', attachment: { kind: 'voterList', count: 30 } });
      expect(await t.app.store.get('meta', `voterList:${v.electionId}`)).toMatchObject({ noticeId: r.notice!.id, count: 30 });
      expect(r.push).toMatchObject({ status: 'done', counts: { sent: v.people.filter(eligible).length, noConsent: v.people.filter((p) => p.openid && !p.consents).length } });
      const per = messagesPerOpenid(recording(t));
      for (const p of v.people) expect(per.get(p.openid ?? '') ?? 0).toBe(eligible(p) ? 1 : 0);
      // Published once: a second attempt is refused, and nobody is pushed again.
      expect(await publish({ type: 'voterList' })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_PUBLISHED' });
      expect(messagesPerOpenid(recording(t))).toEqual(per);
    });

    it('keeps the frozen list unchanged after later edits to the voters (hash equal)', async () => {
      const r = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'voterList' }, CLERK);
      const reader = v.people.find((p) => p.openid)!.openid!;
      const before = await t.ok<{ attachment: { hash: string; entries: Record<string, unknown>[] } }>('notices', { action: 'get', noticeId: r.notice!.id }, reader);
      // Later edits: a name corrected, an entry flagged, a new voter registered.
      await t.app.store.update('voter', v.people[0]!.voterId, { name: '改了名', group: '第三村民小组' });
      await t.app.store.update('voter', v.people[1]!.voterId, { status: 'deceased' });
      const after = await t.ok<{ attachment: { hash: string; entries: Record<string, unknown>[] } }>('notices', { action: 'get', noticeId: r.notice!.id }, reader);
      expect(after.attachment.hash).toBe(r.notice!.attachment!.hash);
      expect(after.attachment.entries).toEqual(before.attachment.entries);
      expect(createHash('sha256').update(canonicalJson({ kind: 'voterList', entries: after.attachment.entries }), 'utf8').digest('hex')).toBe(r.notice!.attachment!.hash);
      expect(JSON.stringify(after.attachment.entries)).not.toContain('改了名');
      // The names and groups only: nothing like an ID number or a phone.
      expect(Object.keys(after.attachment.entries[0]!).sort()).toEqual(['group', 'name', 'no']);
    });

    it('pushes the list when committee.publishVoterList is called directly too', async () => {
      const r = await t.ok<{ notice: { id: string } }>('committee', { action: 'publishVoterList', electionId: v.electionId }, CLERK);
      const per = messagesPerOpenid(recording(t));
      for (const p of v.people) expect(per.get(p.openid ?? '') ?? 0).toBe(eligible(p) ? 1 : 0);
      expect(await t.app.store.get('pushJob', r.notice.id)).toMatchObject({ status: 'done', kind: 'publish' });
    });

    it('rejects its own wording being replaced', async () => {
      expect(await publish({ type: 'voterList', title: '我们自己的标题' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'TEXT_FIXED' });
    });
  });

  it('publishes the decided objections as one list once they exist', async () => {
    await t.ok('committee', { action: 'publishVoterList', electionId: v.electionId }, CLERK);
    const objector = v.people.find((p) => p.openid)!.openid!;
    const filed = await t.ok<{ objection: { id: string } }>('registration', { action: 'fileObjection', kind: 'wrongPerson', listNo: 2, details: '此人已经迁出本村多年，不应列入名单' }, objector);
    await t.ok('committee', { action: 'decideObjection', electionId: v.electionId, objectionId: filed.objection.id, decision: 'rejected', reason: '经核实此人户籍和居住均在本村，应当列入' }, CLERK);
    const r = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'objectionResults' }, CLERK);
    expect(r.notice).toMatchObject({ type: 'objectionResults', title: '公告村申诉处理结果汇总公告', attachment: { kind: 'objectionResults', count: 1 } });
    expect(r.draft.attachment!.sample[0]).toMatchObject({ no: 1, kind: expect.stringContaining('错登'), result: '申诉不成立', late: false });
    expect(Object.keys(r.draft.attachment!.sample[0]!)).not.toContain('idMasked');
  });

  describe('corrections', () => {
    it('publishes a new notice pointing at the old one, which stays as published and shows the correction', async () => {
      const first = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'freeText', title: '召开选民会议的通知', body: '定于3月5日召开选民会议。' }, CLERK);
      const stored = await readDoc(t.app.store, 'notice', first.notice!.id, noticeDoc);
      const fix = await t.ok<Published>(
        'committee',
        { action: 'publishNotice', electionId: v.electionId, type: 'freeText', title: '召开选民会议的通知（更正）', body: '会议改为3月6日召开。', corrects: first.notice!.id },
        CLERK,
      );
      expect(fix.notice).toMatchObject({ corrects: first.notice!.id });
      expect(fix.notice!.body).toContain('本公告更正');
      expect(await readDoc(t.app.store, 'notice', first.notice!.id, noticeDoc)).toEqual(stored);
      const reader = v.people.find((p) => p.openid)!.openid!;
      const old = await t.ok<{ notice: { correctedBy: string | null } }>('notices', { action: 'get', noticeId: first.notice!.id }, reader);
      expect(old.notice.correctedBy).toBe(fix.notice!.id);
      // One correction per notice: correct the correction instead.
      const again = await publish({ type: 'freeText', title: '再次更正', body: '会议改为3月7日召开。', corrects: first.notice!.id });
      expect(again).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_CORRECTED' });
      expect(await publish({ type: 'freeText', title: '再次更正', body: '会议改为3月7日召开。', corrects: fix.notice!.id })).toMatchObject({ ok: true });
    });

    it('allows a correction after the deadline of a notice published in time, of the same type only', async () => {
      const first = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'electionDayPlaces' }, CLERK);
      t.setNow(at10(v.electionDay));
      expect(await publish({ type: 'nominationWindow', corrects: first.notice!.id })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'CORRECTION_NOT_ALLOWED' });
      expect(await publish({ type: 'electionDayPlaces', body: '投票地点改为村小学。', corrects: first.notice!.id })).toMatchObject({ ok: true, data: { notice: { corrects: first.notice!.id } } });
    });

    it('rejects correcting a notice of another election', async () => {
      expect(await publish({ type: 'freeText', title: '更正', body: '更正内容。', corrects: 'n_nosuchnotice' })).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'NOTICE_UNKNOWN' });
    });
  });

  it('rejects a caller who is not on the committee', async () => {
    const villager = v.people.find((p) => p.openid)!.openid!;
    expect(await t.call('committee', { action: 'publishNotice', electionId: v.electionId, type: 'freeText', title: '通知', body: '内容内容' }, villager)).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'NOT_COMMITTEE' });
  });

  it('records the publication and the finished push in the audit chain', async () => {
    const r = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'nominationWindow' }, CLERK);
    const audit = await t.app.store.find('audit', { scope: v.electionId }, { limit: 1000, orderBy: { field: 'seq', direction: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['committee.publishNotice', 'notices.pushFinished']));
    expect(audit.find((a) => a.action === 'committee.publishNotice')).toMatchObject({ subject: r.notice!.id, data: { type: 'nominationWindow' } });
    expect(await verifyAuditChain(t.app.store, v.electionId)).toMatchObject({ ok: true });
  });
});
