import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { RuleSet } from '../../src/domain/presets/types';
import {
  ageEligibility,
  holdsRegistration,
  isFlagAllowed,
  isFlagged,
  parseCategoryText,
  registrationRecord,
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

describe('holdsRegistration (不重登: the first confirmed registration wins)', () => {
  it('holds the registration for a registered entry', () => {
    expect(holdsRegistration('registered')).toBe(true);
  });
  it('rejects a pending entry (an undeclared migrant, an undecided or refused category C)', () => {
    expect(holdsRegistration('pending')).toBe(false);
  });
  it('rejects a flagged entry', () => {
    for (const f of ['deprived', 'deceased', 'movedAway', 'unableToExercise'] as const) expect(holdsRegistration(f)).toBe(false);
    expect(isFlagged('deceased')).toBe(true);
    expect(isFlagged('pending')).toBe(false);
  });
});

describe('registrationRecord (what an entry needs on record to be on the list; RULES.md §1)', () => {
  const E = '2026-05-10';
  const today = '2026-04-20';
  const none = { declaration: null, ownObjectionOn: null, meeting: null, residenceSince: null };
  const meeting = { meeting: 'villagerMeeting' as const, meetingDate: '2026-04-18', minutesRef: '2026-4号' };
  it('needs nothing for category A', () => {
    expect(registrationRecord('A', none, E, today, rules())).toEqual({ ok: true, value: { declaration: null, meeting: null } });
  });
  it('takes the person’s own objection as a category B declaration (本人表示参加选举)', () => {
    expect(registrationRecord('B', { ...none, ownObjectionOn: '2026-04-19' }, E, today, rules())).toEqual({
      ok: true,
      value: { declaration: { channel: 'objection', on: '2026-04-19' }, meeting: null },
    });
  });
  it('keeps a declaration the committee received in person or by phone', () => {
    expect(registrationRecord('B', { ...none, declaration: { channel: 'phone', on: '2026-04-20' } }, E, today, rules())).toMatchObject({ ok: true, value: { declaration: { channel: 'phone' } } });
  });
  it('rejects category B without the person’s declaration', () => {
    expect(registrationRecord('B', none, E, today, rules())).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'DECLARATION_REQUIRED' });
  });
  it('rejects a declaration dated after today', () => {
    expect(registrationRecord('B', { ...none, declaration: { channel: 'inPerson', on: '2026-04-21' } }, E, today, rules())).toMatchObject({ ok: false, reason: 'BAD_DATE' });
  });
  it('accepts category C with the meeting’s approval and exactly a year of residence on election day', () => {
    expect(registrationRecord('C', { ...none, meeting, residenceSince: '2025-05-10' }, E, today, rules())).toEqual({ ok: true, value: { declaration: null, meeting } });
  });
  it('rejects category C without the meeting’s decision', () => {
    expect(registrationRecord('C', { ...none, residenceSince: '2020-01-01' }, E, today, rules())).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'MEETING_REQUIRED' });
  });
  it('rejects category C a day short of the residence, or without a residence date, or with a future meeting', () => {
    expect(registrationRecord('C', { ...none, meeting, residenceSince: '2025-05-11' }, E, today, rules())).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'RESIDENCE_TOO_SHORT' });
    expect(registrationRecord('C', { ...none, meeting }, E, today, rules())).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'NO_RESIDENCE_DATE' });
    expect(registrationRecord('C', { ...none, meeting: { ...meeting, meetingDate: '2026-04-21' }, residenceSince: '2020-01-01' }, E, today, rules())).toMatchObject({ ok: false, reason: 'BAD_DATE' });
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
    expect(r?.message).toContain('2026年5月11日满18周岁');
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
