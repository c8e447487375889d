import { CLAIM_POLICY } from '../../../src/domain/registration';
import { CLERK, describeEachStore, makeTestApp, TOWNSHIP, villageWithElection, type TestApp, type VillageFixture } from '../harness';
import { importRows, syntheticId, type ImportReply } from './roll-fixtures';

// Today 2026-03-01 10:00 Asia/Shanghai; E = 2026-04-10; the list must be out by E−20 = 2026-03-21.
const A = syntheticId('1970-01-02', 11);
const B = syntheticId('1990-09-09', 33);
const NEW = syntheticId('1988-08-08', 88);

type Voter = { category: string; status: string; confirmed: boolean };

// Its race (three users applying with one ID number) runs on both stores like every race.
describeEachStore('registration.* (the villager side)', (kind) => {
  let t: TestApp;
  let f: VillageFixture;
  let roll: ImportReply;
  const bind = (name: string, idNumber: string, openid: string) =>
    t.ok('identity', { action: 'bind', name, idNumber, bindingCode: roll.rows.find((r) => r.name === name)!.bindingCode, consent: true }, openid);

  beforeEach(async () => {
    t = makeTestApp({ store: kind });
    f = await villageWithElection(t);
    roll = await importRows(t, f.electionId, [
      { name: '赵大山', idNumber: A, group: '第一村民小组', category: 'A' },
      { name: '孙外出', idNumber: B, group: '第二村民小组', category: 'B' },
    ]);
  });
  afterEach(() => t.close());

  describe('registration.confirm', () => {
    it('confirms the entry, and confirming again is ok with alreadyConfirmed (audited once)', async () => {
      await bind('赵大山', A, 'wx-zhao');
      const first = await t.ok<{ voter: Voter; alreadyConfirmed: boolean; confirmedAt: string }>('registration', { action: 'confirm' }, 'wx-zhao');
      expect(first).toMatchObject({ voter: { confirmed: true }, alreadyConfirmed: false, confirmedAt: '2026-03-01T02:00:00.000Z' });
      const again = await t.ok<{ alreadyConfirmed: boolean; confirmedAt: string }>('registration', { action: 'confirm' }, 'wx-zhao');
      expect(again).toMatchObject({ alreadyConfirmed: true, confirmedAt: first.confirmedAt });
      await t.linkAudit();
      const audit = await t.app.store.find('audit', { scope: f.electionId }, { limit: 200 });
      expect(audit.filter((a) => a.action === 'registration.confirm')).toHaveLength(1);
    });
    it('rejects NOT_BOUND for a user without an entry', async () => {
      expect(await t.call('registration', { action: 'confirm' }, 'wx-nobody')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', reason: 'NOT_BOUND' });
    });
  });

  describe('registration.declareParticipation (category B from the phone)', () => {
    it('registers the migrant and records where they live now; declaring again is ok', async () => {
      await bind('孙外出', B, 'wx-sun');
      const r = await t.ok<{ voter: Voter; declaredOn: string; alreadyDeclared: boolean }>('registration', { action: 'declareParticipation', livesIn: '广东省深圳市' }, 'wx-sun');
      expect(r).toMatchObject({ voter: { category: 'B', status: 'registered' }, declaredOn: '2026-03-01', alreadyDeclared: false });
      expect(await t.ok('registration', { action: 'declareParticipation' }, 'wx-sun')).toMatchObject({ alreadyDeclared: true });
      const list = await t.ok<{ rows: { declaration: { channel: string; livesIn: string } }[] }>('committee', { action: 'listVoters', electionId: f.electionId, name: '孙外出' }, CLERK);
      expect(list.rows[0]!.declaration).toMatchObject({ channel: 'app', livesIn: '广东省深圳市' });
    });
    it('rejects NOT_CATEGORY_B for a voter living in the village', async () => {
      await bind('赵大山', A, 'wx-zhao');
      expect(await t.call('registration', { action: 'declareParticipation' }, 'wx-zhao')).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'NOT_CATEGORY_B' });
    });
    it('accepts on the last lawful publication day and rejects REGISTRATION_CLOSED the day after', async () => {
      await bind('孙外出', B, 'wx-sun');
      t.setNow('2026-03-21T15:59:59.000Z');
      expect(await t.call('registration', { action: 'declareParticipation' }, 'wx-sun')).toMatchObject({ ok: true });
      const late = await villageWithElection(t, { name: '晚村' });
      const lr = await importRows(t, late.electionId, [{ name: '钱外出', idNumber: syntheticId('1991-01-01', 5), group: '第一村民小组', category: 'B' }]);
      await t.ok('identity', { action: 'bind', name: '钱外出', idNumber: syntheticId('1991-01-01', 5), bindingCode: lr.rows[0]!.bindingCode, consent: true }, 'wx-qian');
      // That village's E is 40 days after 2026-03-21: its own last day is 2026-04-10.
      t.setNow('2026-04-10T16:00:00.000Z');
      expect(await t.call('registration', { action: 'declareParticipation' }, 'wx-qian')).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'REGISTRATION_CLOSED' });
    });
    it('rejects LIST_PUBLISHED once the list is out (a missing name is then an objection)', async () => {
      await bind('孙外出', B, 'wx-sun');
      await t.app.store.update('election', f.electionId, { voterListPublishedOn: '2026-03-01' });
      expect(await t.call('registration', { action: 'declareParticipation' }, 'wx-sun')).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'LIST_PUBLISHED' });
    });
  });

  describe('registration.applyResidence (category C)', () => {
    const apply = (over: Record<string, unknown> = {}, openid = 'wx-new') =>
      t.call<{ voter: Voter }>('registration', { action: 'applyResidence', electionId: f.electionId, name: '周新来', idNumber: NEW, group: '第二村民小组', residenceSince: '2025-04-10', consent: true, ...over }, openid);

    it('creates a pending category C entry bound to the applicant, exactly one year of residence on election day', async () => {
      const r = await apply();
      expect(r).toMatchObject({ ok: true, data: { voter: { category: 'C', status: 'pending' } } });
      if (r.ok) expect(Object.keys(r.data.voter)).not.toContain('idMasked');
      const who = await t.ok<{ roles: string[] }>('identity', { action: 'whoami' }, 'wx-new');
      expect(who.roles).toContain('voter');
      const mine = await t.ok<{ todo: { key: string }[] }>('registration', { action: 'mine' }, 'wx-new');
      expect(mine.todo.map((x) => x.key)).toEqual(['awaitMeeting', 'confirm']);
      const list = await t.ok<{ rows: { category: string; status: string; bound: boolean; residenceSince: string }[] }>('committee', { action: 'listVoters', electionId: f.electionId, name: '周新来' }, CLERK);
      expect(list.rows[0]).toMatchObject({ category: 'C', status: 'pending', bound: true, residenceSince: '2025-04-10' });
    });
    it('rejects RESIDENCE_TOO_SHORT one day short', async () => {
      expect(await apply({ residenceSince: '2025-04-11' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'RESIDENCE_TOO_SHORT' });
    });
    it('accepts an applicant turning 18 on election day and rejects UNDER_18 a day short', async () => {
      expect(await apply({ idNumber: syntheticId('2008-04-11', 2), residenceSince: '2010-01-01' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'UNDER_18' });
      expect(await apply({ idNumber: syntheticId('2008-04-10', 2), residenceSince: '2010-01-01' })).toMatchObject({ ok: true });
    });
    it('accepts an application naming a person registered in another village as pending (unproven: no reply names the village, the township list stays empty); the committee’s approval is refused and recorded', async () => {
      const home = await villageWithElection(t, { name: '户籍村' });
      await importRows(t, home.electionId, [{ name: '周新来', idNumber: NEW, group: '第一村民小组', category: 'A' }]);
      const r = await apply();
      expect(r).toMatchObject({ ok: true, data: { voter: { category: 'C', status: 'pending' } } });
      expect(JSON.stringify(r)).not.toContain('户籍村');
      type Dups = { rows: { source: string; registeredIn: { name: string }; village: { id: string } }[] };
      expect((await t.ok<Dups>('township', { action: 'duplicates' }, TOWNSHIP)).rows).toEqual([]);
      if (!r.ok) return;
      const meeting = { meeting: 'villagerMeeting', meetingDate: '2026-02-28', minutesRef: '2026-1号' };
      const approve = await t.call('committee', { action: 'setVoterStatus', electionId: f.electionId, voterId: (r.data.voter as unknown as { id: string }).id, op: 'approveResidence', ...meeting }, CLERK);
      expect(approve).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'DOUBLE_REGISTRATION' });
      expect((await t.ok<Dups>('township', { action: 'duplicates' }, TOWNSHIP)).rows).toEqual([expect.objectContaining({ source: 'committee', registeredIn: expect.objectContaining({ name: '户籍村' }), village: expect.objectContaining({ id: f.villageId }) })]);
    });
    it('accepts an application naming a number on this roll as pending, marked for the committee and never approvable; rejects ALREADY_BOUND for a bound user', async () => {
      const r = await apply({ name: '赵大山', idNumber: A });
      expect(r).toMatchObject({ ok: true, data: { voter: { category: 'C', status: 'pending' } } });
      if (r.ok) {
        const id = (r.data.voter as unknown as { id: string }).id;
        expect(await t.app.store.get('voter', id)).toMatchObject({ duplicateOf: expect.any(String), appliedBy: 'wx-new', note: expect.stringContaining('身份证号码') });
        const meeting = { meeting: 'villagerMeeting', meetingDate: '2026-02-28', minutesRef: '2026-1号' };
        expect(await t.call('committee', { action: 'setVoterStatus', electionId: f.electionId, voterId: id, op: 'approveResidence', ...meeting }, CLERK)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'NOT_HELD' });
      }
      await bind('孙外出', B, 'wx-sun');
      expect(await apply({}, 'wx-sun')).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_BOUND' });
    });
    it('rejects TOO_MANY_APPLICATIONS from one WeChat user beyond CLAIM_POLICY in one election, whatever the numbers', async () => {
      for (let i = 0; i < CLAIM_POLICY.maxApplicationsPerUser; i++) {
        expect(await apply({ idNumber: syntheticId('1990-01-01', 20 + i) }, 'wx-many')).toMatchObject({ ok: true });
        await t.ok('identity', { action: 'unbind' }, 'wx-many');
      }
      expect(await apply({ idNumber: A }, 'wx-many')).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED', reason: 'TOO_MANY_APPLICATIONS' });
      expect(await apply({ idNumber: syntheticId('1990-01-01', 29) }, 'wx-many')).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED', reason: 'TOO_MANY_APPLICATIONS' });
    });
    it('rejects UNKNOWN_GROUP, a future residence start, and a missing consent', async () => {
      expect(await apply({ group: '第九组' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'UNKNOWN_GROUP' });
      expect(await apply({ residenceSince: '2026-03-02' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BAD_DATE' });
      expect(await apply({ consent: false })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    });
    it('rejects LIST_PUBLISHED after publication', async () => {
      await t.app.store.set('meta', `voterList:${f.electionId}`, { electionId: f.electionId });
      expect(await apply()).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'LIST_PUBLISHED' });
    });
    it('accepts a migrant who is only pending (undeclared) in their 户籍 village: that is no registration yet', async () => {
      const home = await villageWithElection(t, { name: '户籍村' });
      await importRows(t, home.electionId, [{ name: '周新来', idNumber: NEW, group: '第一村民小组', category: 'B' }]);
      expect(await apply()).toMatchObject({ ok: true, data: { voter: { category: 'C', status: 'pending' } } });
    });
    it('gives users racing to apply with the same ID number the same reply, and exactly one entry holds the number on this roll', async () => {
      const rs = await Promise.all(['wx-1', 'wx-2', 'wx-3'].map((o) => apply({}, o)));
      expect(rs.every((r) => r.ok)).toBe(true);
      const ids = rs.map((r) => (r.ok ? (r.data.voter as unknown as { id: string }).id : ''));
      const docs = await Promise.all(ids.map((id) => t.app.store.get<{ duplicateOf?: string | null }>('voter', id)));
      const holders = ids.filter((_, i) => !docs[i]!.duplicateOf);
      expect(holders).toHaveLength(1);
      expect(docs.filter((d) => d!.duplicateOf === holders[0])).toHaveLength(2);
    });
  });
});

describe('committee.listVoters and committee.stats', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp();
    f = await villageWithElection(t, { voters: 0 });
    await importRows(t, f.electionId, [
      { name: '王建国', idNumber: syntheticId('1960-01-01', 1), group: '第二村民小组', category: 'A', phone: '13812345678' },
      { name: '王秀英', idNumber: syntheticId('1961-01-01', 2), group: '第一村民小组', category: 'A' },
      { name: '李王氏', idNumber: syntheticId('1962-01-01', 4), group: '第一村民小组', category: 'B' },
      { name: '张外来', idNumber: syntheticId('1963-01-01', 6), group: '第一村民小组', category: 'C', residenceSince: '2020-01-01' },
      { name: '刘外出', idNumber: syntheticId('1964-01-01', 8), group: '第二村民小组', category: 'B' },
    ]);
  });
  afterEach(() => t.close());

  type List = { total: number; rows: { name: string; group: string; birthDate: string; phoneMasked: string | null }[] };
  const list = (q: Record<string, unknown>) => t.ok<List>('committee', { action: 'listVoters', electionId: f.electionId, ...q }, CLERK);

  it('finds by any part of the name, prefix matches first, in village group order', async () => {
    const r = await list({ name: '王' });
    expect(r.rows.map((x) => x.name)).toEqual(['王秀英', '李王氏', '王建国']);
  });
  it('filters by group, category, status and the whole ID number (matched by its keyed hash)', async () => {
    expect((await list({ group: '第一村民小组', category: 'A' })).rows.map((x) => x.name)).toEqual(['王秀英']);
    expect((await list({ status: 'pending' })).total).toBe(3);
    expect((await list({ idNumber: syntheticId('1963-01-01', 6) })).rows.map((x) => x.name)).toEqual(['张外来']);
    expect((await list({ idNumber: syntheticId('1963-01-01', 7) })).total).toBe(0);
    expect((await list({ bound: true })).total).toBe(0);
    expect((await list({ confirmed: false })).total).toBe(5);
  });
  it('pages stably and shows no digit of an ID number (birth date instead) and only masked phones', async () => {
    const p1 = await list({ pageSize: 2, page: 1 });
    const p3 = await list({ pageSize: 2, page: 3 });
    expect(p1.total).toBe(5);
    expect([...p1.rows, ...(await list({ pageSize: 2, page: 2 })).rows, ...p3.rows].map((x) => x.name)).toHaveLength(5);
    const all = await list({ pageSize: 200 });
    expect(all.rows.find((x) => x.name === '王建国')).toMatchObject({ phoneMasked: '138****5678' });
    expect(JSON.stringify(all)).not.toMatch(/\d{17}[\dX]/);
    expect(JSON.stringify(all)).not.toMatch(/[0-9]{4}\*{4,}[0-9X]{4}/);
    expect(all.rows.find((x) => x.name === '张外来')).toMatchObject({ birthDate: '1963-01-01' });
  });

  it('counts registered by category, pending B and C, declared migrants, confirmed, bound and flags', async () => {
    const rows = (await list({ pageSize: 200 })).rows as unknown as { id: string; name: string }[];
    const id = (n: string) => rows.find((x) => x.name === n)!.id;
    await t.ok('committee', { action: 'setVoterStatus', electionId: f.electionId, voterId: id('刘外出'), op: 'recordDeclaration', channel: 'phone', declaredOn: '2026-02-28' }, CLERK);
    await t.ok('committee', { action: 'setVoterStatus', electionId: f.electionId, voterId: id('王建国'), op: 'deceased', reason: '去世' }, CLERK);
    const s = await t.ok('committee', { action: 'stats', electionId: f.electionId }, CLERK);
    expect(s).toEqual({
      total: 5,
      registered: 2,
      registeredByCategory: { A: 1, B: 1, C: 0 },
      pendingB: 1,
      pendingC: 1,
      rejectedC: 0,
      migrantsDeclared: 1,
      migrantsDeclaredInApp: 0,
      confirmed: 0,
      bound: 0,
      flagged: { deprived: 0, deceased: 1, movedAway: 0, unableToExercise: 0 },
      objections: { open: 0, decided: 0, overdue: 0 },
      voterListPublishedOn: null,
    });
  });
});

// Races included: on the embedded store and on the CloudBase adapter over its fake with latency.
describeEachStore('人户分离: the first confirmed registration wins (不重登)', (kind) => {
  // 户籍村 imports the migrant as pending B; 居住村 is where they live and apply as category C.
  const P = syntheticId('1987-07-07', 77);
  const meeting = { meeting: 'villagerMeeting', meetingDate: '2026-02-28', minutesRef: '2026-1号' };
  let t: TestApp;
  let home: VillageFixture;
  let here: VillageFixture;
  let homeEntry: string;
  beforeEach(async () => {
    t = makeTestApp({ store: kind });
    home = await villageWithElection(t, { name: '户籍村', voters: 0 });
    here = await villageWithElection(t, { name: '居住村', voters: 0 });
    const roll = await importRows(t, home.electionId, [{ name: '钱双村', idNumber: P, group: '第一村民小组', category: 'B' }]);
    homeEntry = roll.rows[0]!.voterId!;
    await t.ok('identity', { action: 'bind', name: '钱双村', idNumber: P, bindingCode: roll.rows[0]!.bindingCode, consent: true }, 'wx-home');
  });
  afterEach(() => t.close());

  const applyHere = () =>
    t.ok<{ voter: { id: string; status: string } }>('registration', { action: 'applyResidence', electionId: here.electionId, name: '钱双村', idNumber: P, group: '第二村民小组', residenceSince: '2020-01-01', consent: true }, 'wx-here');
  const approveHere = (voterId: string) => t.call('committee', { action: 'setVoterStatus', electionId: here.electionId, voterId, op: 'approveResidence', ...meeting }, CLERK);
  const declareHome = () => t.call<{ voter: { status: string } }>('registration', { action: 'declareParticipation' }, 'wx-home');
  const duplicates = () => t.ok<{ rows: { source: string; village: { id: string }; registeredIn: { id: string } }[] }>('township', { action: 'duplicates' }, TOWNSHIP);

  it('approval of the C application wins over the pending B entry, and a later declaration in the 户籍 village is refused and recorded', async () => {
    const applied = await applyHere();
    expect(await approveHere(applied.voter.id)).toMatchObject({ ok: true, data: { voter: { status: 'registered' } } });
    const r = await declareHome();
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'DOUBLE_REGISTRATION' });
    if (!r.ok) expect(r.message).toContain('居住村');
    expect((await t.app.store.get('voter', homeEntry))?.status).toBe('pending');
    expect((await duplicates()).rows).toEqual([expect.objectContaining({ source: 'declaration', village: { id: home.villageId, name: '户籍村' }, registeredIn: { id: here.villageId, name: '居住村' } })]);
  });

  it('a declaration in the 户籍 village wins over the pending C application, and the later approval is refused and recorded', async () => {
    const applied = await applyHere();
    expect(await declareHome()).toMatchObject({ ok: true, data: { voter: { status: 'registered' } } });
    expect(await approveHere(applied.voter.id)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'DOUBLE_REGISTRATION' });
    expect((await t.app.store.get('voter', applied.voter.id))?.status).toBe('pending');
    expect((await duplicates()).rows).toEqual([expect.objectContaining({ source: 'committee', village: { id: here.villageId, name: '居住村' }, registeredIn: { id: home.villageId, name: '户籍村' } })]);
  });

  it('refuses, once the person is registered in the other village, the approval of a new application (not the application itself: unproven) and a pending import row', async () => {
    await declareHome();
    const row = await importRows(t, here.electionId, [{ name: '钱双村', idNumber: P, group: '第二村民小组', category: 'C', residenceSince: '2020-01-01' }]);
    expect(row.rows[0]).toMatchObject({ status: 'rejected', reason: 'DOUBLE_REGISTRATION' });
    const applied = await applyHere();
    expect(await approveHere(applied.voter.id)).toMatchObject({ ok: false, reason: 'DOUBLE_REGISTRATION' });
  });

  it('rejects a declaration the committee records in person when the person is registered elsewhere', async () => {
    const applied = await applyHere();
    await approveHere(applied.voter.id);
    const r = await t.call('committee', { action: 'setVoterStatus', electionId: home.electionId, voterId: homeEntry, op: 'recordDeclaration', channel: 'inPerson', declaredOn: '2026-03-01' }, CLERK);
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'DOUBLE_REGISTRATION' });
  });

  it('releases the registration when the entry is flagged off the list, and a restore is refused once registered elsewhere', async () => {
    await declareHome();
    await t.ok('committee', { action: 'setVoterStatus', electionId: home.electionId, voterId: homeEntry, op: 'movedAway', reason: '户口迁往居住村' }, CLERK);
    const applied = await applyHere();
    expect(await approveHere(applied.voter.id)).toMatchObject({ ok: true });
    expect(await t.call('committee', { action: 'setVoterStatus', electionId: home.electionId, voterId: homeEntry, op: 'restore', reason: '核实未迁出' }, CLERK)).toMatchObject({
      ok: false,
      reason: 'DOUBLE_REGISTRATION',
    });
  });

  it('lets exactly one of a declaration and an approval racing for the person win', async () => {
    const applied = await applyHere();
    const [d, a] = await Promise.all([declareHome(), approveHere(applied.voter.id)]);
    expect([d.ok, a.ok].filter(Boolean)).toHaveLength(1);
    expect([d, a].filter((x) => !x.ok && x.reason === 'DOUBLE_REGISTRATION')).toHaveLength(1);
    const statuses = [(await t.app.store.get('voter', homeEntry))?.status, (await t.app.store.get('voter', applied.voter.id))?.status];
    expect(statuses.filter((x) => x === 'registered')).toHaveLength(1);
  });
});
