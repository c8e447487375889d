import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { RuleSet } from '../../src/domain/presets/types';
import {
  ageEligibility,
  claimsRegistration,
  isFlagAllowed,
  isFlagged,
  parseCategoryText,
  residenceCompletesOn,
  residenceRequirementMet,
  statusForCategory,
} from '../../src/domain/registration';

function rules(preset = 'national', day = '2026-05-10'): RuleSet {
  const r = resolveRuleSet(preset, 'village', day);
  if (!r.ok) throw new Error(`${preset} rules missing`);
  return r.value;
}

describe('statusForCategory (A automatic, B once declared, C once approved; RULES.md §1)', () => {
  it('registers category A without any act', () => {
    expect(statusForCategory({ category: 'A', declared: false, residence: null })).toBe('registered');
  });
  it('keeps category B pending until the person declares', () => {
    expect(statusForCategory({ category: 'B', declared: false, residence: null })).toBe('pending');
    expect(statusForCategory({ category: 'B', declared: true, residence: null })).toBe('registered');
  });
  it('keeps category C pending until the meeting approves, and after a rejection', () => {
    expect(statusForCategory({ category: 'C', declared: false, residence: null })).toBe('pending');
    expect(statusForCategory({ category: 'C', declared: false, residence: 'rejected' })).toBe('pending');
    expect(statusForCategory({ category: 'C', declared: false, residence: 'approved' })).toBe('registered');
  });
});

describe('claimsRegistration (不重登)', () => {
  it('holds the registration for pending and registered entries', () => {
    expect(claimsRegistration({ category: 'B', declared: false, residence: null, status: 'pending' })).toBe(true);
    expect(claimsRegistration({ category: 'A', declared: false, residence: null, status: 'registered' })).toBe(true);
  });
  it('rejects when the meeting rejected a category C application', () => {
    expect(claimsRegistration({ category: 'C', declared: false, residence: 'rejected', status: 'pending' })).toBe(false);
  });
  it('does not take a registration for a flagged entry', () => {
    expect(claimsRegistration({ category: 'A', declared: false, residence: null, status: 'movedAway' })).toBe(false);
    expect(isFlagged('deceased')).toBe(true);
    expect(isFlagged('pending')).toBe(false);
  });
});

describe('isFlagAllowed (无法行使选举权 is provincial)', () => {
  it('rejects when the national preset is asked for unableToExercise', () => {
    expect(isFlagAllowed('unableToExercise', rules('national'))).toBe(false);
  });
  it('accepts it where a provincial preset allows it', () => {
    expect(isFlagAllowed('unableToExercise', rules('guangdong'))).toBe(true);
  });
  it('accepts the statutory flags everywhere', () => {
    for (const f of ['deprived', 'deceased', 'movedAway'] as const) expect(isFlagAllowed(f, rules('national'))).toBe(true);
  });
});

describe('residenceRequirementMet (居住一年以上 on election day)', () => {
  it('accepts exactly N years on election day', () => {
    expect(residenceRequirementMet('2025-05-10', '2026-05-10', rules())).toBe(true);
  });
  it('rejects when one day short', () => {
    expect(residenceRequirementMet('2025-05-11', '2026-05-10', rules())).toBe(false);
  });
  it('completes a Feb 29 start on Feb 28 of a common year (民法典 Art. 202)', () => {
    expect(residenceCompletesOn('2024-02-29', rules())).toBe('2025-02-28');
    expect(residenceRequirementMet('2024-02-29', '2025-02-28', rules('national', '2025-02-28'))).toBe(true);
  });
  it('reads the years from the rule set', () => {
    const two: RuleSet = { ...rules(), voter: { ...rules().voter, residenceYearsForCategoryC: 2 } };
    expect(residenceRequirementMet('2025-05-10', '2026-05-10', two)).toBe(false);
    expect(residenceRequirementMet('2024-05-10', '2026-05-10', two)).toBe(true);
  });
});

describe('ageEligibility', () => {
  it('accepts when the 18th birthday is election day', () => {
    expect(ageEligibility('2008-05-10', '2026-05-10', '2026-03-01', rules())).toBeNull();
  });
  it('rejects UNDER_18 when the 18th birthday is the day after election day, naming the day', () => {
    const r = ageEligibility('2008-05-11', '2026-05-10', '2026-03-01', rules());
    expect(r).toMatchObject({ reason: 'UNDER_18' });
    expect(r?.message).toContain('2026-05-11满18周岁');
  });
  it('rejects a birth date after today as a wrong ID number', () => {
    expect(ageEligibility('2026-03-02', '2026-05-10', '2026-03-01', rules())).toMatchObject({ reason: 'ID_BIRTH_DATE' });
  });
});

describe('parseCategoryText', () => {
  it.each([
    ['A', 'A'],
    ['a类', 'A'],
    ['甲', 'A'],
    ['B类选民', 'B'],
    ['c', 'C'],
    ['户籍在本村居住在本村', 'A'],
    ['户籍在本村、居住在本村', 'A'],
    ['户籍在本村、外出居住（需本人表示参加选举）', 'B'],
    ['外出', 'B'],
    ['外出务工', 'B'],
    ['外来', 'C'],
    ['户籍不在本村、在本村居住', 'C'],
    ['B（外出）', 'B'],
    ['Ｃ类', 'C'],
  ])('reads %s as %s', (text, cat) => {
    expect(parseCategoryText(text)).toBe(cat);
  });
  it.each([[''], ['D'], ['本村'], ['A类（外出）'], ['AB']])('rejects %s as unclear', (text) => {
    expect(parseCategoryText(text)).toBeNull();
  });
});
