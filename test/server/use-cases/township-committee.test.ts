import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { CLERK, TOWNSHIP, makeTestApp, villageWithElection, type TestApp } from '../harness';

const village = (over: Record<string, unknown> = {}) => ({
  action: 'createVillage',
  name: '东坡村',
  kind: 'village',
  presetId: 'national',
  groups: ['第一村民小组'],
  ...over,
});

describe('township.createVillage', () => {
  let t: TestApp;
  beforeEach(() => (t = makeTestApp()));
  afterEach(() => t.close());

  it('creates a village for a township administrator', async () => {
    const { village: v } = await t.ok<{ village: { id: string; name: string } }>('township', village(), TOWNSHIP);
    expect(v.name).toBe('东坡村');
    await t.linkAudit();
    expect(await verifyAuditChain(t.app.store, `village:${v.id}`)).toMatchObject({ ok: true, length: 1 });
  });

  it('rejects when the caller is not a township administrator', async () => {
    expect(await t.call('township', village(), 'wx-someone')).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_TOWNSHIP' });
    expect(await t.call('township', village(), null)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('ignores an openid smuggled in the payload', async () => {
    expect(await t.call('township', { ...village(), openid: TOWNSHIP, userInfo: { openId: TOWNSHIP } }, 'wx-someone')).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await t.call('township', { ...village(), userInfo: { openId: TOWNSHIP } }, 'wx-someone')).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('rejects an unknown rule preset, and a preset of the wrong election kind', async () => {
    expect(await t.call('township', village({ presetId: 'atlantis' }), TOWNSHIP)).toMatchObject({ code: 'NOT_FOUND', reason: 'PRESET_UNKNOWN' });
  });

  it('rejects a second village with the same name', async () => {
    await t.ok('township', village(), TOWNSHIP);
    expect(await t.call('township', village(), TOWNSHIP)).toMatchObject({ code: 'CONFLICT', reason: 'VILLAGE_EXISTS' });
  });

  it('rejects duplicate group names with a Chinese message', async () => {
    const r = await t.call('township', village({ groups: ['一组', '一组'] }), TOWNSHIP);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '村民小组名称有重复' });
  });
});

describe('township.inviteCommittee and identity.redeemInvite', () => {
  let t: TestApp;
  let villageId: string;
  beforeEach(async () => {
    t = makeTestApp();
    villageId = (await t.ok<{ village: { id: string } }>('township', village(), TOWNSHIP)).village.id;
  });
  afterEach(() => t.close());

  it('makes the redeemer a committee member of that village', async () => {
    const { code, expiresAt } = await t.ok<{ code: string; expiresAt: string }>('township', { action: 'inviteCommittee', villageId }, TOWNSHIP);
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    expect(expiresAt).toBe('2026-03-04T02:00:00.000Z');
    const r = await t.ok<{ villageName: string }>('identity', { action: 'redeemInvite', code: code.toLowerCase().slice(0, 5) + '-' + code.slice(5) }, CLERK);
    expect(r.villageName).toBe('东坡村');
    const who = await t.ok<{ roles: string[]; committeeOf: { villageId: string }[] }>('identity', { action: 'whoami' }, CLERK);
    expect(who.roles).toEqual(['committee']);
    expect(who.committeeOf).toEqual([{ villageId, villageName: '东坡村' }]);
  });

  it('rejects a code used twice', async () => {
    const { code } = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId }, TOWNSHIP);
    await t.ok('identity', { action: 'redeemInvite', code }, CLERK);
    expect(await t.call('identity', { action: 'redeemInvite', code }, 'wx-other')).toMatchObject({ code: 'CONFLICT', reason: 'INVITE_USED' });
  });

  it('rejects a code at its expiry instant but accepts it just before', async () => {
    const a = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId }, TOWNSHIP);
    const b = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId }, TOWNSHIP);
    t.setNow('2026-03-04T01:59:59.999Z');
    expect(await t.call('identity', { action: 'redeemInvite', code: a.code }, 'wx-1')).toMatchObject({ ok: true });
    t.setNow('2026-03-04T02:00:00.000Z');
    expect(await t.call('identity', { action: 'redeemInvite', code: b.code }, 'wx-2')).toMatchObject({ code: 'WINDOW_CLOSED', reason: 'INVITE_EXPIRED' });
  });

  it('rejects an unknown code and a member redeeming again', async () => {
    expect(await t.call('identity', { action: 'redeemInvite', code: 'ABCDEFGHJK' }, CLERK)).toMatchObject({ code: 'NOT_FOUND', reason: 'INVITE_INVALID' });
    const a = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId }, TOWNSHIP);
    const b = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId }, TOWNSHIP);
    await t.ok('identity', { action: 'redeemInvite', code: a.code }, CLERK);
    expect(await t.call('identity', { action: 'redeemInvite', code: b.code }, CLERK)).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_MEMBER' });
  });

  it('rejects inviting for an unknown village, and a non-administrator inviting', async () => {
    expect(await t.call('township', { action: 'inviteCommittee', villageId: 'v_nope' }, TOWNSHIP)).toMatchObject({ code: 'NOT_FOUND', reason: 'VILLAGE_UNKNOWN' });
    expect(await t.call('township', { action: 'inviteCommittee', villageId }, CLERK)).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('committee.createElection', () => {
  let t: TestApp;
  let villageId: string;
  const posts = [
    { post: 'director', seats: 1 },
    { post: 'deputy', seats: 1 },
    { post: 'member', seats: 3 },
  ];
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    villageId = (await t.ok<{ village: { id: string } }>('township', village(), TOWNSHIP)).village.id;
    const { code } = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId }, TOWNSHIP);
    await t.ok('identity', { action: 'redeemInvite', code }, CLERK);
  });
  afterEach(() => t.close());

  it('returns the statutory calendar computed from the election day', async () => {
    const { election } = await t.ok<{ election: { calendar: { key: string; lastDay: string }[]; phase: string; title: string } }>(
      'committee',
      { action: 'createElection', villageId, electionDay: '2026-05-10', posts },
      CLERK,
    );
    const last = Object.fromEntries(election.calendar.map((e) => [e.key, e.lastDay]));
    expect(last.voterListPublication).toBe('2026-04-20');
    expect(last.candidateListPublication).toBe('2026-05-05');
    expect(last.proxyDeadline).toBe('2026-05-07');
    expect(last.electionDay).toBe('2026-05-10');
    expect(election.title).toBe('东坡村2026年村民委员会换届选举');
  });

  it('rejects when the caller is not on this village committee', async () => {
    expect(await t.call('committee', { action: 'createElection', villageId, electionDay: '2026-05-10', posts }, 'wx-villager')).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_COMMITTEE' });
  });

  it('rejects an election day too close for the statutory calendar to fit', async () => {
    expect(await t.call('committee', { action: 'createElection', villageId, electionDay: '2026-03-15', posts }, CLERK)).toMatchObject({ code: 'WINDOW_CLOSED', reason: 'ELECTION_DAY_TOO_SOON' });
  });

  it('rejects a date that does not exist', async () => {
    expect(await t.call('committee', { action: 'createElection', villageId, electionDay: '2026-02-30', posts }, CLERK)).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('rejects a committee size outside the preset range, and two directors', async () => {
    const tooBig = [{ post: 'director', seats: 1 }, { post: 'deputy', seats: 2 }, { post: 'member', seats: 5 }];
    expect(await t.call('committee', { action: 'createElection', villageId, electionDay: '2026-05-10', posts: tooBig }, CLERK)).toMatchObject({ code: 'INVALID_INPUT', reason: 'BAD_SEATS' });
    const twoDirectors = [{ post: 'director', seats: 2 }, { post: 'member', seats: 3 }];
    expect(await t.call('committee', { action: 'createElection', villageId, electionDay: '2026-05-10', posts: twoDirectors }, CLERK)).toMatchObject({ reason: 'BAD_SEATS' });
  });

  it('rejects a nomination window that closes after the candidate list is due', async () => {
    const r = await t.call('committee', { action: 'createElection', villageId, electionDay: '2026-05-10', posts, nominationOpensOn: '2026-04-25', nominationClosesOn: '2026-05-06' }, CLERK);
    expect(r).toMatchObject({ code: 'INVALID_INPUT', reason: 'WINDOW_ORDER' });
  });

  it('rejects a second active election in the same village', async () => {
    await t.ok('committee', { action: 'createElection', villageId, electionDay: '2026-05-10', posts }, CLERK);
    expect(await t.call('committee', { action: 'createElection', villageId, electionDay: '2026-06-10', posts }, CLERK)).toMatchObject({ code: 'CONFLICT', reason: 'ELECTION_EXISTS' });
  });

  it('shows the election to the committee in whoami', async () => {
    await t.ok('committee', { action: 'createElection', villageId, electionDay: '2026-05-10', posts }, CLERK);
    const who = await t.ok<{ elections: { electionDay: string }[] }>('identity', { action: 'whoami' }, CLERK);
    expect(who.elections.map((e) => e.electionDay)).toEqual(['2026-05-10']);
  });
});

describe('registration.mine', () => {
  let t: TestApp;
  beforeEach(() => (t = makeTestApp()));
  afterEach(() => t.close());

  it('rejects when the caller is not bound', async () => {
    expect(await t.call('registration', { action: 'mine' }, 'wx-a')).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_BOUND' });
  });

  it('shows a migrant (category B) that they must declare participation and confirm', async () => {
    const f = await villageWithElection(t);
    const migrant = f.voters[1]!;
    await t.ok('identity', { action: 'bind', name: migrant.doc.name, idNumber: migrant.idNumber, bindingCode: migrant.bindingCode, consent: true }, 'wx-m');
    const mine = await t.ok<{ voter: { category: string; status: string }; todo: { key: string; deadline: string | null }[]; election: { phase: string } }>('registration', { action: 'mine' }, 'wx-m');
    expect(mine.voter).toMatchObject({ category: 'B', status: 'pending' });
    expect(mine.todo.map((x) => x.key)).toEqual(['declare', 'confirm']);
    expect(mine.election.phase).toBe('registration');
  });
});

describe('dispatch', () => {
  let t: TestApp;
  beforeEach(() => (t = makeTestApp()));
  afterEach(() => t.close());

  it('rejects an unknown action', async () => {
    expect(await t.call('identity', { action: 'fly' }, 'wx-a')).toMatchObject({ code: 'INVALID_INPUT', reason: 'UNKNOWN_ACTION', message: '不认识的操作' });
  });

  it('turns a fault into INTERNAL with a request id, logged without personal data', async () => {
    const f = await villageWithElection(t);
    // Corrupt a stored document: the read-side schema check must catch it.
    await t.app.store.update('voter', f.voters[0]!.id, { category: 'Z' });
    const v = f.voters[0]!;
    const r = await t.call('identity', { action: 'bind', name: v.doc.name, idNumber: v.idNumber, bindingCode: v.bindingCode, consent: true }, 'wx-a');
    expect(r).toMatchObject({ ok: false, code: 'INTERNAL' });
    if (!r.ok) expect(r.requestId).toMatch(/^req-/);
    expect(t.logs.join('\n')).not.toContain(v.idNumber);
  });
});
