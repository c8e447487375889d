/**
 * committee.publishVoterList — 公布选民名单: freezes the registered voters at this instant into a
 * SHA-256-hashed attachment (name and group only, group order then 姓氏笔画), publishes the
 * 选民名单公告 notice, and sets election.voterListPublishedOn, which starts the objection clock.
 * After this the list changes only through decided objections, each published in turn.
 *
 * Serialised against concurrent roll changes by optimistic concurrency (roll-access.ts
 * rollVersion): the roll version is read before the registered voters are queried and checked
 * again — and written — inside the publishing transaction. A change committed in between makes
 * the publication start over with a fresh query (up to PUBLISH_ATTEMPTS times); a change running
 * concurrently writes the same version document, so one of the two transactions is aborted and
 * retried (CloudBase), or they run one after the other (embedded). Either way the frozen list is
 * exactly the registered entries at the instant of publication.
 *
 * Outcomes:
 * - ok: the notice, the objection window, and `warning` when only the statutory minimum margin
 *   is left before election day (RULES.md §1 "warn when the gap is < 21 days")
 * - UNAUTHENTICATED NO_OPENID · FORBIDDEN NOT_COMMITTEE · NOT_FOUND ELECTION_UNKNOWN
 * - CONFLICT ALREADY_PUBLISHED: published once, never again · ELECTION_CLOSED · LIST_EMPTY ·
 *   ROLL_CHANGED: the roll kept changing during PUBLISH_ATTEMPTS tries (try again shortly)
 * - WINDOW_CLOSED PUBLICATION_TOO_LATE: today is later than E−N of the preset
 */
import type { publishVoterList } from '../../../src/contracts/objection-committee.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { electionDoc, type ElectionDoc, type VillageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { type AttachmentEntry, type NoticeDoc } from '../../../src/contracts/documents/notice-documents.schema';
import type { VoterListFreezeDoc } from '../../../src/contracts/documents/voter-list-documents.schema';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { objectionDecisionLastDay, objectionFilingLastDay, voterListPublicationCheck } from '../../../src/domain/calendar';
import { endOfShanghaiDay, shanghaiDateOf } from '../../../src/domain/civil-date';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { publicationCheckpoint } from '../../audit/publication-checkpoint';
import { findAllDocs, readDoc, type WithId } from '../../runtime/documents';
import type { CallContext } from '../../runtime/context';
import type { Store, TxOps } from '../../ports/store.port';
import type { RuleSet } from '../../../src/domain/presets/types';
import { readRollVersion, rollVersionId } from '../roll/roll-access.policy';
import type { PushService } from '../../ports/push.port';
import type { UseCase } from '../../runtime/dispatch';
import { newId } from '../../security/keyed-hash';
import { actorOf } from '../shared/access.policy';
import { electionSummary } from '../shared/election.view';
import { requireCommitteeElection } from '../shared/election-access.policy';
import { bucketVoterIds, orderVoterList, voterListBucketId, voterListFreezeId, voterListMapId } from './frozen-voter-list.records';
import { chunk, noticeChunkId, noticeView, prepareAttachment, publishedNotice } from '../notices/notice-attachment.records';
import { objectionRuleText, voterListNotice } from '../notices/objection-notices.text';

/** Chunk documents per transaction when pre-writing a long list. */
const CHUNKS_PER_TX = 10;
/** Fresh starts when the roll changed between the query and the publishing transaction. */
export const PUBLISH_ATTEMPTS = 3;

const alreadyPublished = (on: string) => err('CONFLICT', 'ALREADY_PUBLISHED', `选民名单已于${on}公布；公布后的更改须通过申诉处理并公布处理结果`);

export const publishVoterListUseCase: UseCase<typeof publishVoterList> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, village, rules } = scope.value;
  if (election.status !== 'active') return err('CONFLICT', 'ELECTION_CLOSED', '这场选举已经结束');
  if (election.voterListPublishedOn !== null) return alreadyPublished(election.voterListPublishedOn);

  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = shanghaiDateOf(now);
  const check = voterListPublicationCheck(today, election.electionDay, rules);
  if (!check.ok) return check;

  // The printed list carries the chain's signed checkpoint as of its publication.
  const checkpoint = await publicationCheckpoint(ctx, election._id);
  let published: Published | null = null;
  for (let attempt = 1; attempt <= PUBLISH_ATTEMPTS && !published; attempt++) {
    const r = await publishOnce(ctx, { election, village, rules, at, today, marginDays: check.value.marginDays, checkpoint });
    if (!r.ok) return r;
    published = r.value;
  }
  if (!published) {
    ctx.log.info('voterList.rollChanged', { electionId: election._id, attempts: PUBLISH_ATTEMPTS, requestId: ctx.requestId });
    return err('CONFLICT', 'ROLL_CHANGED', '公布时选民登记正在变动（有人正在登记或导入），名单没有公布；请稍等一会儿再点“公布”');
  }
  const { notice, noticeId, rows, filingLastDay, ruleText } = published;

  const stored = await readDoc(ctx.store, 'election', election._id, electionDoc);
  if (!stored) throw new Error('election vanished after publication');
  const warning = check.value.warning;
  return ok({
    notice: noticeView({ ...notice, _id: noticeId }),
    publishedOn: today,
    count: rows,
    objections: { filingLastDay, filingDeadline: endOfShanghaiDay(filingLastDay).toISOString(), rule: ruleText },
    warning,
    election: electionSummary(stored, village, now),
  });
};

interface Published {
  notice: NoticeDoc;
  noticeId: string;
  rows: number;
  filingLastDay: string;
  ruleText: string;
}

/**
 * One try: the freeze as read now, published only if no roll change committed since the version
 * was read (null: start over). Refusals (ALREADY_PUBLISHED, LIST_EMPTY) end the publication.
 */
async function publishOnce(
  ctx: CallContext,
  p: { election: WithId<ElectionDoc>; village: WithId<VillageDoc>; rules: RuleSet; at: string; today: string; marginDays: number; checkpoint: NoticeDoc['checkpoint'] },
): Promise<Result<Published | null, ErrorCode>> {
  const { election, village, rules, at, today, checkpoint } = p;
  const version = await readRollVersion(ctx.store, election._id);
  // The freeze: registered entries as read now. Entries still pending (undeclared migrants,
  // undecided category C) are not on the list; they come on only through an upheld objection
  // (registerVoter, with the person's declaration or the meeting's decision).
  const voters = await findAllDocs(ctx.store, 'voter', { electionId: election._id, status: 'registered' }, voterDoc);
  if (voters.length === 0) return err('CONFLICT', 'LIST_EMPTY', '还没有已登记的选民，不能公布空的选民名单');
  const { rows, voterIds } = orderVoterList(voters, village.groups);
  const { attachment, chunks } = prepareAttachment('voterList', rows);

  const filingLastDay = objectionFilingLastDay(today, election.electionDay, rules);
  const ruleText = objectionRuleText(rules, filingLastDay, objectionDecisionLastDay(filingLastDay, election.electionDay, rules));
  const text = voterListNotice(election, village, rows.length, ruleText);
  const noticeId = newId(ctx.rng, 'n');
  const actor = actorOf(ctx);
  const notice = publishedNotice({ electionId: election._id, villageId: village._id, type: 'voterList', text, attachment, at, actor, checkpoint });
  const mapChunks = chunk(voterIds);
  const freeze: VoterListFreezeDoc = {
    electionId: election._id,
    noticeId,
    publishedOn: today,
    publishedAt: at,
    count: rows.length,
    hash: attachment.hash,
    chunkCount: mapChunks.length,
    bucketCount: Math.max(1, mapChunks.length),
  };

  const chunkDocs = await writeChunks(ctx.store, election._id, noticeId, chunks, voterIds, freeze.bucketCount ?? 1);
  const r = await ctx.store.runTransaction((tx) => commitPublication(tx, ctx.push, { election, notice, noticeId, freeze, version, at, today, actor, marginDays: p.marginDays, filingLastDay }));
  if (!r.ok || r.value === 'stale') {
    await ctx.store.runTransaction(async (tx) => {
      for (const [collection, id] of chunkDocs) await tx.remove(collection, id);
    });
    return r.ok ? ok(null) : r;
  }
  return ok({ notice, noticeId, rows: rows.length, filingLastDay, ruleText });
}

type ChunkDoc = [collection: 'noticeChunk' | 'voterListMap', id: string, data: Record<string, unknown>];

/**
 * Row chunks go first, in small transactions of their own: they are addressed by this notice's
 * fresh id, so nothing can see them until the notice naming them commits (and they are removed
 * again if it does not). This keeps the publishing transaction small for big rolls.
 */
async function writeChunks(store: Store, electionId: string, noticeId: string, chunks: readonly AttachmentEntry[][], voterIds: readonly string[], bucketCount: number): Promise<ChunkDoc[]> {
  const mapChunks = chunk(voterIds);
  const buckets = bucketVoterIds(voterIds, bucketCount);
  const chunkDocs: ChunkDoc[] = [
    ...chunks.map((entries, index): ChunkDoc => ['noticeChunk', noticeChunkId(noticeId, index), { noticeId, index, entries }]),
    ...mapChunks.map((ids, index): ChunkDoc => ['voterListMap', voterListMapId(noticeId, index), { electionId, noticeId, index, voterIds: ids }]),
    ...buckets.map((ids, bucket): ChunkDoc => ['voterListMap', voterListBucketId(noticeId, bucket), { electionId, noticeId, bucket, voterIds: ids }]),
  ];
  for (const batch of chunk(chunkDocs, CHUNKS_PER_TX)) {
    await store.runTransaction(async (tx) => {
      for (const [collection, id, data] of batch) await tx.set(collection, id, data);
    });
  }
  return chunkDocs;
}

/** The publishing transaction: 'stale' when a roll change committed since `version` was read. */
async function commitPublication(
  tx: TxOps,
  push: PushService,
  p: { election: WithId<ElectionDoc>; notice: NoticeDoc; noticeId: string; freeze: VoterListFreezeDoc; version: number; at: string; today: string; actor: string; marginDays: number; filingLastDay: string },
): Promise<Result<true | 'stale', ErrorCode>> {
  const { election, notice, noticeId, freeze, version, at, today, actor } = p;
  const fresh = await readDoc(tx, 'election', election._id, electionDoc);
  if (!fresh) throw new Error('election vanished during publication');
  if (fresh.voterListPublishedOn !== null) return alreadyPublished(fresh.voterListPublishedOn);
  if (await tx.get('meta', voterListFreezeId(election._id))) return alreadyPublished(today);
  // Optimistic check: a roll change committed since the query makes this freeze stale.
  if ((await readRollVersion(tx, election._id)) !== version) return ok('stale');
  // Written so that a roll change running concurrently conflicts with this transaction.
  await tx.set('meta', rollVersionId(election._id), { value: version + 1 });
  await tx.set('notice', noticeId, notice);
  // The push job commits with the notice: a crash after this leaves it to the push timer.
  await push.createPublicationJob(tx, notice, noticeId, at);
  await tx.set('meta', voterListFreezeId(election._id), freeze);
  await tx.update('election', election._id, { voterListPublishedOn: today, voterList: { noticeId, count: freeze.count } });
  await appendAudit(tx, {
    scope: election._id,
    action: 'committee.publishVoterList',
    actor,
    at,
    subject: noticeId,
    data: { count: freeze.count, hash: freeze.hash, publishedOn: today, marginDays: p.marginDays, filingLastDay: p.filingLastDay },
  });
  return ok(true);
}
