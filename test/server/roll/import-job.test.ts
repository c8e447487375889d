/**
 * committee.importRoll as a resumable job (issue 7): a per-call time budget, the file passed by
 * id, progress across calls, a call killed between batches, two calls racing on one job, the
 * binding codes kept sealed until printing, and the SDK calls per row on the CloudBase fake.
 */
import { FakeCloudbaseDatabase } from '../../../server/adapters/cloudbase/cloudbase-db.fake';
import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { rollImportPrefix } from '../../../server/ports/storage.port';
import { ROLL_BATCH } from '../../../server/use-cases/roll/import-batch.job';
import { CLERK, villageWithElection, type VillageFixture } from '../harness';
import { makeImportApp, type Backend, type ImportApp } from './import-app';
import { HEADER, syntheticId, toCsv, type ImportReply } from './roll-fixtures';

type Reply = ImportReply & { done: boolean; processed: number; from: number; codesUntil: string | null };

function sheet(n: number, seq0 = 100): string {
  const rows = Array.from({ length: n }, (_, i) => [i % 2 ? '王秀英' : '李建国', syntheticId(`19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`, seq0 + Math.floor(i / 360)), i % 2 ? '第一村民小组' : '第二村民小组', '', i % 3 ? 'A' : 'B', '', '']);
  return toCsv([HEADER, ...rows]);
}

async function upload(t: ImportApp, f: VillageFixture, name: string, text: string): Promise<string> {
  return t.app.storage.put(`${rollImportPrefix(f.villageId)}${name}`, Buffer.from(text, 'utf8'));
}

/** Calls until done, as the page does; every reply's rows appended after those already held. */
async function importAll(t: ImportApp, f: VillageFixture, first: Record<string, unknown>): Promise<{ last: Reply; rows: Reply['rows']; calls: number }> {
  let r = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, ...first }, CLERK);
  const rows = [...r.rows];
  let calls = 1;
  while (!r.done || r.from + r.rows.length < r.processed) {
    r = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, importId: r.importId, from: r.from + r.rows.length }, CLERK);
    rows.push(...r.rows);
    calls++;
  }
  return { last: r, rows, calls };
}

const embedded: Backend = { kind: 'embedded' };

describe('committee.importRoll job', () => {
  let t: ImportApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeImportApp(embedded, 1);
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  it('stops after its time budget with the progress, and goes on from the importId until done', async () => {
    const n = 2 * ROLL_BATCH + 30;
    const fileId = await upload(t, f, 'a.csv', sheet(n));
    const first = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, fileId, fileName: '名册.csv' }, CLERK);
    expect(first).toMatchObject({ done: false, processed: ROLL_BATCH, total: n, from: 0, fileName: '名册.csv', format: 'csv' });
    expect(first.rows).toHaveLength(ROLL_BATCH);
    const { last, rows, calls } = await importAll(t, f, { importId: first.importId, from: first.rows.length });
    expect(calls).toBe(2);
    const all = [...first.rows, ...rows];
    expect(last).toMatchObject({ done: true, processed: n, created: n, rejected: 0 });
    expect(all.map((r) => r.row)).toEqual(Array.from({ length: n }, (_, i) => i + 2));
    expect(new Set(all.map((r) => r.bindingCode)).size).toBe(n);
    // The whole report again, codes included, for printing.
    const again = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, importId: first.importId }, CLERK);
    expect(again.rows.map((r) => r.bindingCode)).toEqual(all.map((r) => r.bindingCode));
    expect(await t.app.storage.read(fileId)).toBeNull();
    await t.linkAudit();
    expect(await verifyAuditChain(t.app.store, f.electionId)).toMatchObject({ ok: true });
  });

  it('pages a long report: at most 1,000 rows a reply, the rest from `from`', async () => {
    const big = makeImportApp(embedded, 20_000);
    const g = await villageWithElection(big);
    const fileId = await upload(big, g, 'p.csv', sheet(1200));
    const r = await big.ok<Reply>('committee', { action: 'importRoll', electionId: g.electionId, fileId }, CLERK);
    expect(r).toMatchObject({ done: true, processed: 1200, from: 0 });
    expect(r.rows).toHaveLength(1000);
    const rest = await big.ok<Reply>('committee', { action: 'importRoll', electionId: g.electionId, importId: r.importId, from: 1000 }, CLERK);
    expect(rest).toMatchObject({ done: true, from: 1000 });
    expect([...r.rows, ...rest.rows].map((x) => x.row)).toEqual(Array.from({ length: 1200 }, (_, i) => i + 2));
    const middle = await big.ok<Reply>('committee', { action: 'importRoll', electionId: g.electionId, importId: r.importId, from: 150 }, CLERK);
    expect(middle.rows.map((x) => x.row)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 152));
    await big.close();
  });

  it('continues the running job when the start is sent again with the same fileId', async () => {
    const fileId = await upload(t, f, 'b.csv', sheet(ROLL_BATCH + 5));
    const a = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, fileId }, CLERK);
    const b = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, fileId }, CLERK);
    expect(b).toMatchObject({ importId: a.importId, done: true, created: ROLL_BATCH + 5 });
  });

  it('applies each batch once when two calls continue one job at once', async () => {
    const fileId = await upload(t, f, 'c.csv', sheet(4 * ROLL_BATCH));
    const a = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, fileId }, CLERK);
    const go = () => importAll(t, f, { importId: a.importId, from: a.rows.length });
    const [x, y] = await Promise.all([go(), go()]);
    expect(x.last).toMatchObject({ done: true, created: 4 * ROLL_BATCH });
    expect(y.last).toMatchObject({ done: true, created: 4 * ROLL_BATCH });
    expect(await t.app.store.count('voter', { electionId: f.electionId })).toBe(4 + 4 * ROLL_BATCH);
  });

  it('rejects FILE_UNKNOWN for a missing file or one uploaded for another village, IMPORT_UNKNOWN for a job of another election', async () => {
    const g = await villageWithElection(t, { name: '别村' });
    const theirs = await upload(t, g, 'x.csv', sheet(3));
    for (const fileId of [theirs, `local://${rollImportPrefix(f.villageId)}none.csv`, `local://${rollImportPrefix(f.villageId)}../${g.villageId}/x.csv`]) {
      expect(await t.call('committee', { action: 'importRoll', electionId: f.electionId, fileId }, CLERK)).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'FILE_UNKNOWN' });
    }
    const done = await t.ok<Reply>('committee', { action: 'importRoll', electionId: g.electionId, fileId: theirs }, CLERK);
    expect(await t.call('committee', { action: 'importRoll', electionId: f.electionId, importId: done.importId }, CLERK)).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'IMPORT_UNKNOWN' });
    expect(await t.call('committee', { action: 'importRoll', electionId: g.electionId, importId: done.importId }, 'wx-stranger')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('keeps the codes sealed in the store, and deletes them once printing is confirmed or after 14 days', async () => {
    const r = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, rows: [{ name: '张三', idNumber: syntheticId('1960-01-01', 1), group: '第一村民小组', category: 'A' }] }, CLERK);
    const code = r.rows[0]!.bindingCode!;
    expect(JSON.stringify(await t.app.store.find('rollImport', { electionId: f.electionId }))).not.toContain(code);
    const batch = await t.app.store.get('rollImportBatch', `${r.importId}:1`);
    expect(JSON.stringify(batch)).not.toContain(code);
    expect(JSON.stringify(batch)).toContain('sealedCode');
    const printed = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, importId: r.importId, printed: true }, CLERK);
    expect(printed.rows[0]!.bindingCode).toBeUndefined();
    expect(printed.codesUntil).toBeNull();
    expect(JSON.stringify(await t.app.store.get('rollImportBatch', `${r.importId}:1`))).not.toContain('sealedCode');

    const later = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, rows: [{ name: '李四', idNumber: syntheticId('1961-01-01', 2), group: '第一村民小组', category: 'A' }] }, CLERK);
    t.setNow('2026-03-16T02:00:01.000Z');
    const expired = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, importId: later.importId }, CLERK);
    expect(expired.rows[0]).toMatchObject({ status: 'created' });
    expect(expired.rows[0]!.bindingCode).toBeUndefined();
    expect(JSON.stringify(await t.app.store.get('rollImportBatch', `${later.importId}:1`))).not.toContain('sealedCode');
  });
});

describe.each([
  ['the embedded store', () => embedded],
  ['the CloudBase fake', (): Backend => ({ kind: 'cloudbase', db: new FakeCloudbaseDatabase({ throwOnNotFound: false }), latencyMs: 0 })],
])('a call killed between batches, on %s', (_name, backend) => {
  it('resumes in a fresh app on the same data without a duplicate row or a lost code', async () => {
    const b = backend();
    const first = makeImportApp(b, 1);
    const f = await villageWithElection(first);
    const n = 3 * ROLL_BATCH;
    const fileId = await upload(first, f, 'k.csv', sheet(n));
    const r1 = await first.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, fileId }, CLERK);
    expect(r1).toMatchObject({ done: false, processed: ROLL_BATCH });
    // The instance dies here: the client's retry lands on a new one, which never saw r1.
    const second = first.reopen();
    const rest = await importAll(second, f, { fileId });
    expect(rest.last).toMatchObject({ importId: r1.importId, done: true, total: n, created: n, unchanged: 0 });
    expect(rest.rows.slice(0, ROLL_BATCH).map((r) => r.bindingCode)).toEqual(r1.rows.map((r) => r.bindingCode));
    expect(new Set(rest.rows.map((r) => r.bindingCode)).size).toBe(n);
    expect(await second.app.store.count('voter', { electionId: f.electionId })).toBe(4 + n);
    await second.close();
    await first.close();
  });
});

describe('SDK calls of a 3,000-row import on the CloudBase fake', () => {
  it('stays at most 1.5 calls per row', async () => {
    const t = makeImportApp({ kind: 'cloudbase', db: new FakeCloudbaseDatabase({ throwOnNotFound: false }), latencyMs: 0 }, 20_000);
    const f = await villageWithElection(t);
    const fileId = await upload(t, f, 'big.csv', sheet(3000));
    const before = t.meter!.calls;
    const { last, calls } = await importAll(t, f, { fileId });
    const perRow = (t.meter!.calls - before) / 3000;
    console.log(`import 3,000 rows on the CloudBase fake: ${t.meter!.calls - before} SDK calls (${perRow.toFixed(3)} per row) in ${calls} function call(s)`);
    expect(last).toMatchObject({ done: true, created: 3000 });
    expect(perRow).toBeLessThanOrEqual(1.5);
    await t.close();
  }, 120_000);
});
