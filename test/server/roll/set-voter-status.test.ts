import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { CLERK, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';
import { importRows, syntheticId, type ImportReply } from './roll-fixtures';

// Today 2026-03-01, election day E = 2026-04-10, national preset: category C needs 1 year on E.
const A = syntheticId('1970-01-02', 11);
const B = syntheticId('1990-09-09', 33);
const C_EXACT = syntheticId('1985-03-03', 44);
const C_SHORT = syntheticId('1986-04-04', 46);

type Entry = { id: string; status: string; statusReason: string | null; residence: { outcome: string; meetingLabel: string } | null; declaration: { channel: string; on: string } | null };
type Reply = { voter: Entry; bindingCode?: string };

describe('committee.setVoterStatus', () => {
  let t: TestApp;
  let f: VillageFixture;
  let roll: ImportReply;
  const idOf = (name: string) => roll.rows.find((r) => r.name === name)!.voterId!;
  const op = (name: string, body: Record<string, unknown>, electionId = f.electionId) =>
    t.call<Reply>('committee', { action: 'setVoterStatus', electionId, voterId: idOf(name), ...body }, CLERK);
  const okOp = async (name: string, body: Record<string, unknown>) => {
    const r = await op(name, body);
    if (!r.ok) throw new Error(`${r.code} ${r.reason} ${r.message}`);
    return r.data;
  };

  beforeEach(async () => {
    t = makeTestApp();
    f = await villageWithElection(t);
    roll = await importRows(t, f.electionId, [
      { name: '赵大山', idNumber: A, group: '第一村民小组', category: 'A' },
      { name: '孙外出', idNumber: B, group: '第二村民小组', category: 'B' },
      { name: '李满年', idNumber: C_EXACT, group: '第二村民小组', category: 'C', residenceSince: '2025-04-10' },
      { name: '李差天', idNumber: C_SHORT, group: '第二村民小组', category: 'C', residenceSince: '2025-04-11' },
    ]);
  });
  afterEach(() => t.close());

  describe('flags', () => {
    it('flags a voter as deceased with the written reason, takes them off the registered count, and audits it', async () => {
      const r = await okOp('赵大山', { op: 'deceased', reason: '2026年2月去世，家属告知' });
      expect(r.voter).toMatchObject({ status: 'deceased', statusReason: '2026年2月去世，家属告知' });
      await t.linkAudit();
      const chain = await verifyAuditChain(t.app.store, f.electionId);
      expect(chain.ok).toBe(true);
      const audit = await t.app.store.find('audit', { scope: f.electionId }, { limit: 200, orderBy: { field: 'seq', direction: 'desc' } });
      expect(audit[0]).toMatchObject({ action: 'committee.setVoterStatus', subject: idOf('赵大山'), data: { op: 'deceased', from: 'registered', to: 'deceased' } });
    });
    it('rejects ALREADY_SET when the flag is already there', async () => {
      await okOp('赵大山', { op: 'deprived', reason: '法院判决剥夺政治权利' });
      expect(await op('赵大山', { op: 'deprived', reason: '再次' })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_SET' });
    });
    it('rejects a flag without a reason, in Chinese', async () => {
      const r = await op('赵大山', { op: 'movedAway' });
      expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
      if (!r.ok) expect(r.message).toContain('理由');
    });
    it('rejects FLAG_NOT_ALLOWED for unableToExercise under the national preset', async () => {
      expect(await op('赵大山', { op: 'unableToExercise', reason: '经医院诊断' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'FLAG_NOT_ALLOWED' });
    });
    it('accepts unableToExercise where the provincial preset allows it', async () => {
      const g = await villageWithElection(t, { name: '广东村', presetId: 'guangdong' });
      const gr = await importRows(t, g.electionId, [{ name: '赵广东', idNumber: syntheticId('1960-01-01', 1), group: '第一村民小组', category: 'A' }]);
      const r = await t.call<Reply>('committee', { action: 'setVoterStatus', electionId: g.electionId, voterId: gr.rows[0]!.voterId, op: 'unableToExercise', reason: '经医院诊断，本人无法表达意志' }, CLERK);
      expect(r).toMatchObject({ ok: true, data: { voter: { status: 'unableToExercise' } } });
    });
    it('masks an ID or phone number written into a reason', async () => {
      const r = await okOp('赵大山', { op: 'movedAway', reason: `迁往外省，新号码13812345678` });
      expect(r.voter.statusReason).toBe('迁往外省，新号码138****5678');
    });
  });

  describe('restore', () => {
    it('returns a flagged entry to what its category allows', async () => {
      await okOp('赵大山', { op: 'deprived', reason: '误录' });
      expect((await okOp('赵大山', { op: 'restore', reason: '核实为误录' })).voter.status).toBe('registered');
      await okOp('孙外出', { op: 'movedAway', reason: '迁出' });
      expect((await okOp('孙外出', { op: 'restore', reason: '未迁出' })).voter.status).toBe('pending');
    });
    it('rejects NOT_FLAGGED for an entry without a flag', async () => {
      expect(await op('赵大山', { op: 'restore', reason: '恢复' })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'NOT_FLAGGED' });
    });
  });

  describe('approveResidence (category C, 村民会议/村民代表会议)', () => {
    const meeting = { meeting: 'representativeMeeting', meetingDate: '2026-02-28', minutesRef: '2026-02号' };
    it('registers a resident whose residence reaches exactly 1 year on election day', async () => {
      const r = await okOp('李满年', { op: 'approveResidence', ...meeting });
      expect(r.voter).toMatchObject({ status: 'registered', residence: { outcome: 'approved', meetingLabel: '村民代表会议' } });
    });
    it('rejects RESIDENCE_TOO_SHORT one day short, naming the day the year completes', async () => {
      const r = await op('李差天', { op: 'approveResidence', ...meeting });
      expect(r).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'RESIDENCE_TOO_SHORT' });
      if (!r.ok) expect(r.message).toContain('2026年4月11日');
    });
    it('rejects NOT_CATEGORY_C, a meeting in the future, and a second approval', async () => {
      expect(await op('赵大山', { op: 'approveResidence', ...meeting })).toMatchObject({ ok: false, reason: 'NOT_CATEGORY_C' });
      expect(await op('李满年', { op: 'approveResidence', ...meeting, meetingDate: '2026-03-02' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BAD_DATE' });
      await okOp('李满年', { op: 'approveResidence', ...meeting });
      expect(await op('李满年', { op: 'approveResidence', ...meeting })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_DECIDED' });
    });
    it('rejectResidence keeps the entry pending with the reason and frees the person to register elsewhere; a later approval takes them back unless registered elsewhere', async () => {
      const r = await okOp('李满年', { op: 'rejectResidence', ...meeting, reason: '会议未通过' });
      expect(r.voter).toMatchObject({ status: 'pending', statusReason: '会议未通过', residence: { outcome: 'rejected' } });
      const other = await villageWithElection(t, { name: '户籍村' });
      const there = await importRows(t, other.electionId, [{ name: '李满年', idNumber: C_EXACT, group: '第一村民小组', category: 'A' }]);
      expect(there.rows[0]).toMatchObject({ status: 'created' });
      expect(await op('李满年', { op: 'approveResidence', ...meeting })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'DOUBLE_REGISTRATION' });
    });
  });

  describe('recordDeclaration (category B, in person or by phone)', () => {
    it('registers a migrant who declared by phone', async () => {
      const r = await okOp('孙外出', { op: 'recordDeclaration', channel: 'phone', declaredOn: '2026-02-27' });
      expect(r.voter).toMatchObject({ status: 'registered', declaration: { channel: 'phone', on: '2026-02-27' } });
    });
    it('rejects NOT_CATEGORY_B and ALREADY_DECLARED', async () => {
      expect(await op('赵大山', { op: 'recordDeclaration', channel: 'phone', declaredOn: '2026-02-27' })).toMatchObject({ ok: false, reason: 'NOT_CATEGORY_B' });
      await okOp('孙外出', { op: 'recordDeclaration', channel: 'inPerson', declaredOn: '2026-02-27' });
      expect(await op('孙外出', { op: 'recordDeclaration', channel: 'phone', declaredOn: '2026-02-28' })).toMatchObject({ ok: false, reason: 'ALREADY_DECLARED' });
    });
  });

  describe('reissueBindingCode', () => {
    it('returns a new code once; the new code binds and the old one no longer does', async () => {
      const old = roll.rows[0]!.bindingCode!;
      const r = await okOp('赵大山', { op: 'reissueBindingCode' });
      expect(r.bindingCode).toMatch(/^[A-Z2-9]{8}$/);
      expect(r.bindingCode).not.toBe(old);
      expect(await t.call('identity', { action: 'bind', name: '赵大山', idNumber: A, bindingCode: old, consent: true }, 'wx-a')).toMatchObject({ ok: false, reason: 'BIND_MISMATCH' });
      expect(await t.call('identity', { action: 'bind', name: '赵大山', idNumber: A, bindingCode: r.bindingCode, consent: true }, 'wx-a')).toMatchObject({ ok: true });
    });
  });

  describe('releaseRegistration (人户分离)', () => {
    it('frees the claim and marks the entry moved away; releasing twice is NOT_HELD; restoring takes the claim back', async () => {
      const r = await okOp('赵大山', { op: 'releaseRegistration', reason: '本人选择在居住地登记' });
      expect(r.voter).toMatchObject({ status: 'movedAway' });
      expect(r.voter.statusReason).toContain('人户分离');
      expect(await op('赵大山', { op: 'releaseRegistration', reason: '再次' })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'NOT_HELD' });
      expect((await okOp('赵大山', { op: 'restore', reason: '本人改变主意' })).voter.status).toBe('registered');
    });
  });

  describe('after the voter list is published', () => {
    beforeEach(() => t.app.store.update('election', f.electionId, { voterListPublishedOn: '2026-03-01' }));
    it('rejects WINDOW_CLOSED LIST_PUBLISHED for a list-changing operation (it goes through an objection)', async () => {
      expect(await op('赵大山', { op: 'deceased', reason: '去世' })).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'LIST_PUBLISHED' });
      expect(await op('孙外出', { op: 'recordDeclaration', channel: 'phone', declaredOn: '2026-02-27' })).toMatchObject({ ok: false, reason: 'LIST_PUBLISHED' });
    });
    it('still reissues a binding code', async () => {
      expect(await op('赵大山', { op: 'reissueBindingCode' })).toMatchObject({ ok: true });
    });
  });

  it('rejects VOTER_UNKNOWN for an entry of another election, and FORBIDDEN for a non-member', async () => {
    const other = await villageWithElection(t, { name: '别村' });
    expect(await op('赵大山', { op: 'deceased', reason: '去世' }, other.electionId)).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'VOTER_UNKNOWN' });
    expect(await t.call('committee', { action: 'setVoterStatus', electionId: f.electionId, voterId: idOf('赵大山'), op: 'deceased', reason: '去世' }, 'wx-x')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('rejects an unknown operation in Chinese', async () => {
    const r = await op('赵大山', { op: 'promote' });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
