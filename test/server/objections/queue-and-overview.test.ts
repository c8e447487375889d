import { objectionFigures } from '../../../server/use-cases/shared/objection-figures.view';
import { CLERK, TOWNSHIP, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';
import { addVoters, bindVoter, publish, syntheticId, type ObjectionReply } from './fixtures';

const OBJECTOR = 'wx-objector';

interface Queue {
  objections: Array<ObjectionReply['objection'] & { subject: { voterId: string | null }; objector: { name: string }; clock: { daysLeft: number; overdue: boolean; label: string } }>;
  figures: { open: number; decided: number; overdue: number };
  today: string;
}

describe('committee.listObjections and registration.myObjections', () => {
  let t: TestApp;
  let f: VillageFixture;
  const list = (status?: string) => t.ok<Queue>('committee', { action: 'listObjections', electionId: f.electionId, ...(status ? { status } : {}) }, CLERK);
  const file = async (event: Record<string, unknown>, who = OBJECTOR) => (await t.ok<ObjectionReply>('registration', { action: 'fileObjection', ...event }, who)).objection;

  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    f = await villageWithElection(t);
    await bindVoter(t, f.voters[0]!, OBJECTOR);
    await publish(t, f);
  });
  afterEach(() => t.close());

  it('shows each statutory clock in Asia/Shanghai calendar days, the most urgent first', async () => {
    const first = await file({ kind: 'missingPerson', name: '孙海', group: '第二村民小组', details: '孙海住在第二村民小组' });
    t.setNow('2026-03-02T17:00:00.000Z'); // 2026-03-03 01:00 in Shanghai
    const second = await file({ kind: 'wrongPerson', listNo: 2, details: '此人户籍早已迁出' });
    const q = await list();
    expect(q.today).toBe('2026-03-03');
    expect(q.objections.map((o) => [o.id, o.decisionLastDay, o.clock.daysLeft, o.clock.label])).toEqual([
      [first.id, '2026-03-04', 1, '还剩1天'],
      [second.id, '2026-03-06', 3, '还剩3天'],
    ]);
    expect(q.objections[0]!.objector.name).toBe('王建国');
  });

  it('counts 0 days left on the last day and marks the objection overdue from 00:00 the next day', async () => {
    await file({ kind: 'missingPerson', name: '孙海', group: '第二村民小组', details: '孙海住在第二村民小组' });
    t.setNow('2026-03-04T15:59:59.000Z');
    expect((await list()).objections[0]!.clock).toEqual({ daysLeft: 0, overdue: false, label: '今天是处理的最后一天' });
    t.setNow('2026-03-04T16:00:00.000Z');
    const q = await list('overdue');
    expect(q.objections[0]!.clock).toEqual({ daysLeft: 0, overdue: true, label: '已超过处理期限1天' });
    expect(q.figures).toEqual({ open: 1, decided: 0, overdue: 1 });
  });

  it('filters by status and shows no digit of the subject’s ID number', async () => {
    const idNumber = syntheticId('1975-03-15');
    const a = await file({ kind: 'missingPerson', name: '孙海', group: '第二村民小组', idNumber, details: '孙海住在第二村民小组' });
    await file({ kind: 'wrongPerson', listNo: 2, details: '此人户籍早已迁出' });
    await t.ok('committee', { action: 'decideObjection', electionId: f.electionId, objectionId: a.id, decision: 'rejected', reason: '经核实，孙海户籍不在本村' }, CLERK);
    expect((await list('open')).objections).toHaveLength(1);
    const decided = await list('decided');
    expect(decided.objections.map((o) => o.id)).toEqual([a.id]);
    expect(Object.keys(decided.objections[0]!.subject)).not.toContain('idMasked');
    expect(JSON.stringify(await list())).not.toContain(idNumber);
    expect(JSON.stringify(await list())).not.toContain(idNumber.slice(-4));
    expect((await list('upheld')).objections).toHaveLength(0);
    expect((await list('rejected')).objections).toHaveLength(1);
  });

  it('rejects a caller who is not on this village committee', async () => {
    expect(await t.call('committee', { action: 'listObjections', electionId: f.electionId }, OBJECTOR)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_COMMITTEE' });
  });

  it('shows a voter only their own objections, newest first', async () => {
    await bindVoter(t, f.voters[2]!, 'wx-other');
    await file({ kind: 'missingPerson', name: '孙海', group: '第二村民小组', details: '孙海住在第二村民小组' });
    await file({ kind: 'missingPerson', name: '周洁', group: '第一村民小组', details: '周洁住在第一村民小组' });
    await file({ kind: 'missingPerson', name: '吴强', group: '第一村民小组', details: '吴强住在第一村民小组' }, 'wx-other');
    const mine = await t.ok<{ objections: ObjectionReply['objection'][] }>('registration', { action: 'myObjections' }, OBJECTOR);
    expect(mine.objections.map((o) => o.subject.name)).toEqual(['周洁', '孙海']);
    // A WeChat user who filed nothing (bound or not) has none; without a WeChat identity, no list.
    expect(await t.ok('registration', { action: 'myObjections' }, 'wx-stranger')).toMatchObject({ objections: [], pushesOwed: 0, subscribeTemplateId: t.app.settings.noticeTemplateId });
    expect(await t.call('registration', { action: 'myObjections' }, null)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NO_OPENID' });
  });
});

describe('township.overview', () => {
  let t: TestApp;
  beforeEach(() => (t = makeTestApp('2026-03-01T02:00:00.000Z')));
  afterEach(() => t.close());

  interface Overview {
    villages: Array<{
      villageName: string;
      election: { phase: string } | null;
      voters: { onRoll: number; registered: number; pending: number };
      voterList: { published: boolean; publishedOn: string | null; count: number | null };
      objections: { open: number; decided: number; overdue: number };
    }>;
    totals: { villages: number; registered: number; objectionsOpen: number; objectionsOverdue: number };
  }

  it('shows every village: phase, voter counts, publication and objections, overdue included', async () => {
    const a = await villageWithElection(t, { name: '东村' });
    const b = await villageWithElection(t, { name: '西村', voters: 0 });
    await addVoters(t, b, [{ name: '钱进', group: '第一村民小组' }, { name: '钱多', group: '第一村民小组', status: 'pending' }]);
    await t.ok('township', { action: 'createVillage', name: '南社区', kind: 'community', presetId: 'national', groups: ['第一居民小组'] }, TOWNSHIP);
    await bindVoter(t, a.voters[0]!, OBJECTOR);
    await publish(t, a);
    await t.ok('registration', { action: 'fileObjection', kind: 'missingPerson', name: '孙海', group: '第二村民小组', details: '孙海住在第二村民小组' }, OBJECTOR);
    t.setNow('2026-03-05T02:00:00.000Z');
    const o = await t.ok<Overview>('township', { action: 'overview' }, TOWNSHIP);
    expect(o.villages.map((v) => v.villageName)).toEqual(['东村', '西村', '南社区']);
    expect(o.villages[0]).toMatchObject({
      election: { phase: 'objections' },
      voters: { onRoll: 4, registered: 3, pending: 1 },
      voterList: { published: true, publishedOn: '2026-03-01', count: 3 },
      objections: { open: 1, decided: 0, overdue: 1 },
    });
    expect(o.villages[1]).toMatchObject({ voterList: { published: false, publishedOn: null, count: null }, voters: { onRoll: 2, registered: 1 } });
    expect(o.villages[2]).toMatchObject({ election: null, voters: { onRoll: 0 } });
    expect(o.totals).toEqual({ villages: 3, registered: 4, objectionsOpen: 1, objectionsOverdue: 1 });
    expect(await objectionFigures(t.app.store, a.electionId, t.app.clock.now())).toEqual({ open: 1, decided: 0, overdue: 1 });
  });

  it('rejects a caller who is not a township administrator', async () => {
    expect(await t.call('township', { action: 'overview' }, CLERK)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_TOWNSHIP' });
  });
});
