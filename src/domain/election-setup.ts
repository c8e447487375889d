/**
 * 选举设置 — checks a committee's election setup against the rule set before it is stored:
 * posts and seats fit the committee size, and the committee's own windows keep statutory order.
 * Outcomes: ok (the effective windows, defaults filled in) | INVALID_INPUT BAD_DATE | BAD_SEATS | WINDOW_ORDER.
 */
import { addDays, compareCivil, isCivilDate, type CivilDate } from './civil-date';
import type { Post, RuleSet } from './presets/types';
import { latestVoterListPublication } from './calendar';
import { err, ok, type Result } from './result';
import { dateWords } from './date-words';

export type ElectionSetupInput = {
  readonly electionDay: CivilDate;
  readonly posts: readonly { readonly post: Post; readonly seats: number }[];
  readonly registrationOpensOn: CivilDate | null;
  readonly nominationOpensOn: CivilDate | null;
  readonly nominationClosesOn: CivilDate | null;
};

export type ElectionWindows = {
  readonly registrationOpensOn: CivilDate;
  readonly nominationOpensOn: CivilDate;
  readonly nominationClosesOn: CivilDate;
};

export type SetupReason = 'BAD_DATE' | 'BAD_SEATS' | 'WINDOW_ORDER';

const invalid = (reason: SetupReason, message: string) => err('INVALID_INPUT', reason, message);

export function validateElectionSetup(input: ElectionSetupInput, rules: RuleSet): Result<ElectionWindows, 'INVALID_INPUT', SetupReason> {
  const e = input.electionDay;
  for (const d of [e, input.registrationOpensOn, input.nominationOpensOn, input.nominationClosesOn]) {
    if (d !== null && !isCivilDate(d)) return invalid('BAD_DATE', `“${d}”不是有效的日期`);
  }

  const seats = new Map<Post, number>();
  for (const { post, seats: n } of input.posts) {
    if (seats.has(post)) return invalid('BAD_SEATS', '同一职位只能填写一次');
    if (!Number.isInteger(n) || n < 1) return invalid('BAD_SEATS', '名额至少为1');
    seats.set(post, n);
  }
  // 村民委员会组织法 Art. 6 / 城市居民委员会组织法 Art. 7: one 主任 leads the committee.
  if (seats.get('director') !== 1) return invalid('BAD_SEATS', '主任应当设1名');
  const total = [...seats.values()].reduce((a, b) => a + b, 0);
  const { minMembers, maxMembers } = rules.committee;
  if (total < minMembers || total > maxMembers) {
    return invalid('BAD_SEATS', `委员会成员共${total}人，应为${minMembers}至${maxMembers}人`);
  }

  const registrationOpensOn = input.registrationOpensOn ?? addDays(e, -rules.registration.opensDaysBefore);
  const nominationOpensOn = input.nominationOpensOn ?? addDays(e, -rules.nomination.defaultOpensDaysBefore);
  const nominationClosesOn = input.nominationClosesOn ?? addDays(e, -rules.nomination.defaultClosesDaysBefore);
  const listBy = latestVoterListPublication(e, rules);
  const candidatesBy = addDays(e, -rules.candidates.publishDaysBefore);

  if (compareCivil(registrationOpensOn, listBy) >= 0) {
    return invalid('WINDOW_ORDER', `选民登记应在选民名单公布（最晚${listBy}）之前开始`);
  }
  if (compareCivil(nominationOpensOn, nominationClosesOn) > 0) return invalid('WINDOW_ORDER', '提名截止日期早于开始日期');
  if (compareCivil(nominationOpensOn, registrationOpensOn) <= 0) return invalid('WINDOW_ORDER', '提名应在选民登记开始之后');
  // The formal list comes out of the nominations: nomination must close before it is due.
  if (compareCivil(nominationClosesOn, candidatesBy) >= 0) {
    return invalid('WINDOW_ORDER', `提名应在正式候选人名单公布（最晚${dateWords(candidatesBy, { weekday: false })}）之前截止`);
  }
  if (rules.objection.mode === 'beforeElection') {
    // Only voters whose objections are settled may nominate; here that day is fixed relative to E.
    const decided = addDays(e, -rules.objection.decideByDaysBefore);
    if (compareCivil(nominationOpensOn, decided) <= 0) return invalid('WINDOW_ORDER', `提名应在申诉处理完毕（${decided}）之后开始`);
  }
  return ok({ registrationOpensOn, nominationOpensOn, nominationClosesOn });
}

/** 村民选举委员会 member roles: 主任, 副主任, 委员. */
export type CommitteeRole = 'chair' | 'viceChair' | 'member';

/** Who chose the election committee (RULES.md §2: 村民会议, 村民代表会议 or the 村民小组). */
export type CommitteeChosenBy = 'villagerMeeting' | 'representativeMeeting' | 'groupMeetings';

export type ElectionCommitteeMember = { readonly name: string; readonly role: CommitteeRole; readonly group: string };

/** 村民选举委员会 roster: who chose it, when, and its members. */
export type ElectionCommitteeRoster = {
  readonly chosenBy: CommitteeChosenBy;
  readonly chosenOn: CivilDate;
  readonly members: readonly ElectionCommitteeMember[];
};

export type RosterReason = 'ROSTER_TOO_SMALL' | 'ROSTER_CHAIR' | 'ROSTER_DUPLICATE' | 'UNKNOWN_GROUP' | 'BAD_DATE';

/** Order of the roles on the roster and its notice. */
export const COMMITTEE_ROLE_ORDER: readonly CommitteeRole[] = ['chair', 'viceChair', 'member'];

/**
 * Checks an election committee roster (RULES.md §2): at least the preset's number of members,
 * the preset's number of 主任, each member once, each in a group of this village, chosen on a
 * day that has come. An even number of members is accepted with a warning (odd preferred).
 */
export function checkElectionCommittee(
  roster: ElectionCommitteeRoster,
  village: { readonly groups: readonly string[] },
  today: CivilDate,
  rules: RuleSet,
): Result<{ readonly warnings: readonly string[] }, 'INVALID_INPUT', RosterReason> {
  const { minMembers, chairs, oddPreferred } = rules.electionCommittee;
  const bad = (reason: RosterReason, message: string) => err('INVALID_INPUT', reason, message);
  if (!isCivilDate(roster.chosenOn)) return bad('BAD_DATE', `“${roster.chosenOn}”不是有效的日期`);
  if (compareCivil(roster.chosenOn, today) > 0) return bad('BAD_DATE', '推选日期不能晚于今天');
  const n = roster.members.length;
  if (n < minMembers) return bad('ROSTER_TOO_SMALL', `选举委员会至少要有${minMembers}名成员，现在只有${n}名`);
  const chairCount = roster.members.filter((m) => m.role === 'chair').length;
  if (chairCount !== chairs) return bad('ROSTER_CHAIR', `选举委员会应当有${chairs}名主任，现在是${chairCount}名`);
  const seen = new Set<string>();
  for (const m of roster.members) {
    if (!village.groups.includes(m.group)) return bad('UNKNOWN_GROUP', `${m.name}所在的“${m.group}”不是本村的村民小组`);
    const key = `${m.name}\u0000${m.group}`;
    if (seen.has(key)) return bad('ROSTER_DUPLICATE', `${m.name}（${m.group}）填了两次`);
    seen.add(key);
  }
  const warnings = oddPreferred && n % 2 === 0 ? [`选举委员会现在是${n}人，一般应为单数，便于表决`] : [];
  return ok({ warnings });
}

/** The parts of an election's setup that committee.updateElection can change. */
export type SetupField = 'title' | 'electionDay' | 'presetId' | 'posts' | 'registrationOpensOn' | 'nominationWindow' | 'electionCommittee' | 'voting';

export type LockReason = 'FIXED_BY_VOTER_LIST' | 'NOMINATION_STARTED' | 'ELECTION_DAY_REACHED';

export type FieldLock = { readonly field: SetupField; readonly reason: LockReason; readonly message: string };

/**
 * Which setup fields can no longer change on `today`, and why (each lock is final):
 * - from the voter list's publication: election day, rule preset, title and registration start.
 *   The list is published relative to E (RULES.md §1, E−N), ages are counted on E, the
 *   objection clock (fixed relative to E in some presets) and the notice name the election;
 * - from the day nomination opens: posts and seats (each ballot lists up to `seats` names per
 *   post, RULES.md §3) and the nomination window (nothing is accepted outside the window the
 *   villagers were told);
 * - from election day: the voting arrangements (hours, places, stations, mobile boxes), which
 *   must have been announced before E.
 * The election committee roster never locks while the election is active: a member nominated as
 * a candidate leaves it and the committee fills the seat (RULES.md §2); every change is audited.
 */
export function setupLocks(
  state: { readonly voterListPublishedOn: CivilDate | null; readonly electionDay: CivilDate; readonly nominationOpensOn: CivilDate },
  today: CivilDate,
): readonly FieldLock[] {
  const locks: FieldLock[] = [];
  if (state.voterListPublishedOn !== null) {
    const message = `选民名单已于${dateWords(state.voterListPublishedOn)}公布，选举日、适用规则、选举名称和登记开始日期不能再改`;
    for (const field of ['electionDay', 'presetId', 'title', 'registrationOpensOn'] as const) locks.push({ field, reason: 'FIXED_BY_VOTER_LIST', message });
  }
  if (compareCivil(state.nominationOpensOn, today) <= 0) {
    const message = `提名已于${dateWords(state.nominationOpensOn)}开始，职位名额和提名时间不能再改`;
    for (const field of ['posts', 'nominationWindow'] as const) locks.push({ field, reason: 'NOMINATION_STARTED', message });
  }
  if (compareCivil(state.electionDay, today) <= 0) {
    locks.push({ field: 'voting', reason: 'ELECTION_DAY_REACHED', message: '已经到了选举日，投票时间、地点、投票站和流动票箱不能再改' });
  }
  return locks;
}

/**
 * A nomination window moved by an update must not open in the past: villagers could not have
 * nominated on days already gone (RULES.md §3 "nothing accepted outside it").
 */
export function checkNominationStart(opensOn: CivilDate, today: CivilDate): Result<true, 'INVALID_INPUT', 'PAST_DATE'> {
  return compareCivil(opensOn, today) < 0 ? err('INVALID_INPUT', 'PAST_DATE', `提名开始日期（${dateWords(opensOn, { weekday: false })}）已经过去了，最早只能定在今天（${dateWords(today, { weekday: false })}）`) : ok(true);
}
