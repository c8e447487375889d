/**
 * RULES.md §7 as amended (issue #10): stores written by the older version kept `idMasked` (first 4
 * + last 4 digits) on roll entries, objections, duplicate rows and import reports. The migration
 * removes every one of them, on both stores, idempotently, and the actions keep working.
 */
import { migrateIdMask } from '../../../server/use-cases/identity/migrate-id-mask';
import { TOWNSHIP_ID } from '../../../server/use-cases/township/create-village.use-case';
import type { DocData, StoredDoc } from '../../../server/ports/store.port';
import { bindVoter, publish } from '../objections/fixtures';
import { importRows, syntheticId } from '../roll/roll-fixtures';
import { CLERK, describeEachStore, makeTestApp, TOWNSHIP, villageWithElection, type TestApp } from '../harness';

const MASK = /[0-9]{4}\*{4,}[0-9X]{4}/;
const maskOf = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;

describeEachStore('migrateIdMask', (kind) => {
  let t: TestApp;
  afterEach(() => t.close());

  /** A store as the older version left it: masks written back next to the current fields. */
  async function legacyStore() {
    const f = await villageWithElection(t);
    const other = await villageWithElection(t, { name: '邻村', voters: 0 });
    const person = syntheticId('1966-06-16', 61);
    await importRows(t, f.electionId, [{ name: '两村人', idNumber: person, group: '第一村民小组', category: 'A' }]);
    const refused = await importRows(t, other.electionId, [{ name: '两村人', idNumber: person, group: '第一村民小组', category: 'A' }]);
    expect(refused.rows[0]).toMatchObject({ reason: 'DOUBLE_REGISTRATION' });
    await publish(t, f);
    await bindVoter(t, f.voters[0]!, 'wx-objector');
    const filed = await t.ok<{ objection: { id: string } }>('registration', { action: 'fileObjection', kind: 'missingPerson', name: '孙海', group: '第一村民小组', idNumber: syntheticId('1975-03-15', 13), details: '孙海漏登了' }, 'wx-objector');

    const s = t.app.store;
    for (const v of f.voters) await s.update('voter', v.id, { idMasked: maskOf(v.idNumber) });
    const objection = (await s.get('objection', filed.objection.id))!;
    await s.set('objection', filed.objection.id, { ...strip(objection), subject: { ...(objection.subject as object), idMasked: '9901**********0135' } });
    const [dup] = await s.find('duplicate', { townshipId: TOWNSHIP_ID });
    const { birthDate: _b, ...dupOld } = strip(dup!);
    await s.set('duplicate', dup!._id, { ...dupOld, idMasked: maskOf(person) });
    const [job] = await s.find('rollImport', { electionId: other.electionId });
    const batchId = `${job!._id}:1`;
    const batch = (await s.get('rollImportBatch', batchId))!;
    await s.set('rollImportBatch', batchId, { ...strip(batch), rows: (batch.rows as object[]).map((r) => ({ ...r, idMasked: maskOf(person) })) });
    const election = (await s.get('election', f.electionId))!;
    const { villageName: _v, ...electionOld } = strip(election);
    await s.set('election', f.electionId, electionOld);
    return { f, other };
  }

  const strip = (d: StoredDoc<DocData>): DocData => {
    const { _id: _ignored, ...rest } = d;
    return rest;
  };

  async function everything(): Promise<string> {
    const s = t.app.store;
    const parts: unknown[] = [];
    for (const c of ['voter', 'objection', 'duplicate', 'rollImport', 'election'] as const) parts.push(await s.find(c, {}, { limit: 1000 }));
    const jobs = await s.find('rollImport', {}, { limit: 1000 });
    for (const j of jobs) for (let b = 1; b <= Number(j.batches); b++) parts.push(await s.get('rollImportBatch', `${j._id}:${b}`));
    return JSON.stringify(parts);
  }

  it('removes every stored mask, fills in birth dates and village names, and is idempotent', async () => {
    t = makeTestApp({ store: kind });
    const { f } = await legacyStore();
    expect(await everything()).toMatch(MASK);

    const first = await migrateIdMask(t.app.store, TOWNSHIP_ID);
    expect(first).toEqual({ voters: f.voters.length, objections: 1, duplicates: 1, importBatches: 1, elections: 1 });
    const after = await everything();
    expect(after).not.toMatch(MASK);
    expect(after).not.toContain('idMasked');
    expect(await t.app.store.find('duplicate', { townshipId: TOWNSHIP_ID })).toEqual([expect.objectContaining({ birthDate: '1966-06-16' })]);
    expect(await t.app.store.get('election', f.electionId)).toMatchObject({ villageName: '测试村' });

    expect(await migrateIdMask(t.app.store, TOWNSHIP_ID)).toEqual({ voters: 0, objections: 0, duplicates: 0, importBatches: 0, elections: 0 });
  }, 60_000);

  it('leaves a store that works: the committee lists, the township sees duplicates, a villager binds', async () => {
    t = makeTestApp({ store: kind });
    const { f } = await legacyStore();
    await migrateIdMask(t.app.store, TOWNSHIP_ID);
    const list = await t.ok<{ rows: { birthDate: string }[] }>('committee', { action: 'listVoters', electionId: f.electionId }, CLERK);
    expect(list.rows.length).toBeGreaterThan(0);
    expect((await t.ok<{ rows: { birthDate: string | null }[] }>('township', { action: 'duplicates' }, TOWNSHIP)).rows[0]).toMatchObject({ birthDate: '1966-06-16' });
    const v = f.voters[2]!;
    const bound = await t.ok('identity', { action: 'bind', name: v.doc.name, idNumber: v.idNumber, bindingCode: v.bindingCode, consent: true }, 'wx-later');
    expect(JSON.stringify(bound)).not.toMatch(MASK);
  }, 60_000);
});
