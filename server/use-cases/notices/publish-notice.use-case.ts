/**
 * committee.publishNotice — 发布公告 (RULES.md §6). A typed notice is generated from the data it
 * announces; its list (names and groups only) is the store's data at this instant, frozen with
 * its SHA-256 (server/audit/canonical-json.ts). Free text needs a title and a body. A published
 * notice is never changed: a correction is a new notice whose `corrects` names the old one,
 * and the old one then shows that it was corrected. Publishing starts a push to every
 * registered voter with a consent left (ctx.push): its job is written in the publishing
 * transaction, so a crash after the commit leaves the push to the timer, never lost.
 *
 * The voter list goes through committee.publishVoterList (freeze, objection clock), which this
 * action calls; `preview` shows what would be published without storing or sending anything.
 *
 * Outcomes:
 * - ok: the notice (null on preview), the generated draft, the type's window, the push started
 * - UNAUTHENTICATED NO_OPENID · FORBIDDEN NOT_COMMITTEE · NOT_FOUND ELECTION_UNKNOWN | NOTICE_UNKNOWN (corrects)
 * - INVALID_INPUT TEXT_FIXED: the voter list's wording is fixed by publishVoterList ·
 *   TITLE_CLAIMS_TYPE: the title claims another (typed) kind of notice (src/domain/notice.ts)
 * - NOT_ELIGIBLE DATA_NOT_READY: the data the notice announces does not exist yet ·
 *   NOT_APPLICABLE: the preset has no such notice (no proxies) · CORRECTION_NOT_ALLOWED
 * - WINDOW_CLOSED DEADLINE_PASSED: after the type's statutory last day · NOT_YET_OPEN
 * - CONFLICT ALREADY_CORRECTED: that notice already has a correction (correct the correction) ·
 *   ELECTION_CLOSED · and publishVoterList's ALREADY_PUBLISHED | LIST_EMPTY | PUBLICATION_TOO_LATE
 */
import type { publishNotice } from '../../../src/contracts/notice-committee.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { NOTICE_TYPE_LABELS } from '../../../src/contracts/labels';
import { noticeDoc, type AttachmentEntry, type NoticeDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { objectionDecisionLastDay, objectionFilingLastDay } from '../../../src/domain/calendar';
import { shanghaiDateOf } from '../../../src/domain/civil-date';
import { checkNoticePublication, checkNoticeTitle } from '../../../src/domain/notice';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { publicationCheckpoint } from '../../audit/publication-checkpoint';
import type { TxOps } from '../../ports/store.port';
import { findAllDocs, readDoc, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { newId } from '../../security/keyed-hash';
import { actorOf } from '../shared/access.policy';
import { calendarOf } from '../shared/election.view';
import { requireCommitteeElection } from '../shared/election-access.policy';
import { orderVoterList } from '../objections/frozen-voter-list.records';
import { noticeChunkId, noticeView, prepareAttachment, readAttachmentEntries } from './notice-attachment.records';
import { objectionRuleText, voterListNotice } from './objection-notices.text';
import { publishVoterListUseCase } from '../objections/publish-voter-list.use-case';
import { generateNotice, noticeFacts, type GeneratedNotice } from './typed-notice.text';

/** meta/noticeCorrection:{noticeId} — the one correction of a notice (its existence is the claim). */
export const correctionClaimId = (noticeId: string): string => `noticeCorrection:${noticeId}`;

const SAMPLE_ROWS = 20;

type Input = Parameters<UseCase<typeof publishNotice>>[0];
type Ctx = Parameters<UseCase<typeof publishNotice>>[1];
type Reply = Awaited<ReturnType<UseCase<typeof publishNotice>>>;
type Scope = Extract<Awaited<ReturnType<typeof requireCommitteeElection>>, { ok: true }>['value'];
/** What every branch replies beside the notice: the type's window and the last-day warning. */
type Timing = { readonly window: { lastDay: string | null; basis: string }; readonly warning: string | null; readonly today: string; readonly at: string };

export const publishNoticeUseCase: UseCase<typeof publishNotice> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, rules } = scope.value;
  if (election.status !== 'active') return err('CONFLICT', 'ELECTION_CLOSED', '这场选举已经结束');
  if (input.type === 'voterList' && (input.title !== undefined || input.body !== undefined)) {
    return err('INVALID_INPUT', 'TEXT_FIXED', '选民名单公告按法定格式生成，不能自拟标题和正文');
  }
  const corrected = await correctedNotice(ctx, input, election._id);
  if (!corrected.ok) return corrected;
  const corrects = corrected.value;

  const titled = checkNoticeTitle(input.type, input.title, corrects?.type ?? null);
  if (!titled.ok) return titled;

  const now = ctx.clock.now();
  const today = shanghaiDateOf(now);
  const facts = await noticeFacts(ctx.store, election._id);
  const check = checkNoticePublication(input.type, facts, today, calendarOf(election, rules), rules, { isCorrection: corrects !== null });
  if (!check.ok) return check;
  const timing: Timing = {
    window: { lastDay: check.value.window.lastDay, basis: check.value.window.basis },
    warning: check.value.lastDayToday ? `今天是${NOTICE_TYPE_LABELS[input.type]}的法定最晚公布日（${check.value.window.basis}）。` : null,
    today,
    at: now.toISOString(),
  };
  if (input.type === 'voterList') return input.preview ? previewVoterList(ctx, scope.value, timing) : publishVoterList(ctx, election._id, timing);
  return publishTypedNotice(ctx, { ...input, type: input.type }, scope.value, corrects, timing);
};

/** The notice a correction corrects (null when none), or why it cannot be corrected. */
async function correctedNotice(ctx: Ctx, input: Input, electionId: string): Promise<Result<WithId<NoticeDoc> | null, ErrorCode>> {
  if (input.corrects === undefined) return ok(null);
  const corrects = await readDoc(ctx.store, 'notice', input.corrects, noticeDoc);
  if (!corrects || corrects.electionId !== electionId) return err('NOT_FOUND', 'NOTICE_UNKNOWN', '没有找到要更正的公告');
  if (input.type === 'voterList') {
    return err('NOT_ELIGIBLE', 'CORRECTION_NOT_ALLOWED', '选民名单公布后的变更须通过申诉处理，并公布申诉处理结果');
  }
  if (corrects.type !== input.type && input.type !== 'freeText') {
    return err('NOT_ELIGIBLE', 'CORRECTION_NOT_ALLOWED', `更正公告应与原公告类型相同（${NOTICE_TYPE_LABELS[corrects.type]}），或者发布一般公告说明更正`);
  }
  if (await ctx.store.get('meta', correctionClaimId(corrects._id))) {
    return err('CONFLICT', 'ALREADY_CORRECTED', '这份公告已经更正过了；如需再改，请更正那份更正公告');
  }
  return ok(corrects);
}

/** What publishVoterList would freeze now, built with its own helpers; nothing is written. */
async function previewVoterList(ctx: Ctx, { election, village, rules }: Scope, t: Timing): Promise<Reply> {
  const voters = await findAllDocs(ctx.store, 'voter', { electionId: election._id, status: 'registered' }, voterDoc);
  const { rows } = orderVoterList(voters, village.groups);
  const filingLastDay = objectionFilingLastDay(t.today, election.electionDay, rules);
  const text = voterListNotice(election, village, rows.length, objectionRuleText(rules, filingLastDay, objectionDecisionLastDay(filingLastDay, election.electionDay, rules)));
  return ok({ notice: null, draft: draftOf('voterList', { ...text, list: { kind: 'voterList', entries: rows } }, null), window: t.window, push: null, warning: t.warning });
}

/** The voter list goes through committee.publishVoterList (freeze, objection clock), then its push. */
async function publishVoterList(ctx: Ctx, electionId: string, t: Timing): Promise<Reply> {
  const published = await publishVoterListUseCase({ electionId }, ctx);
  if (!published.ok) return published;
  const stored = await readDoc(ctx.store, 'notice', published.value.notice.id, noticeDoc);
  if (!stored) throw new Error('voter list notice vanished after publication');
  // publishVoterList wrote the push job with the notice.
  const push = await ctx.push.pushPublication(stored._id);
  const entries = stored.attachment ? await readAttachmentEntries(ctx.store, stored._id, stored.attachment) : [];
  return ok({
    notice: published.value.notice,
    draft: draftOf('voterList', { title: stored.title, body: stored.body, list: stored.attachment ? { kind: stored.attachment.kind, entries } : null }, null),
    window: t.window,
    push,
    warning: published.value.warning ?? t.warning,
  });
}

/** Any other type: generated from its data (or free text), previewed or written with its push job, then pushed. */
async function publishTypedNotice(ctx: Ctx, input: Input & { type: Exclude<Input['type'], 'voterList'> }, { election, village, rules }: Scope, corrects: WithId<NoticeDoc> | null, t: Timing): Promise<Reply> {
  const generated = await generateNotice(ctx.store, {
    type: input.type,
    election,
    village,
    rules,
    calendar: calendarOf(election, rules),
    today: t.today,
    title: input.title,
    body: input.body,
    corrects,
  });
  const draft = draftOf(input.type, generated, corrects?._id ?? null);
  if (input.preview) return ok({ notice: null, draft, window: t.window, push: null, warning: t.warning });

  const prepared = generated.list ? prepareAttachment(generated.list.kind, generated.list.entries) : null;
  const noticeId = newId(ctx.rng, 'n');
  const actor = actorOf(ctx);
  const notice: NoticeDoc = {
    electionId: election._id,
    villageId: village._id,
    type: input.type,
    title: generated.title,
    body: generated.body,
    attachment: prepared?.attachment ?? null,
    publishedAt: t.at,
    publishedBy: actor,
    corrects: corrects?._id ?? null,
    checkpoint: await publicationCheckpoint(ctx, election._id),
  };
  const r = await ctx.store.runTransaction((tx) => commitNotice(tx, ctx, { notice, noticeId, chunks: prepared?.chunks ?? [], corrects, at: t.at }));
  if (!r.ok) return r;
  const push = await ctx.push.pushPublication(noticeId);
  return ok({ notice: noticeView({ ...notice, _id: noticeId }), draft, window: t.window, push, warning: t.warning });
}

/** The publishing transaction: the correction claim, the list chunks, the notice, its push job and audit entry. */
async function commitNotice(
  tx: TxOps,
  ctx: Ctx,
  p: { notice: NoticeDoc; noticeId: string; chunks: readonly AttachmentEntry[][]; corrects: WithId<NoticeDoc> | null; at: string },
): Promise<Result<true, ErrorCode>> {
  const { notice, noticeId, corrects, at } = p;
  if (corrects) {
    if (await tx.get('meta', correctionClaimId(corrects._id))) return err('CONFLICT', 'ALREADY_CORRECTED', '这份公告已经更正过了；如需再改，请更正那份更正公告');
    await tx.set('meta', correctionClaimId(corrects._id), { noticeId, at });
  }
  for (const [index, entries] of p.chunks.entries()) await tx.set('noticeChunk', noticeChunkId(noticeId, index), { noticeId, index, entries });
  await tx.set('notice', noticeId, notice);
  // The push job commits with the notice: a crash after this leaves it to the push timer.
  await ctx.push.createPublicationJob(tx, notice, noticeId, at);
  await appendAudit(tx, {
    scope: notice.electionId,
    action: 'committee.publishNotice',
    actor: notice.publishedBy,
    at,
    subject: noticeId,
    data: {
      type: notice.type,
      title: notice.title,
      corrects: notice.corrects,
      ...(notice.attachment ? { count: notice.attachment.count, hash: notice.attachment.hash } : {}),
    },
  });
  return ok(true);
}

function draftOf(type: NoticeDoc['type'], g: GeneratedNotice, corrects: string | null) {
  const prepared = g.list ? prepareAttachment(g.list.kind, g.list.entries) : null;
  return {
    type,
    typeLabel: NOTICE_TYPE_LABELS[type],
    title: g.title,
    body: g.body,
    attachment: prepared && g.list ? { kind: prepared.attachment.kind, count: prepared.attachment.count, hash: prepared.attachment.hash, sample: g.list.entries.slice(0, SAMPLE_ROWS) as AttachmentEntry[] } : null,
    corrects,
  };
}
