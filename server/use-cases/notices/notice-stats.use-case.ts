/**
 * committee.noticeStats — 阅读情况. Without a notice: every notice of the election (newest
 * first) with its 知晓率, and which notice types may be published today (for the compose page).
 * With a notice: 知晓率 overall, per village group, migrants (category B) apart from residents;
 * deliveries of every push of the notice by status (`unknown` included: never resent); the unread
 * split into push-reachable and call-only, with the size of the call list of the latest push and
 * how many on it have an unknown push. With `callList: true` also the call list itself
 * (call-list.ts), the same that committee.remindUnread returned last — fetched without pushing.
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | FORBIDDEN NOT_COMMITTEE | NOT_FOUND ELECTION_UNKNOWN | NOTICE_UNKNOWN
 */
import type { noticeStats } from '../../../src/contracts/notice-committee.contract';
import { NOTICE_TYPE_LABELS } from '../../../src/contracts/labels';
import { pushJobDoc } from '../../../src/contracts/documents/push-documents.schema';
import { NOTICE_TYPES } from '../../../src/contracts/notice.schema';
import { shanghaiDateOf } from '../../../src/domain/civil-date';
import { checkNoticePublication, noticeWindow } from '../../../src/domain/notice';
import { err, ok } from '../../../src/domain/result';
import { findDocs } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { noticeView } from './notice-attachment.records';
import { requireCommitteeElection } from '../shared/election-access.policy';
import { calendarOf } from '../shared/election.view';
import { correctedByOf, electionNotices } from './notice-reading.records';
import { unreadReach } from './call-list.view';
import { awarenessOf, awarenessView, rateView, readerIds, registeredVoters } from './notice-reach.view';
import { noticeFacts } from './typed-notice.text';
import { dateWords } from '../../../src/domain/date-words';

export const noticeStatsUseCase: UseCase<typeof noticeStats> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, village, rules } = scope.value;
  const notices = await electionNotices(ctx.store, election._id);
  const target = input.noticeId === undefined ? null : (notices.find((n) => n._id === input.noticeId) ?? null);
  if (input.noticeId !== undefined && !target) return err('NOT_FOUND', 'NOTICE_UNKNOWN', '没有找到这份公告');

  const correctedBy = correctedByOf(notices);
  const voters = await registeredVoters(ctx.store, election._id);
  const readersByNotice = new Map(await Promise.all(notices.map(async (n) => [n._id, await readerIds(ctx.store, n._id)] as const)));
  const summaries = notices.map((n) => ({
    ...noticeView(n),
    correctedBy: correctedBy.get(n._id) ?? null,
    awareness: rateView(awarenessOf(voters, readersByNotice.get(n._id) ?? new Set(), village.groups).overall),
  }));

  const today = shanghaiDateOf(ctx.clock.now());
  const calendar = calendarOf(election, rules);
  const facts = await noticeFacts(ctx.store, election._id, { registeredVoters: voters.length });
  const types = NOTICE_TYPES.map((type) => {
    const w = noticeWindow(type, calendar, rules);
    const base = { type, label: NOTICE_TYPE_LABELS[type], lastDay: w.lastDay, basis: w.basis };
    if (type === 'voterList' && election.voterListPublishedOn !== null) {
      return { ...base, allowed: false, reason: 'ALREADY_PUBLISHED', message: `选民名单已于${dateWords(election.voterListPublishedOn)}公布` };
    }
    const c = checkNoticePublication(type, facts, today, calendar, rules);
    return c.ok ? { ...base, allowed: true, reason: null, message: null } : { ...base, allowed: false, reason: c.reason ?? null, message: c.message ?? null };
  });

  let detail = null;
  if (target) {
    const readers = readersByNotice.get(target._id) ?? new Set<string>();
    const [deliveries, jobs, reach] = await Promise.all([
      ctx.push.deliveryCounts({ noticeId: target._id }),
      findDocs(ctx.store, 'pushJob', { noticeId: target._id }, pushJobDoc, { limit: 100, orderBy: { field: 'createdAt', direction: 'asc' } }),
      unreadReach(ctx, { electionId: election._id, village, noticeId: target._id, voters, readers }),
    ]);
    detail = {
      notice: { ...noticeView(target), correctedBy: correctedBy.get(target._id) ?? null },
      awareness: awarenessView(awarenessOf(voters, readers, village.groups)),
      deliveries,
      jobs: await Promise.all(jobs.map(async (j) => ({ jobId: j._id, kind: j.kind, status: j.status, createdAt: j.createdAt, counts: await ctx.push.deliveryCounts({ jobId: j._id }) }))),
      unread: { total: reach.total, withConsent: reach.withConsent, callOnly: reach.callOnly, onCallList: reach.callList.length, pushUnknown: reach.pushUnknown },
      callList: input.callList ? reach.callList : null,
    };
  }
  return ok({ notices: summaries, types, detail });
};
