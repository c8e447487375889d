/**
 * committee.remindUnread — 提醒未读: a new push round of the notice to the registered voters who
 * have not read it and still have a consent (same fan-out engine, ctx.push), and a call list
 * for the group leaders for everyone else who has not read: not bound to WeChat, no consent
 * left, the push was refused, or its outcome is unknown (call-list.ts). The list carries the
 * name, group and the phone number as stored — masked at the source — never an ID number or a
 * clear phone number (RULES.md §7). committee.noticeStats with `callList: true` gives the same
 * list again without another push round.
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | FORBIDDEN NOT_COMMITTEE | NOT_FOUND ELECTION_UNKNOWN |
 * NOTICE_UNKNOWN | CONFLICT PUSH_IN_PROGRESS (an earlier push of this notice is still running)
 */
import type { remindUnread } from '../../../src/contracts/notice-committee.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { noticeDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { pushJobDoc } from '../../../src/contracts/documents/push-documents.schema';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { findDocs, readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { actorOf } from '../shared/access.policy';
import { requireCommitteeElection } from '../shared/election-access.policy';
import { unreadReach } from './call-list.view';
import { readerIds, registeredVoters } from './notice-reach.view';

const inProgress = () => err('CONFLICT', 'PUSH_IN_PROGRESS', '这份公告上一轮推送还没有完成，请稍后再提醒');

export const remindUnreadUseCase: UseCase<typeof remindUnread> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, village } = scope.value;
  const notice = await readDoc(ctx.store, 'notice', input.noticeId, noticeDoc);
  if (!notice || notice.electionId !== election._id) return err('NOT_FOUND', 'NOTICE_UNKNOWN', '没有找到这份公告');

  const jobs = await findDocs(ctx.store, 'pushJob', { noticeId: notice._id }, pushJobDoc, { limit: 100 });
  if (jobs.some((j) => j.status !== 'done')) return inProgress();
  const round = jobs.filter((j) => j.kind === 'remind').length + 1;
  const at = ctx.clock.now().toISOString();
  const r = await ctx.store.runTransaction<Result<string, ErrorCode>>(async (tx) => {
    // Two reminders at once compute the same round: the job id is the claim (null: taken).
    const jobId = await ctx.push.createReminderJob(tx, { electionId: election._id, villageId: village._id, noticeId: notice._id, round }, at);
    if (jobId === null) return inProgress();
    await appendAudit(tx, { scope: election._id, action: 'committee.remindUnread', actor: actorOf(ctx), at, subject: jobId, data: { noticeId: notice._id, round } });
    return ok(jobId);
  });
  if (!r.ok) return r;
  const push = await ctx.push.runJobNow(r.value);

  // After the push: whoever it could not reach goes on the call list (call-list.ts). The
  // same list comes back from committee.noticeStats with `callList: true`, without pushing.
  const [voters, readers] = await Promise.all([registeredVoters(ctx.store, election._id), readerIds(ctx.store, notice._id)]);
  const reach = await unreadReach(ctx, { electionId: election._id, village, noticeId: notice._id, voters, readers });
  return ok({ push, callList: reach.callList });
};
