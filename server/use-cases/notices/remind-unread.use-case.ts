/**
 * committee.remindUnread — 提醒未读: a new push round of the notice to the registered voters who
 * have not read it and still have a consent (same fan-out engine, server/push), and a call list
 * for the group leaders for everyone else who has not read: not bound to WeChat, no consent
 * left, or the push was refused. The list carries the name, group and the phone number as stored
 * — masked at the source — never an ID number or a clear phone number (RULES.md §7).
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | FORBIDDEN NOT_COMMITTEE | NOT_FOUND ELECTION_UNKNOWN |
 * NOTICE_UNKNOWN | CONFLICT PUSH_IN_PROGRESS (an earlier push of this notice is still running)
 */
import type { remindUnread } from '../../../src/contracts/notice.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { noticeDeliveryDoc, noticeDoc, pushJobDoc } from '../../../src/contracts/store-documents.schema';
import { sortByStroke } from '../../../src/domain/stroke-order';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { createPushJob, newPushJob, reminderJobId } from '../../push/push-job';
import { pushNow } from '../../push/notice-push';
import { findAllDocs, findDocs, readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { actorOf } from '../shared/access';
import { committeeElection } from '../objections/election-access';
import { readerIds, registeredVoters, type Voter } from './notice-reach';

const WHY_LABELS = { notBound: '未绑定微信', noConsent: '没有订阅次数', pushFailed: '推送未成功' } as const;
type Why = keyof typeof WHY_LABELS;

/** Stored phones are masked at import; a clear number slipping through is masked again here, never shown. */
export function safeMaskedPhone(stored: string | null): string | null {
  if (stored === null) return null;
  const digits = stored.replace(/\D/g, '');
  return /^1\d{10}$/.test(digits) ? `${digits.slice(0, 3)}****${digits.slice(7)}` : stored;
}

const inProgress = () => err('CONFLICT', 'PUSH_IN_PROGRESS', '这份公告上一轮推送还没有完成，请稍后再提醒');

export const remindUnreadUseCase: UseCase<typeof remindUnread> = async (input, ctx) => {
  const scope = await committeeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, village } = scope.value;
  const notice = await readDoc(ctx.store, 'notice', input.noticeId, noticeDoc);
  if (!notice || notice.electionId !== election._id) return err('NOT_FOUND', 'NOTICE_UNKNOWN', '没有找到这份公告');

  const jobs = await findDocs(ctx.store, 'pushJob', { noticeId: notice._id }, pushJobDoc, { limit: 100 });
  if (jobs.some((j) => j.status !== 'done')) return inProgress();
  const round = jobs.filter((j) => j.kind === 'remind').length + 1;
  const jobId = reminderJobId(notice._id, round);
  const at = ctx.clock.now().toISOString();
  const r = await ctx.store.runTransaction<Result<true, ErrorCode>>(async (tx) => {
    // Two reminders at once compute the same round: the job id is the claim.
    if (await tx.get('pushJob', jobId)) return inProgress();
    await createPushJob(tx, jobId, newPushJob({ electionId: election._id, villageId: village._id, noticeId: notice._id, kind: 'remind', round }, at));
    await appendAudit(tx, { scope: election._id, action: 'committee.remindUnread', actor: actorOf(ctx), at, subject: jobId, data: { noticeId: notice._id, round } });
    return ok(true);
  });
  if (!r.ok) return r;
  const push = await pushNow(ctx, jobId);

  // After the push: whoever it could not reach goes on the call list.
  const [voters, readers, deliveries] = await Promise.all([
    registeredVoters(ctx.store, election._id),
    readerIds(ctx.store, notice._id),
    findAllDocs(ctx.store, 'noticeDelivery', { jobId }, noticeDeliveryDoc),
  ]);
  const outcome = new Map(deliveries.map((d) => [d.voterId, d.status]));
  const toCall: { voter: Voter; why: Why }[] = [];
  for (const v of voters) {
    if (readers.has(v._id)) continue;
    const status = outcome.get(v._id);
    if (v.boundTo === null) toCall.push({ voter: v, why: 'notBound' });
    else if (status === 'noConsent' || status === undefined) toCall.push({ voter: v, why: 'noConsent' });
    else if (status === 'failed') toCall.push({ voter: v, why: 'pushFailed' });
  }
  const rank = new Map(village.groups.map((g, i) => [g, i]));
  const byGroup = new Map<string, { voter: Voter; why: Why }[]>();
  for (const c of toCall) byGroup.set(c.voter.group, [...(byGroup.get(c.voter.group) ?? []), c]);
  const groups = [...byGroup.keys()].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  const callList = groups.flatMap((g) =>
    sortByStroke(byGroup.get(g) ?? [], (c) => c.voter.name).map((c) => ({
      name: c.voter.name,
      group: c.voter.group,
      category: c.voter.category,
      phoneMasked: safeMaskedPhone(c.voter.phoneMasked),
      why: c.why,
      whyLabel: WHY_LABELS[c.why],
    })),
  );
  return ok({ push, callList });
};
