/**
 * Issue #10: binding guesses are limited per entry (per ID number), not only per WeChat user; the
 * owner is told the entry is locked, the committee sees it and unlocks it (committee.unlockBinding).
 * A number with no entry counts and locks the same way, so no reply tells whether it is on a roll.
 */
import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { syntheticIdNumber } from '../../../server/seed/synthetic-people';
import { seededRandom } from '../../../server/security/keyed-hash';
import { CLERK, describeEachStore, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';

type Entry = { doc: { name: string }; idNumber: string; bindingCode: string };
const bindEvent = (v: Entry, over: Record<string, unknown> = {}) => ({ action: 'bind', name: v.doc.name, idNumber: v.idNumber, bindingCode: v.bindingCode, consent: true, ...over });
const WRONG_CODE = 'ABCDEFGH';
type Reply = { ok: boolean; code?: string; reason?: string; message?: string };
const brief = (r: Reply) => (r.ok ? 'ok' : `${r.code} ${r.reason} ${r.message}`);

describe('identity.bind: per-entry lockout', () => {
  let t: TestApp;
  let f: VillageFixture;
  let max: number;
  beforeEach(async () => {
    t = makeTestApp();
    f = await villageWithElection(t);
    max = t.app.settings.bindEntryMaxFailures;
  });
  afterEach(() => t.close());

  /** One wrong code from each of `n` fresh WeChat users (no user reaches their own limit). */
  const spray = async (v: Entry, n: number, prefix: string) => {
    const out: Reply[] = [];
    for (let i = 0; i < n; i++) out.push(await t.call('identity', bindEvent(v, { bindingCode: WRONG_CODE }), `${prefix}-${i}`));
    return out;
  };

  it('locks the entry after bindEntryMaxFailures wrong codes from many users, and refuses even the owner with the right code, telling them to ask the committee', async () => {
    const v = f.voters[0]!;
    const rs = await spray(v, max * 4, 'wx-guess');
    expect(rs.slice(0, max - 1).every((r) => r.reason === 'BIND_MISMATCH')).toBe(true);
    expect(rs.slice(max - 1).every((r) => r.code === 'RATE_LIMITED' && r.reason === 'ENTRY_LOCKED')).toBe(true);
    const owner = await t.call('identity', bindEvent(v), 'wx-owner');
    expect(owner).toMatchObject({ ok: false, code: 'RATE_LIMITED', reason: 'ENTRY_LOCKED' });
    if (!owner.ok) expect(owner.message).toContain('村选举委员会');
    // Counting stopped at the lock: the guesses after it wrote nothing.
    expect(await t.app.store.get('voter', v.id)).toMatchObject({ bindFailures: max, bindLockedAt: expect.any(String) });
  });

  it('shows the locked entry to the committee, which unlocks it (audited); then the owner binds', async () => {
    const v = f.voters[0]!;
    await spray(v, max, 'wx-guess');
    type List = { rows: { id: string; locked: boolean }[] };
    const list = await t.ok<List>('committee', { action: 'listVoters', electionId: f.electionId }, CLERK);
    expect(list.rows.filter((r) => r.locked).map((r) => r.id)).toEqual([v.id]);
    const r = await t.ok('committee', { action: 'unlockBinding', electionId: f.electionId, voterId: v.id }, CLERK);
    expect(r).toEqual({ voterId: v.id, name: v.doc.name, group: '第一村民小组', unlocked: true });
    expect((await t.ok<List>('committee', { action: 'listVoters', electionId: f.electionId }, CLERK)).rows.some((x) => x.locked)).toBe(false);
    expect(await t.call('identity', bindEvent(v), 'wx-owner')).toMatchObject({ ok: true });
    await t.linkAudit();
    const audit = await t.app.store.find('audit', { scope: f.electionId }, { limit: 100 });
    expect(audit.map((a) => a.action)).toContain('committee.unlockBinding');
    expect((await verifyAuditChain(t.app.store, f.electionId)).ok).toBe(true);
  });

  it('rejects unlocking an entry that is not locked (NOT_LOCKED), an unknown entry, and a caller who is not on the committee', async () => {
    const v = f.voters[0]!;
    expect(await t.call('committee', { action: 'unlockBinding', electionId: f.electionId, voterId: v.id }, CLERK)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'NOT_LOCKED' });
    expect(await t.call('committee', { action: 'unlockBinding', electionId: f.electionId, voterId: 'p_nobody' }, CLERK)).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'VOTER_UNKNOWN' });
    await spray(v, max, 'wx-guess');
    expect(await t.call('committee', { action: 'unlockBinding', electionId: f.electionId, voterId: v.id }, 'wx-guess-0')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.app.store.get('voter', v.id)).toMatchObject({ bindLockedAt: expect.any(String) });
  });

  it('answers a number on no roll exactly as one on the roll, try by try, lock included', async () => {
    const onRoll = f.voters[0]!;
    const offRoll = { doc: { name: onRoll.doc.name }, idNumber: syntheticIdNumber(seededRandom(5), '1961-02-11', 'M'), bindingCode: WRONG_CODE };
    const on = await spray(onRoll, max + 2, 'wx-on');
    const off = await spray(offRoll, max + 2, 'wx-off');
    expect(off.map(brief)).toEqual(on.map(brief));
  });

  it('still limits one user spraying many numbers (per-user lock)', async () => {
    const userMax = t.app.settings.bindMaxFailures;
    const rs: Reply[] = [];
    for (let i = 0; i < userMax; i++) rs.push(await t.call('identity', bindEvent(f.voters[i % f.voters.length]!, { bindingCode: WRONG_CODE }), 'wx-one'));
    expect(rs.at(-1)).toMatchObject({ code: 'RATE_LIMITED', reason: 'BIND_LOCKED' });
    expect(await t.call('identity', bindEvent(f.voters[3]!), 'wx-one')).toMatchObject({ reason: 'BIND_LOCKED' });
  });
});

// Racing guesses at one entry, on both stores (the fake with CloudBase's latency): the lock holds.
describeEachStore('identity.bind: per-entry lockout under racing guesses', (kind) => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp({ store: kind });
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  it('evaluates at most bindEntryMaxFailures guesses of many racing users, and the right code is refused afterwards', async () => {
    const max = t.app.settings.bindEntryMaxFailures;
    const v = f.voters[0]!;
    // Bursts until the entry is locked: a guess the store turned away as BUSY (contended) was not
    // evaluated and may be retried; every evaluated one was counted exactly once.
    const replies: Reply[] = [];
    for (let round = 0; round < 5 && !replies.some((r) => r.reason === 'ENTRY_LOCKED'); round++) {
      replies.push(...(await Promise.all(Array.from({ length: max * 2 }, (_, i) => t.call<unknown>('identity', bindEvent(v, { bindingCode: WRONG_CODE }), `wx-race-${round}-${i}`)))));
    }
    expect(replies.filter((r) => r.reason === 'BIND_MISMATCH')).toHaveLength(max - 1);
    expect(replies.every((r) => r.reason === 'BIND_MISMATCH' || r.reason === 'ENTRY_LOCKED' || r.code === 'BUSY')).toBe(true);
    expect(await t.app.store.get('voter', v.id)).toMatchObject({ bindFailures: max, bindLockedAt: expect.any(String) });
    expect(await t.call('identity', bindEvent(v), 'wx-owner')).toMatchObject({ ok: false, reason: 'ENTRY_LOCKED' });
  }, 60_000);

  it('contends only on the entry: racing guesses at other entries of the election are not slowed into errors', async () => {
    const rs = await Promise.all(f.voters.map((v, i) => t.call('identity', bindEvent(v, { bindingCode: WRONG_CODE }), `wx-other-${i}`)));
    expect(rs.every((r) => !r.ok && r.reason === 'BIND_MISMATCH')).toBe(true);
  }, 60_000);
});
