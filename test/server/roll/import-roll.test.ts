import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { CODE_ALPHABET } from '../../../server/security/keyed-hash';
import { ROLL_BATCH } from '../../../server/use-cases/roll/import-batch.job';
import { CLERK, describeEachStore, makeTestApp, TOWNSHIP, villageWithElection, type TestApp, type VillageFixture } from '../harness';
import { encodeGbk, fileEvent, HEADER, importFile, importRows, syntheticId, toCsv, toXlsx, wrongCheckDigit, type ImportReply } from './roll-fixtures';

// villageWithElection: today 2026-03-01 (Asia/Shanghai), election day E = 2026-04-10.
const A1 = syntheticId('1970-01-02', 11);
const A2 = syntheticId('1980-05-06', 22);
const B1 = syntheticId('1990-09-09', 33);
const C1 = syntheticId('1985-03-03', 44);

const base = () => [
  HEADER,
  ['赵大山', A1, '第一村民小组', '13812345678', 'A', '', ''],
  ['钱小红', A2, '一组', '', '户籍在本村居住在本村', '', '门牌12号'],
  ['孙外出', B1, '第二村民小组', '139 0000 1111', '外出', '', '在深圳'],
  ['李外来', C1, '第二村民小组', '', 'C', '2024-01-15', ''],
];

describe('committee.importRoll', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp();
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  it('creates one entry per accepted row: A registered, B and C pending, each with a binding code shown once', async () => {
    const r = await importFile(t, f.electionId, '选民登记表.csv', toCsv(base()));
    expect(r).toMatchObject({ format: 'csv', encoding: 'utf-8', total: 4, accepted: 4, created: 4, rejected: 0 });
    expect(r.rows.map((x) => [x.row, x.status, x.voterStatus])).toEqual([
      [2, 'created', 'registered'],
      [3, 'created', 'registered'],
      [4, 'created', 'pending'],
      [5, 'created', 'pending'],
    ]);
    for (const x of r.rows) expect(x.bindingCode).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
    expect(r.rows[1]).toMatchObject({ group: '第一村民小组', birthDate: '1980-05-06' });
    expect(JSON.stringify(r.rows)).not.toMatch(/[0-9]{4}\*{4,}[0-9X]{4}/);
    expect(JSON.stringify(r)).not.toContain(A1);
    // The code printed on the 告知书 binds.
    const bound = await t.ok<{ voter: { name: string; status: string } }>('identity', { action: 'bind', name: '赵大山', idNumber: A1, bindingCode: r.rows[0]!.bindingCode, consent: true }, 'wx-zhao');
    expect(bound.voter).toMatchObject({ name: '赵大山', status: 'registered' });
  });

  it('accepts a person whose 18th birthday is election day and rejects UNDER_18 one day short', async () => {
    const r = await importRows(t, f.electionId, [
      { name: '周满十八', idNumber: syntheticId('2008-04-10', 55), group: '第一村民小组', category: 'A' },
      { name: '吴差一天', idNumber: syntheticId('2008-04-11', 66), group: '第一村民小组', category: 'A' },
    ]);
    expect(r.rows.map((x) => [x.status, x.reason])).toEqual([
      ['created', undefined],
      ['rejected', 'UNDER_18'],
    ]);
    expect(r.rows[1]!.message).toContain('2026年4月11日满18周岁');
  });

  it('rejects each bad row with its reason and sheet row number, importing the good ones', async () => {
    const rows = [
      HEADER,
      ['校验位', wrongCheckDigit(syntheticId('1970-01-01', 1)), '第一村民小组', '', 'A', '', ''],
      ['出生日', '990101197002300011', '第一村民小组', '', 'A', '', ''],
      ['位数', '99010119700101', '第一村民小组', '', 'A', '', ''],
      ['', syntheticId('1970-01-03', 3), '第一村民小组', '', 'A', '', ''],
      ['没小组', syntheticId('1970-01-04', 4), '第九村民小组', '', 'A', '', ''],
      ['怪类别', syntheticId('1970-01-05', 5), '第一村民小组', '', 'D类', '', ''],
      ['好人', syntheticId('1970-01-06', 6), '第一村民小组', '', 'A', '', ''],
    ];
    const r = await importFile(t, f.electionId, 'roll.csv', toCsv(rows));
    expect(r.rows.map((x) => [x.row, x.status, x.reason ?? null])).toEqual([
      [2, 'rejected', 'ID_CHECK_DIGIT'],
      [3, 'rejected', 'ID_BIRTH_DATE'],
      [4, 'rejected', 'ID_LENGTH'],
      [5, 'rejected', 'MISSING_FIELD'],
      [6, 'rejected', 'UNKNOWN_GROUP'],
      [7, 'rejected', 'BAD_CATEGORY'],
      [8, 'created', null],
    ]);
    expect(r.rejectedByReason).toEqual({ ID_CHECK_DIGIT: 1, ID_BIRTH_DATE: 1, ID_LENGTH: 1, MISSING_FIELD: 1, UNKNOWN_GROUP: 1, BAD_CATEGORY: 1 });
    for (const x of r.rows.filter((y) => y.status === 'rejected')) expect(x.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('rejects DUPLICATE_IN_FILE for a second row with the same ID number, naming the first row', async () => {
    const r = await importFile(t, f.electionId, 'roll.csv', toCsv([...base(), ['赵大山', A1.slice(0, 17) + A1.slice(17).toLowerCase(), '第一村民小组', '', 'A', '', '']]));
    expect(r.rows[4]).toMatchObject({ row: 6, status: 'rejected', reason: 'DUPLICATE_IN_FILE' });
    expect(r.rows[4]!.message).toContain('第2行');
    expect(r.created).toBe(4);
  });

  it('changes nothing when the same file is imported again', async () => {
    const csv = toCsv(base());
    await importFile(t, f.electionId, 'roll.csv', csv);
    const before = await t.app.store.find('voter', { electionId: f.electionId }, { limit: 100 });
    const again = await importFile(t, f.electionId, 'roll.csv', csv);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, rejected: 0 });
    expect(again.rows.every((x) => x.bindingCode === undefined)).toBe(true);
    expect(await t.app.store.find('voter', { electionId: f.electionId }, { limit: 100 })).toEqual(before);
  });

  it('updates only the changed rows and fields of a corrected file, audits field names, keeps rows missing from it', async () => {
    await importFile(t, f.electionId, 'roll.csv', toCsv(base()));
    const corrected = base().filter((r) => r[0] !== '李外来');
    corrected[1] = ['赵大山', A1, '第二村民小组', '13899998888', 'A', '', ''];
    const r = await importFile(t, f.electionId, 'roll-v2.csv', toCsv(corrected));
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(r.rows[0]).toMatchObject({ status: 'updated', changed: ['group', 'phone'] });
    const list = await t.ok<{ total: number; rows: { name: string; group: string; phoneMasked: string | null }[] }>(
      'committee',
      { action: 'listVoters', electionId: f.electionId, name: '赵大山' },
      CLERK,
    );
    expect(list.rows[0]).toMatchObject({ group: '第二村民小组', phoneMasked: '138****8888' });
    const all = await t.ok<{ total: number }>('committee', { action: 'listVoters', electionId: f.electionId }, CLERK);
    expect(all.total).toBe(4 + f.voters.length);
    await t.linkAudit();
    const audit = await t.app.store.find('audit', { scope: f.electionId }, { limit: 100, orderBy: { field: 'seq', direction: 'asc' } });
    const upd = audit.filter((a) => JSON.stringify(a.data ?? {}).includes('"updated":[{'));
    expect(upd).toHaveLength(1);
    expect(JSON.stringify(upd[0]!.data)).toContain('"fields":["group","phone"]');
    expect(JSON.stringify(audit)).not.toContain('8888');
    expect(await verifyAuditChain(t.app.store, f.electionId)).toMatchObject({ ok: true });
  });

  it('moves an entry to pending when a corrected file changes its category from A to B, and asks to confirm again', async () => {
    const first = await importFile(t, f.electionId, 'roll.csv', toCsv(base()));
    await t.ok('identity', { action: 'bind', name: '赵大山', idNumber: A1, bindingCode: first.rows[0]!.bindingCode, consent: true }, 'wx-zhao');
    await t.ok('registration', { action: 'confirm' }, 'wx-zhao');
    const rows = base();
    rows[1] = ['赵大山', A1, '第一村民小组', '13812345678', 'B', '', ''];
    const r = await importFile(t, f.electionId, 'roll.csv', toCsv(rows));
    expect(r.rows[0]).toMatchObject({ status: 'updated', changed: ['category'], voterStatus: 'pending' });
    const mine = await t.ok<{ voter: { category: string; status: string; confirmed: boolean } }>('registration', { action: 'mine' }, 'wx-zhao');
    expect(mine.voter).toMatchObject({ category: 'B', status: 'pending', confirmed: false });
  });

  it('releases the deployment-wide registration when a corrected file makes a registered entry pending (A → B)', async () => {
    await importFile(t, f.electionId, 'roll.csv', toCsv(base()));
    const other = await villageWithElection(t, { name: '邻村', voters: 0 });
    const rows = base();
    rows[1] = ['赵大山', A1, '第一村民小组', '13812345678', 'B', '', ''];
    await importFile(t, f.electionId, 'roll.csv', toCsv(rows));
    const there = await importRows(t, other.electionId, [{ name: '赵大山', idNumber: A1, group: '第一村民小组', category: 'A' }]);
    expect(there.rows[0]).toMatchObject({ status: 'created', voterStatus: 'registered' });
  });

  describe('a corrected ID number (warning, not rejection)', () => {
    const FIXED = syntheticId('1970-01-02', 12);
    it('warns on a new row named like an entry of the same group whose ID number this file no longer has', async () => {
      const first = await importFile(t, f.electionId, 'roll.csv', toCsv(base()));
      const corrected = base();
      corrected[1] = ['赵大山', FIXED, '第一村民小组', '13812345678', 'A', '', ''];
      const r = await importFile(t, f.electionId, 'roll-v2.csv', toCsv(corrected));
      expect(r).toMatchObject({ created: 1, unchanged: 3, rejected: 0, warned: 1 });
      expect(r.rows[0]).toMatchObject({
        status: 'created',
        warning: { reason: 'SAME_NAME_OTHER_ID', other: { voterId: first.rows[0]!.voterId, name: '赵大山', group: '第一村民小组', birthDate: '1970-01-02', status: 'registered' } },
      });
      expect(r.rows[0]!.warning!.message).toContain('注销');
      expect(JSON.stringify(r)).not.toContain(A1);
    });
    it('does not warn when the other entry is still in the file (two people of one name)', async () => {
      await importFile(t, f.electionId, 'roll.csv', toCsv(base()));
      const r = await importFile(t, f.electionId, 'roll-v2.csv', toCsv([...base(), ['赵大山', FIXED, '第一村民小组', '', 'A', '', '']]));
      expect(r).toMatchObject({ created: 1, warned: 0 });
      expect(r.rows[4]!.warning).toBeUndefined();
    });
    it('does not warn for a namesake in another group, or when the old entry is already flagged off', async () => {
      const first = await importFile(t, f.electionId, 'roll.csv', toCsv(base()));
      expect((await importRows(t, f.electionId, [{ name: '赵大山', idNumber: FIXED, group: '第二村民小组', category: 'A' }])).warned).toBe(0);
      await t.ok('committee', { action: 'setVoterStatus', electionId: f.electionId, voterId: first.rows[0]!.voterId, op: 'movedAway', reason: '身份证号码登记错误' }, CLERK);
      expect((await importRows(t, f.electionId, [{ name: '赵大山', idNumber: syntheticId('1970-01-02', 13), group: '第一村民小组', category: 'A' }])).warned).toBe(0);
    });
  });

  it('imports a GBK CSV as Excel saves it on a Chinese Windows', async () => {
    const r = await importFile(t, f.electionId, '登记表.csv', encodeGbk(toCsv(base())));
    expect(r).toMatchObject({ encoding: 'gb18030', created: 4 });
    expect(r.rows.map((x) => x.name)).toEqual(['赵大山', '钱小红', '孙外出', '李外来']);
  });

  it('imports an .xlsx and refuses ID cells stored as numbers with an Excel hint', async () => {
    const bytes = await toXlsx([
      ['清溪村选民登记表'],
      HEADER,
      ['赵大山', A1, '第一村民小组', 13812345678, 'A', null, null],
      ['李外来', C1, '第二村民小组', null, 'C', '2024-01-15', null],
      ['数字号', 990101197001020110, '第一村民小组', null, 'A', null, null],
    ]);
    const r = await importFile(t, f.electionId, 'roll.xlsx', bytes);
    expect(r).toMatchObject({ format: 'xlsx', headerRow: 2, created: 2, rejected: 1 });
    expect(r.rows[2]).toMatchObject({ row: 5, status: 'rejected', reason: 'ID_CHARS' });
    expect(r.rows[2]!.message).toContain('文本');
  });

  it('accepts rows sent as data (a client that parsed the sheet itself)', async () => {
    const r = await importRows(t, f.electionId, [{ name: '赵大山', idNumber: A1, group: '第一村民小组', category: 'A', phone: '13812345678' }]);
    expect(r).toMatchObject({ format: 'rows', created: 1 });
    expect(r.rows[0]!.row).toBe(1);
  });

  it('rejects BAD_HEADER with one message for unknown and missing columns', async () => {
    const r = await t.call('committee', fileEvent(f.electionId, 'x.csv', toCsv([['名字', '身份证号码', '住址'], ['王', A1, '某地']])), CLERK);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BAD_HEADER' });
  });

  it('rejects a file of more than 5,000 rows with LIMIT_EXCEEDED', async () => {
    const rows = [HEADER, ...Array.from({ length: 5001 }, (_, i) => ['张三', syntheticId('1970-01-01', i % 1000), '一组', '', 'A', '', ''])];
    expect(await t.call('committee', fileEvent(f.electionId, 'big.csv', toCsv(rows)), CLERK)).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED', reason: 'TOO_MANY_ROWS' });
  });

  it('rejects when neither or both of file and rows are given', async () => {
    expect(await t.call('committee', { action: 'importRoll', electionId: f.electionId }, CLERK)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('rejects WINDOW_CLOSED LIST_PUBLISHED once the voter list is published', async () => {
    await t.app.store.set('meta', `voterList:${f.electionId}`, { electionId: f.electionId });
    expect(await t.call('committee', fileEvent(f.electionId, 'roll.csv', toCsv(base())), CLERK)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'LIST_PUBLISHED' });
  });

  it('rejects FORBIDDEN for someone not on this village committee, NOT_FOUND for an unknown election', async () => {
    expect(await t.call('committee', fileEvent(f.electionId, 'roll.csv', toCsv(base())), 'wx-stranger')).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'NOT_COMMITTEE' });
    expect(await t.call('committee', fileEvent('e_nope', 'roll.csv', toCsv(base())), CLERK)).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'ELECTION_UNKNOWN' });
  });

  it('stores no clear ID number, phone number or binding code, and logs none', async () => {
    const r = await importFile(t, f.electionId, 'roll.csv', toCsv([...base(), ['孙备注', syntheticId('1975-05-05', 77), '一组', '', 'A', '', `电话13712345678 身份证${syntheticId('1950-01-01', 99)}`]]));
    await t.app.store.close();
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    // Every file under the data directory, the uploaded sheets' folder included (deleted once imported).
    const bytes = readdirSync(t.dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name)).toString('utf8'))
      .join('');
    for (const id of [A1, A2, B1, C1, syntheticId('1975-05-05', 77), syntheticId('1950-01-01', 99)]) {
      expect(bytes).not.toContain(id);
      expect(bytes).not.toContain(id.slice(6, 17));
    }
    for (const phone of ['13812345678', '13900001111', '13712345678']) expect(bytes).not.toContain(phone);
    for (const x of r.rows) expect(bytes).not.toContain(x.bindingCode!);
    expect(bytes).toContain('138****5678');
    const logs = t.logs.join('\n');
    expect(logs).not.toContain(A1);
    expect(logs).not.toContain('13812345678');
  });
});

// Races included: on the embedded store and on the CloudBase adapter over its fake with latency.
describeEachStore('double registration across villages (不重登)', (kind) => {
  let t: TestApp;
  let east: VillageFixture;
  let west: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp({ store: kind });
    east = await villageWithElection(t, { name: '东村' });
    west = await villageWithElection(t, { name: '西村' });
  });
  afterEach(() => t.close());

  const one = (name: string, id: string) => [HEADER, [name, id, '第一村民小组', '', 'A', '', '']];

  it('rejects DOUBLE_REGISTRATION when another village registered the person, and the township sees it by name and birth date', async () => {
    await importFile(t, east.electionId, 'east.csv', toCsv(one('赵大山', A1)));
    const r = await importFile(t, west.electionId, 'west.csv', toCsv(one('赵大山', A1)));
    expect(r.rows[0]).toMatchObject({ status: 'rejected', reason: 'DOUBLE_REGISTRATION' });
    expect(r.rows[0]!.message).toContain('东村');
    const d = await t.ok<{ total: number; rows: Record<string, unknown>[] }>('township', { action: 'duplicates' }, TOWNSHIP);
    expect(d.total).toBe(1);
    expect(d.rows[0]).toMatchObject({
      name: '赵大山',
      birthDate: '1970-01-02',
      village: { id: west.villageId, name: '西村' },
      registeredIn: { id: east.villageId, name: '东村' },
      source: 'import',
      importId: r.importId,
      fileName: 'west.csv',
      row: 2,
      attempts: 1,
    });
    expect(JSON.stringify(d)).not.toContain(A1);
    expect(await t.call('township', { action: 'duplicates' }, CLERK)).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'NOT_TOWNSHIP' });
  });

  it('lets exactly one of two imports racing for the same person win', async () => {
    // Several batches each (ROLL_BATCH rows), so that the two imports' batches interleave.
    const people = Array.from({ length: 3 * ROLL_BATCH }, (_, i) => ['同一人', syntheticId('1971-02-03', 100 + i), '第一村民小组', '', 'A', '', '']);
    // Opposite orders, so that each village wins some of the people while their batches interleave.
    const [a, b] = await Promise.all([
      importFile(t, east.electionId, 'east.csv', toCsv([HEADER, ...people])),
      importFile(t, west.electionId, 'west.csv', toCsv([HEADER, ...[...people].reverse()])),
    ]);
    expect(a.created).toBeGreaterThan(0);
    expect(b.created).toBeGreaterThan(0);
    expect(a.created + b.created).toBe(people.length);
    for (let i = 0; i < people.length; i++) {
      const pair = [a.rows[i]!, b.rows[people.length - 1 - i]!];
      expect(pair.map((x) => x.status).sort()).toEqual(['created', 'rejected']);
      expect(pair.filter((x) => x.reason === 'DOUBLE_REGISTRATION')).toHaveLength(1);
    }
    // One claim per registered person: those imported plus each village fixture's 3 registered people (its pending migrant holds none).
    const claims = [...(await t.app.store.find('idIndex', { villageId: east.villageId }, { limit: 1000 })), ...(await t.app.store.find('idIndex', { villageId: west.villageId }, { limit: 1000 }))];
    expect(claims.length).toBe(people.length + 3 + 3);
  });

  it('lets the other village register the person once the first releases the registration (人户分离), resolving the duplicate', async () => {
    const first = await importFile(t, east.electionId, 'east.csv', toCsv(one('赵大山', A1)));
    await importFile(t, west.electionId, 'west.csv', toCsv(one('赵大山', A1)));
    await t.ok('committee', { action: 'setVoterStatus', electionId: east.electionId, voterId: first.rows[0]!.voterId, op: 'releaseRegistration', reason: '本人选择在西村登记' }, CLERK);
    const again = await importFile(t, west.electionId, 'west.csv', toCsv(one('赵大山', A1)));
    expect(again.rows[0]).toMatchObject({ status: 'created' });
    const d = await t.ok<{ total: number }>('township', { action: 'duplicates' }, TOWNSHIP);
    expect(d.total).toBe(0);
    const all = await t.ok<{ rows: { resolvedAt: string | null }[] }>('township', { action: 'duplicates', includeResolved: true }, TOWNSHIP);
    expect(all.rows[0]!.resolvedAt).not.toBeNull();
    // Re-importing the old file in the first village does not take the person back.
    const back = await importFile(t, east.electionId, 'east.csv', toCsv(one('赵大山', A1)));
    expect(back.rows[0]).toMatchObject({ status: 'unchanged', voterStatus: 'movedAway' });
  });

  it('rejects a pending row (B or C) for a person registered in another village, and accepts one only pending there', async () => {
    await importFile(t, east.electionId, 'east.csv', toCsv(one('赵大山', A1)));
    const r = await importFile(t, west.electionId, 'west.csv', toCsv([HEADER, ['赵大山', A1, '第一村民小组', '', 'B', '', '']]));
    expect(r.rows[0]).toMatchObject({ status: 'rejected', reason: 'DOUBLE_REGISTRATION' });
    await importFile(t, east.electionId, 'east.csv', toCsv([HEADER, ['孙外出', B1, '第一村民小组', '', 'B', '', '']]));
    const pendingThere = await importFile(t, west.electionId, 'west.csv', toCsv([HEADER, ['孙外出', B1, '第一村民小组', '', 'C', '2020-01-01', '']]));
    expect(pendingThere.rows[0]).toMatchObject({ status: 'created', voterStatus: 'pending' });
  });

  it('makes one entry of two imports racing for the same person within one roll', async () => {
    const rows = [HEADER, ['孙外出', B1, '第一村民小组', '', 'B', '', '']];
    const [a, b] = await Promise.all([importFile(t, east.electionId, 'a.csv', toCsv(rows)), importFile(t, east.electionId, 'b.csv', toCsv(rows))]);
    expect([a.rows[0]!.status, b.rows[0]!.status].sort()).toEqual(['created', 'unchanged']);
    expect(await t.app.store.count('voter', { electionId: east.electionId, idHash: (await t.app.store.get<{ idHash: string }>('voter', a.rows[0]!.voterId!))!.idHash })).toBe(1);
  });

  it('takes over a registration held by an election that is no longer active', async () => {
    await importFile(t, east.electionId, 'east.csv', toCsv(one('赵大山', A1)));
    await t.app.store.update('election', east.electionId, { status: 'closed' });
    const r = await importFile(t, west.electionId, 'west.csv', toCsv(one('赵大山', A1)));
    expect(r.rows[0]).toMatchObject({ status: 'created' });
  });
});

describe('importing 2,000 rows', () => {
  // Timings are measured by `npm run bench`, not here.
  it('imports 2,000 rows, again unchanged, and 2,000 more as .xlsx', async () => {
    const t = makeTestApp();
    const f = await villageWithElection(t);
    const rows = [HEADER];
    for (let i = 0; i < 2000; i++) {
      const birth = `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`;
      rows.push([i % 2 ? '王秀英' : '李建国', syntheticId(birth, 200 + (i % 700)), i % 2 ? '第一村民小组' : '第二村民小组', i % 3 ? '' : `138${String(10000000 + i).slice(-8)}`, i % 10 === 0 ? 'B' : 'A', '', '']);
    }
    expect(new Set(rows.slice(1).map((r) => r[1])).size).toBe(2000);
    const r = await importFile(t, f.electionId, 'big.csv', toCsv(rows));
    const re = await importFile(t, f.electionId, 'big.csv', toCsv(rows));
    // Other people, as an .xlsx (phone cells as numbers, as Excel keeps them), into another village.
    const g = await villageWithElection(t, { name: '表格村', voters: 0 });
    const xlsx = await toXlsx(
      rows.map((r, i) => (i === 0 ? r : [r[0]!, syntheticId(r[1]!.slice(6, 10) + '-' + r[1]!.slice(10, 12) + '-' + r[1]!.slice(12, 14), 900 + (i % 99)), r[2]!, r[3] ? Number(r[3]) : null, r[4]!, null, null])),
    );
    const x = await t.ok<ImportReply>('committee', fileEvent(g.electionId, 'big.xlsx', xlsx), CLERK);
    expect(r).toMatchObject({ created: 2000, rejected: 0 });
    expect(re).toMatchObject({ unchanged: 2000 });
    expect(x).toMatchObject({ format: 'xlsx', created: 2000, rejected: 0 });
    await t.linkAudit();
    expect(await verifyAuditChain(t.app.store, f.electionId)).toMatchObject({ ok: true });
    await t.close();
  }, 60_000);
});

