import { checkBallotShape, nomineeEligibility, nominationWindowState, type NomineeEntry } from '../../src/domain/nomination-ballot';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { RuleSet } from '../../src/domain/presets/types';

function rules(presetId: string): RuleSet {
  const r = resolveRuleSet(presetId, 'village', '2027-01-08');
  if (!r.ok) throw new Error(`no rules for ${presetId}`);
  return r.value;
}
const national = rules('national');
const posts = [
  { post: 'director' as const, seats: 1 },
  { post: 'deputy' as const, seats: 1 },
  { post: 'member' as const, seats: 3 },
];

describe('checkBallotShape (per post, no more names than seats)', () => {
  it('accepts up to the seats of each post', () => {
    expect(checkBallotShape({ director: ['a'], deputy: ['b'], member: ['c', 'd', 'e'] }, posts).ok).toBe(true);
  });
  it('accepts a ballot that leaves posts empty', () => {
    expect(checkBallotShape({ member: ['c'] }, posts).ok).toBe(true);
  });
  it('rejects when a post has more names than seats', () => {
    const r = checkBallotShape({ member: ['a', 'b', 'c', 'd'] }, posts);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'TOO_MANY_NAMES' });
    if (!r.ok) expect(r.message).toBe('委员最多只能提名3人，您填了4人');
  });
  it('rejects a post the election does not have', () => {
    expect(checkBallotShape({ deputy: ['a'] }, [{ post: 'director', seats: 1 }])).toMatchObject({ ok: false, reason: 'UNKNOWN_POST' });
  });
  it('rejects the same person named twice, on one post or across posts', () => {
    expect(checkBallotShape({ member: ['a', 'a'] }, posts)).toMatchObject({ ok: false, reason: 'DUPLICATE_NOMINEE' });
    expect(checkBallotShape({ director: ['a'], member: ['a'] }, posts)).toMatchObject({ ok: false, reason: 'DUPLICATE_NOMINEE' });
  });
  it('rejects an empty ballot', () => {
    expect(checkBallotShape({}, posts)).toMatchObject({ ok: false, reason: 'EMPTY_BALLOT' });
    expect(checkBallotShape({ member: [] }, posts)).toMatchObject({ ok: false, reason: 'EMPTY_BALLOT' });
  });
});

describe('nomineeEligibility (a registered voter of this village with the right to stand)', () => {
  const election = { id: 'e1', villageId: 'v1', electionDay: '2027-01-08' };
  const entry = (over: Partial<NomineeEntry> = {}): NomineeEntry => ({ villageId: 'v1', electionId: 'e1', status: 'registered', birthDate: '1970-05-01', ...over });
  it('accepts a registered adult of this village', () => {
    expect(nomineeEligibility(entry(), election, national).ok).toBe(true);
  });
  it('rejects a nominee from another village or election, or unknown', () => {
    expect(nomineeEligibility(entry({ villageId: 'v2' }), election, national)).toMatchObject({ ok: false, reason: 'NOMINEE_OTHER_VILLAGE' });
    expect(nomineeEligibility(entry({ electionId: 'e0' }), election, national)).toMatchObject({ ok: false, reason: 'NOMINEE_OTHER_VILLAGE' });
    expect(nomineeEligibility(null, election, national)).toMatchObject({ ok: false, reason: 'NOMINEE_OTHER_VILLAGE' });
  });
  it.each(['pending', 'deprived', 'deceased', 'movedAway', 'unableToExercise'] as const)('rejects a nominee whose status is %s', (status) => {
    expect(nomineeEligibility(entry({ status }), election, national)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'NOMINEE_NOT_REGISTERED' });
  });
  it('accepts a nominee who turns 18 on election day and rejects one who turns 18 the day after', () => {
    expect(nomineeEligibility(entry({ birthDate: '2009-01-08' }), election, national).ok).toBe(true);
    expect(nomineeEligibility(entry({ birthDate: '2009-01-09' }), election, national)).toMatchObject({ ok: false, reason: 'NOMINEE_UNDER_AGE' });
  });
});

describe('nominationWindowState (Asia/Shanghai calendar days, both ends included)', () => {
  const w = { opensOn: '2026-12-28', closesOn: '2026-12-31' };
  it('opens at 00:00 Beijing time of the opening day (16:00 UTC the day before)', () => {
    expect(nominationWindowState(w, new Date('2026-12-27T15:59:59.000Z'))).toMatchObject({ ok: false, reason: 'NOT_OPEN_YET' });
    expect(nominationWindowState(w, new Date('2026-12-27T16:00:00.000Z')).ok).toBe(true);
  });
  it('closes at 24:00 Beijing time of the closing day: one second before is in, the instant itself is out', () => {
    expect(nominationWindowState(w, new Date('2026-12-31T15:59:59.000Z')).ok).toBe(true);
    expect(nominationWindowState(w, new Date('2026-12-31T16:00:00.000Z'))).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'CLOSED' });
  });
  it('is closed when the committee has set no window', () => {
    expect(nominationWindowState({ opensOn: null, closesOn: '2026-12-31' }, new Date())).toMatchObject({ ok: false, reason: 'NO_WINDOW' });
  });
});
