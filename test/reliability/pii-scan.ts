/**
 * The personal-data detector (RULES.md §7): an 18-digit resident ID number whose check character
 * is right (GB 11643-1999) and whose birth date is a real date, or an 11-digit mainland mobile
 * number, in clear — after undoing the obfuscations people use to slip a number past a filter:
 * full-width digits, zero-width characters, and spaces, dots, hyphens or full-width commas
 * between digits.
 *
 * Limits, on purpose: a digit run glued to letters (`abc13812345678`) is not reported, because
 * hashes, signatures and base64 are full of such runs; ASCII commas are kept, because a JSON
 * array of numbers (a signature drawing) would otherwise read as a phone number.
 */
import { idCheckChar } from '../../src/domain/id-number';
import { isCivilDate } from '../../src/domain/civil-date';

const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u034f\u180e]/g;
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g;
/** Separators between two digits that a reader still reads as one number. */
const SEPARATOR_BETWEEN_DIGITS = /(?<=\d)[\s\u3000\u00a0.\-\u2010-\u2015\u2212\uff0d\uff0c\u3001\u00b7\uff0e_/]+(?=\d)/g;
const ID_SHAPE = /(?<![0-9A-Za-z+/])(\d{17})([0-9Xx])(?![0-9A-Za-z])/g;
const PHONE_SHAPE = /(?<![0-9A-Za-z+/])1[3-9]\d{9}(?![0-9A-Za-z])/g;

export function normalizeForScan(text: string): string {
  return text
    .replace(ZERO_WIDTH, '')
    .replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\uff38\uff58]/g, 'X')
    .replace(SEPARATOR_BETWEEN_DIGITS, '');
}

function isIdNumber(first17: string, check: string): boolean {
  const birth = `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
  const year = Number(first17.slice(6, 10));
  return year >= 1900 && year <= 2100 && isCivilDate(birth) && idCheckChar(first17) === check.toUpperCase();
}

export interface PiiHit {
  readonly kind: 'idNumber' | 'phone';
  /** Where it was seen (reply, log, file name). */
  readonly source: string;
  /** The match with its middle digits hidden, so the report itself leaks nothing. */
  readonly shown: string;
}

const hide = (s: string) => `${s.slice(0, 3)}…${s.slice(-2)} (${s.length} digits)`;

export function findPii(text: string, source: string): PiiHit[] {
  const n = normalizeForScan(text);
  const hits: PiiHit[] = [];
  for (const m of n.matchAll(ID_SHAPE)) if (isIdNumber(m[1]!, m[2]!)) hits.push({ kind: 'idNumber', source, shown: hide(m[0]) });
  for (const m of n.matchAll(PHONE_SHAPE)) hits.push({ kind: 'phone', source, shown: hide(m[0]) });
  return hits;
}

/** Accumulates hits of everything the suite saw leave the system; keeps counts and the first few. */
export class PiiLedger {
  scanned = 0;
  bytes = 0;
  readonly hits: PiiHit[] = [];
  total = 0;

  scan(text: string, source: string): void {
    this.scanned += 1;
    this.bytes += text.length;
    // Cheap pre-filter: no run of 11 digits-or-obfuscations, no hit.
    if (!/[\d\uff10-\uff19]/.test(text)) return;
    const found = findPii(text, source);
    this.total += found.length;
    for (const h of found) if (this.hits.length < 20) this.hits.push(h);
  }
}
