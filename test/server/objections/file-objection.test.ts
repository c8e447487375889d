import { objectionDoc } from '../../../src/contracts/documents/objection-documents.schema';
import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { readDoc } from '../../../server/runtime/documents';
import { makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';
import { addVoters, bindVoter, publish, syntheticId, type ObjectionReply } from './fixtures';

const OBJECTOR = 'wx-objector';
const missing = (over: Record<string, unknown> = {}) => ({
  action: 'fileObjection',
  kind: 'missingPerson',
  name: '孙海',
  group: '第二村民小组',
  details: '孙海一直住在第二村民小组，名单上没有他',
  ...over,
});

describe('registration.fileObjection: the filing window (national: within 5 days, publication day not counted)', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    // Published 2026-03-01 (Asia/Shanghai): last filing day 2026-03-06.
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    f = await villageWithElection(t);
    await bindVoter(t, f.voters[0]!, OBJECTOR);
  });
  afterEach(() => t.close());

  it('rejects before the list is published', async () => {
    expect(await t.call('registration', missing(), OBJECTOR)).toMatchObject({ code: 'WINDOW_CLOSED', reason: 'LIST_NOT_PUBLISHED' });
  });

  it('accepts on the last day at 23:59:59 Asia/Shanghai, due for decision 3 days after receipt', async () => {
    await publish(t, f);
    t.setNow('2026-03-06T15:59:59.000Z');
    const r = await t.ok<ObjectionReply>('registration', missing(), OBJECTOR);
    expect(r.objection).toMatchObject({ status: 'open', receivedOn: '2026-03-06', decisionLastDay: '2026-03-09', decisionDeadline: '2026-03-09T16:00:00.000Z' });
  });

  it('rejects at 00:00 Asia/Shanghai the next day', async () => {
    await publish(t, f);
    t.setNow('2026-03-06T16:00:00.000Z');
    expect(await t.call('registration', missing(), OBJECTOR)).toMatchObject({ code: 'WINDOW_CLOSED', reason: 'OBJECTION_WINDOW_CLOSED' });
  });
});

describe('registration.fileObjection: the filing window (zhejiang: file by E−10, decide by E−7)', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    // Election day 2026-04-10: file by 2026-03-31, decide by 2026-04-03.
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    f = await villageWithElection(t, { presetId: 'zhejiang' });
    await bindVoter(t, f.voters[0]!, OBJECTOR);
    await publish(t, f);
  });
  afterEach(() => t.close());

  it('accepts on E−10 at 23:59:59 Asia/Shanghai, due for decision on E−7', async () => {
    t.setNow('2026-03-31T15:59:59.000Z');
    const r = await t.ok<ObjectionReply>('registration', missing(), OBJECTOR);
    expect(r.objection).toMatchObject({ receivedOn: '2026-03-31', decisionLastDay: '2026-04-03' });
  });

  it('accepts well after P+5, since the window is counted from election day', async () => {
    t.setNow('2026-03-20T02:00:00.000Z');
    expect((await t.ok<ObjectionReply>('registration', missing(), OBJECTOR)).objection.decisionLastDay).toBe('2026-04-03');
  });

  it('rejects at 00:00 Asia/Shanghai on E−9', async () => {
    t.setNow('2026-03-31T16:00:00.000Z');
    expect(await t.call('registration', missing(), OBJECTOR)).toMatchObject({ code: 'WINDOW_CLOSED', reason: 'OBJECTION_WINDOW_CLOSED' });
  });
});

describe('registration.fileObjection: who may object about what', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    f = await villageWithElection(t);
    await bindVoter(t, f.voters[0]!, OBJECTOR);
    await publish(t, f);
  });
  afterEach(() => t.close());

  it('rejects a caller who is not bound to a roll entry', async () => {
    expect(await t.call('registration', missing(), 'wx-stranger')).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_BOUND' });
  });

  it('rejects a person off the list objecting about someone else, and accepts their objection about their own entry', async () => {
    const pending = f.voters[1]!; // 李秀英, category B, not declared: not on the list
    await bindVoter(t, pending, 'wx-pending');
    const aboutOther = { action: 'fileObjection', kind: 'wrongPerson', voterId: f.voters[2]!.id, details: '此人早已迁往外地居住' };
    expect(await t.call('registration', aboutOther, 'wx-pending')).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'NOT_REGISTERED' });
    expect(await t.call('registration', missing(), 'wx-pending')).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'NOT_REGISTERED' });
    const own = { action: 'fileObjection', kind: 'wrongDetails', voterId: pending.id, wrongFields: ['status'], details: '我已经表示参加选举，名单上却没有我' };
    expect((await t.ok<ObjectionReply>('registration', own, 'wx-pending')).objection.subject.name).toBe('李秀英');
  });

  it('resolves the 序号 of the published list to its entry', async () => {
    const r = await t.ok<ObjectionReply>('registration', { action: 'fileObjection', kind: 'wrongPerson', listNo: 1, details: '此人户籍已迁出本村' }, OBJECTOR);
    // Row 1 in 姓氏笔画 order is 王建国 (王, 4 strokes).
    expect(r.objection.subject).toEqual({ name: '王建国', group: '第一村民小组' });
    const stored = await readDoc(t.app.store, 'objection', r.objection.id, objectionDoc);
    expect(stored?.subjectVoterId).toBe(f.voters[0]!.id);
  });

  it('resolves a 序号 on an election published before it named its list (through the freeze)', async () => {
    const election = await t.app.store.get('election', f.electionId);
    expect(election).toMatchObject({ voterList: { count: expect.any(Number) } });
    const { voterList: _named, _id, ...older } = election!;
    await t.app.store.set('election', f.electionId, older);
    const r = await t.ok<ObjectionReply>('registration', { action: 'fileObjection', kind: 'wrongPerson', listNo: 1, details: '此人户籍已迁出本村' }, OBJECTOR);
    expect(r.objection.subject).toEqual({ name: '王建国', group: '第一村民小组' });
    expect(await t.call('registration', { action: 'fileObjection', kind: 'wrongPerson', listNo: 99, details: '此人户籍已迁出本村' }, OBJECTOR)).toMatchObject({ code: 'NOT_FOUND', reason: 'ENTRY_UNKNOWN' });
  });

  it('rejects a 序号 beyond the list and an entry of another election', async () => {
    expect(await t.call('registration', { action: 'fileObjection', kind: 'wrongPerson', listNo: 99, details: '此人户籍已迁出本村' }, OBJECTOR)).toMatchObject({ code: 'NOT_FOUND', reason: 'ENTRY_UNKNOWN' });
    expect(await t.call('registration', { action: 'fileObjection', kind: 'wrongPerson', voterId: 'p_elsewhere', details: '此人户籍已迁出本村' }, OBJECTOR)).toMatchObject({ code: 'NOT_FOUND', reason: 'ENTRY_UNKNOWN' });
  });

  it('rejects both a 序号 and an id, or neither', async () => {
    const both = await t.call('registration', { action: 'fileObjection', kind: 'wrongPerson', listNo: 1, voterId: f.voters[0]!.id, details: '此人户籍已迁出本村' }, OBJECTOR);
    expect(both).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('只填一个') });
    expect(await t.call('registration', { action: 'fileObjection', kind: 'wrongPerson', details: '此人户籍已迁出本村' }, OBJECTOR)).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('rejects "wrong person" about an entry that is not on the list', async () => {
    const r = await t.call('registration', { action: 'fileObjection', kind: 'wrongPerson', voterId: f.voters[1]!.id, details: '此人常年不在村里居住' }, OBJECTOR);
    expect(r).toMatchObject({ code: 'CONFLICT', reason: 'ENTRY_NOT_ON_LIST' });
  });

  it('rejects a group the village does not have', async () => {
    expect(await t.call('registration', missing({ group: '第九村民小组' }), OBJECTOR)).toMatchObject({ code: 'INVALID_INPUT', reason: 'GROUP_UNKNOWN' });
  });

  it('rejects an unknown kind in Chinese', async () => {
    expect(await t.call('registration', { action: 'fileObjection', kind: 'other', details: '随便说说的内容' }, OBJECTOR)).toMatchObject({
      code: 'INVALID_INPUT',
      message: '请选择申诉类型：漏登、错登或信息有误',
    });
  });
});

describe('registration.fileObjection: personal data', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    f = await villageWithElection(t);
    await bindVoter(t, f.voters[0]!, OBJECTOR);
    await publish(t, f);
  });
  afterEach(() => t.close());

  it('keeps only the keyed hash of a missing person’s ID number, no digit of it', async () => {
    const id = syntheticId('1975-03-15');
    const reply = await t.call<ObjectionReply>('registration', missing({ idNumber: id }), OBJECTOR);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const stored = await t.app.store.get('objection', reply.data.objection.id);
    expect(stored).toMatchObject({ subject: { idHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(JSON.stringify([reply, stored])).not.toContain(id);
    expect(JSON.stringify([reply, stored])).not.toContain(id.slice(-4));
    expect(t.logs.join('\n')).not.toContain(id);
  });

  it('files a missing person named by a number on the list like any other (the objector has not proven it), for the committee to decide', async () => {
    const r = await t.call<ObjectionReply>('registration', missing({ name: '张伟', group: '第一村民小组', idNumber: f.voters[2]!.idNumber }), OBJECTOR);
    expect(r).toMatchObject({ ok: true, data: { objection: { status: 'open', subject: { name: '张伟' } } } });
  });

  it('rejects a malformed ID number with its reason', async () => {
    expect(await t.call('registration', missing({ idNumber: '99010119750315013X' }), OBJECTOR)).toMatchObject({ code: 'INVALID_INPUT', reason: 'ID_CHECK_DIGIT' });
  });

  it('rejects free text that carries an ID or phone number', async () => {
    const r = await t.call('registration', missing({ details: `他的身份证是${syntheticId('1975-03-15')}` }), OBJECTOR);
    expect(r).toMatchObject({ code: 'INVALID_INPUT', message: '申诉理由里请不要写身份证号码或手机号码' });
    expect(await t.call('registration', missing({ details: '请打电话 138 0013 8000 联系' }), OBJECTOR)).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('registration.fileObjection: limits', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    f = await villageWithElection(t);
    await bindVoter(t, f.voters[0]!, OBJECTOR);
    await publish(t, f);
  });
  afterEach(() => t.close());

  it('rejects the same objection twice while it is open', async () => {
    await t.ok('registration', missing(), OBJECTOR);
    expect(await t.call('registration', missing({ details: '再说一遍孙海被漏登了' }), OBJECTOR)).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_OBJECTION' });
  });

  it('rejects the 21st open objection of one objector, and numbers the objections of the election', async () => {
    const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何';
    for (let i = 0; i < 20; i++) {
      const r = await t.ok<ObjectionReply>('registration', missing({ name: `${surnames[i]}小明` }), OBJECTOR);
      expect(r.objection.no).toBe(i + 1);
    }
    expect(await t.call('registration', missing({ name: '吕小明' }), OBJECTOR)).toMatchObject({ code: 'LIMIT_EXCEEDED', reason: 'TOO_MANY_OPEN' });
    // Another objector is not affected.
    await bindVoter(t, f.voters[2]!, 'wx-other');
    expect((await t.ok<ObjectionReply>('registration', missing({ name: '吕小明' }), 'wx-other')).objection.no).toBe(21);
  });

  it('appends an audit entry per objection to the election’s chain', async () => {
    await addVoters(t, f, [{ name: '孙新', group: '第一村民小组' }]);
    await t.ok('registration', missing(), OBJECTOR);
    await t.linkAudit();
    const audit = await t.app.store.find('audit', { scope: f.electionId }, { limit: 1000 });
    expect(audit.filter((a) => a.action === 'registration.fileObjection')).toHaveLength(1);
    expect(await verifyAuditChain(t.app.store, f.electionId)).toMatchObject({ ok: true });
  });
});
