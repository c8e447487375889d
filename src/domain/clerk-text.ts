/**
 * What a clerk writes into a sheet cell or a note, read the way the clerk meant it: a village
 * group by a short name, a date in any usual form (or an Excel day number), a phone number as
 * dialled and as it may be shown, free text with ID and phone numbers taken out (RULES.md §7).
 * Pure; used by the roll sheet check (registration-row.ts) and the server.
 */
import { addDays, isCivilDate, type CivilDate } from './civil-date';

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
