import { validateElectionSetup, type ElectionSetupInput } from '../../src/domain/election-setup';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { RuleSet } from '../../src/domain/presets/types';

function rules(presetId = 'national', kind: 'village' | 'community' = 'village'): RuleSet {
  const r = resolveRuleSet(presetId, kind, '2026-05-10');
  if (!r.ok) throw new Error('no rules');
  return r.value;
}
const base: ElectionSetupInput = {
  electionDay: '2026-05-10',
  posts: [
    { post: 'director', seats: 1 },
    { post: 'deputy', seats: 1 },
    { post: 'member', seats: 3 },
  ],
  registrationOpensOn: null,
  nominationOpensOn: null,
  nominationClosesOn: null,
};

describe('validateElectionSetup: seats', () => {
  it('accepts when the committee size is within the preset range, filling default windows', () => {
    expect(validateElectionSetup(base, rules())).toEqual({
      ok: true,
      value: { registrationOpensOn: '2026-03-26', nominationOpensOn: '2026-04-29', nominationClosesOn: '2026-05-02' },
    });
  });
  it('rejects when the village committee would have 8 members (3–7)', () => {
    const posts = [{ post: 'director', seats: 1 }, { post: 'deputy', seats: 2 }, { post: 'member', seats: 5 }] as const;
    expect(validateElectionSetup({ ...base, posts }, rules())).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BAD_SEATS' });
  });
  it('accepts when a residents’ committee has 8 members (5–9)', () => {
    const posts = [{ post: 'director', seats: 1 }, { post: 'deputy', seats: 2 }, { post: 'member', seats: 5 }] as const;
    expect(validateElectionSetup({ ...base, posts }, rules('national', 'community')).ok).toBe(true);
  });
  it('rejects when a residents’ committee has 4 members', () => {
    const posts = [{ post: 'director', seats: 1 }, { post: 'member', seats: 3 }] as const;
    expect(validateElectionSetup({ ...base, posts }, rules('national', 'community'))).toMatchObject({ reason: 'BAD_SEATS' });
  });
  it('rejects when there are two directors or none', () => {
    expect(validateElectionSetup({ ...base, posts: [{ post: 'director', seats: 2 }, { post: 'member', seats: 3 }] }, rules())).toMatchObject({ reason: 'BAD_SEATS' });
    expect(validateElectionSetup({ ...base, posts: [{ post: 'member', seats: 3 }] }, rules())).toMatchObject({ reason: 'BAD_SEATS' });
  });
  it('rejects when a post is listed twice', () => {
    const posts = [{ post: 'director', seats: 1 }, { post: 'member', seats: 2 }, { post: 'member', seats: 1 }] as const;
    expect(validateElectionSetup({ ...base, posts }, rules())).toMatchObject({ reason: 'BAD_SEATS' });
  });
});

describe('validateElectionSetup: windows', () => {
  it('rejects when a date does not exist', () => {
    expect(validateElectionSetup({ ...base, nominationOpensOn: '2026-04-31' }, rules())).toMatchObject({ reason: 'BAD_DATE' });
  });
  it('rejects when nomination closes on the candidate-list day (E−5)', () => {
    expect(validateElectionSetup({ ...base, nominationOpensOn: '2026-04-25', nominationClosesOn: '2026-05-05' }, rules())).toMatchObject({ reason: 'WINDOW_ORDER' });
  });
  it('accepts when nomination closes the day before (E−6)', () => {
    expect(validateElectionSetup({ ...base, nominationOpensOn: '2026-04-29', nominationClosesOn: '2026-05-04' }, rules()).ok).toBe(true);
  });
  it('rejects when nomination closes before it opens', () => {
    expect(validateElectionSetup({ ...base, nominationOpensOn: '2026-05-01', nominationClosesOn: '2026-04-30' }, rules())).toMatchObject({ reason: 'WINDOW_ORDER' });
  });
  it('rejects when registration opens on the list publication day (E−20)', () => {
    expect(validateElectionSetup({ ...base, registrationOpensOn: '2026-04-20' }, rules())).toMatchObject({ reason: 'WINDOW_ORDER' });
  });
  it('accepts when registration opens on E−21', () => {
    expect(validateElectionSetup({ ...base, registrationOpensOn: '2026-04-19' }, rules()).ok).toBe(true);
  });
  it('rejects when nomination opens before objections are decided, where that day is fixed (Zhejiang E−7)', () => {
    const zj = rules('zhejiang');
    expect(validateElectionSetup({ ...base, nominationOpensOn: '2026-05-03', nominationClosesOn: '2026-05-05' }, zj)).toMatchObject({ reason: 'WINDOW_ORDER' });
    expect(validateElectionSetup({ ...base, nominationOpensOn: '2026-05-04', nominationClosesOn: '2026-05-05' }, zj).ok).toBe(true);
  });
});
