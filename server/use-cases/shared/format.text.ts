import { shanghaiDateOf } from '../../../src/domain/civil-date';
import { clockWords, dateWords, instantWords } from '../../../src/domain/date-words';

/**
 * Dates in every text the server writes for people (notices, messages, pushes): the same words
 * as the pages, 2027年1月8日（星期五）, Beijing time.
 */
export { dateWords, instantWords };

/** "2027年1月8日（星期五）14:30" in Asia/Shanghai, for messages (China has no DST: fixed +08:00). */
export function formatShanghaiTime(iso: string): string {
  return instantWords(iso);
}

/**
 * A WeChat subscribe-message `time` value: "2027年1月8日 14:30". WeChat accepts only a date and
 * a clock in that field, so the weekday is left out there.
 */
export function pushTime(iso: string): string {
  const d = new Date(iso);
  return `${dateWords(shanghaiDateOf(d), { weekday: false })} ${clockWords(d)}`;
}
