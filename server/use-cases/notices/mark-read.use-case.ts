/**
 * notices.markRead — 我已阅读: one read receipt per voter per notice, `read/{noticeId}:{voterId}`,
 * written once in a transaction on that id; repeating it changes nothing and returns the first
 * time. The receipt keeps the voter's group and category at reading time for the 知晓率.
 *
 * Not in the audit log: every villager's tap would pass through the election's one audit head;
 * the write-once receipt with its time is the record.
 *
 * Outcomes: ok (firstRead true once, then false) | UNAUTHENTICATED NO_OPENID | NOT_BOUND |
 * NOT_FOUND ELECTION_GONE | NOTICE_UNKNOWN
 */
import type { markRead } from '../../../src/contracts/notice.contract';
import { noticeDoc, readReceiptDoc, type ReadReceiptDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { err, ok } from '../../../src/domain/result';
import { readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireBoundEntry } from '../shared/election-access.policy';
import { readReceiptId } from './notice-reading.records';

export const markReadUseCase: UseCase<typeof markRead> = async (input, ctx) => {
  // Binding and entry only: a read receipt needs neither the election nor the village (cost floor).
  const scope = await requireBoundEntry(ctx);
  if (!scope.ok) return scope;
  const { voter } = scope.value;
  const notice = await readDoc(ctx.store, 'notice', input.noticeId, noticeDoc);
  if (!notice || notice.electionId !== voter.electionId) return err('NOT_FOUND', 'NOTICE_UNKNOWN', '没有找到这份公告');
  const id = readReceiptId(notice._id, voter._id);
  const at = ctx.clock.now().toISOString();
  const receipt = await ctx.store.runTransaction(async (tx) => {
    const existing = await readDoc(tx, 'read', id, readReceiptDoc);
    if (existing) return { first: false, readAt: existing.readAt };
    const doc: ReadReceiptDoc = { noticeId: notice._id, electionId: notice.electionId, voterId: voter._id, group: voter.group, category: voter.category, readAt: at };
    await tx.set('read', id, doc);
    return { first: true, readAt: at };
  });
  // Counted, not listed: a receipt exists only for a notice of the voter's own election (checked
  // above) and neither is ever removed, so the unread are the notices less the receipts.
  const [notices, receipts] = await Promise.all([ctx.store.count('notice', { electionId: voter.electionId }), ctx.store.count('read', { voterId: voter._id })]);
  return ok({ noticeId: notice._id, firstRead: receipt.first, readAt: receipt.readAt, unread: Math.max(0, notices - receipts) });
};
