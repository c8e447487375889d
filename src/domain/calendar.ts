/**
 * 选举日程 — the statutory calendar of one election, computed from election day E and the rule set.
 *
 * Counting (RULES.md header):
 * - "N days before E" means the act happens on or before E−N.
 * - 民法典 Art. 201: the start day is not counted, so "within 5 days of publication on P" ends on
 *   P+5, and "within 3 days of receipt on R" ends on R+3; Art. 1259: 以内 includes the number.
 * - 民法典 Art. 203: a period's last day ends at 24:00, so every deadline is the exclusive instant
 *   00:00 Asia/Shanghai of the next day.
 * Art. 203 also moves a last day that falls on a statutory holiday to the next working day; the
 * domain has no holiday calendar, so that extension is not applied (committees may grant it).
 */
import {
  addDays,
  compareCivil,
  diffDays,
  endOfShanghaiDay,
  isCivilDate,
  minCivil,
  shanghaiDateOf,
  type CivilDate,
} from './civil-date';
import type { RuleSet } from './presets/types';
import { err, ok, type Result } from './result';
import { dateWords } from './date-words';

export type CalendarKey =
  | 'registration'
  | 'voterListPublication'
  | 'objectionFiling'
  | 'objectionDecision'
  | 'nomination'
  | 'candidateListPublication'
  | 'proxyDeadline'
  | 'electionDay';

export type CalendarEntry = {
  readonly key: CalendarKey;
  /** The Chinese legal name of the step. */
  readonly label: string;
  readonly opensOn: CivilDate | null;
  readonly lastDay: CivilDate;
  /** Exclusive ISO instant: endOfShanghaiDay(lastDay). */
  readonly deadline: string;
  /** Set when the dates depend on a voter-list publication that has not happened yet. */
  readonly provisional?: boolean;
  /** A one-time act (publishing a list) that has been done, and the day it was done. */
  readonly doneOn?: CivilDate;
};

export type ElectionCalendar = { readonly electionDay: CivilDate; readonly entries: readonly CalendarEntry[] };

export type CalendarInput = {
  readonly electionDay: CivilDate;
  readonly voterListPublishedOn?: CivilDate | null;
  readonly registrationOpensOn?: CivilDate | null;
  readonly nominationOpensOn?: CivilDate | null;
  readonly nominationClosesOn?: CivilDate | null;
};

export const CALENDAR_LABELS: Readonly<Record<CalendarKey, string>> = {
  registration: '选民登记',
  voterListPublication: '公布选民名单',
  objectionFiling: '对选民名单提出申诉',
  objectionDecision: '申诉处理决定',
  nomination: '直接提名候选人',
  candidateListPublication: '公布正式候选人名单',
  proxyDeadline: '办理委托投票',
  electionDay: '选举日',
};

/** The last lawful day to publish the voter list (RULES.md §1: on or before E−20 by default). */
export const latestVoterListPublication = (electionDay: CivilDate, rules: RuleSet): CivilDate =>
  addDays(electionDay, -rules.voterList.publishDaysBefore);

/** Last day to file an objection to a list published on `publishedOn` (RULES.md §1). */
export function objectionFilingLastDay(publishedOn: CivilDate, electionDay: CivilDate, rules: RuleSet): CivilDate {
  const o = rules.objection;
  // Art. 201: the publication day is not counted, so "within N days" ends on P+N.
  return o.mode === 'afterPublication' ? addDays(publishedOn, o.fileWithinDays) : addDays(electionDay, -o.fileByDaysBefore);
}

/** Last day for the committee to decide an objection received on `receivedOn` (RULES.md §1). */
export function objectionDecisionLastDay(receivedOn: CivilDate, electionDay: CivilDate, rules: RuleSet): CivilDate {
  const o = rules.objection;
  return o.mode === 'afterPublication' ? addDays(receivedOn, o.decideWithinDays) : addDays(electionDay, -o.decideByDaysBefore);
}

/** Whether an objection may be filed on `on`: from the publication day through the last filing day. */
export const isObjectionFilingOpen = (publishedOn: CivilDate, electionDay: CivilDate, on: CivilDate, rules: RuleSet): boolean =>
  compareCivil(publishedOn, on) <= 0 && compareCivil(on, objectionFilingLastDay(publishedOn, electionDay, rules)) <= 0;

/**
 * Whether the list may be published on `publishOn` (on or before E−N), and how much slack it
 * leaves: `bareMinimum` (with the committee's warning) when the gap is below the preset's
 * warning threshold (RULES.md §1).
 */
export function voterListPublicationCheck(
  publishOn: CivilDate,
  electionDay: CivilDate,
  rules: RuleSet,
): Result<{ marginDays: number; bareMinimum: boolean; warning: string | null }, 'WINDOW_CLOSED', 'PUBLICATION_TOO_LATE'> {
  const gap = diffDays(publishOn, electionDay);
  const { publishDaysBefore, warnWhenGapBelowDays } = rules.voterList;
  if (gap < publishDaysBefore) {
    return err(
      'WINDOW_CLOSED',
      'PUBLICATION_TOO_LATE',
      `选民名单应当在选举日的${publishDaysBefore}日前公布，最晚为${latestVoterListPublication(electionDay, rules)}`,
    );
  }
  const marginDays = gap - publishDaysBefore;
  const bareMinimum = gap < warnWhenGapBelowDays;
  const tail = '名单公布后的任何更改都只能通过申诉处理，请确认名单准确无误。';
  const warning = !bareMinimum
    ? null
    : marginDays === 0
      ? `今天是法定最晚的公布日（选举日${dateWords(electionDay, { weekday: false })}前${publishDaysBefore}日），没有留出余地：${tail}`
      : `今天公布，只比法定最晚公布日（${latestVoterListPublication(electionDay, rules)}）早${marginDays}天，余地很小：${tail}`;
  return ok({ marginDays, bareMinimum, warning });
}

/**
 * Refuses an election day that the statutory calendar no longer fits: the voter list must still
 * be publishable on or before E−N, so E must be at least N days after today.
 */
export function validateElectionDay(
  electionDay: CivilDate,
  today: CivilDate,
  rules: RuleSet,
): Result<{ daysAhead: number }, 'INVALID_INPUT' | 'WINDOW_CLOSED', 'BAD_DATE' | 'ELECTION_DAY_TOO_SOON'> {
  if (!isCivilDate(electionDay)) return err('INVALID_INPUT', 'BAD_DATE', '选举日不是有效的日期');
  const daysAhead = diffDays(today, electionDay);
  const need = rules.voterList.publishDaysBefore;
  if (daysAhead < need) {
    return err(
      'WINDOW_CLOSED',
      'ELECTION_DAY_TOO_SOON',
      `选举日太近了：选民名单须在选举日的${need}日前公布，选举日最早为${dateWords(addDays(today, need))}`,
    );
  }
  return ok({ daysAhead });
}

const entry = (key: CalendarKey, opensOn: CivilDate | null, lastDay: CivilDate, provisional: boolean, doneOn: CivilDate | null = null): CalendarEntry => ({
  key,
  label: CALENDAR_LABELS[key],
  opensOn,
  lastDay,
  deadline: endOfShanghaiDay(lastDay).toISOString(),
  ...(provisional ? { provisional: true } : {}),
  ...(doneOn ? { doneOn } : {}),
});

export function buildCalendar(input: CalendarInput, rules: RuleSet): ElectionCalendar {
  const e = input.electionDay;
  const published = input.voterListPublishedOn ?? null;
  const provisional = published === null;
  // Until the list is out, later windows are computed from the latest lawful publication day.
  const publication = published ?? latestVoterListPublication(e, rules);
  const filingLast = objectionFilingLastDay(publication, e, rules);
  // The latest decision is due for an objection received on the last filing day.
  const decisionLast = objectionDecisionLastDay(filingLast, e, rules);
  const nominationOpens = input.nominationOpensOn ?? addDays(e, -rules.nomination.defaultOpensDaysBefore);
  const nominationCloses = input.nominationClosesOn ?? addDays(e, -rules.nomination.defaultClosesDaysBefore);

  const entries: CalendarEntry[] = [
    // Registration feeds the list: it stays open (declarations, applications) until the list is
    // published — at the latest on the last lawful publication day — and is over once it is.
    entry('registration', input.registrationOpensOn ?? addDays(e, -rules.registration.opensDaysBefore), published ? addDays(published, -1) : publication, provisional),
    entry('voterListPublication', null, publication, false, published),
    entry('objectionFiling', publication, filingLast, provisional),
    entry('objectionDecision', publication, decisionLast, provisional),
    entry('nomination', nominationOpens, nominationCloses, false),
    entry('candidateListPublication', addDays(nominationCloses, 1), addDays(e, -rules.candidates.publishDaysBefore), false),
  ];
  if (rules.proxy.allowed) {
    // A principal must be on the published list; no proxy on election day itself (RULES.md §4).
    entries.push(entry('proxyDeadline', published, addDays(e, -rules.proxy.deadlineDaysBefore), false));
  }
  entries.push(entry('electionDay', e, e, false));
  return { electionDay: e, entries };
}

export type ElectionPhase =
  | 'preparation'
  | 'registration'
  | 'objections'
  | 'nomination'
  | 'candidates'
  | 'campaign'
  | 'electionDay'
  | 'closed';

export const PHASE_LABELS: Readonly<Record<ElectionPhase, string>> = {
  preparation: '选举筹备',
  registration: '选民登记',
  objections: '选民名单公布和申诉',
  nomination: '提名候选人',
  candidates: '确定正式候选人',
  campaign: '候选人介绍和委托投票',
  electionDay: '选举日',
  closed: '选举已结束',
};

export type PhaseInfo = {
  readonly phase: ElectionPhase;
  readonly label: string;
  readonly next: { readonly key: CalendarKey; readonly label: string; readonly deadline: string } | null;
};

function entryOf(calendar: ElectionCalendar, key: CalendarKey): CalendarEntry | undefined {
  return calendar.entries.find((x) => x.key === key);
}

/**
 * The phase on the Asia/Shanghai date of `instant` (phases change at local midnight) and the
 * nearest deadline still ahead. Each phase starts on a day; the phase is the last one in
 * statutory order whose start has come, so a committee's out-of-order dates cannot step back.
 */
export function phaseAt(calendar: ElectionCalendar, instant: Date): PhaseInfo {
  const today = shanghaiDateOf(instant);
  const e = calendar.electionDay;
  const starts: [ElectionPhase, CivilDate | null][] = [];
  const registration = entryOf(calendar, 'registration');
  const publication = entryOf(calendar, 'voterListPublication');
  const decision = entryOf(calendar, 'objectionDecision');
  const nomination = entryOf(calendar, 'nomination');
  const candidates = entryOf(calendar, 'candidateListPublication');

  starts.push(['registration', registration?.opensOn ?? null]);
  starts.push(['objections', publication?.lastDay ?? null]);
  // Nomination starts when the committee opens it, or once every objection is decided.
  const afterObjections = decision ? addDays(decision.lastDay, 1) : null;
  const opens = nomination?.opensOn ?? null;
  const nominationStart = opens && afterObjections ? minCivil(opens, afterObjections) : (opens ?? afterObjections);
  starts.push(['nomination', nominationStart]);
  starts.push(['candidates', nomination ? addDays(nomination.lastDay, 1) : null]);
  starts.push(['campaign', candidates ? addDays(candidates.lastDay, 1) : null]);
  starts.push(['electionDay', e]);
  starts.push(['closed', addDays(e, 1)]);

  let phase: ElectionPhase = 'preparation';
  for (const [p, start] of starts) if (start !== null && compareCivil(start, today) <= 0) phase = p;

  const now = instant.getTime();
  let next: PhaseInfo['next'] = null;
  for (const x of calendar.entries) {
    // An act already done has no deadline left to count down to.
    if (x.doneOn) continue;
    const t = Date.parse(x.deadline);
    if (t > now && (next === null || t < Date.parse(next.deadline))) next = { key: x.key, label: x.label, deadline: x.deadline };
  }
  return { phase, label: PHASE_LABELS[phase], next };
}

/**
 * How a step of the 法定日程 stands at `instant`: `done` (the act is done, or the window has
 * ended), `late` (a one-time act whose last day passed without it — kept visible, never shown as
 * done), `now` (a window that is open), `next` (the nearest deadline ahead), `later`.
 */
export type TimelineMark = 'done' | 'late' | 'now' | 'next' | 'later';

/**
 * One-time acts whose completion the calendar knows (buildCalendar sets doneOn): a deadline with
 * nothing done by it is late, not over. candidateListPublication joins once formal candidates
 * are determined in the app.
 */
const ONE_TIME_ACTS: ReadonlySet<string> = new Set<CalendarKey>(['voterListPublication']);

type TimelineEntry = Pick<CalendarEntry, 'opensOn' | 'lastDay' | 'deadline' | 'doneOn'> & { readonly key: string };

export function timelineMarks(entries: readonly TimelineEntry[], instant: Date): TimelineMark[] {
  const now = instant.getTime();
  const today = shanghaiDateOf(instant);
  const opened = (x: TimelineEntry) => x.opensOn !== null && compareCivil(x.opensOn, today) <= 0;
  // "Next" is the nearest deadline of a step that has not started yet (an open one is "now").
  let nextIndex = -1;
  entries.forEach((x, i) => {
    if (x.doneOn || Date.parse(x.deadline) <= now || opened(x)) return;
    if (nextIndex < 0 || Date.parse(x.deadline) < Date.parse(entries[nextIndex]!.deadline)) nextIndex = i;
  });
  return entries.map((x, i) => {
    if (x.doneOn) return 'done';
    if (Date.parse(x.deadline) <= now) return ONE_TIME_ACTS.has(x.key) ? 'late' : 'done';
    // Only a step with an opening day can be "in progress"; a bare deadline is next or later.
    if (opened(x)) return 'now';
    return i === nextIndex ? 'next' : 'later';
  });
}
