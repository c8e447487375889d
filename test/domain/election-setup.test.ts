import { checkElectionCommittee, checkNominationStart, setupLocks, validateElectionSetup, type ElectionCommitteeRoster, type ElectionSetupInput } from '../../src/domain/election-setup';
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

describe('checkElectionCommittee (村民选举委员会, RULES.md §2)', () => {
  const village = { groups: ['一组', '二组', '三组'] };
  const today = '2026-03-10';
  const roster: ElectionCommitteeRoster = {
    chosenBy: 'villagerMeeting',
    chosenOn: '2026-03-01',
    members: [
      { name: '王建国', role: 'chair', group: '一组' },
      { name: '李秀英', role: 'viceChair', group: '二组' },
      { name: '张伟', role: 'member', group: '三组' },
    ],
  };
  it('accepts three members with one 主任, without a warning', () => {
    expect(checkElectionCommittee(roster, village, today, rules())).toEqual({ ok: true, value: { warnings: [] } });
  });
  it('rejects when there are fewer members than the preset minimum (3)', () => {
    const r = checkElectionCommittee({ ...roster, members: roster.members.slice(0, 2) }, village, today, rules());
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'ROSTER_TOO_SMALL', message: '选举委员会至少要有3名成员，现在只有2名' });
  });
  it('rejects when the preset asks for more members than are listed', () => {
    const five = { ...rules(), electionCommittee: { ...rules().electionCommittee, minMembers: 5 } };
    expect(checkElectionCommittee(roster, village, today, five)).toMatchObject({ reason: 'ROSTER_TOO_SMALL' });
  });
  it('rejects when there is no 主任', () => {
    const members = roster.members.map((m) => ({ ...m, role: 'member' as const }));
    expect(checkElectionCommittee({ ...roster, members }, village, today, rules())).toMatchObject({ reason: 'ROSTER_CHAIR' });
  });
  it('rejects when there are two 主任', () => {
    const members = roster.members.map((m, i) => ({ ...m, role: i < 2 ? ('chair' as const) : m.role }));
    expect(checkElectionCommittee({ ...roster, members }, village, today, rules())).toMatchObject({ reason: 'ROSTER_CHAIR' });
  });
  it('rejects when a member’s group is not a group of the village', () => {
    const members = [...roster.members.slice(0, 2), { name: '张伟', role: 'member' as const, group: '九组' }];
    expect(checkElectionCommittee({ ...roster, members }, village, today, rules())).toMatchObject({ reason: 'UNKNOWN_GROUP' });
  });
  it('rejects when the same person is listed twice', () => {
    const members = [...roster.members, { name: '张伟', role: 'member' as const, group: '三组' }];
    expect(checkElectionCommittee({ ...roster, members }, village, today, rules())).toMatchObject({ reason: 'ROSTER_DUPLICATE' });
  });
  it('accepts two people of the same name in different groups', () => {
    const members = [...roster.members, { name: '张伟', role: 'member' as const, group: '一组' }, { name: '刘芳', role: 'member' as const, group: '一组' }];
    expect(checkElectionCommittee({ ...roster, members }, village, today, rules()).ok).toBe(true);
  });
  it('rejects when the committee was chosen on a day still to come', () => {
    expect(checkElectionCommittee({ ...roster, chosenOn: '2026-03-11' }, village, today, rules())).toMatchObject({ reason: 'BAD_DATE' });
  });
  it('accepts an even number of members with a warning (odd preferred)', () => {
    const members = [...roster.members, { name: '刘芳', role: 'member' as const, group: '一组' }];
    const r = checkElectionCommittee({ ...roster, members }, village, today, rules());
    expect(r).toEqual({ ok: true, value: { warnings: ['选举委员会现在是4人，一般应为单数，便于表决'] } });
  });
});

describe('setupLocks (what can no longer change)', () => {
  const state: Parameters<typeof setupLocks>[0] = { voterListPublishedOn: null, electionDay: '2026-05-10', nominationOpensOn: '2026-04-29' };
  const fields = (today: string, s = state) => setupLocks(s, today).map((l) => l.field);
  it('locks nothing before the voter list, nomination and election day', () => {
    expect(fields('2026-04-01')).toEqual([]);
  });
  it('locks election day, preset, title and registration start once the voter list is published', () => {
    expect(fields('2026-04-21', { ...state, voterListPublishedOn: '2026-04-20' })).toEqual(['electionDay', 'presetId', 'title', 'registrationOpensOn']);
  });
  it('locks posts and the nomination window from the day nomination opens', () => {
    expect(fields('2026-04-28')).toEqual([]);
    expect(fields('2026-04-29')).toEqual(['posts', 'nominationWindow']);
  });
  it('locks the voting arrangements from election day, never the roster', () => {
    expect(fields('2026-05-09')).not.toContain('voting');
    expect(fields('2026-05-10')).toContain('voting');
    expect(fields('2026-05-10', { ...state, voterListPublishedOn: '2026-04-20' })).not.toContain('electionCommittee');
  });
});

describe('checkNominationStart', () => {
  it('rejects when a moved nomination window would open yesterday', () => {
    expect(checkNominationStart('2026-04-09', '2026-04-10')).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'PAST_DATE' });
  });
  it('accepts a window opening today', () => {
    expect(checkNominationStart('2026-04-10', '2026-04-10').ok).toBe(true);
  });
});
