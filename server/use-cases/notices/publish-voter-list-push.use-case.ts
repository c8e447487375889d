/**
 * committee.publishVoterList as routed: the objections module's use case, then the push of the
 * 选民名单公告 it published to every registered voter with a consent left (server/push), so the
 * list reaches villagers whichever action published it. The push never changes the reply: the
 * publication stands even when WeChat refuses (the job is resumed by the timer).
 *
 * Outcomes: those of publish-voter-list.use-case.ts.
 */
import type { publishVoterList } from '../../../src/contracts/objection.contract';
import { noticeDoc } from '../../../src/contracts/store-documents.schema';
import { startNoticePush } from '../../push/notice-push';
import { readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { publishVoterListUseCase } from '../objections/publish-voter-list.use-case';

export const publishVoterListAndPush: UseCase<typeof publishVoterList> = async (input, ctx) => {
  const r = await publishVoterListUseCase(input, ctx);
  if (!r.ok) return r;
  const notice = await readDoc(ctx.store, 'notice', r.value.notice.id, noticeDoc);
  if (notice) await startNoticePush(ctx, notice);
  return r;
};
