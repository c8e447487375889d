import {
  buildCalendar,
  isObjectionFilingOpen,
  objectionDecisionLastDay,
  objectionFilingLastDay,
  phaseAt,
  timelineMarks,
  validateElectionDay,
  voterListPublicationCheck,
  type CalendarKey,
  type ElectionCalendar,
} from '../../src/domain/calendar';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { RuleSet } from '../../src/domain/presets/types';

function rules(presetId = 'national', day = '2026-05-10', kind: 'village' | 'community' = 'village'): RuleSet {
  const r = resolveRuleSet(presetId, kind, day);
  if (!r.ok) throw new Error(`no rules ${presetId}`);
  return r.value;
}
const national = rules();
const zhejiang = rules('zhejiang');

const byKey = (c: ElectionCalendar) => Object.fromEntries(c.entries.map((e) => [e.key, e])) as Record<CalendarKey, ElectionCalendar['entries'][number]>;

describe('buildCalendar (national, list not yet published)', () => {
  const cal = byKey(buildCalendar({ electionDay: '2026-05-10' }, national));

  it('puts the voter list on E−20', () => {
    expect(cal.voterListPublication.lastDay).toBe('2026-04-20');
    expect(cal.voterListPublication.provisional).toBeUndefined();
  });
  it('computes objection windows from the latest lawful publication day, flagged provisional', () => {
    expect(cal.objectionFiling).toMatchObject({ opensOn: '2026-04-20', lastDay: '2026-04-25', provisional: true });
    expect(cal.objectionDecision).toMatchObject({ lastDay: '2026-04-28', provisional: true });
  });
  it('keeps registration open up to the last lawful publication day while the list is not out', () => {
    expect(cal.registration).toMatchObject({ opensOn: '2026-03-26', lastDay: '2026-04-20', provisional: true });
  });
  it('ends registration the day before the list was actually published', () => {
    const published = byKey(buildCalendar({ electionDay: '2026-05-10', voterListPublishedOn: '2026-04-10' }, national));
    expect(published.registration).toMatchObject({ lastDay: '2026-04-09' });
    expect(published.registration.provisional).toBeUndefined();
  });
  it('opens nomination after the last objection decision and closes it before the candidate list', () => {
    expect(cal.nomination).toMatchObject({ opensOn: '2026-04-29', lastDay: '2026-05-02' });
    expect(cal.candidateListPublication).toMatchObject({ opensOn: '2026-05-03', lastDay: '2026-05-05' });
  });
  it('closes proxies on E−3 and ends on election day', () => {
    expect(cal.proxyDeadline.lastDay).toBe('2026-05-07');
    expect(cal.electionDay).toMatchObject({ opensOn: '2026-05-10', lastDay: '2026-05-10' });
  });
  it('gives each deadline as the exclusive instant at the end of the last day in Asia/Shanghai', () => {
    expect(cal.voterListPublication.deadline).toBe('2026-04-20T16:00:00.000Z');
    expect(cal.electionDay.deadline).toBe('2026-05-10T16:00:00.000Z');
  });
  it('labels each step with its Chinese legal name', () => {
    expect(cal.voterListPublication.label).toBe('公布选民名单');
    expect(cal.candidateListPublication.label).toBe('公布正式候选人名单');
  });
});

describe('buildCalendar across month ends', () => {
  it('accepts when E is 2026-03-01: the list is due 2026-02-09', () => {
    expect(byKey(buildCalendar({ electionDay: '2026-03-01' }, rules('national', '2026-03-01'))).voterListPublication.lastDay).toBe('2026-02-09');
  });
  it('accepts when E is 2026-03-20: the list is due 2026-02-28', () => {
    expect(byKey(buildCalendar({ electionDay: '2026-03-20' }, rules('national', '2026-03-20'))).voterListPublication.lastDay).toBe('2026-02-28');
  });
  it('accepts when E is 2028-03-20: the list is due on the leap day 2028-02-29', () => {
    const cal = byKey(buildCalendar({ electionDay: '2028-03-20' }, rules('national', '2028-03-20')));
    expect(cal.voterListPublication.lastDay).toBe('2028-02-29');
    expect(cal.voterListPublication.deadline).toBe('2028-02-29T16:00:00.000Z');
    expect(cal.objectionFiling.lastDay).toBe('2028-03-05');
  });
});

describe('buildCalendar with committee dates', () => {
  it('uses the actual publication day and drops the provisional flag', () => {
    const cal = byKey(buildCalendar({ electionDay: '2026-05-10', voterListPublishedOn: '2026-04-10' }, national));
    expect(cal.voterListPublication.lastDay).toBe('2026-04-10');
    expect(cal.objectionFiling).toMatchObject({ opensOn: '2026-04-10', lastDay: '2026-04-15' });
    expect(cal.objectionFiling.provisional).toBeUndefined();
    expect(cal.objectionDecision.lastDay).toBe('2026-04-18');
    expect(cal.proxyDeadline.opensOn).toBe('2026-04-10');
  });
  it('uses the committee’s registration and nomination windows', () => {
    const cal = byKey(
      buildCalendar({ electionDay: '2026-05-10', registrationOpensOn: '2026-03-01', nominationOpensOn: '2026-04-30', nominationClosesOn: '2026-05-01' }, national),
    );
    expect(cal.registration.opensOn).toBe('2026-03-01');
    expect(cal.nomination).toMatchObject({ opensOn: '2026-04-30', lastDay: '2026-05-01' });
    expect(cal.candidateListPublication.opensOn).toBe('2026-05-02');
  });
  it('has no proxy step when the electorate is representatives', () => {
    const cal = buildCalendar({ electionDay: '2026-05-10' }, rules('guangdong', '2026-05-10', 'community'));
    expect(cal.entries.map((e) => e.key)).not.toContain('proxyDeadline');
  });
});

describe('objection windows, mode afterPublication (民法典 Art. 201: start day not counted)', () => {
  const e = '2026-05-10';
  it('accepts when filed on publication day + 5', () => {
    expect(objectionFilingLastDay('2026-04-20', e, national)).toBe('2026-04-25');
    expect(isObjectionFilingOpen('2026-04-20', e, '2026-04-25', national)).toBe(true);
  });
  it('rejects when filed on publication day + 6', () => {
    expect(isObjectionFilingOpen('2026-04-20', e, '2026-04-26', national)).toBe(false);
  });
  it('rejects when filed before the list is published', () => {
    expect(isObjectionFilingOpen('2026-04-20', e, '2026-04-19', national)).toBe(false);
  });
  it('gives the committee until receipt day + 3 to decide', () => {
    expect(objectionDecisionLastDay('2026-04-22', e, national)).toBe('2026-04-25');
    expect(objectionDecisionLastDay('2026-02-27', '2026-03-20', national)).toBe('2026-03-02');
  });
});

describe('objection windows, mode beforeElection (Zhejiang: file by E−10, decide by E−7)', () => {
  const e = '2026-05-10';
  it('accepts when filed on E−10, whatever the publication day', () => {
    expect(objectionFilingLastDay('2026-04-15', e, zhejiang)).toBe('2026-04-30');
    expect(isObjectionFilingOpen('2026-04-15', e, '2026-04-30', zhejiang)).toBe(true);
  });
  it('rejects when filed on E−9', () => {
    expect(isObjectionFilingOpen('2026-04-15', e, '2026-05-01', zhejiang)).toBe(false);
  });
  it('gives the committee until E−7 to decide, whatever the receipt day', () => {
    expect(objectionDecisionLastDay('2026-04-16', e, zhejiang)).toBe('2026-05-03');
    expect(objectionDecisionLastDay('2026-04-30', e, zhejiang)).toBe('2026-05-03');
  });
  it('lays out the Zhejiang calendar in statutory order', () => {
    const cal = byKey(buildCalendar({ electionDay: e }, zhejiang));
    expect(cal.objectionFiling.lastDay).toBe('2026-04-30');
    expect(cal.objectionDecision.lastDay).toBe('2026-05-03');
    expect(cal.nomination).toMatchObject({ opensOn: '2026-05-04', lastDay: '2026-05-05' });
    expect(cal.candidateListPublication.lastDay).toBe('2026-05-07');
    expect(cal.proxyDeadline.lastDay).toBe('2026-05-08');
  });
});

describe('voterListPublicationCheck (E−20, warn below 21 days)', () => {
  const e = '2026-05-10';
  it('accepts when published on E−20, flagged as the bare minimum', () => {
    expect(voterListPublicationCheck('2026-04-20', e, national)).toMatchObject({ ok: true, value: { marginDays: 0, bareMinimum: true, warning: expect.stringContaining('今天是法定最晚的公布日') } });
  });
  it('accepts when published on E−21 without the warning', () => {
    expect(voterListPublicationCheck('2026-04-19', e, national)).toEqual({ ok: true, value: { marginDays: 1, bareMinimum: false, warning: null } });
  });
  it('names the days of margin left under a preset that warns more than a day ahead', () => {
    const early: RuleSet = { ...national, voterList: { ...national.voterList, warnWhenGapBelowDays: 23 } };
    expect(voterListPublicationCheck('2026-04-18', e, early)).toEqual({
      ok: true,
      value: { marginDays: 2, bareMinimum: true, warning: '今天公布，只比法定最晚公布日（2026-04-20）早2天，余地很小：名单公布后的任何更改都只能通过申诉处理，请确认名单准确无误。' },
    });
    expect(voterListPublicationCheck('2026-04-17', e, early)).toMatchObject({ ok: true, value: { bareMinimum: false, warning: null } });
  });
  it('rejects when published on E−19', () => {
    expect(voterListPublicationCheck('2026-04-21', e, national)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'PUBLICATION_TOO_LATE' });
  });
  it('rejects when E−20 falls on Feb 29 and the list comes on Mar 1 (2028)', () => {
    expect(voterListPublicationCheck('2028-02-29', '2028-03-20', national).ok).toBe(true);
    expect(voterListPublicationCheck('2028-03-01', '2028-03-20', national).ok).toBe(false);
  });
});

describe('validateElectionDay', () => {
  it('accepts when E is exactly 20 days after today', () => {
    expect(validateElectionDay('2026-03-21', '2026-03-01', national)).toEqual({ ok: true, value: { daysAhead: 20 } });
  });
  it('rejects when E is 19 days after today', () => {
    expect(validateElectionDay('2026-03-20', '2026-03-01', national)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'ELECTION_DAY_TOO_SOON' });
  });
  it('rejects when E is in the past', () => {
    expect(validateElectionDay('2026-02-01', '2026-03-01', national)).toMatchObject({ reason: 'ELECTION_DAY_TOO_SOON' });
  });
  it('rejects when E is not a real date', () => {
    expect(validateElectionDay('2026-02-30', '2026-01-01', national)).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BAD_DATE' });
  });
});

describe('phaseAt (boundaries at Asia/Shanghai midnight)', () => {
  const cal = buildCalendar({ electionDay: '2026-05-10' }, national);
  const at = (iso: string) => phaseAt(cal, new Date(iso));

  it('is the campaign at 2026-05-09T15:59:59.999Z (23:59:59.999 on E−1 in Shanghai)', () => {
    expect(at('2026-05-09T15:59:59.999Z').phase).toBe('campaign');
  });
  it('is election day at 2026-05-09T16:00:00Z (00:00 on E in Shanghai)', () => {
    expect(at('2026-05-09T16:00:00.000Z')).toMatchObject({ phase: 'electionDay', label: '选举日' });
  });
  it('is closed from the end of election day, with nothing next', () => {
    expect(at('2026-05-10T15:59:59.999Z').phase).toBe('electionDay');
    expect(at('2026-05-10T16:00:00.000Z')).toEqual({ phase: 'closed', label: '选举已结束', next: null });
  });
  it.each([
    ['2026-03-25T15:59:59.999Z', 'preparation'],
    ['2026-03-25T16:00:00.000Z', 'registration'],
    ['2026-04-19T15:59:59.999Z', 'registration'],
    ['2026-04-19T16:00:00.000Z', 'objections'],
    ['2026-04-28T15:59:59.999Z', 'objections'],
    ['2026-04-28T16:00:00.000Z', 'nomination'],
    ['2026-05-02T15:59:59.999Z', 'nomination'],
    ['2026-05-02T16:00:00.000Z', 'candidates'],
    ['2026-05-05T15:59:59.999Z', 'candidates'],
    ['2026-05-05T16:00:00.000Z', 'campaign'],
  ])('at %s the phase is %s', (iso, phase) => {
    expect(at(iso).phase).toBe(phase);
  });
  it('names the nearest deadline still ahead', () => {
    expect(at('2026-04-01T02:00:00Z').next).toEqual({ key: 'registration', label: '选民登记', deadline: '2026-04-20T16:00:00.000Z' });
    expect(at('2026-05-06T02:00:00Z').next?.key).toBe('proxyDeadline');
    expect(at('2026-05-09T15:59:59.999Z').next?.key).toBe('electionDay');
  });
  it('starts objections on the actual publication day when the list came out early', () => {
    const early = buildCalendar({ electionDay: '2026-05-10', voterListPublishedOn: '2026-04-10' }, national);
    expect(phaseAt(early, new Date('2026-04-09T16:00:00Z')).phase).toBe('objections');
    // Decisions due 2026-04-18; nomination phase from the next day even before the committee opens it.
    expect(phaseAt(early, new Date('2026-04-18T16:00:00Z')).phase).toBe('nomination');
  });
});

describe('a done act (voter list published) in the calendar and its timeline', () => {
  // E = 2026-05-10; list published early on 2026-04-10.
  const published = buildCalendar({ electionDay: '2026-05-10', voterListPublishedOn: '2026-04-10' }, national);
  const pending = buildCalendar({ electionDay: '2026-05-10' }, national);
  const marksAt = (cal: ElectionCalendar, iso: string) =>
    Object.fromEntries(cal.entries.map((e, i) => [e.key, timelineMarks(cal.entries, new Date(iso))[i]]));

  it('records the publication day on the entry, and only once published', () => {
    expect(byKey(published).voterListPublication.doneOn).toBe('2026-04-10');
    expect(byKey(pending).voterListPublication.doneOn).toBeUndefined();
  });
  it('no longer counts down to a publication already done (same day, 10:00 in Shanghai)', () => {
    expect(phaseAt(published, new Date('2026-04-10T02:00:00Z')).next?.key).toBe('objectionFiling');
    expect(phaseAt(pending, new Date('2026-04-10T02:00:00Z')).next?.key).toBe('registration');
  });
  it('marks the publication done on its day, before its deadline has passed', () => {
    expect(marksAt(published, '2026-04-10T02:00:00Z')).toMatchObject({ voterListPublication: 'done', objectionFiling: 'now' });
  });
  it('marks an unpublished list late from 00:00 on E−19 in Shanghai, and not a moment before', () => {
    expect(marksAt(pending, '2026-04-20T15:59:59.999Z').voterListPublication).toBe('next');
    expect(marksAt(pending, '2026-04-20T16:00:00.000Z').voterListPublication).toBe('late');
  });
  it('marks a window whose last day has passed as done, never late', () => {
    expect(marksAt(pending, '2026-04-20T16:00:00.000Z').registration).toBe('done');
  });
  it('marks exactly one step next: the nearest deadline not yet done that is not open', () => {
    const m = timelineMarks(pending.entries, new Date('2026-03-01T00:00:00Z'));
    expect(m.filter((x) => x === 'next')).toHaveLength(1);
    expect(m[pending.entries.findIndex((e) => e.key === 'registration')]).toBe('next');
    expect(m.filter((x) => x === 'later')).toHaveLength(pending.entries.length - 1);
  });
  it('marks an opened window in progress from 00:00 in Shanghai on its first day', () => {
    expect(marksAt(pending, '2026-03-25T15:59:59.999Z').registration).toBe('next');
    expect(marksAt(pending, '2026-03-25T16:00:00.000Z').registration).toBe('now');
  });
});
