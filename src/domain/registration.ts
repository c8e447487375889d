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
import { err, ok, type Result } from './result';
import type { VoterCategory, VoterStatus } from './voter-todo';
import { dateWords } from './date-words';

export type { VoterCategory, VoterStatus } from './voter-todo';

/** The statuses that take a person off the list, each set by the committee with a written reason. */
export type VoterFlag = 'deprived' | 'deceased' | 'movedAway' | 'unableToExercise';
/**
 * Claims by callers who have not proven an ID number (registration.applyResidence): each becomes
 * a pending entry for the committee, whatever the number, so the reply says nothing about the
 * roll; this caps how many one WeChat user may leave per election (issue #10, RULES.md §7).
 */
export const CLAIM_POLICY = { maxApplicationsPerUser: 2 } as const;

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
 * Whether an entry holds the person's deployment-wide registration (不重登): only a registered
 * entry does — the first registration confirmed anywhere wins (人户分离: a migrant still pending
 * in the 户籍 village does not stop their category C application where they live). A pending or
 * flagged entry holds nothing; the claim is taken at the moment an entry becomes registered.
 */
export const holdsRegistration = (status: VoterStatus): boolean => status === 'registered';

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
      message: `到选举日（${dateWords(electionDay, { weekday: false })}）未满${rules.voter.minAge}周岁（${dateWords(addYearsClamped(birthDate, rules.voter.minAge), { weekday: false })}满${rules.voter.minAge}周岁），本届没有选举权`,
    };
  }
  return null;
}

/**
 * Ways a person's own declaration of participation (category B) reaches the committee: from the
 * phone, in person or by phone to the committee, or in the person's own objection that they are
 * missing from the published list (the objection states that they will take part).
 */
export type DeclarationChannel = 'app' | 'inPerson' | 'phone' | 'objection';

/** The meeting's decision on a category C application, as the committee records it. */
export interface MeetingRecord {
  readonly meeting: ResidenceMeeting;
  readonly meetingDate: CivilDate;
  readonly minutesRef: string;
}

export type RegistrationRecordReason = 'DECLARATION_REQUIRED' | 'MEETING_REQUIRED' | 'BAD_DATE' | 'NO_RESIDENCE_DATE' | 'RESIDENCE_TOO_SHORT';

export interface RegistrationRecordInput {
  /** Category B: a declaration the committee received in person or by phone, and its day. */
  readonly declaration: { readonly channel: 'inPerson' | 'phone'; readonly on: CivilDate } | null;
  /** Category B: the day the person's own objection (that they are missing) was received. */
  readonly ownObjectionOn: CivilDate | null;
  /** Category C: the 村民会议/村民代表会议 decision. */
  readonly meeting: MeetingRecord | null;
  /** Category C: since when the person lives in the village. */
  readonly residenceSince: CivilDate | null;
}

/** The record that makes an entry registered (stored with it). */
export interface RegistrationRecord {
  readonly declaration: { readonly channel: DeclarationChannel; readonly on: CivilDate } | null;
  readonly meeting: MeetingRecord | null;
}

/**
 * What the law needs on record before a person of `category` is put on the list — by the
 * committee, or by an upheld objection after publication (RULES.md §1): nothing for A; for B the
 * person's own declaration (本人表示参加选举) — their own objection counts, a word from anyone
 * else does not; for C the approval of the 村民会议/村民代表会议 (date and minutes reference) and a
 * residence that reaches the preset's years on election day. Records that do not apply to the
 * category are not kept.
 */
export function registrationRecord(
  category: VoterCategory,
  given: RegistrationRecordInput,
  electionDay: CivilDate,
  today: CivilDate,
  rules: RuleSet,
): Result<RegistrationRecord, 'INVALID_INPUT' | 'NOT_ELIGIBLE', RegistrationRecordReason> {
  const fail = (code: 'INVALID_INPUT' | 'NOT_ELIGIBLE', reason: RegistrationRecordReason, message: string) => err(code, reason, message);
  switch (category) {
    case 'A':
      return ok({ declaration: null, meeting: null });
    case 'B': {
      if (given.declaration) {
        if (compareCivil(given.declaration.on, today) > 0) return fail('INVALID_INPUT', 'BAD_DATE', `表示参加的日期（${given.declaration.on}）还没到，不能记录`);
        return ok({ declaration: given.declaration, meeting: null });
      }
      if (given.ownObjectionOn) return ok({ declaration: { channel: 'objection', on: given.ownObjectionOn }, meeting: null });
      return fail(
        'INVALID_INPUT',
        'DECLARATION_REQUIRED',
        '户籍在本村、外出居住的村民，须本人表示参加选举才能列入名单：请填写本人是当面还是电话向选举委员会表示的，以及哪一天',
      );
    }
    case 'C': {
      const m = given.meeting;
      if (!m) {
        return fail('INVALID_INPUT', 'MEETING_REQUIRED', '户籍不在本村的村民，须经村民会议或村民代表会议同意才能列入名单：请填写是哪个会议、开会日期和会议记录编号');
      }
      if (compareCivil(m.meetingDate, today) > 0) return fail('INVALID_INPUT', 'BAD_DATE', `会议日期（${dateWords(m.meetingDate, { weekday: false })}）还没到，不能记录`);
      if (!given.residenceSince) return fail('NOT_ELIGIBLE', 'NO_RESIDENCE_DATE', '没有居住起始日期，不能审核居住年限；请填写从哪天开始在本村居住');
      if (!residenceRequirementMet(given.residenceSince, electionDay, rules)) {
        const years = rules.voter.residenceYearsForCategoryC;
        return fail(
          'NOT_ELIGIBLE',
          'RESIDENCE_TOO_SHORT',
          `到选举日（${dateWords(electionDay, { weekday: false })}）在本村居住不满${years}年（自${dateWords(given.residenceSince, { weekday: false })}起居住，${dateWords(residenceCompletesOn(given.residenceSince, rules), { weekday: false })}才满${years}年），不能登记`,
        );
      }
      return ok({ declaration: null, meeting: m });
    }
  }
}

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
