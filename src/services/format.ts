/**
 * Display formatting for villagers. Every date is shown in Beijing time (UTC+8, no daylight
 * saving) whatever the phone's time zone setting is.
 */
import { dateWords, instantDayWords, instantWords } from '../domain/date-words';

const BEIJING_OFFSET_MS = 8 * 3600_000;

function beijing(iso: string | number): Date | null {
  const t = typeof iso === 'number' ? iso : Date.parse(iso);
  return Number.isFinite(t) ? new Date(t + BEIJING_OFFSET_MS) : null;
}

/**
 * '2027-01-08' → '2027年1月8日（星期五）'. `withYear`/`withWeekday` false only where the year or
 * weekday is already in view (the rows of one calendar, a 至 range).
 */
export function civilDate(day: string, withYear = true, withWeekday = true): string {
  return dateWords(day, { year: withYear, weekday: withWeekday });
}

/** An instant as '2027年1月8日（星期五）14:05' in Beijing time. */
export function dateTime(iso: string | number): string {
  return instantWords(iso);
}

/** The Beijing day of an instant in words: '2027年1月8日（星期五）' (when something was done). */
export function dayOf(iso: string | number): string {
  return instantDayWords(iso);
}

/** Today's civil date in Beijing for a (server-corrected) instant. */
export function beijingDay(ms: number): string {
  const d = beijing(ms)!;
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export interface RemainingParts {
  days: number;
  hours: number;
  minutes: number;
}

/** Whole minutes are rounded up, so "0 分" only appears when the deadline has passed. */
export function remainingParts(ms: number): RemainingParts {
  const totalMinutes = Math.max(0, Math.ceil(ms / 60_000));
  return { days: Math.floor(totalMinutes / 1440), hours: Math.floor((totalMinutes % 1440) / 60), minutes: totalMinutes % 60 };
}

export function remainingText(ms: number): string {
  if (ms <= 0) return '已截止';
  const { days, hours, minutes } = remainingParts(ms);
  return `${days}天${hours}小时${minutes}分`;
}

export const ROLE_LABELS: Record<string, string> = { voter: '选民', committee: '选举委员会成员', township: '乡镇工作人员' };
