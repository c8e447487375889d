/**
 * People left off the published list (RULES.md §1): a migrant who had not declared, an undecided
 * category C application, someone not on the roll at all. After publication only an upheld
 * objection puts them on it, with the record their category needs.
 */
import { objectionDoc } from '../../../src/contracts/documents/objection-documents.schema';
import { idIndexDoc, voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { readDoc } from '../../../server/runtime/documents';
import { CLERK, TOWNSHIP, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';
import { importRows, type ImportReply } from '../roll/roll-fixtures';
import { bindVoter, notifierOf, publish, subscribe, syntheticId, type ObjectionReply } from './fixtures';

const VOTER = 'wx-voter';
const MIGRANT = 'wx-migrant';
const RESIDENT = 'wx-resident';
const STRANGER = 'wx-stranger';
const C_ID = syntheticId('1982-02-02', '021');
const STRANGER_ID = syntheticId('1991-06-06', '061');

type Queued = ObjectionReply['objection'] & {
  byPerson: boolean;
  objector: { voterId: string | null; name: string; selfIdentified: boolean };
  subject: { voterId: string | null; name: string; entry: { status: string; category: string } | null };
};
interface DecideReply {
  objection: Queued;
  notice: { body: string };
  delivery: { status: string };
  newVoter: null | { voterId: string; status: string; birthDate: string; bindingCode: string };
}

describe('objections from people left off the published list', () => {
  let t: TestApp;
  let f: VillageFixture;
  let roll: ImportReply;
  const migrant = () => f.voters[1]!; // 李秀英: category B, never declared, pending at publication
  const residentId = () => roll.rows[0]!.voterId!;
  const file = (event: Record<string, unknown>, openid: string) => t.call<ObjectionReply>('registration', { action: 'fileObjection', ...event }, openid);
  const fileOk = async (event: Record<string, unknown>, openid: string) => {
    const r = await file(event, openid);
    if (!r.ok) throw new Error(`${r.code} ${r.reason} ${r.message}`);
    return r.data.objection.id;
  };
  const me = { kind: 'missingPerson', about: 'me', details: '我是本村人，一直想参加选举，名单上没有我' };
  const decide = (objectionId: string, change: Record<string, unknown>, reason = '经核实，申诉人情况属实，应当列入选民名单') =>
    t.call<DecideReply>('committee', { action: 'decideObjection', electionId: f.electionId, objectionId, decision: 'upheld', reason, change }, CLERK);
  const voter = (id: string) => readDoc(t.app.store, 'voter', id, voterDoc);

  beforeEach(async () => {
    // Published 2026-03-01 (Asia/Shanghai); election day 2026-04-10.
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    f = await villageWithElection(t);
    roll = await importRows(t, f.electionId, [{ name: '周外来', idNumber: C_ID, group: '第二村民小组', category: 'C', residenceSince: '2020-05-01' }]);
    await bindVoter(t, f.voters[0]!, VOTER);
    await bindVoter(t, migrant(), MIGRANT);
    await t.ok('identity', { action: 'bind', name: '周外来', idNumber: C_ID, bindingCode: roll.rows[0]!.bindingCode, consent: true }, RESIDENT);
    await publish(t, f);
  });
  afterEach(() => t.close());

  describe('a pending migrant (category B) objecting about their own entry', () => {
    it('rejects the late declaration from the phone with LIST_PUBLISHED, pointing to an objection', async () => {
      const r = await t.call('registration', { action: 'declareParticipation' }, MIGRANT);
      expect(r).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'LIST_PUBLISHED' });
      if (!r.ok) expect(r.message).toContain('申诉');
    });

    it('accepts “我自己不在名单上”, about their own entry, filed by the person', async () => {
      const id = await fileOk(me, MIGRANT);
      const stored = (await readDoc(t.app.store, 'objection', id, objectionDoc))!;
      expect(stored).toMatchObject({ kind: 'missingPerson', subjectVoterId: migrant().id, objectorVoterId: migrant().id, byPerson: true, subject: { name: '李秀英' } });
      const queue = await t.ok<{ objections: Queued[] }>('committee', { action: 'listObjections', electionId: f.electionId }, CLERK);
      expect(queue.objections[0]).toMatchObject({ byPerson: true, subject: { voterId: migrant().id, entry: { status: 'pending', category: 'B' } }, objector: { selfIdentified: false } });
    });

    it('registers them when upheld: their objection is recorded as their own declaration (本人表示参加选举)', async () => {
      const id = await fileOk(me, MIGRANT);
      await subscribe(t, MIGRANT);
      const r = await decide(id, { kind: 'registerVoter' });
      expect(r).toMatchObject({ ok: true, data: { objection: { decision: { change: { kind: 'registerVoter', label: '补办登记，列入选民名单' } } }, delivery: { status: 'sent' } } });
      const v = (await voter(migrant().id))!;
      expect(v).toMatchObject({ status: 'registered', declaration: { channel: 'objection', on: '2026-03-01' } });
      expect(await readDoc(t.app.store, 'idIndex', v.idHash, idIndexDoc)).toMatchObject({ voterId: migrant().id, electionId: f.electionId });
      if (r.ok) expect(r.data.notice.body).toContain('补办登记，列入选民名单');
      const list = await t.ok<{ rows: { declaration: { channelLabel: string } | null }[] }>('committee', { action: 'listVoters', electionId: f.electionId, name: '李秀英' }, CLERK);
      expect(list.rows[0]!.declaration).toMatchObject({ channelLabel: '本人在申诉中表示' });
      expect(notifierOf(t).deliveries().map((d) => d.message.openid)).toEqual([MIGRANT]);
      await t.linkAudit();
      const audit = await t.app.store.find('audit', { scope: f.electionId }, { limit: 1000 });
      expect(audit.map((a) => a.action)).toContain('committee.decideObjection.registerVoter');
      expect(await verifyAuditChain(t.app.store, f.electionId)).toMatchObject({ ok: true });
    });

    it('also registers them on their own "wrong details: status" objection', async () => {
      const id = await fileOk({ kind: 'wrongDetails', voterId: migrant().id, wrongFields: ['status'], details: '我要参加选举，名单上却没有我' }, MIGRANT);
      expect(await decide(id, { kind: 'registerVoter' })).toMatchObject({ ok: true });
      expect((await voter(migrant().id))?.declaration?.channel).toBe('objection');
    });

    it('registers them when upheld as a correction of their category to A (they live in the village after all)', async () => {
      const id = await fileOk({ kind: 'wrongDetails', voterId: migrant().id, wrongFields: ['category'], details: '我已经回村居住，不是外出人员' }, MIGRANT);
      const r = await decide(id, { kind: 'correctDetails', category: 'A' }, '经核实，李秀英已回村居住，类别更正为A类');
      expect(r).toMatchObject({ ok: true, data: { objection: { decision: { change: { kind: 'correctDetails' } } } } });
      const v = (await voter(migrant().id))!;
      expect(v).toMatchObject({ category: 'A', status: 'registered' });
      expect(await readDoc(t.app.store, 'idIndex', v.idHash, idIndexDoc)).toMatchObject({ voterId: migrant().id });
    });

    it('rejects reinstating a pending entry (NOT_FLAGGED) and adding them as new (ALREADY_ON_ROLL), naming the right change', async () => {
      const id = await fileOk(me, MIGRANT);
      const re = await decide(id, { kind: 'reinstateVoter' });
      expect(re).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'NOT_FLAGGED' });
      if (!re.ok) expect(re.message).toContain('补办登记');
      const add = await decide(id, { kind: 'addVoter', name: '李秀英', idNumber: migrant().idNumber, group: '第一村民小组', category: 'B', declaration: { channel: 'phone', declaredOn: '2026-03-01' } });
      expect(add).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_ON_ROLL' });
      expect((await voter(migrant().id))?.status).toBe('pending');
    });

    it('rejects DOUBLE_REGISTRATION when the person got registered in another village meanwhile, and the township sees it', async () => {
      const id = await fileOk(me, MIGRANT);
      const other = await villageWithElection(t, { name: '打工村', voters: 0 });
      await importRows(t, other.electionId, [{ name: '李秀英', idNumber: migrant().idNumber, group: '第一村民小组', category: 'A' }]);
      expect(await decide(id, { kind: 'registerVoter' })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'DOUBLE_REGISTRATION' });
      expect((await readDoc(t.app.store, 'objection', id, objectionDoc))?.status).toBe('open');
      const d = await t.ok<{ rows: { source: string; village: { id: string } }[] }>('township', { action: 'duplicates' }, TOWNSHIP);
      expect(d.rows).toEqual([expect.objectContaining({ source: 'objection', village: expect.objectContaining({ id: f.villageId }) })]);
    });
  });

  describe('a registered voter objecting that a pending migrant is missing', () => {
    const about = () => ({ kind: 'missingPerson', name: '李秀英', group: '第一村民小组', idNumber: migrant().idNumber, details: '李秀英户籍在本村，她说要回来投票' });

    it('keeps the number as its keyed hash, not looked up at filing (the objector has not proven it); the decision finds the pending entry', async () => {
      const id = await fileOk(about(), VOTER);
      expect(await readDoc(t.app.store, 'objection', id, objectionDoc)).toMatchObject({ subjectVoterId: null, subject: { idHash: migrant().doc.idHash }, byPerson: false });
    });

    it('rejects registering them without the person’s own declaration (someone else’s word is not one)', async () => {
      const id = await fileOk(about(), VOTER);
      const r = await decide(id, { kind: 'registerVoter' });
      expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'DECLARATION_REQUIRED' });
      if (!r.ok) expect(r.message).toContain('本人表示参加选举');
    });

    it('registers them with the declaration the committee received by phone', async () => {
      const id = await fileOk(about(), VOTER);
      expect(await decide(id, { kind: 'registerVoter', declaration: { channel: 'phone', declaredOn: '2026-03-01' } })).toMatchObject({ ok: true });
      expect(await voter(migrant().id)).toMatchObject({ status: 'registered', declaration: { channel: 'phone', on: '2026-03-01' } });
    });

    it('rejects a declaration dated in the future', async () => {
      const id = await fileOk(about(), VOTER);
      expect(await decide(id, { kind: 'registerVoter', declaration: { channel: 'inPerson', declaredOn: '2026-03-02' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BAD_DATE' });
    });
  });

  describe('an undecided category C application', () => {
    it('rejects registering it without the 村民会议/村民代表会议 decision, with a clear message', async () => {
      const id = await fileOk(me, RESIDENT);
      const r = await decide(id, { kind: 'registerVoter' });
      expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'MEETING_REQUIRED' });
      if (!r.ok) expect(r.message).toContain('会议记录编号');
    });

    it('registers it with the meeting, its date and minutes reference on record', async () => {
      const id = await fileOk(me, RESIDENT);
      const meeting = { meeting: 'representativeMeeting', meetingDate: '2026-03-01', minutesRef: '村民代表会议〔2026〕5号' };
      expect(await decide(id, { kind: 'registerVoter', residence: meeting })).toMatchObject({ ok: true });
      expect(await voter(residentId())).toMatchObject({ status: 'registered', residenceDecision: { outcome: 'approved', ...meeting } });
    });

    it('rejects RESIDENCE_TOO_SHORT when the residence does not reach a year on election day', async () => {
      await t.app.store.update('voter', residentId(), { residenceSince: '2025-04-11' });
      const id = await fileOk(me, RESIDENT);
      const r = await decide(id, { kind: 'registerVoter', residence: { meeting: 'villagerMeeting', meetingDate: '2026-03-01', minutesRef: '2026-5号' } });
      expect(r).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'RESIDENCE_TOO_SHORT' });
    });
  });

  describe('a flagged entry', () => {
    it('reinstates a flagged entry whose record allows registration', async () => {
      await t.app.store.update('voter', f.voters[3]!.id, { status: 'movedAway', statusReason: '外出' });
      await bindVoter(t, f.voters[3]!, 'wx-moved');
      // On the frozen list, flagged since: not "missing", but their status is wrong.
      expect(await file(me, 'wx-moved')).toMatchObject({ ok: false, reason: 'ALREADY_ON_LIST' });
      const id = await fileOk({ kind: 'wrongDetails', voterId: f.voters[3]!.id, wrongFields: ['status'], details: '我没有迁出，户口还在本村' }, 'wx-moved');
      expect(await decide(id, { kind: 'reinstateVoter' })).toMatchObject({ ok: true });
      expect((await voter(f.voters[3]!.id))?.status).toBe('registered');
    });

    it('rejects reinstating a flagged migrant who never declared (RECORD_REQUIRED), and registers them on their own objection', async () => {
      await t.app.store.update('voter', migrant().id, { status: 'movedAway', statusReason: '外出' });
      const id = await fileOk(me, MIGRANT);
      const r = await decide(id, { kind: 'reinstateVoter' });
      expect(r).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'RECORD_REQUIRED' });
      if (!r.ok) expect(r.message).toContain('补办登记');
      expect(await decide(id, { kind: 'registerVoter' })).toMatchObject({ ok: true });
      expect(await voter(migrant().id)).toMatchObject({ status: 'registered', statusReason: null, declaration: { channel: 'objection' } });
    });
  });

  describe('adding a missing person with the record of their category', () => {
    const NEW = syntheticId('1979-09-09', '091');
    const add = (over: Record<string, unknown>) => ({ kind: 'addVoter', name: '孙海', idNumber: NEW, group: '第二村民小组', ...over });
    let id: string;
    beforeEach(async () => {
      id = await fileOk({ kind: 'missingPerson', name: '孙海', group: '第二村民小组', details: '孙海户籍在本村，在外打工，要参加选举' }, VOTER);
    });

    it('rejects category B without the person’s declaration, and registers it with one', async () => {
      expect(await decide(id, add({ category: 'B' }))).toMatchObject({ ok: false, reason: 'DECLARATION_REQUIRED' });
      const r = await decide(id, add({ category: 'B', declaration: { channel: 'inPerson', declaredOn: '2026-03-01' } }));
      expect(r).toMatchObject({ ok: true, data: { newVoter: { status: 'registered' } } });
      if (r.ok) expect(await voter(r.data.newVoter!.voterId)).toMatchObject({ category: 'B', declaration: { channel: 'inPerson' } });
    });

    it('rejects category C without the meeting, and registers it with the meeting and residence', async () => {
      expect(await decide(id, add({ category: 'C' }))).toMatchObject({ ok: false, reason: 'MEETING_REQUIRED' });
      const r = await decide(id, add({ category: 'C', residence: { meeting: 'villagerMeeting', meetingDate: '2026-02-20', minutesRef: '2026-2号', residenceSince: '2019-01-01' } }));
      expect(r).toMatchObject({ ok: true, data: { newVoter: { status: 'registered' } } });
      if (r.ok) expect(await voter(r.data.newVoter!.voterId)).toMatchObject({ category: 'C', residenceSince: '2019-01-01', residenceDecision: { minutesRef: '2026-2号' } });
    });

    it('rejects category C without a residence start date', async () => {
      expect(await decide(id, add({ category: 'C', residence: { meeting: 'villagerMeeting', meetingDate: '2026-02-20', minutesRef: '2026-2号' } }))).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'NO_RESIDENCE_DATE' });
    });
  });

  describe('the caller’s own missing-person check reads the published list for a flagged entry', () => {
    it('rejects ALREADY_ON_LIST for a person on the frozen list who was flagged since', async () => {
      await bindVoter(t, f.voters[2]!, 'wx-flagged');
      await t.app.store.update('voter', f.voters[2]!.id, { status: 'deceased' });
      const r = await file(me, 'wx-flagged');
      expect(r).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_ON_LIST' });
    });

    it('rejects ALREADY_ON_LIST for a person added by an upheld objection since', async () => {
      const id = await fileOk(me, MIGRANT);
      await decide(id, { kind: 'registerVoter' });
      const r = await file(me, MIGRANT);
      expect(r).toMatchObject({ ok: false, reason: 'ALREADY_ON_LIST' });
    });

    it('files an objection naming someone else’s number on the list, for the committee (no reply tells it is on the list)', async () => {
      const r = await file({ kind: 'missingPerson', name: '张伟', group: '第一村民小组', idNumber: f.voters[2]!.idNumber, details: '张伟的名字不见了' }, VOTER);
      expect(r).toMatchObject({ ok: true, data: { objection: { status: 'open' } } });
      // Not even looked up at filing; the committee's decision finds the entry.
      if (r.ok) expect(await t.app.store.get('objection', r.data.objection.id)).toMatchObject({ subjectVoterId: null, subject: { idHash: f.voters[2]!.doc.idHash } });
    });

    it('rejects “我自己不在名单上” from someone on the list', async () => {
      expect(await file(me, VOTER)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_ON_LIST' });
    });

    it('accepts an objection about a person on the roll who was not on the list (pending at publication)', async () => {
      expect(await file({ kind: 'missingPerson', name: '周外来', group: '第二村民小组', idNumber: C_ID, details: '周外来已在本村住了很多年' }, VOTER)).toMatchObject({ ok: true });
    });
  });

  describe('a WeChat user not bound and not on the roll (self-identified)', () => {
    const identity = (over: Record<string, unknown> = {}) => ({ electionId: f.electionId, name: '吴远方', idNumber: STRANGER_ID, group: '第二村民小组', consent: true, ...over });
    const self = (over: Record<string, unknown> = {}, details = '我户籍在本村第二组，在外地打工，要参加选举') => ({ kind: 'missingPerson', about: 'me', identity: identity(over), details });

    it('accepts their objection that they are missing, keeping only the keyed hash of the ID number', async () => {
      const r = await file(self(), STRANGER);
      expect(r).toMatchObject({ ok: true, data: { objection: { status: 'open', subject: { name: '吴远方', group: '第二村民小组' }, decisionLastDay: '2026-03-04' } } });
      if (!r.ok) return;
      const stored = await t.app.store.get('objection', r.data.objection.id);
      expect(stored).toMatchObject({ objectorVoterId: null, objectorOpenid: STRANGER, byPerson: true, subjectVoterId: null, subject: { idHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      expect(Object.keys((stored as unknown as { subject: object }).subject)).not.toContain('idMasked');
      expect(JSON.stringify([r, stored])).not.toContain(STRANGER_ID);
      expect(t.logs.join('\n')).not.toContain(STRANGER_ID);
    });

    it('shows it in myObjections for that WeChat user, and to the committee as self-identified', async () => {
      await fileOk(self(), STRANGER);
      const mine = await t.ok<{ objections: ObjectionReply['objection'][] }>('registration', { action: 'myObjections' }, STRANGER);
      expect(mine.objections.map((o) => o.subject.name)).toEqual(['吴远方']);
      const queue = await t.ok<{ objections: Queued[] }>('committee', { action: 'listObjections', electionId: f.electionId }, CLERK);
      expect(queue.objections[0]).toMatchObject({ byPerson: true, objector: { voterId: null, name: '吴远方', selfIdentified: true }, subject: { voterId: null, entry: null } });
    });

    it('adds them when upheld — their objection is their declaration as category B — and pushes the decision to them', async () => {
      const id = await fileOk(self(), STRANGER);
      await subscribe(t, STRANGER);
      const r = await decide(id, { kind: 'addVoter', name: '吴远方', idNumber: STRANGER_ID, group: '第二村民小组', category: 'B' }, '经核实，吴远方户籍在本村第二村民小组，本人申诉表示参加选举');
      expect(r).toMatchObject({ ok: true, data: { newVoter: { status: 'registered' }, delivery: { status: 'sent' } } });
      if (!r.ok) return;
      expect(await voter(r.data.newVoter!.voterId)).toMatchObject({ category: 'B', status: 'registered', declaration: { channel: 'objection', on: '2026-03-01' } });
      expect(notifierOf(t).deliveries().map((d) => d.message.openid)).toEqual([STRANGER]);
      const mine = await t.ok<{ objections: ObjectionReply['objection'][] }>('registration', { action: 'myObjections' }, STRANGER);
      expect(mine.objections[0]).toMatchObject({ status: 'upheld', decision: { change: { kind: 'addVoter' } } });
      // Once bound to the new entry with the code from the committee, the objection is still theirs.
      await t.ok('identity', { action: 'bind', name: '吴远方', idNumber: STRANGER_ID, bindingCode: r.data.newVoter!.bindingCode, consent: true }, STRANGER);
      expect((await t.ok<{ objections: unknown[] }>('registration', { action: 'myObjections' }, STRANGER)).objections).toHaveLength(1);
    });

    it('rejects adding someone other than the person who objected (ID_MISMATCH)', async () => {
      const id = await fileOk(self(), STRANGER);
      const r = await decide(id, { kind: 'addVoter', name: '吴远方', idNumber: syntheticId('1991-06-06', '063'), group: '第二村民小组', category: 'A' });
      expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'ID_MISMATCH' });
    });

    it('files it even when the ID number is on this roll (unproven: the reply says nothing), naming the entry for the committee', async () => {
      const r = await file(self({ name: '李秀英', idNumber: migrant().idNumber, group: '第一村民小组' }), STRANGER);
      expect(r).toMatchObject({ ok: true, data: { objection: { status: 'open' } } });
      if (r.ok) expect(await t.app.store.get('objection', r.data.objection.id)).toMatchObject({ subjectVoterId: migrant().id, byPerson: true });
    });

    it('rejects before the list is published and after the last filing day', async () => {
      const fresh = await villageWithElection(t, { name: '未公布村', voters: 0 });
      expect(await file(self({ electionId: fresh.electionId, group: '第一村民小组' }), STRANGER)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'LIST_NOT_PUBLISHED' });
      t.setNow('2026-03-06T16:00:00.000Z');
      expect(await file(self(), STRANGER)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'OBJECTION_WINDOW_CLOSED' });
    });

    it('accepts on the last filing day at 23:59:59 Asia/Shanghai', async () => {
      t.setNow('2026-03-06T15:59:59.000Z');
      expect(await file(self(), STRANGER)).toMatchObject({ ok: true, data: { objection: { receivedOn: '2026-03-06' } } });
    });

    it('rejects a second open objection for the same person from the same WeChat user; another user’s is not refused on its account (no reply tells one user of another’s objection)', async () => {
      await fileOk(self(), STRANGER);
      expect(await file(self({}, '再说一遍，我没有列入名单'), STRANGER)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'DUPLICATE_OBJECTION' });
      expect(await file(self(), 'wx-someone-else')).toMatchObject({ ok: true });
    });

    it('rejects a second open objection from the same WeChat user under another ID number', async () => {
      await fileOk(self(), STRANGER);
      expect(await file(self({ name: '吴近处', idNumber: syntheticId('1990-01-01', '011') }), STRANGER)).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED', reason: 'TOO_MANY_OPEN' });
    });

    it('frees the slot once the objection is decided', async () => {
      const id = await fileOk(self(), STRANGER);
      await t.ok('committee', { action: 'decideObjection', electionId: f.electionId, objectionId: id, decision: 'rejected', reason: '经核实，申诉人户籍不在本村' }, CLERK);
      expect(await file(self({}, '我确实是本村户籍，请再核实'), STRANGER)).toMatchObject({ ok: true });
    });

    it('rejects an unbound user without their identity (NOT_BOUND), and about anything but themself', async () => {
      const r = await file(me, STRANGER);
      expect(r).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', reason: 'NOT_BOUND' });
      if (!r.ok) expect(r.message).toContain('身份证号码');
      expect(await file({ kind: 'missingPerson', name: '孙海', group: '第二村民小组', details: '孙海一直住在本村' }, STRANGER)).toMatchObject({ ok: false, reason: 'NOT_BOUND' });
      expect(await file({ kind: 'wrongPerson', listNo: 1, details: '此人户籍已迁出本村' }, STRANGER)).toMatchObject({ ok: false, reason: 'NOT_BOUND' });
    });

    it('rejects identity details from a bound user (ALREADY_BOUND)', async () => {
      expect(await file(self(), MIGRANT)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_BOUND' });
    });

    it('rejects an unknown election, a group the village does not have, a bad ID number, a missing consent and someone under 18', async () => {
      expect(await file(self({ electionId: 'e_nope' }), STRANGER)).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'ELECTION_UNKNOWN' });
      expect(await file(self({ group: '第九村民小组' }), STRANGER)).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'GROUP_UNKNOWN' });
      expect(await file(self({ idNumber: STRANGER_ID.slice(0, 17) + (STRANGER_ID.endsWith('1') ? '2' : '1') }), STRANGER)).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'ID_CHECK_DIGIT' });
      const noConsent = await file(self({ consent: false }), STRANGER);
      expect(noConsent).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { 'identity.consent': '请先阅读并同意个人信息处理说明' } });
      expect(await file(self({ idNumber: syntheticId('2008-04-11', '011') }), STRANGER)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'UNDER_18' });
    });

    it('counts against nobody else: a registered voter may still object about the same person', async () => {
      await fileOk(self(), STRANGER);
      expect(await file({ kind: 'missingPerson', name: '吴远方', group: '第二村民小组', idNumber: STRANGER_ID, details: '吴远方是本村人，应当列入' }, VOTER)).toMatchObject({ ok: true });
    });
  });
});
