/**
 * One row of the committee's roll sheet (选民登记表), checked before anything is stored: each row
 * is accepted or rejected with a reason a clerk understands (RULES.md §1, §7). Pure: the file
 * parsing, hashing and storage happen on the server.
 */
import { addDays, compareCivil, isCivilDate, type CivilDate } from './civil-date';
import { parseIdNumber, type IdReason } from './id-number';
import type { RuleSet } from './presets/types';
import { ageEligibility, parseCategoryText, residenceRequirementMet, type VoterCategory } from './registration';

/** Reasons a row is rejected at import. DUPLICATE_IN_FILE and DOUBLE_REGISTRATION are found by the server. */
export type RollRejectReason =
  | 'MISSING_FIELD'
  | 'BAD_NAME'
  | IdReason
  | 'UNDER_18'
  | 'UNKNOWN_GROUP'
  | 'BAD_CATEGORY'
  | 'BAD_DATE'
  | 'DUPLICATE_IN_FILE'
  | 'DOUBLE_REGISTRATION';

export const ROLL_REJECT_REASONS: readonly RollRejectReason[] = [
  'MISSING_FIELD',
  'BAD_NAME',
  'ID_LENGTH',
  'ID_CHARS',
  'ID_CHECK_DIGIT',
  'ID_BIRTH_DATE',
  'UNDER_18',
  'UNKNOWN_GROUP',
  'BAD_CATEGORY',
  'BAD_DATE',
  'DUPLICATE_IN_FILE',
  'DOUBLE_REGISTRATION',
];

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

  let parsed: { normalized: string; birthDate: CivilDate; sex: 'M' | 'F' } | null = null;
  if (idText) {
    if (input.idWasNumber || /^\d(\.\d+)?E\+?\d+$/i.test(idText)) {
      problems.push({
        reason: 'ID_CHARS',
        message: '身份证号码被 Excel 存成了数字，后几位已经丢失。请把这一列设为“文本”格式，重新填写后再导入',
      });
    } else {
      const id = parseIdNumber(idText);
      if (!id.ok) problems.push({ reason: id.reason ?? 'ID_CHARS', message: id.message ?? '身份证号码不对' });
      else {
        parsed = id.value;
        const age = ageEligibility(id.value.birthDate, env.electionDay, env.today, env.rules);
        if (age) problems.push(age);
      }
    }
  }

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

  let residenceSince: CivilDate | null | undefined = undefined;
  if (category === 'C') {
    const text = input.residenceSince?.trim() ?? '';
    if (!text) problems.push({ reason: 'MISSING_FIELD', message: 'C类（外来居住）选民须填写居住起始日期' });
    else {
      const since = parseDateText(text);
      if (!since) problems.push({ reason: 'BAD_DATE', message: `居住起始日期“${text.slice(0, 20)}”看不懂，请写成 2024-03-05 这样` });
      else if (compareCivil(since, env.today) > 0) problems.push({ reason: 'BAD_DATE', message: `居住起始日期 ${since} 还没到` });
      else if (parsed && compareCivil(since, parsed.birthDate) < 0) problems.push({ reason: 'BAD_DATE', message: `居住起始日期 ${since} 早于出生日期` });
      else {
        residenceSince = since;
        if (!residenceRequirementMet(since, env.electionDay, env.rules)) {
          warnings.push(`到选举日在本村居住不满${env.rules.voter.residenceYearsForCategoryC}年，村民会议不能同意其登记`);
        }
      }
    }
  } else if (category) {
    // Only category C has a residence condition; a date on another row is not kept.
    residenceSince = input.residenceSince === undefined ? undefined : null;
  }

  const first = problems[0];
  if (first) return { ok: false, reason: first.reason, message: problems.map((p) => p.message).join('；') };
  if (!parsed || !group || !category) throw new Error('unreachable: a row without problems has every field');

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

  return {
    ok: true,
    value: {
      row: input.row,
      name,
      idNumber: parsed.normalized,
      birthDate: parsed.birthDate,
      sex: parsed.sex,
      group,
      category,
      phoneMasked,
      phone,
      residenceSince,
      note,
      warnings,
    },
  };
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1..99 as Chinese numerals (1 → 一, 10 → 十, 12 → 十二, 20 → 二十). */
function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

function groupCore(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/^第/, '')
    .replace(/(村民小组|居民小组|村民组|小组|组)$/, '')
    .replace(/^0*(\d{1,2})$/, (_m, d: string) => chineseNumber(Number(d)));
}

/**
 * The village group a clerk meant: the exact name, or a short form naming one group only
 * ("一组", "1组", "第1村民小组" for 第一村民小组). Null when none or several match.
 */
export function matchGroup(cell: string, groups: readonly string[]): string | null {
  const text = cell.normalize('NFKC').replace(/[\s\u3000]/g, '');
  const exact = groups.find((g) => g.normalize('NFKC').replace(/[\s\u3000]/g, '') === text);
  if (exact) return exact;
  const core = groupCore(text);
  if (!core) return null;
  const hits = groups.filter((g) => groupCore(g) === core);
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

/** Days from Excel's day 0 (1899-12-30 in the 1900 date system, past its 1900-02-29 bug). */
const EXCEL_EPOCH = '1899-12-30';

/**
 * A calendar date as clerks write it: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305,
 * optionally followed by a time, or an Excel day number (a date cell exported as a number).
 */
export function parseDateText(text: string): CivilDate | null {
  const s = text.normalize('NFKC').trim().replace(/\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '');
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return isCivilDate(d) ? d : null;
  }
  m = /^(\d{5})(\.\d+)?$/.exec(s);
  if (m) {
    const serial = Number(m[1]);
    // 61 = 1900-03-01: below it Excel counts a 1900-02-29 that never was.
    return serial >= 61 && serial < 2958466 ? addDays(EXCEL_EPOCH, serial) : null;
  }
  return null;
}

/**
 * The only form of a phone number ever stored (RULES.md §7): a mainland mobile as 138****5678,
 * any other 7–12 digit number with all but the last 4 digits hidden. Null when not a number.
 */
export function maskPhone(raw: string): string | null {
  const d = normalizePhone(raw);
  if (d === null) return null;
  if (/^1[3-9]\d{9}$/.test(d)) return `${d.slice(0, 3)}****${d.slice(-4)}`;
  return `${'*'.repeat(d.length - 4)}${d.slice(-4)}`;
}

/**
 * A phone number as dialled: digits only (full-width forms, spaces, dots, dashes, brackets and
 * format characters removed; a +86/0086 prefix of a mobile dropped). A mainland mobile or any
 * other 7–12 digit number; null when the text is not a phone number.
 */
export function normalizePhone(raw: string): string | null {
  let d = raw.normalize('NFKC').replace(/[\p{Cf}\s\-.()（）]/gu, '');
  if (/^(\+?86|0086)1\d{10}$/.test(d)) d = d.replace(/^(\+?86|0086)/, '');
  if (/^1[3-9]\d{9}$/.test(d) || /^\d{7,12}$/.test(d)) return d;
  return null;
}

const D = '[0-9\uff10-\uff19]';
const ID_IN_TEXT = new RegExp(`${D}{17}[0-9\uff10-\uff19Xx\uff38\uff58]|${D}{15}`, 'g');
const MOBILE_IN_TEXT = new RegExp(`[1\uff11][3-9\uff13-\uff19]${D}{9}`, 'g');
const ascii = (s: string) => s.normalize('NFKC');
/** What stands in a note where an ID number was. */
export const ID_NUMBER_REMOVED = '[身份证号码已删去]';

/**
 * Free text from a clerk may hold an ID or phone number: an ID number is replaced by words (no
 * digit of it is kept, RULES.md §7), a phone number masked, before storing.
 */
export function scrubNote(text: string): { text: string; masked: boolean } {
  let masked = false;
  const out = text
    .replace(ID_IN_TEXT, () => {
      masked = true;
      return ID_NUMBER_REMOVED;
    })
    .replace(MOBILE_IN_TEXT, (x) => {
      masked = true;
      const d = ascii(x);
      return `${d.slice(0, 3)}****${d.slice(-4)}`;
    });
  return { text: out, masked };
}
