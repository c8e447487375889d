/**
 * 居民身份证号码 — the citizen ID number of GB 11643-1999 (RULES.md §1):
 * 6 area code + 8 birth date (YYYYMMDD) + 3 sequence (odd = male) + 1 check character.
 *
 * The number is sensitive personal information (PIPL, RULES.md §7): this module only parses it;
 * callers keep a keyed hash and the birth date and sex it gives, never a digit of the number (RULES.md §7).
 */
import { addYearsClamped, compareCivil, formatCivil, isCivilDate, type CivilDate } from './civil-date';
import { err, ok, type Result } from './result';

/** Why an ID number is refused: the reasons of every contract that takes one. */
export const ID_REASONS = ['ID_LENGTH', 'ID_CHARS', 'ID_CHECK_DIGIT', 'ID_BIRTH_DATE'] as const;
export type IdReason = (typeof ID_REASONS)[number];

export type ParsedId = {
  readonly normalized: string;
  readonly areaCode: string;
  readonly birthDate: CivilDate;
  readonly sex: 'M' | 'F';
};

/** GB 11643-1999 check code (ISO 7064 MOD 11-2): weights 2^(17−i) mod 11, check character by Σ mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Earliest birth year accepted. GB 11643-1999's own sample number 440524188001010014 (RULES.md
 * §1 valid vector) is born in 1880, so 18xx is structurally valid; earlier years cannot be.
 * Whether such a person can be a living voter is a plausibility question for the roll, not for
 * the number's syntax.
 */
const MIN_BIRTH_YEAR = 1800;

const FULL_WIDTH_DIGIT_ZERO = 0xff10;

/**
 * Makes typed or pasted input comparable: trims, drops spaces and hyphens (including the
 * full-width and ideographic forms phones insert), turns full-width digits and Ｘ/ｘ/x into
 * ASCII and upper-cases the check character.
 */
export function normalizeIdNumber(raw: string): string {
  return raw
    .trim()
    .replace(/[\s\u3000\u00a0\-\u2010-\u2015\u2212\uff0d]/g, '')
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_DIGIT_ZERO + 0x30))
    .replace(/[xＸｘ]/g, 'X');
}

/** The check character for the first 17 digits (GB 11643-1999, ISO 7064 MOD 11-2). */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  const c = CHECK_CHARS[sum % 11];
  if (c === undefined) throw new Error('unreachable: sum mod 11 indexes an 11-char table');
  return c;
}

const failure = (reason: IdReason, message: string) => err('INVALID_INPUT', reason, message);

export function parseIdNumber(raw: string): Result<ParsedId, 'INVALID_INPUT', IdReason> {
  const normalized = normalizeIdNumber(raw);
  if (normalized.length !== 18) {
    const message =
      normalized.length === 15
        ? '这是15位的老身份证号码，请填写现在使用的18位号码'
        : `身份证号码应为18位，您填写的是${normalized.length}位`;
    return failure('ID_LENGTH', message);
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return failure('ID_CHARS', '身份证号码只能是数字，最后一位可以是X');
  }
  const year = Number(normalized.slice(6, 10));
  const month = Number(normalized.slice(10, 12));
  const day = Number(normalized.slice(12, 14));
  const birthText = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  // Checked before the check character: a mistyped birth digit gets the more specific message.
  if (year < MIN_BIRTH_YEAR || !isCivilDate(birthText)) {
    return failure('ID_BIRTH_DATE', '身份证号码中的出生日期不对，请核对第7到14位');
  }
  if (idCheckChar(normalized.slice(0, 17)) !== normalized[17]) {
    return failure('ID_CHECK_DIGIT', '身份证号码校验位不对，请核对最后一位');
  }
  return ok({
    normalized,
    areaCode: normalized.slice(0, 6),
    birthDate: formatCivil(year, month, day),
    // GB 11643-1999: the sequence code is odd for men and even for women.
    sex: Number(normalized[16]) % 2 === 1 ? 'M' : 'F',
  });
}

/** A birth date after `today` is impossible; parseIdNumber has no clock, so callers check it here. */
export const isBornBy = (parsed: Pick<ParsedId, 'birthDate'>, today: CivilDate): boolean => compareCivil(parsed.birthDate, today) <= 0;

/**
 * Completed years (周岁) on a day; the birthday itself counts. A person born on Feb 29 reaches each
 * age on Feb 28 of a common year: 民法典 Art. 202 ends a period counted in years on the last day of
 * the month when the corresponding day does not exist. Negative when `on` precedes the birth.
 */
export function ageOn(birthDate: CivilDate, on: CivilDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return compareCivil(addYearsClamped(birthDate, years), on) <= 0 ? years : years - 1;
}
