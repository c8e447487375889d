/**
 * Dates as a person reads them: 2027年1月8日（星期五）, and instants in Beijing time
 * (Asia/Shanghai, fixed UTC+8). One writer for every page and every notice the server writes,
 * so a villager never meets "2027-01-08".
 *
 * Written by hand rather than with dayjs: civil-date.ts already does exact calendar arithmetic
 * in Asia/Shanghai, and dayjs would need its utc plugin and zh-cn locale in the first-screen
 * bundle and in every cloud function bundle for one format string.
 */
import { civilParts, shanghaiDateOf, type CivilDate } from './civil-date';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export interface DateWordsOptions {
  /** Leave out the year (a row of a calendar that names the year once). Default: with year. */
  readonly year?: boolean;
  /** Leave out （星期五）. Default: with weekday. */
  readonly weekday?: boolean;
}

/** 星期五 of a civil date, or '' for text that is not a date. */
export function weekdayWords(d: CivilDate): string {
  const p = civilParts(d);
  return p ? WEEKDAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()]! : '';
}

/** '2027-01-08' → '2027年1月8日（星期五）'. Text that is not a date is returned as it is. */
export function dateWords(d: CivilDate, options: DateWordsOptions = {}): string {
  const p = civilParts(d);
  if (!p) return d;
  const year = options.year === false ? '' : `${p.year}年`;
  const weekday = options.weekday === false ? '' : `（${weekdayWords(d)}）`;
  return `${year}${p.month}月${p.day}日${weekday}`;
}

function toDate(instant: Date | string | number): Date | null {
  const d = instant instanceof Date ? instant : new Date(typeof instant === 'number' ? instant : Date.parse(instant));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** An instant as '14:05' on the Beijing wall clock. */
export function clockWords(instant: Date | string | number): string {
  const d = toDate(instant);
  if (!d) return '';
  const local = new Date(d.getTime() + BEIJING_OFFSET_MS);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

/** An instant as '2027年1月8日（星期五）14:05', Beijing time; '' for an invalid instant. */
export function instantWords(instant: Date | string | number, options: DateWordsOptions = {}): string {
  const d = toDate(instant);
  return d ? `${dateWords(shanghaiDateOf(d), options)}${clockWords(d)}` : '';
}

/** Only the Beijing day of an instant: '2027年1月8日（星期五）'. */
export function instantDayWords(instant: Date | string | number, options: DateWordsOptions = {}): string {
  const d = toDate(instant);
  return d ? dateWords(shanghaiDateOf(d), options) : '';
}
