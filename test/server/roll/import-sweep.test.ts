/**
 * Roll imports left unfinished (server/use-cases/roll/import-sweep.job.ts): after
 * settings.importIdleHours without a call the job is stopped and its sheet — every villager's ID
 * number in clear — deleted; what it imported stays, continuing says so in plain words, and the
 * sheet uploaded again finishes the roll with the rows already in `unchanged`. Both stores.
 */
import { FakeCloudbaseDatabase } from '../../../server/adapters/cloudbase/cloudbase-db.fake';
import { rollImportDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { rollImportPrefix } from '../../../server/ports/storage.port';
import { readDoc } from '../../../server/runtime/documents';
import { ROLL_BATCH } from '../../../server/use-cases/roll/import-batch.job';
import { stopIdleImports } from '../../../server/use-cases/roll/import-sweep.job';
import { CLERK, villageWithElection, type VillageFixture } from '../harness';
import { makeImportApp, type Backend, type ImportApp } from './import-app';
import { HEADER, syntheticId, toCsv, type ImportReply } from './roll-fixtures';

type Reply = ImportReply & { done: boolean; processed: number; from: number };

const HOUR = 3_600_000;

function sheet(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => [i % 2 ? '王秀英' : '李建国', syntheticId(`19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`, 300 + Math.floor(i / 360)), i % 2 ? '第一村民小组' : '第二村民小组', '', 'A', '', '']);
  return toCsv([HEADER, ...rows]);
}

describe.each([
  ['embedded', (): Backend => ({ kind: 'embedded' })],
  ['cloudbase fake', (): Backend => ({ kind: 'cloudbase', db: new FakeCloudbaseDatabase(), latencyMs: 0 })],
] as const)('idle roll imports (%s store)', (_name, backend) => {
  let t: ImportApp;
  let f: VillageFixture;
  const n = ROLL_BATCH + 20;
  const idleMs = () => t.app.settings.importIdleHours * HOUR;
  const upload = () => t.app.storage.put(`${rollImportPrefix(f.villageId)}roll.csv`, Buffer.from(sheet(n), 'utf8'));
  const later = (ms: number) => t.setNow(new Date(t.app.clock.now().getTime() + ms).toISOString());
  const sweep = () => stopIdleImports(t.app, t.app.settings.importIdleHours);

  beforeEach(async () => {
    // A 1 ms budget: each call commits one batch and returns, so the job stays running.
    t = makeImportApp(backend(), 1);
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  it('leaves a job alone until it has been idle that long, then stops it and deletes its sheet', async () => {
    const fileId = await upload();
    const first = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, fileId, fileName: '名册.csv' }, CLERK);
    expect(first).toMatchObject({ done: false, processed: ROLL_BATCH });
    later(idleMs() - 60_000);
    expect(await sweep()).toEqual([]);
    expect(await t.app.storage.read(fileId)).not.toBeNull();
    later(60_000);
    expect(await sweep()).toEqual([first.importId]);
    expect(await t.app.storage.read(fileId)).toBeNull();
    expect(await readDoc(t.app.store, 'rollImport', first.importId, rollImportDoc)).toMatchObject({ status: 'stopped', fileId: null, nextRow: ROLL_BATCH });
    // Idempotent: nothing left to stop.
    expect(await sweep()).toEqual([]);
  });

  it('counts idleness from the last call that moved the job, not from its start', async () => {
    const fileId = await upload();
    const first = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, fileId, fileName: '名册.csv' }, CLERK);
    later(idleMs() - 60_000);
    // The clerk comes back a minute before the limit: the call finishes the last 20 rows.
    const second = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, importId: first.importId, from: first.rows.length }, CLERK);
    expect(second.done).toBe(true);
    later(idleMs());
    expect(await sweep()).toEqual([]);
    expect(await readDoc(t.app.store, 'rollImport', first.importId, rollImportDoc)).toMatchObject({ status: 'done' });
  });

  it('answers a stopped job in plain words, keeps what it imported, and finishes from the sheet uploaded again', async () => {
    const fileId = await upload();
    const first = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, fileId, fileName: '名册.csv' }, CLERK);
    later(idleMs());
    await sweep();
    const again = await t.call('committee', { action: 'importRoll', electionId: f.electionId, importId: first.importId, from: first.rows.length }, CLERK);
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'IMPORT_STOPPED' });
    expect(again.ok ? '' : again.message).toContain(`已经导入的${ROLL_BATCH}行都在名册里`);
    expect(await t.app.store.count('voter', { electionId: f.electionId })).toBe(4 + ROLL_BATCH);
    // The binding codes it issued can still be confirmed printed (and are then deleted).
    expect(await t.ok('committee', { action: 'importRoll', electionId: f.electionId, importId: first.importId, printed: true }, CLERK)).toMatchObject({ codesUntil: null });
    // Uploaded again: a new job; the rows already in come back unchanged.
    const reupload = await upload();
    let r = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, fileId: reupload, fileName: '名册.csv' }, CLERK);
    while (!r.done) r = await t.ok<Reply>('committee', { action: 'importRoll', electionId: f.electionId, importId: r.importId, from: r.from + r.rows.length }, CLERK);
    expect(r).toMatchObject({ done: true, unchanged: ROLL_BATCH, created: 20 });
    expect(await t.app.store.count('voter', { electionId: f.electionId })).toBe(4 + n);
  });
});
