/**
 * nominations.submit at every boundary (RULES.md §3), with the host in another time zone: the
 * window is Beijing time whatever process.env.TZ says.
 */
process.env.TZ = 'America/Los_Angeles';
import { addDays, endOfShanghaiDay, startOfShanghaiDay } from '../../../src/domain/civil-date';
import { CLERK, describeEachStore, makeTestApp, type TestApp } from '../harness';
import { intoWindow, nominationVillage, submit, SIGNATURE, type NominationVillage } from './nomination-fixture';

/** Rule checks (not races) on the fake: a light per-call latency keeps the suite quick. */
const RULE_LATENCY = { latencyMs: 2, jitterMs: 1 };

describeEachStore('nominations.submit', (kind) => {
  let t: TestApp;
  let v: NominationVillage;
  beforeEach(async () => {
    t = makeTestApp({ store: kind, latency: RULE_LATENCY });
    v = await nominationVillage(t, 12, [
      { name: '孙小满', status: 'deprived' },
      { name: '钱少年' },
      { name: '钱成年' },
    ]);
    // 钱少年 turns 18 the day after election day; 钱成年 on election day itself (eligible).
    const e = v.electionDay;
    await t.app.store.update('voter', v.people[13]!.id, { birthDate: addDays(e.replace(/^\d{4}/, (y) => String(Number(y) - 18)), 1) });
    await t.app.store.update('voter', v.people[14]!.id, { birthDate: e.replace(/^\d{4}/, (y) => String(Number(y) - 18)) });
    intoWindow(t, v);
  });
  afterEach(() => t.close());
  const id = (i: number) => v.people[i]!.id;

  it('accepts up to the seats and returns a receipt with a short code', async () => {
    const r = await submit(t, v, 0, { director: [id(1)], member: [id(2), id(3), id(4)] });
    expect(r).toMatchObject({ ok: true, data: { replaced: false, receipt: { code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } } });
  });

  it('rejects more names than seats', async () => {
    expect(await submit(t, v, 0, { member: [id(1), id(2), id(3), id(4)] })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'TOO_MANY_NAMES' });
  });

  it('rejects one person named twice, and an empty ballot', async () => {
    expect(await submit(t, v, 0, { director: [id(1)], member: [id(1)] })).toMatchObject({ reason: 'DUPLICATE_NOMINEE' });
    expect(await submit(t, v, 0, {})).toMatchObject({ reason: 'EMPTY_BALLOT' });
  });

  it('rejects a nominee from another village', async () => {
    const other = await nominationVillage(t, 2, [], { name: '邻村' });
    expect(await submit(t, v, 0, { director: [other.people[0]!.id] })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'NOMINEE_OTHER_VILLAGE' });
  });

  it('rejects a nominee struck off the list', async () => {
    expect(await submit(t, v, 0, { director: [id(12)] })).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'NOMINEE_NOT_REGISTERED' });
  });

  it('rejects a nominee under 18 on election day and accepts one turning 18 on it', async () => {
    expect(await submit(t, v, 0, { director: [id(13)] })).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'NOMINEE_UNDER_AGE' });
    expect(await submit(t, v, 0, { director: [id(14)] })).toMatchObject({ ok: true });
  });

  it('rejects a caller who is not a registered voter', async () => {
    expect(await submit(t, v, 12, { director: [id(1)] })).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'NOT_REGISTERED' });
  });

  it('accepts one second before the window closes (Beijing time) and refuses at the close and one second after', async () => {
    const end = endOfShanghaiDay(v.closesOn).getTime();
    t.setNow(new Date(end - 1000).toISOString());
    expect(await submit(t, v, 0, { director: [id(1)] })).toMatchObject({ ok: true });
    t.setNow(new Date(end).toISOString());
    expect(await submit(t, v, 2, { director: [id(1)] })).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'CLOSED' });
    t.setNow(new Date(end + 1000).toISOString());
    expect(await submit(t, v, 3, { director: [id(1)] })).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'CLOSED' });
  });

  it('refuses one second before the window opens and accepts at the opening', async () => {
    const start = startOfShanghaiDay(v.opensOn).getTime();
    t.setNow(new Date(start - 1000).toISOString());
    expect(await submit(t, v, 0, { director: [id(1)] })).toMatchObject({ code: 'WINDOW_CLOSED', reason: 'NOT_OPEN_YET' });
    t.setNow(new Date(start).toISOString());
    expect(await submit(t, v, 0, { director: [id(1)] })).toMatchObject({ ok: true });
  });

  it('replaces an earlier ballot under the national preset; both versions stay in the audit log', async () => {
    const first = await submit(t, v, 0, { director: [id(1)] });
    t.setNow(new Date(t.app.clock.now().getTime() + 60_000).toISOString());
    const second = await t.ok<{ replaced: boolean; receipt: { code: string } }>('nominations', { action: 'submit', names: { director: [id(2)] }, signature: SIGNATURE }, v.openid(0));
    expect(second.replaced).toBe(true);
    expect(await t.app.store.count('nomination', { electionId: v.electionId })).toBe(1);
    await t.linkAudit();
    const entries = await t.app.store.find('audit', { scope: v.electionId }, { limit: 1000 });
    expect(entries.filter((e) => e.action === 'nominations.submit')).toHaveLength(2);
    const old = await t.ok<{ valid: boolean; problem: string }>('nominations', { action: 'verifyReceipt', code: (first as { data: { receipt: { code: string } } }).data.receipt.code });
    expect(old).toMatchObject({ valid: false, problem: expect.stringContaining('替换') });
  });

  it('refuses a second ballot under a preset that says reject, and keeps none of the refused one\'s signature', async () => {
    const t2 = makeTestApp({ store: kind, latency: RULE_LATENCY });
    const z = await nominationVillage(t2, 4, [], { presetId: 'zhejiang' });
    intoWindow(t2, z);
    const put: string[] = [];
    const removed: string[] = [];
    const storage = t2.app.storage;
    (t2.app as { storage: typeof storage }).storage = {
      ...storage,
      putAll: async (files) => {
        const ids = await storage.putAll(files);
        put.push(...ids);
        return ids;
      },
      remove: async (fileId) => {
        removed.push(fileId);
        await storage.remove(fileId);
      },
    };
    expect(await submit(t2, z, 0, { director: [z.people[1]!.id] })).toMatchObject({ ok: true });
    const kept = put.splice(0);
    // The same strokes again: the same files as the standing ballot's, which must stay.
    expect(await submit(t2, z, 0, { director: [z.people[2]!.id] })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_SUBMITTED' });
    expect(removed).toEqual([]);
    // Other strokes: their two files are removed again.
    const other = { ...SIGNATURE, strokes: SIGNATURE.strokes.map((s) => s.map((n) => n + 1)) };
    expect(await t2.call('nominations', { action: 'submit', names: { director: [z.people[2]!.id] }, signature: other }, z.openid(0))).toMatchObject({ ok: false, reason: 'ALREADY_SUBMITTED' });
    const refused = put.slice(-2);
    expect(refused).toHaveLength(2);
    expect(refused.some((f) => kept.includes(f))).toBe(false);
    expect(removed.sort()).toEqual([...refused].sort());
    for (const f of refused) expect(await storage.read(f)).toBeNull();
    for (const f of kept) expect(await storage.read(f)).not.toBeNull();
    await t2.close();
  });

  it('never holds a paper and an app ballot for one voter', async () => {
    const paper = { action: 'enterPaperNomination', electionId: v.electionId, voterId: id(0), voterName: v.people[0]!.doc.name, names: { director: [id(1)] }, valid: true, scanRef: 'TM-0001', assisted: true };
    expect(await t.call('committee', paper, CLERK)).toMatchObject({ ok: true });
    expect(await submit(t, v, 0, { director: [id(2)] })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'PAPER_BALLOT_EXISTS' });
    expect(await submit(t, v, 3, { director: [id(2)] })).toMatchObject({ ok: true });
    expect(await t.call('committee', { ...paper, voterId: id(3), voterName: v.people[3]!.doc.name, scanRef: 'TM-0002' }, CLERK)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'DIGITAL_BALLOT_EXISTS' });
    expect(await t.app.store.count('nomination', { electionId: v.electionId })).toBe(2);
  });

  it('finds nominees by full name or surname, with group, sex and birth year and no ID digits', async () => {
    const full = await t.ok<{ results: Array<Record<string, unknown>> }>('nominations', { action: 'searchNominees', name: v.people[1]!.doc.name }, v.openid(0));
    expect(full.results).toEqual([{ voterId: id(1), name: v.people[1]!.doc.name, group: v.people[1]!.doc.group, sex: v.people[1]!.doc.sex, birthYear: Number(v.people[1]!.doc.birthDate.slice(0, 4)) }]);
    const bySurname = await t.ok<{ results: Array<{ name: string }> }>('nominations', { action: 'searchNominees', name: '孙' }, v.openid(0));
    // 孙小满 is struck off: not offered.
    expect(bySurname.results.map((r) => r.name)).toEqual(v.people.filter((p) => p.doc.name.startsWith('孙') && p.doc.status === 'registered').map((p) => p.doc.name));
    expect(JSON.stringify(full)).not.toMatch(/\d{6,}/);
  });
});
