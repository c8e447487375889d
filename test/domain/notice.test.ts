import { buildCalendar } from '../../src/domain/calendar';
import { checkNoticePublication, checkNoticeTitle, titleClaim, noticeDataProblem, NO_FACTS, noticeWindow, type NoticeFacts } from '../../src/domain/notice';
import type { ElectionCommitteeRoster } from '../../src/domain/election-setup';
import type { VotingArrangements } from '../../src/domain/voting-arrangements';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { RuleSet } from '../../src/domain/presets/types';

function rules(presetId = 'national', kind: 'village' | 'community' = 'village', day = '2026-05-10'): RuleSet {
  const r = resolveRuleSet(presetId, kind, day);
  if (!r.ok) throw new Error(`no rules ${presetId}/${kind}`);
  return r.value;
}
const E = '2026-05-10';
const national = rules();
const calendar = buildCalendar({ electionDay: E }, national);
const GROUPS = ['一组', '二组', '三组'];
const ROSTER: ElectionCommitteeRoster = {
  chosenBy: 'representativeMeeting',
  chosenOn: '2026-03-01',
  members: [
    { name: '王建国', role: 'chair', group: '一组' },
    { name: '李秀英', role: 'viceChair', group: '二组' },
    { name: '张伟', role: 'member', group: '三组' },
  ],
};
const VOTING: VotingArrangements = {
  opensAt: '08:00',
  closesAt: '17:00',
  centralPlace: '村委会大院',
  stations: [{ name: '第一投票站', place: '村小学', groups: ['二组', '三组'] }],
  mobileBoxes: [{ station: '中心会场', monitors: [{ name: '赵强', group: '一组' }, { name: '黄敏', group: '二组' }, { name: '陈明', group: '三组' }] }],
};
const READY: NoticeFacts = { electionCommittee: ROSTER, voting: VOTING, groups: GROUPS, registeredVoters: 100, decidedObjections: 2, formalCandidates: 8, approvedProxies: 3, resultsRecorded: true };

describe('voter list notice (E−20)', () => {
  it('is allowed on E−20, the last day, and says so', () => {
    const r = checkNoticePublication('voterList', READY, '2026-04-20', calendar, national);
    expect(r).toMatchObject({ ok: true, value: { lastDayToday: true, window: { lastDay: '2026-04-20' } } });
  });
  it('rejects when published on E−19, after its deadline', () => {
    const r = checkNoticePublication('voterList', READY, '2026-04-21', calendar, national);
    expect(r).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'DEADLINE_PASSED' });
    if (!r.ok) expect(r.message).toContain('2026年4月20日');
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
    if (!r.ok) expect(r.message).toBe('还没有确定正式候选人：要在提名结束、经资格审查确定正式候选人以后，才能公布正式候选人名单');
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
    const r = checkNoticePublication('committeeMembers', NO_FACTS, '2026-04-01', calendar, national);
    expect(r).toMatchObject({ reason: 'DATA_NOT_READY' });
    if (!r.ok) expect(r.message).toContain('选举委员会成员名单');
  });
});

describe('notices from the election setup (roster, voting arrangements)', () => {
  const today = '2026-04-01';
  it('accepts committee members, election day and places, and polling stations once the data is recorded', () => {
    for (const type of ['committeeMembers', 'electionDayPlaces', 'pollingStations'] as const) expect(noticeDataProblem(type, READY, today, national)).toBeNull();
  });
  it('rejects when a stored roster no longer meets the rules (two members left)', () => {
    const facts = { ...READY, electionCommittee: { ...ROSTER, members: ROSTER.members.slice(0, 2) } };
    expect(noticeDataProblem('committeeMembers', facts, today, national)).toBe('选举委员会成员名单不符合要求：选举委员会至少要有3名成员，现在只有2名');
  });
  it('rejects when a member’s group is no longer a group of the village', () => {
    expect(noticeDataProblem('committeeMembers', { ...READY, groups: ['一组', '二组'] }, today, national)).toContain('三组');
  });
  it('rejects the election-day and station notices while no voting arrangements are recorded', () => {
    const facts = { ...READY, voting: null };
    expect(noticeDataProblem('electionDayPlaces', facts, today, national)).toContain('投票时间和投票地点');
    expect(noticeDataProblem('pollingStations', facts, today, national)).toContain('投票站和流动票箱');
  });
  it('rejects when a stored mobile box has fewer monitors than the preset asks', () => {
    const stricter = { ...national, voting: { ...national.voting, mobileBoxMinMonitors: 4 } };
    expect(noticeDataProblem('pollingStations', READY, today, stricter)).toContain('至少要有4名监票人员');
  });
  it('rejects the polling-station notice when there is only the central place', () => {
    const facts = { ...READY, voting: { ...VOTING, stations: [], mobileBoxes: [] } };
    expect(noticeDataProblem('pollingStations', facts, today, national)).toContain('只设了中心会场');
    expect(noticeDataProblem('electionDayPlaces', facts, today, national)).toBeNull();
  });
});

describe('notices whose data comes from features not built yet', () => {
  it.each([
    ['formalCandidates', { formalCandidates: 0 }, '还没有确定正式候选人'],
    ['proxyList', { approvedProxies: 0 }, '还没有经选举委员会批准的委托投票'],
    ['results', { resultsRecorded: false }, '还没有登记选举结果'],
  ] as const)('rejects %s while its data is missing, naming what is missing', (type, missing, message) => {
    expect(noticeDataProblem(type, { ...READY, ...missing }, '2026-05-10', national)).toContain(message);
    expect(noticeDataProblem(type, READY, '2026-05-10', national)).toBeNull();
  });
});

describe('preset parameters of the notice windows', () => {
  it('takes the last day of notices that prepare the vote from the preset (notices.prepareVoteDaysBefore)', () => {
    const two = { ...national, notices: { ...national.notices, prepareVoteDaysBefore: 2 } };
    expect(noticeWindow('committeeMembers', calendar, two).lastDay).toBe('2026-05-08');
    expect(checkNoticePublication('pollingStations', READY, '2026-05-09', calendar, two)).toMatchObject({ reason: 'DEADLINE_PASSED' });
  });
  it('takes the results deadline from the preset (notices.resultsDaysAfter)', () => {
    const sameDay = { ...national, notices: { ...national.notices, resultsDaysAfter: 0 } };
    expect(noticeWindow('results', calendar, sameDay).lastDay).toBe(E);
    expect(checkNoticePublication('results', READY, '2026-05-11', calendar, sameDay)).toMatchObject({ reason: 'DEADLINE_PASSED' });
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
    expect(noticeDataProblem('freeText', NO_FACTS, '2026-06-30', national)).toBeNull();
  });
  it('allows a correction after the last day (it repairs a timely notice), still only with data', () => {
    expect(checkNoticePublication('electionDayPlaces', READY, E, calendar, national, { isCorrection: true }).ok).toBe(true);
    expect(checkNoticePublication('objectionResults', NO_FACTS, E, calendar, national, { isCorrection: true })).toMatchObject({ reason: 'DATA_NOT_READY' });
  });
});

describe('a title that claims a typed notice', () => {
  it.each([
    ['正式候选人名单', 'formalCandidates'],
    ['关于公布正式候选人名单的公告', 'formalCandidates'],
    ['正式\u200b候选人　名单', 'formalCandidates'],
    ['选民名单公告', 'voterList'],
    ['选举结果公告', 'results'],
    ['当选人名单', 'results'],
    ['投票站和流动票箱公告', 'pollingStations'],
    ['委托投票名单', 'proxyList'],
  ])('reads %s as %s', (title, kind) => {
    expect(titleClaim(title)).toBe(kind);
  });
  it.each(['关于核对选民名单的通知', '关于召开正式候选人见面会的通知', '关于选举日注意事项的通知', '停水通知', '关于委托投票的说明'])('does not read %s as a typed notice', (title) => {
    expect(titleClaim(title)).toBeNull();
  });
  it('rejects a free-text notice titled as a typed one', () => {
    expect(checkNoticeTitle('freeText', '正式候选人名单', null)).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'TITLE_CLAIMS_TYPE' });
  });
  it('rejects a typed notice titled as another kind', () => {
    expect(checkNoticeTitle('electionDayPlaces', '选举结果公告', null)).toMatchObject({ ok: false, reason: 'TITLE_CLAIMS_TYPE' });
  });
  it('accepts a typed notice under its own name, and a free-text correction naming the kind it corrects', () => {
    expect(checkNoticeTitle('formalCandidates', '正式候选人名单', null).ok).toBe(true);
    expect(checkNoticeTitle('freeText', '关于正式候选人名单的更正说明', 'formalCandidates').ok).toBe(true);
    expect(checkNoticeTitle('freeText', '关于正式候选人名单的更正说明', 'results').ok).toBe(false);
  });
});
