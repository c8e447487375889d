/**
 * 公告 — which typed notice the election committee may publish when (RULES.md §6).
 *
 * A typed notice announces data the store already holds (the voter list, the election
 * committee, the voting arrangements, the formal candidates …): it is refused while that data
 * does not exist or does not meet the rules, and refused after the last day the law or the
 * preset allows for it. A free-text notice is always allowed.
 *
 * Dates are Asia/Shanghai civil dates (calendar.ts); "by E−N" means on or before E−N.
 * Where RULES.md names a notice without a number (committee members, election day and places,
 * proxy list, polling stations, objection results), the only fixed point is election day itself:
 * a notice that prepares the vote is useless from E on, so its last day is E−N with the preset's
 * notices.prepareVoteDaysBefore (1); results are due on E or within notices.resultsDaysAfter.
 */
import type { CalendarEntry, CalendarKey, ElectionCalendar } from './calendar';
import { addDays, compareCivil, type CivilDate } from './civil-date';
import { checkElectionCommittee, type ElectionCommitteeRoster } from './election-setup';
import type { RuleSet } from './presets/types';
import { err, ok, type Result } from './result';
import { checkVotingArrangements, type VotingArrangements } from './voting-arrangements';
import { dateWords } from './date-words';
import { NOTICE_TYPE_NAMES, type NoticeTypeKey } from './notice-type';

/** What the store holds for each typed notice, read by the caller at publication time. */
export type NoticeFacts = {
  /** The 村民选举委员会 roster (committee.updateElection), or null while none is recorded. */
  readonly electionCommittee: ElectionCommitteeRoster | null;
  /** Voting hours, central place, stations and mobile boxes (committee.updateElection), or null. */
  readonly voting: VotingArrangements | null;
  /** The village's groups: a roster or station naming a group the village no longer has is not valid. */
  readonly groups: readonly string[];
  /** Registered voters (status registered) of this election. */
  readonly registeredVoters: number;
  /** Objections decided (upheld or rejected). */
  readonly decidedObjections: number;
  /** Formal candidates (正式候选人) determined. */
  readonly formalCandidates: number;
  /** Approved proxy authorisations (委托投票). */
  readonly approvedProxies: number;
  /** Whether the count has been recorded. */
  readonly resultsRecorded: boolean;
};

export const NO_FACTS: NoticeFacts = {
  electionCommittee: null,
  voting: null,
  groups: [],
  registeredVoters: 0,
  decidedObjections: 0,
  formalCandidates: 0,
  approvedProxies: 0,
  resultsRecorded: false,
};

/** When a typed notice may be published: first and last day (inclusive), null = open-ended. */
export type NoticeWindow = {
  readonly opensOn: CivilDate | null;
  readonly lastDay: CivilDate | null;
  /** Chinese: where the last day comes from, shown with a refusal. */
  readonly basis: string;
};

export type NoticeRefusalReason = 'DATA_NOT_READY' | 'DEADLINE_PASSED' | 'NOT_YET_OPEN' | 'NOT_APPLICABLE';
export type NoticeRefusal = { code: 'NOT_ELIGIBLE' | 'WINDOW_CLOSED'; reason: NoticeRefusalReason };

const entryOf = (calendar: ElectionCalendar, key: CalendarKey): CalendarEntry | undefined => calendar.entries.find((e) => e.key === key);

/** The last day of every notice that prepares the vote: E − notices.prepareVoteDaysBefore. */
const prepareVoteLastDay = (calendar: ElectionCalendar, rules: RuleSet): CivilDate => addDays(calendar.electionDay, -rules.notices.prepareVoteDaysBefore);

/**
 * The publication window of each typed notice.
 * @see RULES.md §1 voter list ≥ 20 days before E (preset voterList.publishDaysBefore)
 * @see RULES.md §3 formal candidates ≥ 5 days before E (preset candidates.publishDaysBefore; 7 or 3 in provincial presets)
 * @see RULES.md §4 proxy list "before E"; §6 notices that prepare the vote (preset notices.prepareVoteDaysBefore)
 * @see RULES.md §6 results "same or next day" (preset notices.resultsDaysAfter)
 */
export function noticeWindow(type: NoticeTypeKey, calendar: ElectionCalendar, rules: RuleSet): NoticeWindow {
  const e = calendar.electionDay;
  const beforeVote = prepareVoteLastDay(calendar, rules);
  switch (type) {
    case 'voterList':
      return {
        opensOn: null,
        lastDay: addDays(e, -rules.voterList.publishDaysBefore),
        basis: `选民名单应当在选举日的${rules.voterList.publishDaysBefore}日前公布`,
      };
    case 'formalCandidates': {
      const c = entryOf(calendar, 'candidateListPublication');
      return {
        opensOn: c?.opensOn ?? null,
        lastDay: addDays(e, -rules.candidates.publishDaysBefore),
        basis: `正式候选人名单应当在选举日的${rules.candidates.publishDaysBefore}日前公布`,
      };
    }
    case 'nominationWindow': {
      const n = entryOf(calendar, 'nomination');
      // Villagers must learn the window before it opens; the opening day itself is the last chance.
      return { opensOn: null, lastDay: n?.opensOn ?? beforeVote, basis: '提名时间应当在提名开始之前（最晚当天）公布' };
    }
    case 'objectionResults':
      return { opensOn: null, lastDay: beforeVote, basis: '申诉处理结果应当在选举日以前公布' };
    case 'proxyList':
      return { opensOn: null, lastDay: beforeVote, basis: '委托投票名单应当在选举日以前公布' };
    case 'committeeMembers':
      return { opensOn: null, lastDay: beforeVote, basis: '选举委员会成员应当在选举日以前公布' };
    case 'electionDayPlaces':
      return { opensOn: null, lastDay: beforeVote, basis: '选举日、时间和地点应当在选举日以前公布' };
    case 'pollingStations':
      return { opensOn: null, lastDay: beforeVote, basis: '投票站和流动票箱应当在选举日以前公布' };
    case 'results':
      return {
        opensOn: e,
        lastDay: addDays(e, rules.notices.resultsDaysAfter),
        basis: rules.notices.resultsDaysAfter === 1 ? '选举结果应当在选举当日或者次日公布' : `选举结果应当在选举当日或者${rules.notices.resultsDaysAfter}日内公布`,
      };
    case 'freeText':
      return { opensOn: null, lastDay: null, basis: '一般公告不受期限限制' };
  }
}

const NOT_READY_MESSAGES: Readonly<Record<Exclude<NoticeTypeKey, 'freeText'>, string>> = {
  committeeMembers: '还没有录入选举委员会成员名单：请先在“选举设置”里填写每位成员的姓名、职务和所在小组',
  electionDayPlaces: '还没有确定投票时间和投票地点：请先在“选举设置”里填写投票时间、中心会场和投票站',
  voterList: '还没有已登记的选民，不能公布选民名单',
  objectionResults: '还没有处理完毕的申诉，没有可以公布的处理结果',
  nominationWindow: '还没有确定提名时间，不能发布提名公告',
  formalCandidates: '还没有确定正式候选人：要在提名结束、经资格审查确定正式候选人以后，才能公布正式候选人名单',
  proxyList: '还没有经选举委员会批准的委托投票，没有可以公布的委托投票名单',
  pollingStations: '还没有设置投票站和流动票箱：请先在“选举设置”里填写',
  results: '还没有登记选举结果，不能公布选举结果',
};

/**
 * Why the data a typed notice announces is not there or not valid (Chinese, for the
 * committee), or null when it is ready. Stored setup data is checked again against the current
 * rules and village groups: a notice never publishes what updateElection would now refuse.
 */
export function noticeDataProblem(type: NoticeTypeKey, facts: NoticeFacts, today: CivilDate, rules: RuleSet): string | null {
  switch (type) {
    case 'freeText':
    case 'nominationWindow':
      // The nomination window always exists once the election does (the calendar fills it
      // from the preset when the committee sets none).
      return null;
    case 'committeeMembers': {
      if (!facts.electionCommittee) return NOT_READY_MESSAGES.committeeMembers;
      const c = checkElectionCommittee(facts.electionCommittee, facts, today, rules);
      return c.ok ? null : `选举委员会成员名单不符合要求：${c.message ?? ''}`;
    }
    case 'electionDayPlaces':
    case 'pollingStations': {
      if (!facts.voting) return NOT_READY_MESSAGES[type];
      const c = checkVotingArrangements(facts.voting, facts, rules);
      if (!c.ok) return `投票安排不符合要求：${c.message ?? ''}`;
      if (type === 'pollingStations' && facts.voting.stations.length + facts.voting.mobileBoxes.length === 0) {
        return '只设了中心会场，没有投票站和流动票箱，不需要这份公告（投票地点写在选举日公告里）';
      }
      return null;
    }
    case 'voterList':
      return facts.registeredVoters > 0 ? null : NOT_READY_MESSAGES.voterList;
    case 'objectionResults':
      return facts.decidedObjections > 0 ? null : NOT_READY_MESSAGES.objectionResults;
    case 'formalCandidates':
      return facts.formalCandidates > 0 ? null : NOT_READY_MESSAGES.formalCandidates;
    case 'proxyList':
      return facts.approvedProxies > 0 ? null : NOT_READY_MESSAGES.proxyList;
    case 'results':
      return facts.resultsRecorded ? null : NOT_READY_MESSAGES.results;
  }
}

export type NoticePermission = { readonly window: NoticeWindow; readonly lastDayToday: boolean };

/**
 * Whether `type` may be published on `today`. Order: a notice the preset does not have, a
 * passed last day (final), a window not yet open, then missing data (which the committee can
 * still fix). A correction of a notice published in time may follow after the last day: it
 * repairs a lawful publication rather than making a late one.
 */
export function checkNoticePublication(
  type: NoticeTypeKey,
  facts: NoticeFacts,
  today: CivilDate,
  calendar: ElectionCalendar,
  rules: RuleSet,
  opts: { readonly isCorrection?: boolean } = {},
): Result<NoticePermission, NoticeRefusal['code'], NoticeRefusalReason> {
  const window = noticeWindow(type, calendar, rules);
  if (type === 'proxyList' && !rules.proxy.allowed) {
    return err('NOT_ELIGIBLE', 'NOT_APPLICABLE', '本届选举适用的规则不实行委托投票，没有委托投票名单');
  }
  if (!opts.isCorrection && window.lastDay !== null && compareCivil(today, window.lastDay) > 0) {
    return err('WINDOW_CLOSED', 'DEADLINE_PASSED', `已经过了公布期限：${window.basis}，最晚为${dateWords(window.lastDay)}`);
  }
  if (window.opensOn !== null && compareCivil(today, window.opensOn) < 0) {
    return err('WINDOW_CLOSED', 'NOT_YET_OPEN', `还不到公布时间：最早${dateWords(window.opensOn)}可以公布`);
  }
  const problem = noticeDataProblem(type, facts, today, rules);
  if (problem !== null) return err('NOT_ELIGIBLE', 'DATA_NOT_READY', problem);
  return ok({ window, lastDayToday: window.lastDay === today });
}

/**
 * How a title claims to be a typed notice. A typed notice is checked against the data it
 * announces and its statutory window; a free-text notice is not. A free-text notice titled
 * 正式候选人名单 would publish (and push) a list the law requires to be checked, so a title that
 * claims a typed kind must be published as that kind (RULES.md §6). A title claims kind K when
 * it is K's name (关于/的 aside), announces it (K公告, K公示, 公布K), or names one of K's lists
 * outright; a notice about K (关于核对选民名单的通知) does not claim it.
 */
const TITLE_CLAIMS: Readonly<Record<Exclude<NoticeTypeKey, 'freeText'>, { readonly names: readonly string[]; readonly lists?: readonly string[] }>> = {
  committeeMembers: { names: ['选举委员会成员', '选委会成员', '村民选举委员会组成人员'] },
  electionDayPlaces: { names: ['选举日时间和地点', '选举日期时间和地点', '选举时间和地点', '投票时间和地点', '选举日和投票地点'] },
  voterList: { names: ['选民名单', '选民榜'] },
  objectionResults: { names: ['申诉处理结果', '异议处理结果', '选民名单申诉处理结果'] },
  nominationWindow: { names: ['提名时间', '提名起止时间', '候选人提名时间'] },
  formalCandidates: { names: ['正式候选人'], lists: ['正式候选人名单'] },
  proxyList: { names: ['委托投票'], lists: ['委托投票名单', '委托人和受托人名单'] },
  pollingStations: { names: ['投票站和流动票箱', '投票站', '流动票箱'] },
  results: { names: ['选举结果'], lists: ['当选人名单', '当选名单'] },
};

const ANNOUNCE = ['公告', '公示', '通告', '榜'];

/** The typed kind a title claims, or null. Spacing, punctuation and full-width forms do not hide a claim. */
export function titleClaim(title: string): Exclude<NoticeTypeKey, 'freeText'> | null {
  const flat = title.normalize('NFKC').replace(/[\p{Cf}\p{P}\p{Z}\s]/gu, '').replace(/^关于/, '').replace(/的?(更正)?$/, '');
  for (const [type, claim] of Object.entries(TITLE_CLAIMS) as Array<[Exclude<NoticeTypeKey, 'freeText'>, (typeof TITLE_CLAIMS)['voterList']]>) {
    const named = claim.names.some(
      (n) => flat === n || ANNOUNCE.some((a) => flat.includes(n + a) || flat.includes(`公布${n}`) || flat.includes(`${n}的${a}`)),
    );
    if (named || (claim.lists ?? []).some((l) => flat.includes(l))) return type;
  }
  return null;
}

/**
 * Refuses a title that claims a typed notice other than the one published. A free-text notice
 * that corrects a typed notice (the 一般公告说明更正 route) may name the kind it corrects.
 */
export function checkNoticeTitle(
  type: NoticeTypeKey,
  title: string | undefined,
  correctsType: NoticeTypeKey | null,
): Result<null, 'INVALID_INPUT', 'TITLE_CLAIMS_TYPE'> {
  if (title === undefined) return ok(null);
  const claim = titleClaim(title);
  if (claim === null || claim === type || (type === 'freeText' && claim === correctsType)) return ok(null);
  return err('INVALID_INPUT', 'TITLE_CLAIMS_TYPE', `这个标题是「${NOTICE_TYPE_NAMES[claim]}」；请选这一类公告发布，系统会核对名单和公布期限`);
}

