import {
  allowedChanges,
  checkDecisionChange,
  isLateDecision,
  objectionClock,
  objectionFilingWindow,
  objectionStanding,
  summarizeObjections,
} from '../../src/domain/objection';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { RuleSet } from '../../src/domain/presets/types';

function rules(presetId: string): RuleSet {
  const r = resolveRuleSet(presetId, 'village', '2026-05-10');
  if (!r.ok) throw new Error(`no rules ${presetId}`);
  return r.value;
}
const national = rules('national');
const zhejiang = rules('zhejiang');
const E = '2026-05-10';

describe('objectionFilingWindow (national: within 5 days of publication, publication day not counted)', () => {
  it('accepts on the publication day and gives receipt + 3 as the decision day', () => {
    expect(objectionFilingWindow('2026-04-20', E, '2026-04-20', national)).toEqual({
      ok: true,
      value: { receivedOn: '2026-04-20', filingLastDay: '2026-04-25', decisionLastDay: '2026-04-23', decisionDeadline: '2026-04-23T16:00:00.000Z' },
    });
  });
  it('accepts on the last day P+5', () => {
    expect(objectionFilingWindow('2026-04-20', E, '2026-04-25', national)).toMatchObject({ ok: true, value: { decisionLastDay: '2026-04-28' } });
  });
  it('rejects on P+6', () => {
    expect(objectionFilingWindow('2026-04-20', E, '2026-04-26', national)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'OBJECTION_WINDOW_CLOSED' });
  });
  it('rejects when the list is not published', () => {
    expect(objectionFilingWindow(null, E, '2026-04-20', national)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'LIST_NOT_PUBLISHED' });
    expect(objectionFilingWindow('2026-04-20', E, '2026-04-19', national)).toMatchObject({ reason: 'LIST_NOT_PUBLISHED' });
  });
});

describe('objectionFilingWindow (zhejiang: file by E−10, decide by E−7)', () => {
  it('accepts on E−10 with the decision due E−7', () => {
    expect(objectionFilingWindow('2026-04-15', E, '2026-04-30', zhejiang)).toMatchObject({ ok: true, value: { filingLastDay: '2026-04-30', decisionLastDay: '2026-05-03' } });
  });
  it('gives every objection the same E−7 decision day, whenever it was received', () => {
    expect(objectionFilingWindow('2026-04-15', E, '2026-04-15', zhejiang)).toMatchObject({ ok: true, value: { decisionLastDay: '2026-05-03' } });
  });
  it('rejects on E−9', () => {
    expect(objectionFilingWindow('2026-04-15', E, '2026-05-01', zhejiang)).toMatchObject({ ok: false, reason: 'OBJECTION_WINDOW_CLOSED' });
  });
});

describe('objectionStanding', () => {
  const me = 'p_me';
  const voter = (status: 'registered' | 'pending' | 'movedAway' | 'deprived') => ({ kind: 'voter' as const, voterId: me, status });
  const self = { kind: 'selfIdentified' as const };
  it('lets a registered voter object about any entry and any kind', () => {
    for (const kind of ['missingPerson', 'wrongPerson', 'wrongDetails'] as const) {
      expect(objectionStanding(voter('registered'), kind, { voterId: kind === 'missingPerson' ? null : 'p_other', self: false })).toEqual({ ok: true, value: 'anyEntry' });
    }
  });
  it('lets a person off the list object about their own entry: its details, or that they are missing', () => {
    expect(objectionStanding(voter('movedAway'), 'wrongDetails', { voterId: me, self: true })).toEqual({ ok: true, value: 'ownEntry' });
    expect(objectionStanding(voter('pending'), 'wrongDetails', { voterId: me, self: true })).toEqual({ ok: true, value: 'ownEntry' });
    expect(objectionStanding(voter('pending'), 'missingPerson', { voterId: me, self: true })).toEqual({ ok: true, value: 'ownEntry' });
    expect(objectionStanding(voter('deprived'), 'missingPerson', { voterId: me, self: true })).toEqual({ ok: true, value: 'ownEntry' });
  });
  it('rejects a person off the list objecting about someone else', () => {
    expect(objectionStanding(voter('deprived'), 'wrongDetails', { voterId: 'p_other', self: false })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'NOT_REGISTERED' });
    expect(objectionStanding(voter('pending'), 'missingPerson', { voterId: null, self: false })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(objectionStanding(voter('pending'), 'missingPerson', { voterId: 'p_other', self: false })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
  });
  it('rejects a person off the list objecting that their own entry should not be there', () => {
    expect(objectionStanding(voter('pending'), 'wrongPerson', { voterId: me, self: true })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
  });
  it('lets someone not on the roll object that they themselves are missing', () => {
    expect(objectionStanding(self, 'missingPerson', { voterId: null, self: true })).toEqual({ ok: true, value: 'ownEntry' });
  });
  it('rejects someone not on the roll objecting about anyone else or any entry', () => {
    expect(objectionStanding(self, 'missingPerson', { voterId: null, self: false })).toMatchObject({ ok: false, reason: 'NOT_REGISTERED' });
    expect(objectionStanding(self, 'wrongPerson', { voterId: 'p_other', self: false })).toMatchObject({ ok: false, reason: 'NOT_REGISTERED' });
    expect(objectionStanding(self, 'missingPerson', { voterId: 'p_other', self: true })).toMatchObject({ ok: false, reason: 'NOT_REGISTERED' });
  });
});

describe('isLateDecision', () => {
  it('is not late on the last day', () => expect(isLateDecision('2026-04-23', '2026-04-23')).toBe(false));
  it('is late the day after', () => expect(isLateDecision('2026-04-23', '2026-04-24')).toBe(true));
});

describe('objectionClock', () => {
  const open = { status: 'open' as const, decisionLastDay: '2026-04-23', late: false };
  it('counts calendar days left, 0 on the last day', () => {
    expect(objectionClock(open, '2026-04-20')).toEqual({ daysLeft: 3, overdue: false, label: '还剩3天' });
    expect(objectionClock(open, '2026-04-23')).toEqual({ daysLeft: 0, overdue: false, label: '今天是处理的最后一天' });
  });
  it('marks an undecided objection overdue the day after its last day', () => {
    expect(objectionClock(open, '2026-04-24')).toEqual({ daysLeft: 0, overdue: true, label: '已超过处理期限1天' });
  });
  it('keeps a late decision overdue forever, and an on-time one not', () => {
    expect(objectionClock({ ...open, status: 'upheld', late: true }, '2026-06-01').overdue).toBe(true);
    expect(objectionClock({ ...open, status: 'rejected', late: false }, '2026-06-01').overdue).toBe(false);
  });
});

describe('summarizeObjections', () => {
  it('counts open, decided, and overdue (undecided past deadline plus decided late)', () => {
    const today = '2026-04-25';
    expect(
      summarizeObjections(
        [
          { status: 'open', decisionLastDay: '2026-04-26', late: false },
          { status: 'open', decisionLastDay: '2026-04-24', late: false },
          { status: 'upheld', decisionLastDay: '2026-04-23', late: true },
          { status: 'rejected', decisionLastDay: '2026-04-23', late: false },
        ],
        today,
      ),
    ).toEqual({ open: 2, decided: 2, overdue: 2 });
  });
});

describe('checkDecisionChange', () => {
  it('rejects a change on a rejected objection', () => {
    expect(checkDecisionChange('wrongPerson', 'rejected', 'removeVoter')).toMatchObject({ ok: false, reason: 'CHANGE_NOT_ALLOWED' });
    expect(checkDecisionChange('wrongPerson', 'rejected', null)).toEqual({ ok: true, value: true });
  });
  it('rejects an upheld objection without its list change', () => {
    expect(checkDecisionChange('missingPerson', 'upheld', null)).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'CHANGE_REQUIRED' });
  });
  it('rejects a change that does not fit the kind', () => {
    expect(checkDecisionChange('wrongPerson', 'upheld', 'addVoter')).toMatchObject({ ok: false, reason: 'CHANGE_NOT_ALLOWED' });
    expect(checkDecisionChange('missingPerson', 'upheld', 'removeVoter')).toMatchObject({ ok: false, reason: 'CHANGE_NOT_ALLOWED' });
    expect(checkDecisionChange('wrongPerson', 'upheld', 'registerVoter')).toMatchObject({ ok: false, reason: 'CHANGE_NOT_ALLOWED' });
  });
  it('accepts each kind with its own changes', () => {
    expect(allowedChanges('missingPerson', 'upheld')).toEqual(['addVoter', 'registerVoter', 'reinstateVoter']);
    expect(allowedChanges('wrongPerson', 'upheld')).toEqual(['removeVoter']);
    expect(allowedChanges('wrongDetails', 'upheld')).toEqual(['correctDetails', 'registerVoter', 'reinstateVoter']);
  });
});
