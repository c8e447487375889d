import { shanghaiDateOf } from '../../../src/domain/civil-date';

/** "2026-05-10 14:30" in Asia/Shanghai, for messages (China has no DST: fixed +08:00). */
export function formatShanghaiTime(iso: string): string {
  const d = new Date(iso);
  const local = new Date(d.getTime() + 8 * 3600_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${shanghaiDateOf(d)} ${hh}:${mm}`;
}
