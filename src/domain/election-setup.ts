/**
 * 选举设置 — checks a committee's election setup against the rule set before it is stored:
 * posts and seats fit the committee size, and the committee's own windows keep statutory order.
 * Outcomes: ok (the effective windows, defaults filled in) | INVALID_INPUT BAD_DATE | BAD_SEATS | WINDOW_ORDER.
 */
import { addDays, compareCivil, isCivilDate, type CivilDate } from './civil-date';
import type { Post, RuleSet } from './presets/types';
import { latestVoterListPublication } from './calendar';
import { err, ok, type Result } from './result';

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
    return invalid('WINDOW_ORDER', `提名应在正式候选人名单公布（最晚${candidatesBy}）之前截止`);
  }
  if (rules.objection.mode === 'beforeElection') {
    // Only voters whose objections are settled may nominate; here that day is fixed relative to E.
    const decided = addDays(e, -rules.objection.decideByDaysBefore);
    if (compareCivil(nominationOpensOn, decided) <= 0) return invalid('WINDOW_ORDER', `提名应在申诉处理完毕（${decided}）之后开始`);
  }
  return ok({ registrationOpensOn, nominationOpensOn, nominationClosesOn });
}
