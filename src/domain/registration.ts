/**
 * 选民登记 — the three statutory categories and the status each one gives (RULES.md §1):
 *
 * - A: 户籍 in the village and living there — registered automatically.
 * - B: 户籍 in the village, living elsewhere (外出) — on the list only once the person declares
 *   they will take part (本人表示参加选举), from the phone or to the committee in person/by phone.
 * - C: 户籍 elsewhere, living in the village for at least the preset's years on election day —
 *   applies, and is on the list only once the 村民会议/村民代表会议 approves.
 *
 * Status flags (被剥夺政治权利, 去世, 迁出, 无法行使选举权) take a person off the list whatever
 * the category; `restore` returns them to what their category and records allow.
 */
import { isOfVotingAge } from './age';
import { addYearsClamped, compareCivil, type CivilDate } from './civil-date';
import type { RuleSet } from './presets/types';
import type { VoterCategory, VoterStatus } from './voter-todo';

export type { VoterCategory, VoterStatus } from './voter-todo';

/** The statuses that take a person off the list, each set by the committee with a written reason. */
export type VoterFlag = 'deprived' | 'deceased' | 'movedAway' | 'unableToExercise';
export const VOTER_FLAGS: readonly VoterFlag[] = ['deprived', 'deceased', 'movedAway', 'unableToExercise'];

export const isFlagged = (status: VoterStatus): status is VoterFlag => status !== 'pending' && status !== 'registered';

/** The meeting that decides a category C application (村民会议 or 村民代表会议). */
export type ResidenceMeeting = 'villagerMeeting' | 'representativeMeeting';
export type ResidenceOutcome = 'approved' | 'rejected';

/** What the record of one entry says about its category's condition. */
export interface CategoryRecord {
  readonly category: VoterCategory;
  /** Category B: the person has declared participation (any channel). */
  readonly declared: boolean;
  /** Category C: the meeting's decision, if any. */
  readonly residence: ResidenceOutcome | null;
}

/**
 * The unflagged status an entry has: registered when its category's condition is met
 * (A always, B once declared, C once approved), otherwise pending.
 */
export function statusForCategory(r: CategoryRecord): 'pending' | 'registered' {
  switch (r.category) {
    case 'A':
      return 'registered';
    case 'B':
      return r.declared ? 'registered' : 'pending';
    case 'C':
      return r.residence === 'approved' ? 'registered' : 'pending';
  }
}

/**
 * Whether an entry holds the person's deployment-wide registration (不重登): every unflagged
 * entry does, except a category C application the meeting rejected (that person is not
 * registered here and may register where they belong). Flagged entries keep whatever they held.
 */
export function claimsRegistration(r: CategoryRecord & { readonly status: VoterStatus }): boolean {
  if (isFlagged(r.status)) return false;
  return !(r.category === 'C' && r.residence === 'rejected');
}

/** Whether the preset lets the committee use this flag (无法行使选举权 is provincial; RULES.md §1). */
export const isFlagAllowed = (flag: VoterFlag, rules: RuleSet): boolean => flag !== 'unableToExercise' || rules.voter.unableToExerciseFlagAllowed;

/**
 * The day on which a residence started on `since` reaches the preset's years: 民法典 Art. 201
 * (the start day is not counted) and Art. 202 (a Feb 29 start completes on Feb 28).
 */
export const residenceCompletesOn = (since: CivilDate, rules: RuleSet): CivilDate => addYearsClamped(since, rules.voter.residenceYearsForCategoryC);

/**
 * Category C residence condition, measured on election day (户籍不在本村，在本村居住一年以上;
 * 民法典 Art. 1259: 以上 includes the number): exactly N years on E qualifies, a day short does not.
 */
export const residenceRequirementMet = (since: CivilDate, electionDay: CivilDate, rules: RuleSet): boolean =>
  compareCivil(residenceCompletesOn(since, rules), electionDay) <= 0;

export type EligibilityFailure = { readonly reason: 'UNDER_18' | 'ID_BIRTH_DATE'; readonly message: string };

/**
 * Age on election day from the ID number's birth date (18 on E votes; RULES.md §1). A birth date
 * after today cannot be real and is reported as a wrong ID number.
 */
export function ageEligibility(birthDate: CivilDate, electionDay: CivilDate, today: CivilDate, rules: RuleSet): EligibilityFailure | null {
  if (compareCivil(birthDate, today) > 0) return { reason: 'ID_BIRTH_DATE', message: '身份证号码中的出生日期还没到，请核对第7到14位' };
  if (!isOfVotingAge(birthDate, electionDay, rules)) {
    return {
      reason: 'UNDER_18',
      message: `到选举日（${electionDay}）未满${rules.voter.minAge}周岁（${addYearsClamped(birthDate, rules.voter.minAge)}满${rules.voter.minAge}周岁），本届没有选举权`,
    };
  }
  return null;
}

/** Ways a person's own declaration of participation (category B) reaches the committee. */
export type DeclarationChannel = 'app' | 'inPerson' | 'phone';

const SQUEEZE = /[\s\u3000、，,。.;；:：()（）【】[\]\-—_/／·]/g;

/**
 * The category a clerk wrote: the letter (A/B/C, 甲乙丙, with or without 类) or the words used on
 * registration sheets (户籍在本村居住在本村, 外出, 外来, 户籍不在本村…). Null when unclear.
 */
export function parseCategoryText(text: string): VoterCategory | null {
  const s = text.normalize('NFKC').replace(SQUEEZE, '').toUpperCase();
  if (!s) return null;
  const m = /^(A|B|C|甲|乙|丙)(类选民|类)?/.exec(s);
  const byLetter = m ? LETTERS[m[1] as keyof typeof LETTERS] : null;
  const rest = m ? s.slice(m[0].length) : s;
  const byWords = rest ? categoryFromWords(rest) : null;
  if (m && !rest) return byLetter;
  // "A类（外出）" contradicts itself: better asked than guessed.
  if (byLetter && byWords) return byLetter === byWords ? byLetter : null;
  return m ? null : byWords;
}

const LETTERS = { A: 'A', 甲: 'A', B: 'B', 乙: 'B', C: 'C', 丙: 'C' } as const;

function categoryFromWords(s: string): VoterCategory | null {
  // Order matters: "户籍不在本村、居住在本村" also contains "居住在本村".
  if (/户籍不在本村|户口不在本村|非本村户籍|非户籍|外来|寄居|流入/.test(s)) return 'C';
  if (/外出|在外|居住在外|外地居住|流出/.test(s)) return 'B';
  if (/户籍在本村|户口在本村|本村户籍|常住|居住在本村|在本村居住/.test(s)) return 'A';
  return null;
}
