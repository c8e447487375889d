import { buildCalendar } from '../../src/domain/calendar';
import { checkNoticePublication, isNoticeDataReady, NO_FACTS, NOTICE_TYPE_KEYS, noticeWindow, type NoticeFacts } from '../../src/domain/notice';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { RuleSet } from '../../src/domain/presets/types';
import { NOTICE_TYPES } from '../../src/contracts/store-documents.schema';

function rules(presetId = 'national', kind: 'village' | 'community' = 'village', day = '2026-05-10'): RuleSet {
  const r = resolveRuleSet(presetId, kind, day);
  if (!r.ok) throw new Error(`no rules ${presetId}/${kind}`);
  return r.value;
}
const E = '2026-05-10';
const national = rules();
const calendar = buildCalendar({ electionDay: E }, national);
const READY: NoticeFacts = { committeeRoster: 5, registeredVoters: 100, decidedObjections: 2, formalCandidates: 8, approvedProxies: 3, pollingStations: 2, resultsRecorded: true };

describe('notice types', () => {
  it('are the stored notice types, one for one', () => {
    expect([...NOTICE_TYPE_KEYS]).toEqual([...NOTICE_TYPES]);
  });
});

describe('voter list notice (E−20)', () => {
  it('is allowed on E−20, the last day, and says so', () => {
    const r = checkNoticePublication('voterList', READY, '2026-04-20', calendar, national);
    expect(r).toMatchObject({ ok: true, value: { lastDayToday: true, window: { lastDay: '2026-04-20' } } });
  });
  it('rejects when published on E−19, after its deadline', () => {
    const r = checkNoticePublication('voterList', READY, '2026-04-21', calendar, national);
    expect(r).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'DEADLINE_PASSED' });
    if (!r.ok) expect(r.message).toContain('2026-04-20');
  });
  it('rejects when nobody is registered yet', () => {
    expect(checkNoticePublication('voterList', NO_FACTS, '2026-04-01', calendar, national)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'DATA_NOT_READY' });
  });
  it('rejects a late publication before looking at the data (the deadline is final)', () => {
    expect(checkNoticePublication('voterList', NO_FACTS, '2026-04-30', calendar, national)).toMatchObject({ reason: 'DEADLINE_PASSED' });
  });
});

describe('formal candidate list (E−5 by preset)', () => {
  it.each([
    ['national', 5, '2026-05-05'],
    ['guangdong', 7, '2026-05-03'],
    ['zhejiang', 3, '2026-05-07'],
  ])('%s: last day is E−%i', (presetId, _days, lastDay) => {
    const r = rules(presetId);
    const cal = buildCalendar({ electionDay: E }, r);
    expect(noticeWindow('formalCandidates', cal, r).lastDay).toBe(lastDay);
    expect(checkNoticePublication('formalCandidates', READY, lastDay, cal, r).ok).toBe(true);
  });
  it('rejects the day after E−5', () => {
    expect(checkNoticePublication('formalCandidates', READY, '2026-05-06', calendar, national)).toMatchObject({ code: 'WINDOW_CLOSED', reason: 'DEADLINE_PASSED' });
  });
  it('rejects before nomination has closed', () => {
    expect(checkNoticePublication('formalCandidates', READY, '2026-04-25', calendar, national)).toMatchObject({ code: 'WINDOW_CLOSED', reason: 'NOT_YET_OPEN' });
  });
  it('rejects when no formal candidate exists, in Chinese', () => {
    const r = checkNoticePublication('formalCandidates', NO_FACTS, '2026-05-04', calendar, national);
    expect(r).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'DATA_NOT_READY' });
    if (!r.ok) expect(r.message).toBe('还没有确定正式候选人，不能公布正式候选人名单');
  });
});

describe('notices that prepare the vote', () => {
  it.each(['committeeMembers', 'electionDayPlaces', 'proxyList', 'pollingStations', 'objectionResults'] as const)('%s: allowed on E−1, rejected on E', (type) => {
    expect(checkNoticePublication(type, READY, '2026-05-09', calendar, national).ok).toBe(true);
    expect(checkNoticePublication(type, READY, E, calendar, national)).toMatchObject({ reason: 'DEADLINE_PASSED' });
  });
  it('nomination window: must be out by the day nomination opens', () => {
    const opens = calendar.entries.find((e) => e.key === 'nomination')?.opensOn;
    expect(noticeWindow('nominationWindow', calendar, national).lastDay).toBe(opens);
    expect(checkNoticePublication('nominationWindow', NO_FACTS, opens!, calendar, national).ok).toBe(true);
  });
  it('rejects a proxy list where the preset has no proxies', () => {
    const noProxies = { ...national, proxy: { ...national.proxy, allowed: false } };
    expect(checkNoticePublication('proxyList', READY, '2026-05-01', calendar, noProxies)).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'NOT_APPLICABLE' });
  });
  it('rejects committee members while no named roster exists', () => {
    expect(checkNoticePublication('committeeMembers', NO_FACTS, '2026-04-01', calendar, national)).toMatchObject({ reason: 'DATA_NOT_READY' });
  });
});

describe('results (same or next day)', () => {
  it('rejects before election day', () => {
    expect(checkNoticePublication('results', READY, '2026-05-09', calendar, national)).toMatchObject({ code: 'WINDOW_CLOSED', reason: 'NOT_YET_OPEN' });
  });
  it('allows E and E+1, rejects E+2', () => {
    expect(checkNoticePublication('results', READY, E, calendar, national).ok).toBe(true);
    expect(checkNoticePublication('results', READY, '2026-05-11', calendar, national).ok).toBe(true);
    expect(checkNoticePublication('results', READY, '2026-05-12', calendar, national)).toMatchObject({ reason: 'DEADLINE_PASSED' });
  });
  it('rejects on election day while no result is recorded', () => {
    expect(checkNoticePublication('results', NO_FACTS, E, calendar, national)).toMatchObject({ reason: 'DATA_NOT_READY' });
  });
});

describe('free text and corrections', () => {
  it('allows free text at any time, data or not', () => {
    expect(checkNoticePublication('freeText', NO_FACTS, '2026-06-30', calendar, national).ok).toBe(true);
    expect(isNoticeDataReady('freeText', NO_FACTS)).toBe(true);
  });
  it('allows a correction after the last day (it repairs a timely notice), still only with data', () => {
    expect(checkNoticePublication('electionDayPlaces', READY, E, calendar, national, { isCorrection: true }).ok).toBe(true);
    expect(checkNoticePublication('objectionResults', NO_FACTS, E, calendar, national, { isCorrection: true })).toMatchObject({ reason: 'DATA_NOT_READY' });
  });
});
