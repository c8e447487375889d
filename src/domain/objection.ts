/**
 * 选民名单申诉 — objections to the published voter list (RULES.md §1): who may object about
 * which entry, the filing window, each objection's statutory decision deadline, the clock the
 * committee sees, and when a decision counts as late.
 *
 * Counting follows calendar.ts (民法典 Arts. 201, 203, 1259): dates are Asia/Shanghai civil
 * dates; a last day lasts until 24:00. "Days left" are whole calendar days between today and the
 * last day, so the last day itself shows 0 ("今天截止").
 */
import { objectionDecisionLastDay, objectionFilingLastDay } from './calendar';
import { compareCivil, diffDays, endOfShanghaiDay, type CivilDate } from './civil-date';
import type { RuleSet } from './presets/types';
import { err, ok, type Result } from './result';
import type { VoterStatus } from './voter-todo';
import { dateWords } from './date-words';

/** 漏登 (a person missing from the list) · 错登 (an entry that should not be there) · 信息有误. */
export type ObjectionKind = 'missingPerson' | 'wrongPerson' | 'wrongDetails';
export type ObjectionStatus = 'open' | 'upheld' | 'rejected';
export type DecisionOutcome = 'upheld' | 'rejected';

/**
 * What an upheld objection does to the list: add a new entry, register an entry that was still
 * pending when the list was published (a migrant who had not declared, an undecided category C
 * application), put a flagged entry back on the list, take an entry off with a status flag, or
 * correct an entry's details.
 */
export type ListChangeKind = 'addVoter' | 'registerVoter' | 'reinstateVoter' | 'removeVoter' | 'correctDetails';

/**
 * Anti-abuse policy, not election law: one objector may have at most `maxOpenPerObjector`
 * undecided objections at a time (the committee must answer each one within 3 days); a WeChat
 * user who is not on the roll objects only that they themselves are missing, so at most
 * `maxOpenSelfIdentified` at a time per WeChat user and per person (ID number).
 */
export const OBJECTION_POLICY = { maxOpenPerObjector: 20, maxOpenSelfIdentified: 1 } as const;

export type FilingWindow = {
  /** The day the objection is received: the day it is filed (Asia/Shanghai). */
  readonly receivedOn: CivilDate;
  /** Last day to file (inclusive). */
  readonly filingLastDay: CivilDate;
  /** The committee's last day to decide this objection (inclusive). */
  readonly decisionLastDay: CivilDate;
  /** Exclusive instant (ISO): the end of decisionLastDay in Asia/Shanghai. */
  readonly decisionDeadline: string;
};

/**
 * Whether an objection may be filed `today`, and the statutory decision deadline it gets.
 * The list must be published; filing runs from the publication day through the preset's last
 * day (P+5 by statute, or E−N in a 'beforeElection' preset).
 */
export function objectionFilingWindow(
  publishedOn: CivilDate | null,
  electionDay: CivilDate,
  today: CivilDate,
  rules: RuleSet,
): Result<FilingWindow, 'WINDOW_CLOSED', 'LIST_NOT_PUBLISHED' | 'OBJECTION_WINDOW_CLOSED'> {
  if (publishedOn === null || compareCivil(today, publishedOn) < 0) {
    return err('WINDOW_CLOSED', 'LIST_NOT_PUBLISHED', '选民名单还没有公布，公布后才能对名单提出申诉');
  }
  const filingLastDay = objectionFilingLastDay(publishedOn, electionDay, rules);
  if (compareCivil(today, filingLastDay) > 0) {
    return err('WINDOW_CLOSED', 'OBJECTION_WINDOW_CLOSED', `申诉期限已过：对选民名单的申诉应在${dateWords(filingLastDay)}（含当天）以前提出`);
  }
  const decisionLastDay = objectionDecisionLastDay(today, electionDay, rules);
  return ok({ receivedOn: today, filingLastDay, decisionLastDay, decisionDeadline: endOfShanghaiDay(decisionLastDay).toISOString() });
}

/** Who objects: a voter of this roll (bound), or a WeChat user not on it who identifies themself. */
export type Objector = { readonly kind: 'voter'; readonly voterId: string; readonly status: VoterStatus } | { readonly kind: 'selfIdentified' };

/**
 * Standing (谁可以申诉): a registered voter may object about any entry, or about a missing
 * person. A person whose own entry is not on the list (pending when it was published, flagged
 * deprived, moved away…) may still object about that entry — that they are missing, or that its
 * details are wrong — since it is their own right being decided, but about nothing else. Someone
 * not on the roll at all may object only that they themselves are missing.
 */
export function objectionStanding(
  objector: Objector,
  kind: ObjectionKind,
  subject: { readonly voterId: string | null; readonly self: boolean },
): Result<'anyEntry' | 'ownEntry', 'NOT_ELIGIBLE', 'NOT_REGISTERED'> {
  if (objector.kind === 'selfIdentified') {
    if (kind === 'missingPerson' && subject.self && subject.voterId === null) return ok('ownEntry');
    return err('NOT_ELIGIBLE', 'NOT_REGISTERED', '不在本村选民登记里的人，只能就本人没有列入名单提出申诉');
  }
  if (objector.status === 'registered') return ok('anyEntry');
  const own = subject.voterId === objector.voterId;
  if (own && (kind === 'wrongDetails' || kind === 'missingPerson')) return ok('ownEntry');
  return err(
    'NOT_ELIGIBLE',
    'NOT_REGISTERED',
    '只有已登记的选民可以对名单上的其他人提出申诉；您自己没有列入名单或登记有误，可以就本人的登记提出申诉',
  );
}

/** A decision made after its last day is recorded but permanently marked late. */
export const isLateDecision = (decisionLastDay: CivilDate, decidedOn: CivilDate): boolean => compareCivil(decidedOn, decisionLastDay) > 0;

export type ObjectionClockInput = {
  readonly status: ObjectionStatus;
  readonly decisionLastDay: CivilDate;
  /** For decided objections: whether the decision came after its last day. */
  readonly late: boolean;
};

export type ObjectionClock = {
  /** Whole calendar days from today to the last day; 0 on the last day; 0 once decided or overdue. */
  readonly daysLeft: number;
  /** Undecided past its last day, or decided late: shown to the township, never hidden. */
  readonly overdue: boolean;
  readonly label: string;
};

export function objectionClock(o: ObjectionClockInput, today: CivilDate): ObjectionClock {
  if (o.status !== 'open') {
    return o.late ? { daysLeft: 0, overdue: true, label: '已处理（超过法定期限）' } : { daysLeft: 0, overdue: false, label: '已按期处理' };
  }
  const d = diffDays(today, o.decisionLastDay);
  if (d < 0) return { daysLeft: 0, overdue: true, label: `已超过处理期限${-d}天` };
  return { daysLeft: d, overdue: false, label: d === 0 ? '今天是处理的最后一天' : `还剩${d}天` };
}

export type ObjectionFigures = { readonly open: number; readonly decided: number; readonly overdue: number };

/** Dashboard figures: `overdue` counts undecided-past-deadline plus decided-late (a subset of open + decided). */
export function summarizeObjections(list: readonly ObjectionClockInput[], today: CivilDate): ObjectionFigures {
  let open = 0;
  let decided = 0;
  let overdue = 0;
  for (const o of list) {
    if (o.status === 'open') open += 1;
    else decided += 1;
    if (objectionClock(o, today).overdue) overdue += 1;
  }
  return { open, decided, overdue };
}

/**
 * The list changes an outcome admits for a kind of objection. A rejection changes nothing;
 * an upheld objection always changes the list (that is what upholding it means):
 * - missing person → add a new entry, register a pending entry, or reinstate a flagged entry;
 * - wrong person → take the entry off with a status flag;
 * - wrong details → correct the entry, or — when its status was what was wrong — register the
 *   pending entry or reinstate the flagged one.
 */
export function allowedChanges(kind: ObjectionKind, outcome: DecisionOutcome): readonly ListChangeKind[] {
  if (outcome === 'rejected') return [];
  switch (kind) {
    case 'missingPerson':
      return ['addVoter', 'registerVoter', 'reinstateVoter'];
    case 'wrongPerson':
      return ['removeVoter'];
    case 'wrongDetails':
      return ['correctDetails', 'registerVoter', 'reinstateVoter'];
  }
}

export function checkDecisionChange(
  kind: ObjectionKind,
  outcome: DecisionOutcome,
  change: ListChangeKind | null,
): Result<true, 'INVALID_INPUT', 'CHANGE_REQUIRED' | 'CHANGE_NOT_ALLOWED'> {
  const allowed = allowedChanges(kind, outcome);
  if (change === null) {
    return allowed.length === 0 ? ok(true) : err('INVALID_INPUT', 'CHANGE_REQUIRED', '申诉成立的，请同时填写对选民名单的更正（列入、补办登记、恢复、除名或更正信息）');
  }
  if (!allowed.includes(change)) {
    return err(
      'INVALID_INPUT',
      'CHANGE_NOT_ALLOWED',
      outcome === 'rejected' ? '申诉不成立的，不能更改选民名单' : '这种更正与申诉的内容不对应，请检查',
    );
  }
  return ok(true);
}
