/**
 * Wording shared by the typed notices (typed-notice.text.ts, setup-notices.text.ts) and other
 * texts that name dates: the law a notice cites, dates and clock times as written on a notice,
 * posts and groups as listed.
 */
import { POST_LABELS } from '../../../src/contracts/labels';
import type { ElectionDoc } from '../../../src/contracts/documents/election-documents.schema';
import { minutesOf } from '../../../src/domain/voting-arrangements';
import { dateWords } from '../shared/format.text';

export const lawOf = (kind: ElectionDoc['kind']): string => (kind === 'village' ? '《中华人民共和国村民委员会组织法》' : '《中华人民共和国城市居民委员会组织法》');
/** "2026-04-12" → "2026年4月12日（星期日）": the one date writer (shared/format). */
export const civilDateText = (date: string): string => dateWords(date);

/** "08:00" → "上午8时", "14:30" → "下午2时30分", "12:00" → "中午12时" (Asia/Shanghai wall clock). */
export function clockText(t: string): string {
  const minutes = minutesOf(t);
  if (minutes === null) return t;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const [part, hour] = h < 12 ? ['上午', h] : h === 12 ? ['中午', 12] : h < 18 ? ['下午', h - 12] : ['晚上', h - 12];
  return `${part}${hour}时${m ? `${m}分` : ''}`;
}

export const postsText = (election: ElectionDoc): string => election.posts.map((p) => `${POST_LABELS[p.post]}${p.seats}名`).join('、');

/** Village wording for a residents' community (村民会议 → 居民会议, 村民小组 → 居民小组). */
export const forKind = (kind: ElectionDoc['kind'], text: string): string => (kind === 'village' ? text : text.replace(/村民/g, '居民'));

export const groupsText = (groups: readonly string[]): string => groups.join('、');
