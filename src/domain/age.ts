/**
 * Voting age (选举年龄): completed years on election day, from the birth date in the ID number.
 * A person whose 18th birthday is E votes (RULES.md §1); the day before E is one day short.
 */
import { addDays, addYearsClamped, compareCivil, type CivilDate } from './civil-date';
import { ageOn } from './id-number';
import type { RuleSet } from './presets/types';

export const isOfVotingAge = (birthDate: CivilDate, electionDay: CivilDate, rules: RuleSet): boolean =>
  ageOn(birthDate, electionDay) >= rules.voter.minAge;

/**
 * The last birth date that is of voting age on E, for adding people who turn 18 by E to the list
 * (RULES.md §1 list maintenance). Usually E minus minAge years; when E is Feb 28 of a common year
 * a Feb 29 birth in a leap year also qualifies (民法典 Art. 202), so the day after is tried.
 */
export function latestEligibleBirthDate(electionDay: CivilDate, rules: RuleSet): CivilDate {
  let d = addYearsClamped(electionDay, -rules.voter.minAge);
  for (let next = addDays(d, 1); compareCivil(next, electionDay) <= 0 && isOfVotingAge(next, electionDay, rules); next = addDays(next, 1)) d = next;
  return d;
}
