/**
 * One row of the committee's roll sheet (选民登记表), checked before anything is stored: each row
 * is accepted or rejected with a reason a clerk understands (RULES.md §1, §7). Pure: the file
 * parsing, hashing and storage happen on the server.
 */
import { compareCivil, type CivilDate } from './civil-date';
import { maskPhone, matchGroup, normalizePhone, parseDateText, scrubNote } from './clerk-text';
import { ID_REASONS, parseIdNumber, type ParsedId as FullParsedId } from './id-number';
import type { RuleSet } from './presets/types';
import { ageEligibility, parseCategoryText, residenceRequirementMet, type VoterCategory } from './registration';

// The cell readers moved to clerk-text.ts; exported here too for the callers that check rows.
export { ID_NUMBER_REMOVED, maskPhone, matchGroup, normalizePhone, parseDateText, scrubNote } from './clerk-text';

/** Reasons a row is rejected at import (the contract's per-row reasons). DUPLICATE_IN_FILE and DOUBLE_REGISTRATION are found by the server. */
export const ROLL_REJECT_REASONS = [
  'MISSING_FIELD',
  'BAD_NAME',
  ...ID_REASONS,
  'UNDER_18',
  'UNKNOWN_GROUP',
  'BAD_CATEGORY',
  'BAD_DATE',
  'DUPLICATE_IN_FILE',
  'DOUBLE_REGISTRATION',
] as const;
export type RollRejectReason = (typeof ROLL_REJECT_REASONS)[number];

/**
 * A row as read from the sheet: text cells. An optional column that is absent from the file is
 * `undefined` (the stored value is then left alone); a blank cell in a present column is ''.
 */
export interface RollRowInput {
  /** Row number as the clerk sees it in Excel (1-based, header included). */
  readonly row: number;
  readonly name: string;
  readonly idNumber: string;
  /** The ID cell was a number in the spreadsheet: Excel keeps 15 digits, so the number is damaged. */
  readonly idWasNumber?: boolean;
  readonly group: string;
  readonly category: string;
  readonly phone?: string;
  readonly residenceSince?: string;
  readonly note?: string;
}

export interface ValidRollRow {
  readonly row: number;
  readonly name: string;
  /** The normalized ID number: the server hashes it, then drops it (no digit is kept, RULES.md §7). */
  readonly idNumber: string;
  readonly birthDate: CivilDate;
  readonly sex: 'M' | 'F';
  readonly group: string;
  readonly category: VoterCategory;
  /** undefined = the column is absent: keep what is stored. */
  readonly phoneMasked: string | null | undefined;
  /**
   * The number itself, normalized (digits only), for the server to seal (RULES.md §7: stored
   * only encrypted); never reported, logged or stored in clear. Same presence as phoneMasked.
   */
  readonly phone: string | null | undefined;
  readonly residenceSince: CivilDate | null | undefined;
  readonly note: string | null | undefined;
  /** Accepted, but the clerk should know (phone not kept, residence too short so far…). */
  readonly warnings: readonly string[];
}

export type RollRowProblem = { readonly reason: RollRejectReason; readonly message: string };

export type RollRowCheck = { readonly ok: true; readonly value: ValidRollRow } | { readonly ok: false; readonly reason: RollRejectReason; readonly message: string };

export interface RollCheckEnv {
  readonly groups: readonly string[];
  readonly electionDay: CivilDate;
  readonly today: CivilDate;
  readonly rules: RuleSet;
}

/** Same rule as the bind form's name field (汉字, middle dot for 少数民族 names, 2–20 chars). */
const NAME = /^[\u3400-\u9fff\u00b7·]{2,20}$/u;
export const NOTE_MAX = 200;

export function normalizePersonName(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/[•・‧∙]/g, '·');
}

type ParsedId = Pick<FullParsedId, 'normalized' | 'birthDate' | 'sex'>;

/** The ID number (and the age it gives on election day); null when it is missing or wrong. */
function checkId(input: RollRowInput, idText: string, env: RollCheckEnv, problems: RollRowProblem[]): ParsedId | null {
  if (!idText) return null;
  if (input.idWasNumber || /^\d(\.\d+)?E\+?\d+$/i.test(idText)) {
    problems.push({
      reason: 'ID_CHARS',
      message: '身份证号码被 Excel 存成了数字，后几位已经丢失。请把这一列设为“文本”格式，重新填写后再导入',
    });
    return null;
  }
  const id = parseIdNumber(idText);
  if (!id.ok) {
    problems.push({ reason: id.reason ?? 'ID_CHARS', message: id.message ?? '身份证号码不对' });
    return null;
  }
  const age = ageEligibility(id.value.birthDate, env.electionDay, env.today, env.rules);
  if (age) problems.push(age);
  return id.value;
}

/** The residence start of a category C row (required); other categories keep none. */
function checkResidence(input: RollRowInput, category: VoterCategory | null, parsed: ParsedId | null, env: RollCheckEnv, problems: RollRowProblem[], warnings: string[]): CivilDate | null | undefined {
  if (category !== 'C') {
    // Only category C has a residence condition; a date on another row is not kept.
    return category && input.residenceSince !== undefined ? null : undefined;
  }
  const text = input.residenceSince?.trim() ?? '';
  if (!text) {
    problems.push({ reason: 'MISSING_FIELD', message: 'C类（外来居住）选民须填写居住起始日期' });
    return undefined;
  }
  const since = parseDateText(text);
  if (!since) problems.push({ reason: 'BAD_DATE', message: `居住起始日期“${text.slice(0, 20)}”看不懂，请写成 2024-03-05 这样` });
  else if (compareCivil(since, env.today) > 0) problems.push({ reason: 'BAD_DATE', message: `居住起始日期 ${since} 还没到` });
  else if (parsed && compareCivil(since, parsed.birthDate) < 0) problems.push({ reason: 'BAD_DATE', message: `居住起始日期 ${since} 早于出生日期` });
  else {
    if (!residenceRequirementMet(since, env.electionDay, env.rules)) {
      warnings.push(`到选举日在本村居住不满${env.rules.voter.residenceYearsForCategoryC}年，村民会议不能同意其登记`);
    }
    return since;
  }
  return undefined;
}

/** Phone and note, which never reject a row: a bad phone is dropped, a note scrubbed and cut (with a warning). */
function optionalFields(input: RollRowInput, warnings: string[]): Pick<ValidRollRow, 'phone' | 'phoneMasked' | 'note'> {
  let phoneMasked: string | null | undefined = undefined;
  let phone: string | null | undefined = undefined;
  if (input.phone !== undefined) {
    const raw = input.phone.trim();
    phone = raw ? normalizePhone(raw) : null;
    phoneMasked = phone === null ? null : maskPhone(phone);
    if (raw && phone === null) warnings.push('联系电话格式不对，没有保存');
  }
  let note: string | null | undefined = undefined;
  if (input.note !== undefined) {
    const scrubbed = scrubNote(input.note.trim());
    if (scrubbed.masked) warnings.push('备注里的身份证号码已删去、电话号码已隐去部分数字');
    if (scrubbed.text.length > NOTE_MAX) warnings.push(`备注超过${NOTE_MAX}字，只保存了前${NOTE_MAX}字`);
    note = scrubbed.text.slice(0, NOTE_MAX) || null;
  }
  return { phoneMasked, phone, note };
}

/**
 * Checks every field and reports all problems of the row at once (the clerk fixes the sheet in
 * one pass); the reason is the first problem's.
 */
export function checkRollRow(input: RollRowInput, env: RollCheckEnv): RollRowCheck {
  const problems: RollRowProblem[] = [];
  const warnings: string[] = [];
  const name = normalizePersonName(input.name);
  const idText = input.idNumber.trim();
  const groupText = input.group.trim();
  const categoryText = input.category.trim();

  const missing = [!name && '姓名', !idText && '身份证号码', !groupText && '村民小组', !categoryText && '类别'].filter(Boolean);
  if (missing.length) problems.push({ reason: 'MISSING_FIELD', message: `缺少${missing.join('、')}` });
  const parsed = checkId(input, idText, env, problems);
  if (name && !NAME.test(name)) problems.push({ reason: 'BAD_NAME', message: `姓名“${input.name.trim().slice(0, 20)}”只能是2到20个汉字` });
  const group = groupText ? matchGroup(groupText, env.groups) : null;
  if (groupText && !group) {
    problems.push({ reason: 'UNKNOWN_GROUP', message: `村民小组“${groupText.slice(0, 20)}”不是本村的小组（本村有：${env.groups.join('、')}）` });
  }
  const category = categoryText ? parseCategoryText(categoryText) : null;
  if (categoryText && !category) {
    problems.push({
      reason: 'BAD_CATEGORY',
      message: `类别“${categoryText.slice(0, 20)}”看不懂，请填 A（户籍在本村、居住在本村）、B（户籍在本村、外出）或 C（户籍不在本村、在本村居住）`,
    });
  }
  const residenceSince = checkResidence(input, category, parsed, env, problems, warnings);

  const first = problems[0];
  if (first) return { ok: false, reason: first.reason, message: problems.map((p) => p.message).join('；') };
  if (!parsed || !group || !category) throw new Error('unreachable: a row without problems has every field');
  const { phoneMasked, phone, note } = optionalFields(input, warnings);
  return {
    ok: true,
    value: { row: input.row, name, idNumber: parsed.normalized, birthDate: parsed.birthDate, sex: parsed.sex, group, category, phoneMasked, phone, residenceSince, note, warnings },
  };
}
