import { isOfVotingAge, latestEligibleBirthDate } from '../../src/domain/age';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { RuleSet } from '../../src/domain/presets/types';

function rules(day = '2026-05-10'): RuleSet {
  const r = resolveRuleSet('national', 'village', day);
  if (!r.ok) throw new Error('national rules missing');
  return r.value;
}

describe('isOfVotingAge (≥ 18 on E, RULES.md §1)', () => {
  it('accepts when the 18th birthday is election day itself', () => {
    expect(isOfVotingAge('2008-05-10', '2026-05-10', rules())).toBe(true);
  });
  it('rejects when the 18th birthday is the day after election day', () => {
    expect(isOfVotingAge('2008-05-11', '2026-05-10', rules())).toBe(false);
  });
  it('rejects when election day is the day before the 18th birthday', () => {
    expect(isOfVotingAge('2008-05-10', '2026-05-09', rules())).toBe(false);
  });
  it('accepts when a Feb 29 birth meets E on Feb 28 of a common year (民法典 Art. 202)', () => {
    expect(isOfVotingAge('2008-02-29', '2026-02-28', rules('2026-02-28'))).toBe(true);
  });
  it('rejects when a Feb 29 birth meets E on Feb 27 of that year', () => {
    expect(isOfVotingAge('2008-02-29', '2026-02-27', rules('2026-02-27'))).toBe(false);
  });
  it('reads the age from the rule set, not a literal', () => {
    const older: RuleSet = { ...rules(), voter: { ...rules().voter, minAge: 20 } };
    expect(isOfVotingAge('2008-05-10', '2026-05-10', older)).toBe(false);
  });
});

describe('latestEligibleBirthDate', () => {
  it('is E minus 18 years on an ordinary day', () => {
    expect(latestEligibleBirthDate('2026-05-10', rules())).toBe('2008-05-10');
  });
  it('includes Feb 29 births when E is Feb 28 of a common year', () => {
    expect(latestEligibleBirthDate('2026-02-28', rules('2026-02-28'))).toBe('2008-02-29');
  });
  it('stops at Feb 28 when the birth year had no Feb 29', () => {
    expect(latestEligibleBirthDate('2027-02-28', rules('2027-02-28'))).toBe('2009-02-28');
  });
});
