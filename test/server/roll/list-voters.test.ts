import { CLERK, describeEachStore, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';
import { importRows, syntheticId } from './roll-fixtures';

type Listed = { total: number; rows: { name: string; group: string; category: string; status: string; ageOnElectionDay: number }[] };

// Fixture: 王建国 1960 (A), 李秀英 1961 (B pending), 张伟 1962 (A), 刘芳 1963 (A), all 第一村民小组;
// the import adds three people in 第二村民小组.
describeEachStore('committee.listVoters: search, sort and pages for the clerk’s table', (store) => {
  let t: TestApp;
  let f: VillageFixture;
  const list = (input: Record<string, unknown>) => t.ok<Listed>('committee', { action: 'listVoters', electionId: f.electionId, ...input }, CLERK);
  beforeEach(async () => {
    t = makeTestApp({ store });
    f = await villageWithElection(t);
    await importRows(t, f.electionId, [
      { name: '孙二组', idNumber: syntheticId('1950-01-01', 1), group: '第二村民小组', category: 'A' },
      { name: '周外出', idNumber: syntheticId('1999-01-01', 2), group: '第二村民小组', category: 'B' },
      { name: '王小二', idNumber: syntheticId('2000-01-01', 3), group: '第二村民小组', category: 'A' },
    ]);
  });
  afterEach(() => t.close());

  it('finds by part of a group’s name as well as by part of a name', async () => {
    const byGroup = await list({ query: '二村民' });
    expect(byGroup.rows.map((r) => r.name).sort()).toEqual(['周外出', '孙二组', '王小二']);
    const byName = await list({ query: '王' });
    expect(byName.rows.map((r) => r.name)).toEqual(['王建国', '王小二']);
  });

  it('sorts by the chosen column, either way, and keeps group order as the tie-break', async () => {
    const byAge = await list({ sort: 'age', desc: true });
    expect(byAge.rows.map((r) => r.ageOnElectionDay)).toEqual([...byAge.rows.map((r) => r.ageOnElectionDay)].sort((a, b) => b - a));
    expect(byAge.rows[0]!.name).toBe('孙二组');
    const byStatus = await list({ sort: 'status' });
    expect(byStatus.rows.slice(0, 2).map((r) => [r.name, r.status])).toEqual([
      ['李秀英', 'pending'],
      ['周外出', 'pending'],
    ]);
    const byCategory = await list({ sort: 'category', desc: true });
    expect(byCategory.rows.slice(0, 2).map((r) => r.category)).toEqual(['B', 'B']);
  });

  it('pages the sorted rows without gaps or repeats, combined with filters', async () => {
    const p1 = await list({ sort: 'name', pageSize: 3, page: 1 });
    const p2 = await list({ sort: 'name', pageSize: 3, page: 2 });
    const p3 = await list({ sort: 'name', pageSize: 3, page: 3 });
    const names = [...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.name);
    expect(p1.total).toBe(7);
    expect(new Set(names).size).toBe(7);
    const filtered = await list({ group: '第二村民小组', category: 'A', query: '王' });
    expect(filtered.rows.map((r) => r.name)).toEqual(['王小二']);
  });

  it('gives a first page, ordered without sorting the rest, equal to the head of the whole ordered list', async () => {
    // pageSize 1 keeps one hit in the bounded heap (firstSortedOf); 200 keeps them all.
    for (const sort of ['group', 'name', 'category', 'status', 'age'] as const) {
      for (const desc of [false, true]) {
        for (const query of [undefined, '王']) {
          const all = await list({ sort, desc, pageSize: 200, ...(query ? { query } : {}) });
          const first = await list({ sort, desc, pageSize: 1, page: 1, ...(query ? { query } : {}) });
          expect([sort, desc, query, first.rows[0]?.name]).toEqual([sort, desc, query, all.rows[0]?.name]);
          expect(first.total).toBe(all.total);
        }
      }
    }
  });

  it('checks every entry for what it orders by and a page’s rows whole: a damaged entry fails the listing that shows it', async () => {
    const all = await list({ sort: 'name', pageSize: 200 });
    const last = all.rows.at(-1)!.name;
    const found = await t.app.store.find('voter', { electionId: f.electionId });
    const entry = found.find((v) => v.name === last)!;
    // A field only the row shows (not a sort key): a first page without the entry still lists.
    await t.app.store.update('voter', entry._id, { sex: 'X' });
    expect((await list({ sort: 'name', pageSize: 2 })).rows).toHaveLength(2);
    expect((await t.call('committee', { action: 'listVoters', electionId: f.electionId, sort: 'name', pageSize: 200 }, CLERK)).ok).toBe(false);
    // A sort key: every listing reads it.
    await t.app.store.update('voter', entry._id, { sex: 'M', status: 42 });
    expect((await t.call('committee', { action: 'listVoters', electionId: f.electionId, sort: 'name', pageSize: 2 }, CLERK)).ok).toBe(false);
  });

  it('refuses an unknown sort column and changes nothing', async () => {
    const r = await t.call('committee', { action: 'listVoters', electionId: f.electionId, sort: 'idNumber' }, CLERK);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});
