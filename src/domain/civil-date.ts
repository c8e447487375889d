/**
 * Civil (calendar) dates in Asia/Shanghai, the zone every election date is counted in
 * (RULES.md header), whatever the server or phone clock zone is.
 *
 * A civil date is a 'YYYY-MM-DD' string: it sorts as text, stores as text and never carries a
 * time zone. Instants are `Date`s and are converted only at the Asia/Shanghai day boundary.
 * Arithmetic uses a proleptic Gregorian day number so it never depends on the host zone.
 */
export type CivilDate = string;

const MS_PER_DAY = 86_400_000;
/**
 * Asia/Shanghai is a fixed UTC+8: China has observed no daylight saving time since 1991, so
 * every date this app handles (elections from 2018 on, birth dates only as civil dates) maps to
 * the same offset and no tz database is needed.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const CIVIL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export type CivilParts = { readonly year: number; readonly month: number; readonly day: number };

/** The parts of a civil date, or null when the text is not a real calendar date. */
export function civilParts(s: string): CivilParts | null {
  const m = CIVIL_PATTERN.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a 'YYYY-MM-DD' text naming a day that exists (no Feb 30, no month 13). */
export const isCivilDate = (s: string): boolean => civilParts(s) !== null;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatCivil(year: number, month: number, day: number): CivilDate {
  const d = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (!isCivilDate(d)) throw new RangeError(`not a calendar date: ${d}`);
  return d;
}

function partsOrThrow(d: CivilDate): CivilParts {
  const p = civilParts(d);
  if (!p) throw new RangeError(`not a civil date: ${d}`);
  return p;
}

// Days since 1970-01-01 (H. Hinnant's days_from_civil): exact integer math on the Gregorian calendar.
function dayNumber({ year, month, day }: CivilParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function fromDayNumber(n: number): CivilDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatCivil(year, month, day);
}

export function addDays(d: CivilDate, n: number): CivilDate {
  if (!Number.isInteger(n)) throw new RangeError(`day count must be an integer: ${n}`);
  return fromDayNumber(dayNumber(partsOrThrow(d)) + n);
}

/** Whole days from `from` to `to` (to − from): positive when `to` is later. */
export const diffDays = (from: CivilDate, to: CivilDate): number => dayNumber(partsOrThrow(to)) - dayNumber(partsOrThrow(from));

/** Negative, zero or positive like a comparator; zero-padded ISO dates order as text. */
export function compareCivil(a: CivilDate, b: CivilDate): number {
  partsOrThrow(a);
  partsOrThrow(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function instantMs(instant: Date): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return t;
}

/** The Asia/Shanghai calendar date of an instant. */
export const shanghaiDateOf = (instant: Date): CivilDate => fromDayNumber(Math.floor((instantMs(instant) + SHANGHAI_OFFSET_MS) / MS_PER_DAY));

/** 00:00 Asia/Shanghai of the day, as an instant. */
export const startOfShanghaiDay = (d: CivilDate): Date => new Date(dayNumber(partsOrThrow(d)) * MS_PER_DAY - SHANGHAI_OFFSET_MS);

/**
 * The exclusive end of the day: 00:00 Asia/Shanghai of the next day. A deadline "by day D"
 * holds for every instant strictly before it (民法典 Art. 203: the last day ends at 24:00).
 */
export const endOfShanghaiDay = (d: CivilDate): Date => startOfShanghaiDay(addDays(d, 1));

/**
 * The same month and day `years` later (or earlier). 民法典 Art. 202: when the target month has no
 * corresponding day, the period ends on the last day of that month, so 2008-02-29 + 18 years is
 * 2026-02-28.
 */
export function addYearsClamped(d: CivilDate, years: number): CivilDate {
  if (!Number.isInteger(years)) throw new RangeError(`year count must be an integer: ${years}`);
  const { year, month, day } = partsOrThrow(d);
  const y = year + years;
  return formatCivil(y, month, Math.min(day, daysInMonth(y, month)));
}

export const minCivil = (a: CivilDate, b: CivilDate): CivilDate => (compareCivil(a, b) <= 0 ? a : b);
export const maxCivil = (a: CivilDate, b: CivilDate): CivilDate => (compareCivil(a, b) >= 0 ? a : b);
