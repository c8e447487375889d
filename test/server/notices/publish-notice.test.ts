import { createHash } from 'node:crypto';
import { CLERK, makeTestApp, type TestApp } from '../harness';
import { canonicalJson } from '../../../server/audit/canonical-json';
import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { addDays } from '../../../src/domain/civil-date';
import { noticeDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { readDoc } from '../../../server/runtime/documents';
import { makeVillage, messagesPerOpenid, recording, eligible, type Village } from './notice-fixture';
import { G1, G2, ROSTER, VOTING } from '../committee/setup-fixture';
import { noticeSourceId } from '../../../server/use-cases/notices/typed-notice.text';
import { dateWords } from '../../../src/domain/date-words';

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
      expect(await publish({ type: 'formalCandidates' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'DATA_NOT_READY', message: expect.stringContaining('还没有确定正式候选人') });
    });
    it('rejects objection results before any objection is decided', async () => {
      expect(await publish({ type: 'objectionResults' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'DATA_NOT_READY' });
    });
    it('rejects the voter list while nobody is registered', async () => {
      const empty = await makeVillage(t, { voters: 2, name: '空村', status: () => 'pending', openidPrefix: 'empty' });
      const r = await t.call('committee', { action: 'publishNotice', electionId: empty.electionId, type: 'voterList' }, CLERK);
      expect(r).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'DATA_NOT_READY' });
    });
    it('rejects results before election day', async () => {
      expect(await publish({ type: 'results' })).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'NOT_YET_OPEN' });
    });
  });

  describe('from the election setup (committee.updateElection): refused, then generated and frozen', () => {
    const setUp = (event: Record<string, unknown>) => t.ok('committee', { action: 'updateElection', electionId: v.electionId, ...event }, CLERK);
    const reader = () => v.people.find((p) => p.openid)!.openid!;
    type Read = { attachment: { kind: string; hash: string; count: number; entries: Record<string, unknown>[] } };

    it('rejects the committee-members notice until the roster is recorded, then publishes it with a frozen hashed list', async () => {
      const refused = await publish({ type: 'committeeMembers' });
      expect(refused).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'DATA_NOT_READY', message: expect.stringContaining('还没有录入选举委员会成员名单') });
      await setUp({ electionCommittee: ROSTER });
      const r = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'committeeMembers' }, CLERK);
      expect(r.notice).toMatchObject({ type: 'committeeMembers', title: '公告村村民选举委员会成员公告', attachment: { kind: 'committeeMembers', count: 3 } });
      expect(r.notice!.body).toContain('经2026年2月26日（星期四）村民代表会议推选，公告村村民选举委员会由3名成员组成');
      expect(r.notice!.body).toContain('主任：王建国\n副主任：李秀英\n委员：张伟');
      const entries = [
        { no: 1, name: '王建国', role: '主任', group: G1 },
        { no: 2, name: '李秀英', role: '副主任', group: G2 },
        { no: 3, name: '张伟', role: '委员', group: G2 },
      ];
      expect(r.notice!.attachment!.hash).toBe(createHash('sha256').update(canonicalJson({ kind: 'committeeMembers', entries }), 'utf8').digest('hex'));
      expect((await t.ok<Read>('notices', { action: 'get', noticeId: r.notice!.id }, reader())).attachment.entries).toEqual(entries);
    });

    it('keeps the published roster unchanged after a later roster edit (hash equal); a new notice shows the new roster', async () => {
      await setUp({ electionCommittee: ROSTER });
      const r = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'committeeMembers' }, CLERK);
      const before = await t.ok<Read>('notices', { action: 'get', noticeId: r.notice!.id }, reader());
      const stored = await readDoc(t.app.store, 'notice', r.notice!.id, noticeDoc);
      // 张伟 is nominated and leaves; 刘芳 fills the seat (RULES.md §2).
      await setUp({ electionCommittee: { ...ROSTER, members: [...ROSTER.members.filter((m) => m.name !== '张伟'), { name: '刘芳', role: 'member', group: G1 }] } });
      const after = await t.ok<Read>('notices', { action: 'get', noticeId: r.notice!.id }, reader());
      expect(after.attachment).toEqual(before.attachment);
      expect(after.attachment.hash).toBe(r.notice!.attachment!.hash);
      expect(JSON.stringify(after.attachment.entries)).not.toContain('刘芳');
      expect(await readDoc(t.app.store, 'notice', r.notice!.id, noticeDoc)).toEqual(stored);
      const fresh = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'committeeMembers', preview: true }, CLERK);
      expect(fresh.draft.attachment!.sample.map((e) => e.name)).toEqual(['王建国', '李秀英', '刘芳']);
      expect(fresh.draft.attachment!.hash).not.toBe(r.notice!.attachment!.hash);
    });

    it('rejects the election-day notice until hours and places are recorded, then announces date, hours, central place and stations', async () => {
      expect(await publish({ type: 'electionDayPlaces' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'DATA_NOT_READY', message: expect.stringContaining('投票时间和投票地点') });
      await setUp({ voting: VOTING });
      const r = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'electionDayPlaces' }, CLERK);
      expect(r.notice).toMatchObject({ type: 'electionDayPlaces', title: '公告村选举日公告', attachment: { kind: 'places', count: 2 } });
      expect(r.notice!.body).toContain('投票时间：上午8时至下午5时。');
      expect(r.notice!.body).toContain('中心会场设在村委会大院，第一村民小组、第三村民小组的选民在中心会场投票。');
      expect(r.notice!.body).toContain('第一投票站设在第二组文化室，第二村民小组的选民在这里投票。');
      expect(r.notice!.body).not.toContain('另行公告');
      expect(r.draft.attachment!.sample).toEqual([
        { station: '中心会场', place: '村委会大院', groups: '第一村民小组、第三村民小组' },
        { station: '第一投票站', place: '第二组文化室', groups: G2 },
      ]);
    });

    it('rejects the polling-station notice until stations or boxes exist, then lists stations and boxes with monitors (names and groups only)', async () => {
      expect(await publish({ type: 'pollingStations' })).toMatchObject({ ok: false, reason: 'DATA_NOT_READY' });
      await setUp({ voting: { ...VOTING, stations: [], mobileBoxes: [] } });
      expect(await publish({ type: 'pollingStations' })).toMatchObject({ ok: false, reason: 'DATA_NOT_READY', message: expect.stringContaining('只设了中心会场') });
      await setUp({ voting: VOTING });
      const r = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'pollingStations' }, CLERK);
      expect(r.notice).toMatchObject({ type: 'pollingStations', attachment: { kind: 'pollingStations', count: 2 } });
      expect(r.notice!.body).toContain('第1号流动票箱：从中心会场出发，监票人员赵强（第一村民小组）、黄敏（第二村民小组）、陈明（第一村民小组）。');
      const rows = (await t.ok<Read>('notices', { action: 'get', noticeId: r.notice!.id }, reader())).attachment.entries;
      expect(rows).toEqual([
        { no: 1, station: '第一投票站', place: '第二组文化室', groups: G2 },
        { no: 2, station: '第1号流动票箱', place: '从中心会场（村委会大院）出发', monitors: '赵强（第一村民小组）、黄敏（第二村民小组）、陈明（第一村民小组）' },
      ]);
    });

    it('rejects the stored arrangements when the village no longer has a group they name (checked again at publication)', async () => {
      await setUp({ voting: VOTING });
      await t.app.store.update('village', v.villageId, { groups: ['第一村民小组', '第三村民小组'] });
      expect(await publish({ type: 'pollingStations' })).toMatchObject({ ok: false, reason: 'DATA_NOT_READY', message: expect.stringContaining('第二村民小组') });
    });
  });

  describe('from features not built yet (formal candidates, proxies, results): a readiness check on meta/noticeSource', () => {
    it('rejects the proxy list while no approved proxy is recorded, and generates it once the proxies feature has written its list', async () => {
      expect(await publish({ type: 'proxyList' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'DATA_NOT_READY', message: expect.stringContaining('还没有经选举委员会批准的委托投票') });
      const entries = [{ no: 1, principal: '王建国', principalGroup: G1, proxy: '王小明', proxyGroup: G1 }];
      await t.app.store.set('meta', noticeSourceId(v.electionId, 'proxyList'), { electionId: v.electionId, type: 'proxyList', preparedAt: at10('2026-03-01'), summary: '经选举委员会审核，批准委托投票1人。', entries });
      const r = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'proxyList' }, CLERK);
      expect(r.notice).toMatchObject({ type: 'proxyList', attachment: { kind: 'proxyList', count: 1 } });
      expect(r.notice!.body).toContain('经选举委员会审核，批准委托投票1人。');
    });
    it('rejects results on election day while no count is recorded', async () => {
      t.setNow(at10(v.electionDay));
      expect(await publish({ type: 'results' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'DATA_NOT_READY', message: expect.stringContaining('还没有登记选举结果') });
    });
  });

  describe('refused after its statutory date', () => {
    it('rejects the voter list on E−19 (national: by E−20)', async () => {
      t.setNow(at10(addDays(v.electionDay, -19)));
      const r = await publish({ type: 'voterList' });
      expect(r).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'DEADLINE_PASSED' });
      if (!r.ok) expect(r.message).toContain(dateWords(addDays(v.electionDay, -20)));
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

  describe('refuses a free-text notice whose title claims a typed notice', () => {
    it.each(['正式候选人名单', '关于公布正式候选人名单的公告', '正式 候选人 名单', '选举结果公告', '选民名单'])('rejects the title %s, stores and pushes nothing', async (title) => {
      t.setNow(at10(addDays(v.electionDay, -6)));
      const r = await publish({ type: 'freeText', title, body: '名单如下：王建国、李秀英。' });
      expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'TITLE_CLAIMS_TYPE', message: expect.stringContaining('公告') });
      expect(await t.app.store.count('notice', {})).toBe(0);
      expect(await t.app.store.count('pushJob', {})).toBe(0);
    });
    it('rejects a typed notice titled as another kind', async () => {
      await t.ok('committee', { action: 'updateElection', electionId: v.electionId, voting: VOTING }, CLERK);
      expect(await publish({ type: 'electionDayPlaces', title: '正式候选人名单' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'TITLE_CLAIMS_TYPE' });
    });
    it('accepts a notice about a list that does not claim to be it', async () => {
      expect(await publish({ type: 'freeText', title: '关于核对选民名单的通知', body: '请各位选民核对自己的登记信息。' })).toMatchObject({ ok: true });
    });
  });

  it('generates a typed notice from the data it announces, with a frozen hashed list', async () => {
    await t.ok('committee', { action: 'updateElection', electionId: v.electionId, voting: VOTING }, CLERK);
    const r = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'electionDayPlaces', body: '请外出的选民提前安排返乡。' }, CLERK);
    expect(r.notice).toMatchObject({ type: 'electionDayPlaces', title: '公告村选举日公告', attachment: { kind: 'places', count: 2 } });
    expect(r.notice!.body).toContain(`选举日定于${Number(v.electionDay.slice(0, 4))}年${Number(v.electionDay.slice(5, 7))}月${Number(v.electionDay.slice(8))}日`);
    expect(r.notice!.body).toContain('主任1名、副主任1名、委员3名');
    expect(r.notice!.body).toContain('请外出的选民提前安排返乡。');
    const entries = [
      { station: '中心会场', place: '村委会大院', groups: '第一村民小组、第三村民小组' },
      { station: '第一投票站', place: '第二组文化室', groups: G2 },
    ];
    expect(r.notice!.attachment!.hash).toBe(createHash('sha256').update(canonicalJson({ kind: 'places', entries }), 'utf8').digest('hex'));
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

  it('keeps a published objectionResults list unchanged after a later objection decision (hash equal)', async () => {
    await t.ok('committee', { action: 'publishVoterList', electionId: v.electionId }, CLERK);
    const [first, second] = v.people.filter((p) => p.openid).map((p) => p.openid!);
    const fileAbout = async (objector: string, listNo: number) =>
      (await t.ok<{ objection: { id: string } }>('registration', { action: 'fileObjection', kind: 'wrongPerson', listNo, details: '此人已经迁出本村多年，不应列入名单' }, objector)).objection.id;
    const a = await fileAbout(first!, 2);
    const b = await fileAbout(second!, 3);
    const decide = (objectionId: string) =>
      t.ok('committee', { action: 'decideObjection', electionId: v.electionId, objectionId, decision: 'rejected', reason: '经核实此人户籍和居住均在本村，应当列入' }, CLERK);
    await decide(a);
    const r = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'objectionResults' }, CLERK);
    const frozen = r.notice!.attachment!;
    expect(frozen).toMatchObject({ kind: 'objectionResults', count: 1 });
    const stored = await readDoc(t.app.store, 'notice', r.notice!.id, noticeDoc);
    const before = await t.ok<{ attachment: { hash: string; count: number; entries: Record<string, unknown>[] } }>('notices', { action: 'get', noticeId: r.notice!.id }, first!);

    // A later decision: the published summary stays as it was; a new summary would show both.
    await decide(b);
    const after = await t.ok<{ attachment: { hash: string; count: number; entries: Record<string, unknown>[] } }>('notices', { action: 'get', noticeId: r.notice!.id }, first!);
    expect(after.attachment).toEqual(before.attachment);
    expect(after.attachment).toMatchObject({ hash: frozen.hash, count: 1 });
    expect(createHash('sha256').update(canonicalJson({ kind: 'objectionResults', entries: after.attachment.entries }), 'utf8').digest('hex')).toBe(frozen.hash);
    expect(await readDoc(t.app.store, 'notice', r.notice!.id, noticeDoc)).toEqual(stored);
    const preview = await t.ok<Published>('committee', { action: 'publishNotice', electionId: v.electionId, type: 'objectionResults', preview: true }, CLERK);
    expect(preview.draft.attachment).toMatchObject({ count: 2 });
    expect(preview.draft.attachment!.hash).not.toBe(frozen.hash);
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
      await t.ok('committee', { action: 'updateElection', electionId: v.electionId, voting: VOTING }, CLERK);
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
    await t.linkAudit();
    const audit = await t.app.store.find('audit', { scope: v.electionId }, { limit: 1000, orderBy: { field: 'seq', direction: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['committee.publishNotice', 'notices.pushFinished']));
    expect(audit.find((a) => a.action === 'committee.publishNotice')).toMatchObject({ subject: r.notice!.id, data: { type: 'nominationWindow' } });
    expect(await verifyAuditChain(t.app.store, v.electionId)).toMatchObject({ ok: true });
  });
});
