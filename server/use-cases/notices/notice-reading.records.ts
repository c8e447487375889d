/** Reading notices: an election's notices newest first, who corrected which, read receipts. */
import type { NoticeItem } from '../../../src/contracts/notice.contract';
import { noticeDoc, readReceiptDoc, type NoticeDoc, type ReadReceiptDoc } from '../../../src/contracts/documents/notice-documents.schema';
import type { Store } from '../../ports/store.port';
import { findAllDocs, findDocs, type WithId } from '../../runtime/documents';
import { noticeView } from './notice-attachment.records';

export const readReceiptId = (noticeId: string, voterId: string): string => `${noticeId}:${voterId}`;

/** Newest first (an election has tens of notices, far below one page). */
export function electionNotices(store: Store, electionId: string): Promise<WithId<NoticeDoc>[]> {
  return findDocs(store, 'notice', { electionId }, noticeDoc, { limit: 1000, orderBy: { field: 'publishedAt', direction: 'desc' } });
}

/** Corrected notice id → the notice correcting it (published notices are never edited). */
export function correctedByOf(notices: readonly WithId<NoticeDoc>[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const n of notices) if (n.corrects) m.set(n.corrects, n._id);
  return m;
}

/** This voter's read receipts, by notice id. */
export async function receiptsOf(store: Store, voterId: string): Promise<Map<string, WithId<ReadReceiptDoc>>> {
  const all = await findAllDocs(store, 'read', { voterId }, readReceiptDoc);
  return new Map(all.map((r) => [r.noticeId, r]));
}

export function noticeItem(n: WithId<NoticeDoc>, correctedBy: ReadonlyMap<string, string>, receipt: ReadReceiptDoc | undefined): NoticeItem {
  return { ...noticeView(n), correctedBy: correctedBy.get(n._id) ?? null, read: receipt !== undefined, readAt: receipt?.readAt ?? null };
}

export function unreadCount(notices: readonly WithId<NoticeDoc>[], receipts: ReadonlyMap<string, unknown>): number {
  return notices.filter((n) => !receipts.has(n._id)).length;
}
