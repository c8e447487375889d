/**
 * notices.get — one notice with its frozen list, page by page (names and groups only). The rows
 * are checked against the published SHA-256 on every read: an altered list is a fault, never
 * served. Readers: the bound voters of the notice's election and its village's committee (active members only).
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | NOT_BOUND | NOT_FOUND ELECTION_GONE | NOTICE_UNKNOWN
 * (also for a notice of another election: its existence is not revealed)
 */
import { NOTICE_PAGE_SIZE, type get } from '../../../src/contracts/notice.contract';
import { noticeDoc, readReceiptDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { bindingDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { err, ok } from '../../../src/domain/result';
import { readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireCommittee, requireOpenid } from '../shared/access.policy';
import { readAttachmentRows } from './notice-attachment.records';
import { correctedByOf, electionNotices, noticeItem, readReceiptId } from './notice-reading.records';

const unknown = () => err('NOT_FOUND', 'NOTICE_UNKNOWN', '没有找到这份公告');

export const getNoticeUseCase: UseCase<typeof get> = async (input, ctx) => {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const [binding, notice] = await Promise.all([readDoc(ctx.store, 'binding', who.value, bindingDoc), readDoc(ctx.store, 'notice', input.noticeId, noticeDoc)]);
  const isVoter = binding !== null && notice !== null && binding.electionId === notice.electionId;
  const isCommittee = notice !== null && !isVoter && (await requireCommittee(ctx, notice.villageId)).ok;
  if (!notice || (!isVoter && !isCommittee)) return binding ? unknown() : err('UNAUTHENTICATED', 'NOT_BOUND', '请先绑定您的选民身份');

  const receipt = isVoter && binding ? await readDoc(ctx.store, 'read', readReceiptId(notice._id, binding.voterId), readReceiptDoc) : null;
  const correctedBy = correctedByOf(await electionNotices(ctx.store, notice.electionId));
  const page = input.page ?? 1;
  let attachment = null;
  if (notice.attachment) {
    const pages = Math.max(1, Math.ceil(notice.attachment.count / NOTICE_PAGE_SIZE));
    attachment = {
      kind: notice.attachment.kind,
      count: notice.attachment.count,
      hash: notice.attachment.hash,
      page,
      pageSize: NOTICE_PAGE_SIZE,
      pages,
      // Only this page's chunk is read (and checked against its published hash).
      entries: await readAttachmentRows(ctx.store, notice._id, notice.attachment, (page - 1) * NOTICE_PAGE_SIZE, page * NOTICE_PAGE_SIZE),
    };
  }
  const cp = notice.checkpoint ?? null;
  const checkpoint = cp ? { seq: cp.seq, hash: cp.hash, at: cp.at, keyId: cp.keyId, signature: cp.signature } : null;
  return ok({ notice: { ...noticeItem(notice, correctedBy, receipt ?? undefined), checkpoint }, attachment });
};
