/**
 * Issue #10: no ID-number oracle. A caller who has not proven an ID number (an unbound WeChat
 * user, or a voter naming someone else's number) gets the same reply — code, reason, message and
 * shape — whether the number is on this roll, on another village's, or on none; nothing names the
 * other village, and no township duplicate row is written under a name the caller chose.
 */
import { importRows } from '../roll/roll-fixtures';
import { bindVoter, publish, syntheticId } from '../objections/fixtures';
import { makeTestApp, TOWNSHIP, villageWithElection, type TestApp, type VillageFixture } from '../harness';

type Reply = { ok: boolean; code?: string; reason?: string; message?: string; data?: unknown };

/** What a caller can compare between two replies: everything but ids, running numbers and times. */
function signature(r: Reply): string {
  const shape = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(shape);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, k === 'id' || k === 'no' || k === 'serverNow' || k.endsWith('At') ? typeof x : shape(x)]));
    return v;
  };
  return JSON.stringify({ ok: r.ok, code: r.code, reason: r.reason, message: r.message, data: shape(r.data) });
}

describe('ID numbers the caller has not proven', () => {
  let t: TestApp;
  let here: VillageFixture;
  let other: VillageFixture;
  /** On this roll, on the other village's roll (registered there), on no roll. */
  let numbers: { onRoll: string; elsewhere: string; nowhere: string };
  beforeEach(async () => {
    t = makeTestApp();
    here = await villageWithElection(t, { name: '本村' });
    other = await villageWithElection(t, { name: '邻村', voters: 0 });
    // The same birth date and sex as the entry on this roll: what the number itself gives may show.
    const elsewhere = syntheticId(here.voters[0]!.doc.birthDate, '151');
    await importRows(t, other.electionId, [{ name: '邻村人', idNumber: elsewhere, group: '第一村民小组', category: 'A' }]);
    numbers = { onRoll: here.voters[0]!.idNumber, elsewhere, nowhere: syntheticId(here.voters[0]!.doc.birthDate, '153') };
  });
  afterEach(() => t.close());

  const duplicates = async () => (await t.ok<{ total: number }>('township', { action: 'duplicates' }, TOWNSHIP)).total;

  it('registration.applyResidence: the same reply for a number on this roll, on another village’s and on none; no duplicate row', async () => {
    const apply = (idNumber: string, openid: string) =>
      t.call('registration', { action: 'applyResidence', electionId: here.electionId, name: '随便填', idNumber, group: '第一村民小组', residenceSince: '2015-01-01', consent: true }, openid);
    const rs = [await apply(numbers.onRoll, 'wx-p1'), await apply(numbers.elsewhere, 'wx-p2'), await apply(numbers.nowhere, 'wx-p3')];
    expect(rs[0]).toMatchObject({ ok: true });
    expect(new Set(rs.map(signature)).size).toBe(1);
    expect(JSON.stringify(rs)).not.toContain('邻村');
    expect(await duplicates()).toBe(0);
  });

  it('accepts a caller whose member reference happens to be all digits (wx:9009793524795625 under the test key): the audit guard takes it for a hash, not a number', async () => {
    const r = await t.call('registration', { action: 'applyResidence', electionId: here.electionId, name: '随便填', idNumber: numbers.nowhere, group: '第一村民小组', residenceSince: '2015-01-01', consent: true }, 'ot-oracle-106');
    expect(r).toMatchObject({ ok: true });
  });

  it('registration.applyResidence from a bound voter: ALREADY_BOUND whatever the number (nothing written, nothing learnt)', async () => {
    await bindVoter(t, here.voters[2]!, 'wx-bound');
    const apply = (idNumber: string) =>
      t.call('registration', { action: 'applyResidence', electionId: here.electionId, name: '随便填', idNumber, group: '第一村民小组', residenceSince: '2015-01-01', consent: true }, 'wx-bound');
    const rs = [await apply(numbers.onRoll), await apply(numbers.elsewhere), await apply(numbers.nowhere)];
    expect(rs[0]).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_BOUND' });
    expect(new Set(rs.map(signature)).size).toBe(1);
    expect(await duplicates()).toBe(0);
  });

  it('registration.fileObjection, self-identified and about someone: the same reply for a number on the list and one on no roll', async () => {
    await publish(t, here);
    await bindVoter(t, here.voters[2]!, 'wx-voter');
    const details = '此人户籍在本村，名单上没有';
    const self = (idNumber: string, openid: string) =>
      t.call('registration', { action: 'fileObjection', kind: 'missingPerson', about: 'me', details, identity: { electionId: here.electionId, name: '随便填', idNumber, group: '第一村民小组', consent: true } }, openid);
    const selfReplies = [await self(numbers.onRoll, 'wx-s1'), await self(numbers.elsewhere, 'wx-s2'), await self(numbers.nowhere, 'wx-s3')];
    expect(selfReplies[0]).toMatchObject({ ok: true });
    expect(new Set(selfReplies.map(signature)).size).toBe(1);
    // About someone, under a name that is not theirs: one objection per number (each its own matter).
    const someone = (idNumber: string) => t.call('registration', { action: 'fileObjection', kind: 'missingPerson', name: '错名字', group: '第一村民小组', idNumber, details }, 'wx-voter');
    const someoneReplies = [await someone(numbers.onRoll), await someone(numbers.elsewhere), await someone(numbers.nowhere)];
    expect(someoneReplies[0]).toMatchObject({ ok: true });
    expect(new Set(someoneReplies.map(signature)).size).toBe(1);
    expect(JSON.stringify([selfReplies, someoneReplies])).not.toContain('邻村');
    expect(await duplicates()).toBe(0);
  });
});
