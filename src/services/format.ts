/**
 * Display formatting for villagers. Every date is shown in Beijing time (UTC+8, no daylight
 * saving) whatever the phone's time zone setting is.
 */
const BEIJING_OFFSET_MS = 8 * 3600_000;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function beijing(iso: string | number): Date | null {
  const t = typeof iso === 'number' ? iso : Date.parse(iso);
  return Number.isFinite(t) ? new Date(t + BEIJING_OFFSET_MS) : null;
}

/** '2026-05-10' → '5月10日 星期日' (a civil date, no time zone involved). */
export function civilDate(day: string, withYear = false, withWeekday = true): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const weekday = WEEKDAYS[new Date(Date.UTC(+y, +mo - 1, +d)).getUTCDay()];
  return `${withYear ? `${+y}年` : ''}${+mo}月${+d}日${withWeekday ? ` ${weekday}` : ''}`;
}

/** An instant as '5月10日 14:05' in Beijing time. */
export function dateTime(iso: string | number): string {
  const d = beijing(iso);
  if (!d) return '';
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
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
