/**
 * Committee membership (选举委员会成员): role, term, voter link, revocation (township.members,
 * township.revokeMember), the candidacy hook (RULES.md §2) and legacy documents.
 */
import type { CommitteeMemberView } from '../../../src/contracts/township.contract';
import { leaveCommitteeOnCandidacy } from '../../../server/use-cases/membership/leave-committee-on-candidacy.effects';
import { migrateMembers } from '../../../server/use-cases/membership/migrate-members.job';
import { TOWNSHIP_ID } from '../../../server/use-cases/township/create-village.use-case';
import { CLERK, TOWNSHIP, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';

type Members = { village: { name: string }; members: CommitteeMemberView[] };
const listMembers = (t: TestApp, villageId: string) => t.ok<Members>('township', { action: 'members', villageId }, TOWNSHIP);
const seatOf = async (t: TestApp, villageId: string, role: string) => (await listMembers(t, villageId)).members.find((m) => m.role === role)!;

async function invite(t: TestApp, villageId: string, openid: string, role?: string): Promise<void> {
  const { code } = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId, ...(role ? { role } : {}) }, TOWNSHIP);
  await t.ok('identity', { action: 'redeemInvite', code }, openid);
}

async function bindAs(t: TestApp, f: VillageFixture, index: number, openid: string): Promise<string> {
  const v = f.voters[index]!;
  await t.ok('identity', { action: 'bind', name: v.doc.name, idNumber: v.idNumber, bindingCode: v.bindingCode, consent: true }, openid);
  return v.id;
}

const revoke = (t: TestApp, villageId: string, memberRef: string, reason = '工作调动，不再担任') =>
  t.call<{ member: CommitteeMemberView }>('township', { action: 'revokeMember', villageId, memberRef, reason }, TOWNSHIP);

describe.each([
  ['embedded store', makeTestApp],
  ['CloudBase adapter on the FAKE with latency', (now?: string) => makeTestApp({ now, store: 'cloudbase-fake' })],
])('a revoked committee member is refused (%s)', (_name, make) => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = make();
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  it('rejects the next committee call with MEMBER_REVOKED and a Chinese message, and whoami drops the village', async () => {
    await invite(t, f.villageId, 'wx-second', 'clerk');
    expect(await t.call('committee', { action: 'stats', electionId: f.electionId }, 'wx-second')).toMatchObject({ ok: true });
    const seat = await seatOf(t, f.villageId, 'clerk');
    expect(await revoke(t, f.villageId, seat.ref)).toMatchObject({ ok: true, data: { member: { status: 'revoked', revoked: { reason: 'TOWNSHIP', note: '工作调动，不再担任' } } } });
    const refused = await t.call('committee', { action: 'stats', electionId: f.electionId }, 'wx-second');
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'MEMBER_REVOKED' });
    expect(refused.ok ? '' : refused.message).toMatch(/撤销/);
    expect(await t.call('committee', { action: 'createElection', villageId: f.villageId, electionDay: '2026-05-10', posts: [{ post: 'director', seats: 1 }, { post: 'member', seats: 2 }] }, 'wx-second')).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_REVOKED' });
    expect(await t.ok<{ roles: string[]; committeeOf: unknown[] }>('identity', { action: 'whoami' }, 'wx-second')).toMatchObject({ roles: [], committeeOf: [] });
    // The other member keeps every right.
    expect(await t.call('committee', { action: 'stats', electionId: f.electionId }, CLERK)).toMatchObject({ ok: true });
  });
});

describe('township.inviteCommittee with a role, identity.redeemInvite with a term', () => {
  let t: TestApp;
  beforeEach(() => (t = makeTestApp()));
  afterEach(() => t.close());

  it('gives the redeemer the seat the township chose, 委员 by default', async () => {
    const f = await villageWithElection(t);
    const { code, role } = await t.ok<{ code: string; role: string }>('township', { action: 'inviteCommittee', villageId: f.villageId, role: 'director' }, TOWNSHIP);
    expect(role).toBe('director');
    expect(await t.ok('identity', { action: 'redeemInvite', code }, 'wx-director')).toMatchObject({ role: 'committee', memberRole: 'director', termElectionId: f.electionId });
    const { members } = await listMembers(t, f.villageId);
    expect(members.map((m) => [m.role, m.roleLabel])).toEqual([
      ['director', '主任'],
      ['member', '委员'],
    ]);
  });

  it('rejects an unknown role with a Chinese message', async () => {
    const f = await villageWithElection(t);
    expect(await t.call('township', { action: 'inviteCommittee', villageId: f.villageId, role: 'boss' }, TOWNSHIP)).toMatchObject({ code: 'INVALID_INPUT', message: '职务只能是主任、委员或办事员' });
  });

  it('sets the term to the current election at redemption, or to the election created next', async () => {
    const { village } = await t.ok<{ village: { id: string } }>('township', { action: 'createVillage', name: '东坡村', kind: 'village', presetId: 'national', groups: ['一组'] }, TOWNSHIP);
    await invite(t, village.id, CLERK);
    expect((await listMembers(t, village.id)).members[0]).toMatchObject({ status: 'active', term: null });
    const { election } = await t.ok<{ election: { id: string } }>(
      'committee',
      { action: 'createElection', villageId: village.id, electionDay: '2026-05-10', posts: [{ post: 'director', seats: 1 }, { post: 'member', seats: 2 }] },
      CLERK,
    );
    expect((await t.app.store.get<{ termElectionId: string }>('member', `${village.id}:${CLERK}`))?.termElectionId).toBe(election.id);
    await invite(t, village.id, 'wx-later');
    expect((await listMembers(t, village.id)).members.map((m) => m.term)).toEqual([
      { electionId: election.id, title: expect.stringContaining('东坡村'), ended: false },
      { electionId: election.id, title: expect.stringContaining('东坡村'), ended: false },
    ]);
  });

  it('ends the term when its election is closed: TERM_ENDED, whoami drops the role, a new invite seats them again', async () => {
    const f = await villageWithElection(t);
    await t.app.store.update('election', f.electionId, { status: 'closed' });
    expect(await t.call('committee', { action: 'stats', electionId: f.electionId }, CLERK)).toMatchObject({ code: 'FORBIDDEN', reason: 'TERM_ENDED' });
    expect((await t.ok<{ roles: string[] }>('identity', { action: 'whoami' }, CLERK)).roles).toEqual([]);
    expect((await listMembers(t, f.villageId)).members[0]).toMatchObject({ status: 'active', term: { ended: true } });
    const { code } = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId: f.villageId }, TOWNSHIP);
    expect(await t.call('identity', { action: 'redeemInvite', code }, CLERK)).toMatchObject({ ok: true });
  });

  it('links the member to their roll entry when bound before redeeming, or when binding later', async () => {
    const f = await villageWithElection(t);
    const first = await bindAs(t, f, 0, 'wx-bound-first');
    await invite(t, f.villageId, 'wx-bound-first', 'clerk');
    const later = 'wx-binds-later';
    await invite(t, f.villageId, later, 'director');
    const second = await bindAs(t, f, 2, later);
    const { members } = await listMembers(t, f.villageId);
    expect(members.find((m) => m.role === 'clerk')?.voter).toEqual({ name: f.voters[0]!.doc.name, group: f.voters[0]!.doc.group });
    expect(members.find((m) => m.role === 'director')?.voter).toEqual({ name: f.voters[2]!.doc.name, group: f.voters[2]!.doc.group });
    expect(await t.app.store.get('meta', `committeeVoter:${first}`)).toMatchObject({ memberId: `${f.villageId}:wx-bound-first` });
    expect(await t.app.store.get('meta', `committeeVoter:${second}`)).toMatchObject({ memberId: `${f.villageId}:${later}` });
    // No ID or phone number in the township's view.
    const wire = JSON.stringify(members);
    for (const secret of [f.voters[0]!.idNumber, f.voters[2]!.idNumber, 'wx-bound-first', later]) expect(wire).not.toContain(secret);
    expect(wire).not.toMatch(/[0-9]{4}\*{4,}[0-9X]{4}/);
  });
});

describe('township.revokeMember', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp();
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  it('revokes with the reason, audited in the same transaction', async () => {
    const seat = await seatOf(t, f.villageId, 'member');
    t.setNow('2026-03-02T03:00:00.000Z');
    expect(await revoke(t, f.villageId, seat.ref, '本人辞职')).toMatchObject({
      ok: true,
      data: { member: { ref: seat.ref, status: 'revoked', revoked: { at: '2026-03-02T03:00:00.000Z', reason: 'TOWNSHIP', reasonLabel: '乡镇撤销', note: '本人辞职' } } },
    });
    await t.linkAudit();
    const audit = await t.app.store.find<{ action: string; subject?: string; data?: { reason?: string } }>('audit', { scope: `village:${f.villageId}` }, { limit: 100 });
    expect(audit.filter((a) => a.action === 'township.revokeMember')).toEqual([expect.objectContaining({ subject: seat.ref, data: expect.objectContaining({ reason: '本人辞职' }) })]);
    expect(await t.app.store.get('member', `${f.villageId}:${CLERK}`)).toMatchObject({ status: 'revoked', revokeReason: 'TOWNSHIP', revokedBy: expect.stringMatching(/^wx:/) });
  });

  it('rejects revoking a revoked member (CONFLICT, Chinese message) and changes nothing', async () => {
    const seat = await seatOf(t, f.villageId, 'member');
    await revoke(t, f.villageId, seat.ref, '本人辞职');
    const before = await t.app.store.get('member', `${f.villageId}:${CLERK}`);
    expect(await revoke(t, f.villageId, seat.ref, '再次撤销')).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'MEMBER_ALREADY_REVOKED', message: '这位成员已经被撤销了，不用再撤销' });
    expect(await t.app.store.get('member', `${f.villageId}:${CLERK}`)).toEqual(before);
  });

  it('rejects a caller who is not township staff, for the list and the revocation', async () => {
    const seat = await seatOf(t, f.villageId, 'member');
    expect(await t.call('township', { action: 'members', villageId: f.villageId }, CLERK)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_TOWNSHIP' });
    expect(await t.call('township', { action: 'revokeMember', villageId: f.villageId, memberRef: seat.ref, reason: '越权撤销' }, CLERK)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_TOWNSHIP' });
    expect((await listMembers(t, f.villageId)).members[0]).toMatchObject({ status: 'active' });
  });

  it('rejects an unknown village, an unknown member and a missing reason', async () => {
    const seat = await seatOf(t, f.villageId, 'member');
    expect(await revoke(t, 'v_nope', seat.ref)).toMatchObject({ code: 'NOT_FOUND', reason: 'VILLAGE_UNKNOWN' });
    expect(await revoke(t, f.villageId, 'wx:0000000000000000')).toMatchObject({ code: 'NOT_FOUND', reason: 'MEMBER_UNKNOWN' });
    expect(await revoke(t, f.villageId, seat.ref, ' ')).toMatchObject({ code: 'INVALID_INPUT', message: '请写明撤销原因（至少两个字）' });
  });

  it('lets a revoked member be seated again only through a new invite', async () => {
    await revoke(t, f.villageId, (await seatOf(t, f.villageId, 'member')).ref);
    await invite(t, f.villageId, CLERK, 'clerk');
    expect(await t.call('committee', { action: 'stats', electionId: f.electionId }, CLERK)).toMatchObject({ ok: true });
    expect((await listMembers(t, f.villageId)).members[0]).toMatchObject({ role: 'clerk', status: 'active', revoked: null });
  });
});

describe('leaveCommitteeOnCandidacy (RULES.md §2)', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp();
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  const nominate = (voterId: string) =>
    t.app.store.runTransaction((tx) => leaveCommitteeOnCandidacy(tx, { villageId: f.villageId, electionId: f.electionId, voterId, at: '2026-03-05T02:00:00.000Z', actor: 'system' }));

  it('revokes only the active member linked to the nominee, with an audit entry', async () => {
    const nominee = await bindAs(t, f, 0, 'wx-nominee');
    await invite(t, f.villageId, 'wx-nominee', 'member');
    await bindAs(t, f, 2, CLERK);
    expect(await nominate(nominee)).toEqual({ revokedMemberId: `${f.villageId}:wx-nominee` });
    const refused = await t.call('committee', { action: 'stats', electionId: f.electionId }, 'wx-nominee');
    expect(refused).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_REVOKED', message: expect.stringContaining('候选人') });
    expect(await t.call('committee', { action: 'stats', electionId: f.electionId }, CLERK)).toMatchObject({ ok: true });
    const { members } = await listMembers(t, f.villageId);
    expect(members.map((m) => [m.voter?.name, m.status, m.revoked?.reason ?? null])).toEqual([
      [f.voters[2]!.doc.name, 'active', null],
      [f.voters[0]!.doc.name, 'revoked', 'CANDIDATE'],
    ]);
    await t.linkAudit();
    const audit = await t.app.store.find<{ action: string; subject?: string }>('audit', { scope: `village:${f.villageId}` }, { limit: 100 });
    expect(audit.filter((a) => a.action === 'committee.leaveOnCandidacy').map((a) => a.subject)).toEqual([nominee]);
  });

  it('does nothing for a nominee who holds no seat, or whose seat is already revoked', async () => {
    expect(await nominate(f.voters[3]!.id)).toEqual({ revokedMemberId: null });
    const nominee = await bindAs(t, f, 0, 'wx-nominee');
    await invite(t, f.villageId, 'wx-nominee');
    await nominate(nominee);
    expect(await nominate(nominee)).toEqual({ revokedMemberId: null });
  });

  it('commits nothing when the caller transaction fails', async () => {
    const nominee = await bindAs(t, f, 0, 'wx-nominee');
    await invite(t, f.villageId, 'wx-nominee');
    await expect(
      t.app.store.runTransaction(async (tx) => {
        await leaveCommitteeOnCandidacy(tx, { villageId: f.villageId, electionId: f.electionId, voterId: nominee, at: '2026-03-05T02:00:00.000Z', actor: 'system' });
        throw new Error('nomination failed');
      }),
    ).rejects.toThrow('nomination failed');
    expect(await t.call('committee', { action: 'stats', electionId: f.electionId }, 'wx-nominee')).toMatchObject({ ok: true });
  });
});

describe('member documents written before roles and terms', () => {
  let t: TestApp;
  let f: VillageFixture;
  const legacyId = () => `${f.villageId}:wx-legacy`;
  beforeEach(async () => {
    t = makeTestApp();
    f = await villageWithElection(t);
    await bindAs(t, f, 0, 'wx-legacy');
    await t.app.store.set('member', legacyId(), { openid: 'wx-legacy', villageId: f.villageId, role: 'committee', joinedAt: '2025-12-01T00:00:00.000Z' });
  });
  afterEach(() => t.close());

  it('still grant access and appear in township.members as 委员 serving the current election', async () => {
    expect(await t.call('committee', { action: 'stats', electionId: f.electionId }, 'wx-legacy')).toMatchObject({ ok: true });
    expect((await t.ok<{ roles: string[] }>('identity', { action: 'whoami' }, 'wx-legacy')).roles).toContain('committee');
    const legacy = (await listMembers(t, f.villageId)).members.find((m) => m.joinedAt === '2025-12-01T00:00:00.000Z');
    expect(legacy).toMatchObject({ role: 'member', status: 'active', term: { electionId: f.electionId, ended: false } });
  });

  it('are upgraded in place by the migration (term and voter link persisted), once', async () => {
    expect(await migrateMembers(t.app.store, TOWNSHIP_ID)).toEqual({ examined: 2, upgraded: 1, linked: 1 });
    expect(await t.app.store.get('member', legacyId())).toMatchObject({ role: 'member', status: 'active', termElectionId: f.electionId, voterId: f.voters[0]!.id, revokedAt: null });
    expect(await migrateMembers(t.app.store, TOWNSHIP_ID)).toEqual({ examined: 2, upgraded: 0, linked: 0 });
    expect(await t.call('committee', { action: 'stats', electionId: f.electionId }, 'wx-legacy')).toMatchObject({ ok: true });
  });

  it('can be revoked, and then stay revoked', async () => {
    const legacy = (await listMembers(t, f.villageId)).members.find((m) => m.joinedAt === '2025-12-01T00:00:00.000Z')!;
    await revoke(t, f.villageId, legacy.ref);
    expect(await t.call('committee', { action: 'stats', electionId: f.electionId }, 'wx-legacy')).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_REVOKED' });
    expect(await migrateMembers(t.app.store, TOWNSHIP_ID)).toMatchObject({ upgraded: 0 });
  });
});
