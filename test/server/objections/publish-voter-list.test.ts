import { noticeChunkDoc, noticeDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { voterListFreezeDoc } from '../../../src/contracts/documents/voter-list-documents.schema';
import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { readDoc, findAllDocs } from '../../../server/runtime/documents';
import { seededRandom } from '../../../server/security/keyed-hash';
import { syntheticName } from '../../../server/seed/synthetic-people';
import { draftVoter, writeVoters } from '../../../server/seed/voter-factory';
import { attachmentHash, readAttachmentEntries } from '../../../server/use-cases/notices/notice-attachment.records';
import { voterIdOfListNo } from '../../../server/use-cases/objections/voter-list-lookup.records';
import { CLERK, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';
import { addVoters, publish, type PublishReply } from './fixtures';

const publishEvent = (f: VillageFixture) => ({ action: 'publishVoterList', electionId: f.electionId });

async function storedNotice(t: TestApp, id: string) {
  const n = await readDoc(t.app.store, 'notice', id, noticeDoc);
  if (!n?.attachment) throw new Error('notice without attachment');
  return { notice: n, rows: await readAttachmentEntries(t.app.store, id, n.attachment) };
}

describe('committee.publishVoterList: the frozen list', () => {
  let t: TestApp;
  let f: VillageFixture;
  // 2026-03-01 10:00 Asia/Shanghai; election day 2026-04-10, so E−20 is 2026-03-21.
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  it('lists the registered voters only, name and group only, in group order then 姓氏笔画 order', async () => {
    await addVoters(t, f, [
      { name: '赵丽', group: '第二村民小组' },
      { name: '丁一', group: '第二村民小组' },
      { name: '方圆', group: '第一村民小组' },
      { name: '马六', group: '第二村民小组', status: 'pending' },
    ]);
    const r = await publish(t, f);
    expect(r.count).toBe(6);
    const { rows } = await storedNotice(t, r.notice.id);
    // 第一村民小组: 王(4) 方(4: 丶 after 一) 刘(6) 张(7); 第二村民小组: 丁(2) 赵(9). 李秀英 and 马六 are pending.
    expect(rows).toEqual([
      { no: 1, name: '王建国', group: '第一村民小组' },
      { no: 2, name: '方圆', group: '第一村民小组' },
      { no: 3, name: '刘芳', group: '第一村民小组' },
      { no: 4, name: '张伟', group: '第一村民小组' },
      { no: 5, name: '丁一', group: '第二村民小组' },
      { no: 6, name: '赵丽', group: '第二村民小组' },
    ]);
  });

  it('stores the SHA-256 of the canonical rows and starts the objection clock, audited', async () => {
    const r = await publish(t, f);
    const { notice, rows } = await storedNotice(t, r.notice.id);
    expect(notice.type).toBe('voterList');
    expect(r.notice.attachment.hash).toBe(attachmentHash('voterList', rows));
    expect(r.publishedOn).toBe('2026-03-01');
    expect(r.objections.filingLastDay).toBe('2026-03-06');
    expect(r.objections.filingDeadline).toBe('2026-03-06T16:00:00.000Z');
    const cal = Object.fromEntries(r.election.calendar.map((e) => [e.key, e]));
    expect(cal.objectionFiling).toMatchObject({ lastDay: '2026-03-06' });
    expect(cal.objectionFiling?.provisional).toBeUndefined();
    expect(r.election.phase).toBe('objections');
    await t.linkAudit();
    const audit = await t.app.store.find('audit', { scope: f.electionId }, { limit: 1000 });
    expect(audit.map((a) => a.action)).toContain('committee.publishVoterList');
    expect(await verifyAuditChain(t.app.store, f.electionId)).toMatchObject({ ok: true });
  });

  it('keeps the frozen attachment unchanged after later edits to voters (hash equal)', async () => {
    const r = await publish(t, f);
    const before = await storedNotice(t, r.notice.id);
    await t.app.store.update('voter', f.voters[0]!.id, { name: '王建设', group: '第二村民小组' });
    await t.app.store.update('voter', f.voters[2]!.id, { status: 'deceased' });
    await addVoters(t, f, [{ name: '孙新', group: '第一村民小组' }]);
    const after = await storedNotice(t, r.notice.id);
    expect(after.rows).toEqual(before.rows);
    expect(attachmentHash('voterList', after.rows)).toBe(r.notice.attachment.hash);
    expect(after.notice).toEqual(before.notice);
  });

  it('refuses to serve a stored list that no longer matches its hash', async () => {
    const r = await publish(t, f);
    const n = (await readDoc(t.app.store, 'notice', r.notice.id, noticeDoc))!;
    await t.app.store.update('notice', r.notice.id, { attachment: { ...n.attachment!, entries: [{ no: 1, name: '冒名', group: '第一村民小组' }, ...n.attachment!.entries.slice(1)] } });
    const tampered = (await readDoc(t.app.store, 'notice', r.notice.id, noticeDoc))!;
    await expect(readAttachmentEntries(t.app.store, r.notice.id, tampered.attachment!)).rejects.toThrow(/hash/);
  });

  it('never puts an ID number — clear or masked — in the notice or the reply', async () => {
    const reply = await t.call('committee', publishEvent(f), CLERK);
    const { notice, rows } = await storedNotice(t, (reply as { data: PublishReply }).data.notice.id);
    const text = JSON.stringify([reply, notice, rows]);
    for (const v of f.voters) expect(text).not.toContain(v.idNumber);
    // No masked form either (first 4 + stars + last 4 rebuilds the number, RULES.md §7).
    expect(text).not.toMatch(/[0-9]{4}\*{4,}[0-9X]{4}/);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['group', 'name', 'no']);
  });

  it('splits a long list into chunks of 500 rows and reads it back against its hash', async () => {
    const rng = seededRandom(99);
    const at = t.app.clock.now().toISOString();
    const many = Array.from({ length: 1197 }, (_, i) =>
      draftVoter(
        { electionId: f.electionId, villageId: f.villageId, name: syntheticName(rng, i % 2 ? 'F' : 'M'), sex: i % 2 ? 'F' : 'M', birthDate: '1980-05-05', group: i % 3 ? '第一村民小组' : '第二村民小组', category: 'A', status: 'registered', electionDay: f.electionDay },
        t.app.settings.idHmacKey,
        rng,
        at,
      ),
    );
    await writeVoters(t.app.store, many, at);
    const r = await publish(t, f);
    expect(r.count).toBe(1200);
    const n = (await readDoc(t.app.store, 'notice', r.notice.id, noticeDoc))!;
    expect(n.attachment).toMatchObject({ count: 1200, chunkCount: 3, entries: [] });
    const chunks = await Promise.all([0, 1, 2].map((i) => readDoc(t.app.store, 'noticeChunk', `${r.notice.id}:000${i}`, noticeChunkDoc)));
    expect(chunks.map((c) => c?.entries.length)).toEqual([500, 500, 200]);
    const rows = await readAttachmentEntries(t.app.store, r.notice.id, n.attachment!);
    expect(rows.map((x) => x.no)).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    const freeze = (await readDoc(t.app.store, 'meta', `voterList:${f.electionId}`, voterListFreezeDoc))!;
    const lastId = await voterIdOfListNo(t.app.store, freeze, 1200);
    const last = await t.app.store.get<{ name: string }>('voter', lastId!);
    expect(last?.name).toBe(rows[1199]!.name);
    expect(await voterIdOfListNo(t.app.store, freeze, 1201)).toBeNull();
  });
});

describe('committee.publishVoterList: the statutory deadline (E−20)', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  it('accepts on the last lawful day at 23:59:59 Asia/Shanghai, warning that the margin is the bare minimum', async () => {
    t.setNow('2026-03-21T15:59:59.000Z');
    const r = await publish(t, f);
    expect(r.publishedOn).toBe('2026-03-21');
    expect(r.warning).toMatch(/最晚的公布日/);
  });

  it('accepts without a warning one day earlier (E−21)', async () => {
    t.setNow('2026-03-20T15:59:59.000Z');
    expect((await publish(t, f)).warning).toBeNull();
  });

  it('rejects at 00:00 Asia/Shanghai the day after the last lawful day', async () => {
    t.setNow('2026-03-21T16:00:00.000Z');
    expect(await t.call('committee', publishEvent(f), CLERK)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'PUBLICATION_TOO_LATE' });
    const notices = await findAllDocs(t.app.store, 'notice', { electionId: f.electionId }, noticeDoc);
    expect(notices).toHaveLength(0);
  });
});

describe('committee.publishVoterList: refusals', () => {
  let t: TestApp;
  beforeEach(() => (t = makeTestApp('2026-03-01T02:00:00.000Z')));
  afterEach(() => t.close());

  it('rejects a second publication: later changes go through objections', async () => {
    const f = await villageWithElection(t);
    await publish(t, f);
    expect(await t.call('committee', publishEvent(f), CLERK)).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_PUBLISHED' });
  });

  it('rejects a caller who is not on this village committee', async () => {
    const f = await villageWithElection(t);
    expect(await t.call('committee', publishEvent(f), 'wx-villager')).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_COMMITTEE' });
    expect(await t.call('committee', publishEvent(f), null)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('rejects an unknown election', async () => {
    expect(await t.call('committee', { action: 'publishVoterList', electionId: 'e_nope' }, CLERK)).toMatchObject({ code: 'NOT_FOUND', reason: 'ELECTION_UNKNOWN' });
  });

  it('rejects a list with no registered voter', async () => {
    const f = await villageWithElection(t, { voters: 0 });
    expect(await t.call('committee', publishEvent(f), CLERK)).toMatchObject({ code: 'CONFLICT', reason: 'LIST_EMPTY' });
  });
});
