import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { describeEachStore, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';

const bindEvent = (v: { doc: { name: string }; idNumber: string; bindingCode: string }, over: Record<string, unknown> = {}) => ({
  action: 'bind',
  name: v.doc.name,
  idNumber: v.idNumber,
  bindingCode: v.bindingCode,
  consent: true,
  ...over,
});

describe('identity.bind', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp();
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  it('binds when name, ID number and binding code match one entry, and returns the entry without a digit of the number', async () => {
    const v = f.voters[0]!;
    const data = await t.ok<{ voter: { name: string; group: string }; election: { phase: string } }>('identity', bindEvent(v), 'wx-a');
    expect(data.voter.name).toBe(v.doc.name);
    expect(Object.keys(data.voter)).not.toContain('idMasked');
    const wire = JSON.stringify(data);
    expect(wire).not.toContain(v.idNumber);
    // RULES.md §7 as amended: neither end of the number (the derived birth date is allowed).
    expect(wire).not.toContain(v.idNumber.slice(0, 6));
    expect(wire).not.toContain(v.idNumber.slice(-4));
    const who = await t.ok<{ roles: string[]; voter: { id: string } }>('identity', { action: 'whoami' }, 'wx-a');
    expect(who.roles).toContain('voter');
    expect(who.voter.id).toBe(v.id);
  });

  it('accepts a lower-case x, full-width digits and spaces in the ID number', async () => {
    const v = f.voters.find((x) => x.idNumber.endsWith('X')) ?? f.voters[0]!;
    const fullWidth = v.idNumber.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).toLowerCase();
    const r = await t.call('identity', bindEvent(v, { idNumber: ` ${fullWidth.slice(0, 6)} ${fullWidth.slice(6)} ` }), 'wx-a');
    expect(r).toMatchObject({ ok: true });
  });

  it('rejects when consent to process the ID number is not given', async () => {
    const r = await t.call('identity', bindEvent(f.voters[0]!, { consent: false }), 'wx-a');
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (!r.ok) expect(r.fields?.consent).toContain('同意');
  });

  it('rejects when the check digit is wrong, naming the check digit', async () => {
    const v = f.voters[0]!;
    const last = v.idNumber.slice(-1);
    const wrong = v.idNumber.slice(0, 17) + (last === '1' ? '2' : '1');
    const r = await t.call('identity', bindEvent(v, { idNumber: wrong }), 'wx-a');
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'ID_CHECK_DIGIT' });
  });

  it('rejects when the name does not match, without saying which field was wrong', async () => {
    const r = await t.call('identity', bindEvent(f.voters[0]!, { name: '某某某' }), 'wx-a');
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'BIND_MISMATCH' });
    if (!r.ok) expect(r.message).toContain('还可以再试 4 次');
  });

  it('rejects when the binding code belongs to another entry', async () => {
    const r = await t.call('identity', bindEvent(f.voters[0]!, { bindingCode: f.voters[2]!.bindingCode }), 'wx-a');
    expect(r).toMatchObject({ ok: false, reason: 'BIND_MISMATCH' });
  });

  it('locks after 5 mismatches, refuses even the right data while locked, and unlocks after 30 minutes', async () => {
    const v = f.voters[0]!;
    for (let i = 0; i < 4; i++) expect(await t.call('identity', bindEvent(v, { name: '错误名' }), 'wx-a')).toMatchObject({ reason: 'BIND_MISMATCH' });
    expect(await t.call('identity', bindEvent(v, { name: '错误名' }), 'wx-a')).toMatchObject({ code: 'RATE_LIMITED', reason: 'BIND_LOCKED' });
    expect(await t.call('identity', bindEvent(v), 'wx-a')).toMatchObject({ code: 'RATE_LIMITED', reason: 'BIND_LOCKED' });
    const who = await t.ok<{ bindLockedUntil: string | null }>('identity', { action: 'whoami' }, 'wx-a');
    expect(who.bindLockedUntil).toBe('2026-03-01T02:30:00.000Z');
    t.setNow('2026-03-01T02:29:59.999Z');
    expect(await t.call('identity', bindEvent(v), 'wx-a')).toMatchObject({ reason: 'BIND_LOCKED' });
    t.setNow('2026-03-01T02:30:00.000Z');
    expect(await t.call('identity', bindEvent(v), 'wx-a')).toMatchObject({ ok: true });
  });

  it('counts failures per WeChat user: another user is not locked out', async () => {
    for (let i = 0; i < 5; i++) await t.call('identity', bindEvent(f.voters[0]!, { name: '错误名' }), 'wx-a');
    expect(await t.call('identity', bindEvent(f.voters[0]!), 'wx-b')).toMatchObject({ ok: true });
  });

  it('rejects when this WeChat user is already bound', async () => {
    await t.ok('identity', bindEvent(f.voters[0]!), 'wx-a');
    expect(await t.call('identity', bindEvent(f.voters[2]!), 'wx-a')).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_BOUND' });
  });

  it('rejects when the entry is already bound to another WeChat user', async () => {
    await t.ok('identity', bindEvent(f.voters[0]!), 'wx-a');
    expect(await t.call('identity', bindEvent(f.voters[0]!), 'wx-b')).toMatchObject({ code: 'CONFLICT', reason: 'VOTER_TAKEN' });
  });

  it('lets exactly one of two users racing for the same entry win', async () => {
    const rs = await Promise.all(['wx-a', 'wx-b', 'wx-c'].map((o) => t.call('identity', bindEvent(f.voters[0]!), o)));
    expect(rs.filter((r) => r.ok)).toHaveLength(1);
    expect(rs.filter((r) => !r.ok && r.reason === 'VOTER_TAKEN')).toHaveLength(2);
  });

  it('rejects when there is no WeChat identity', async () => {
    expect(await t.call('identity', bindEvent(f.voters[0]!), null)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NO_OPENID' });
  });

  it('never stores the ID number or binding code in clear, nor logs them', async () => {
    const v = f.voters[0]!;
    await t.ok('identity', bindEvent(v), 'wx-a');
    await t.call('identity', bindEvent(f.voters[2]!, { name: '错误名' }), 'wx-b');
    await t.app.store.close();
    const bytes = readdirSync(t.dir)
      .map((name) => readFileSync(join(t.dir, name)).toString('latin1'))
      .join('');
    for (const x of f.voters) {
      expect(bytes).not.toContain(x.idNumber);
      expect(bytes).not.toContain(x.idNumber.slice(6, 14) + x.idNumber.slice(14, 17));
      expect(bytes).not.toContain(x.bindingCode);
    }
    expect(t.logs.join('\n')).not.toContain(v.idNumber);
  });

  it('writes the binding and unbinding into the election audit chain, which verifies', async () => {
    await t.ok('identity', bindEvent(f.voters[0]!), 'wx-a');
    await t.ok('identity', { action: 'unbind' }, 'wx-a');
    await t.linkAudit();
    const chain = await verifyAuditChain(t.app.store, f.electionId);
    expect(chain).toMatchObject({ ok: true, length: 3 });
  });
});

describe('identity.unbind', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp();
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  it('releases the entry so the same person can bind from a new phone', async () => {
    await t.ok('identity', bindEvent(f.voters[0]!), 'wx-old');
    expect(await t.call('identity', { action: 'unbind' }, 'wx-old')).toEqual({ ok: true, data: { unbound: true } });
    expect(await t.call('identity', bindEvent(f.voters[0]!), 'wx-new')).toMatchObject({ ok: true });
    const old = await t.ok<{ roles: string[] }>('identity', { action: 'whoami' }, 'wx-old');
    expect(old.roles).toEqual([]);
  });

  it('rejects when nothing is bound', async () => {
    expect(await t.call('identity', { action: 'unbind' }, 'wx-a')).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_BOUND' });
  });
});

/** The races again on both stores (issue 7): CloudBase's snapshot transactions, 20 ± 10 ms per call. */
describeEachStore('identity.bind races', (kind) => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp({ store: kind });
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  it('lets exactly one of three users racing for the same entry win', async () => {
    const rs = await Promise.all(['wx-a', 'wx-b', 'wx-c'].map((o) => t.call('identity', bindEvent(f.voters[0]!), o)));
    expect(rs.filter((r) => r.ok)).toHaveLength(1);
    expect(rs.filter((r) => !r.ok && r.reason === 'VOTER_TAKEN')).toHaveLength(2);
    expect(await t.app.store.count('binding', { voterId: f.voters[0]!.id })).toBe(1);
  });

  it('binds one user racing for two entries to exactly one of them', async () => {
    const rs = await Promise.all([0, 2].map((i) => t.call('identity', bindEvent(f.voters[i]!), 'wx-a')));
    expect(rs.filter((r) => r.ok)).toHaveLength(1);
    const bound = await Promise.all([0, 2].map((i) => t.app.store.count('binding', { voterId: f.voters[i]!.id })));
    expect(bound.reduce((a, b) => a + b, 0)).toBe(1);
  });
});
