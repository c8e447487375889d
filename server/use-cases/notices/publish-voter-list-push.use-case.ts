/**
 * committee.publishVoterList as routed: the objections module's use case, which writes the
 * publication push job in the transaction that publishes the 选民名单公告, then that push run
 * in this invocation (ctx.push), so the list reaches villagers whichever action published it.
 * The push never changes the reply: the publication stands even when WeChat refuses, and a crash
 * after the commit leaves the job to the timer (a retry would only get ALREADY_PUBLISHED).
 *
 * Outcomes: those of publish-voter-list.use-case.ts.
 */
import type { publishVoterList } from '../../../src/contracts/objection-committee.contract';
import type { UseCase } from '../../runtime/dispatch';
import { publishVoterListUseCase } from '../objections/publish-voter-list.use-case';

export const publishVoterListAndPushUseCase: UseCase<typeof publishVoterList> = async (input, ctx) => {
  const r = await publishVoterListUseCase(input, ctx);
  if (!r.ok) return r;
  await ctx.push.pushPublication(r.value.notice.id);
  return r;
};
