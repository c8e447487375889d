/**
 * committee.closeNominations — 结束提名: after the window's last day has ended in Beijing time,
 * the count is frozen into the close record from the running counts (one query over the count
 * shards, then each shard frozen by id in the closing transaction so no ballot lands after the
 * count, nomination-count.records.ts freezeShards; initial candidates = nominees with at least the preset's
 * joint minimum), then sealed with a Merkle root over the valid ballots' hashes (resumed by the
 * next call when a call ended between the two), and the formal
 * candidates follow by the preset's 差额 (src/domain/formal-candidates.ts). Election committee
 * members among the initial candidates leave the committee at once (RULES.md §2, the members
 * hook) and the reply lists the seats to fill. Called again, it records a tie resolution
 * (预选 or a draw, with the meeting record) or the planned margins; ties are never broken silently.
 *
 * Outcomes:
 * - ok: closedAt, the formal selection with its problems, the tally hash
 * - UNAUTHENTICATED NO_OPENID · FORBIDDEN NOT_COMMITTEE | MEMBER_REVOKED · NOT_FOUND ELECTION_UNKNOWN
 * - WINDOW_CLOSED WINDOW_STILL_OPEN (before the end of the closing day, or no window) | ALREADY_PUBLISHED
 * - BUSY (the count still moved after FREEZE_TRIES reads: ballots sent before the deadline committing)
 * - INVALID_INPUT RESOLUTION_NOT_APPLICABLE (the resolution does not settle a current tie)
 */
import type { closeNominations } from '../../../src/contracts/candidate.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import type { NominationCloseDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import { endOfShanghaiDay } from '../../../src/domain/civil-date';
import type { Post, RuleSet } from '../../../src/domain/presets/types';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { StoreError } from '../../ports/store.port';
import type { CallContext } from '../../runtime/context';
import type { UseCase } from '../../runtime/dispatch';
import type { WithId } from '../../runtime/documents';
import { leaveCommitteeOnCandidacy } from '../membership/leave-committee-on-candidacy.effects';
import { civilDateText } from '../notices/notice-wording.text';
import { requireCommitteeElection, type ElectionScope } from '../shared/election-access.policy';
import { actorOf } from '../shared/access.policy';
import { candidateDocs, computeSelection, readClose, selectionView } from './candidate-selection.view';
import { countFromShards, freezeShards } from './nomination-count.records';
import { nomineeRecords, sealClose, tallyHashOf } from './nomination-close.records';
import { closeId } from './nomination-scope.policy';

/** Members who left on candidacy, by name, for the committee's 请补齐选举委员会成员 message. */
export const seatsToFillView = (close: NominationCloseDoc) =>
  close.seatsToFill.map((voterId) => ({ voterId, name: close.posts.flatMap((p) => p.nominees).find((n) => n.voterId === voterId)?.name ?? '' }));

type Input = Parameters<UseCase<typeof closeNominations>>[0];

/** Thrown inside the closing transaction to roll it back when the count moved since it was read. */
class CountMoved extends Error {}

/** Tries of freezeCount before BUSY: the count moves only while ballots sent before the deadline are still committing. */
const FREEZE_TRIES = 3;

/**
 * The frozen count, without its seal: what closing costs grows with the shards and nominees, not
 * the ballots. The count and the nominees' names are read first; the transaction then freezes
 * every shard (freezeShards) and commits only if the frozen count is the one read — otherwise a
 * ballot landed in between, and the whole close is read again.
 */
export async function freezeCount(ctx: CallContext, scope: ElectionScope, at: string): Promise<WithId<NominationCloseDoc>> {
  const { election } = scope;
  for (let attempt = 1; ; attempt++) {
    try {
      return await freezeOnce(ctx, scope, at);
    } catch (e) {
      if (!(e instanceof CountMoved)) throw e;
      // A store CONFLICT: dispatch answers BUSY (nothing applied; the clerk taps again).
      if (attempt >= FREEZE_TRIES) throw new StoreError('CONFLICT', `closeNominations ${election._id}: the count kept moving`);
    }
  }
}

async function freezeOnce(ctx: CallContext, scope: ElectionScope, at: string): Promise<WithId<NominationCloseDoc>> {
  const { election, rules } = scope;
  const { tally, paper } = await countFromShards(ctx.store, election._id);
  const posts = await nomineeRecords(ctx.store, election, tally);
  const actor = actorOf(ctx);
  const initial = [...new Set(posts.flatMap((p) => p.nominees.filter((n) => n.votes >= rules.nomination.jointMinimum).map((n) => n.voterId)))];
  const doc: NominationCloseDoc = {
    electionId: election._id,
    villageId: election.villageId,
    closedAt: at,
    closedBy: actor,
    ballots: tally.ballots,
    valid: tally.valid,
    invalid: tally.invalid,
    paper,
    posts,
    resolutions: [],
    tallyHash: tallyHashOf(tally),
    merkle: null,
    seatsToFill: [],
    publication: null,
    republishNeeded: false,
  };
  return ctx.store.runTransaction(async (tx) => {
    // A concurrent close got there first: keep its record (and the seats it freed).
    const existing = await readClose(tx, election._id);
    if (existing) return existing;
    const frozen = await freezeShards(tx, election._id, at);
    if (tallyHashOf(frozen.tally) !== doc.tallyHash || frozen.paper !== paper) throw new CountMoved();
    const seats: string[] = [];
    for (const voterId of initial) {
      const left = await leaveCommitteeOnCandidacy(tx, { villageId: election.villageId, electionId: election._id, voterId, at, actor });
      if (left.revokedMemberId) seats.push(voterId);
    }
    const stored = { ...doc, seatsToFill: seats };
    await tx.set('meta', closeId(election._id), stored);
    await appendAudit(tx, { scope: election._id, action: 'committee.closeNominations', actor, at, subject: election._id, data: { ballots: doc.ballots, valid: doc.valid, invalid: doc.invalid, tallyHash: doc.tallyHash, seatsToFill: seats.length } });
    return { ...stored, _id: closeId(election._id) };
  });
}

function withInput(close: NominationCloseDoc, input: Input, at: string, by: string): NominationCloseDoc {
  const margins = input.margins ?? {};
  const posts = close.posts.map((p) => ({ ...p, margin: margins[p.post] ?? p.margin }));
  const r = input.resolution;
  const resolutions = r ? [...close.resolutions.filter((x) => x.post !== r.post), { post: r.post, chosen: r.chosen, method: r.method, record: r.record, at, by }] : close.resolutions;
  return { ...close, posts, resolutions, republishNeeded: close.publication !== null };
}

function resolutionSettles(before: NominationCloseDoc, after: NominationCloseDoc, post: Post | 'woman', rules: RuleSet): boolean {
  const reason = post === 'woman' ? 'WOMAN_TIE' : 'TIE_AT_CUT';
  const open = (c: NominationCloseDoc) => computeSelection(c, new Map(), rules).problems.some((p) => p.post === post && p.reason === reason);
  return open(before) && !open(after);
}

async function amend(ctx: CallContext, scope: ElectionScope, close: WithId<NominationCloseDoc>, input: Input, at: string): Promise<Result<WithId<NominationCloseDoc>, ErrorCode>> {
  if (close.publication && !close.republishNeeded) return err('WINDOW_CLOSED', 'ALREADY_PUBLISHED', '正式候选人名单已经公布，不能再改');
  const next = withInput(close, input, at, actorOf(ctx));
  if (input.resolution && !resolutionSettles(close, next, input.resolution.post, scope.rules)) {
    return err('INVALID_INPUT', 'RESOLUTION_NOT_APPLICABLE', '这个决定与票数相同的情况对不上：只能在票数相同的人中选出正好空出的名额');
  }
  await ctx.store.runTransaction(async (tx) => {
    await tx.set('meta', close._id, { ...next });
    await appendAudit(tx, { scope: close.electionId, action: 'committee.resolveCandidates', actor: actorOf(ctx), at, subject: close.electionId, data: { resolution: input.resolution ?? null, margins: input.margins ?? null } });
  });
  return ok({ ...next, _id: close._id });
}

export const closeNominationsUseCase: UseCase<typeof closeNominations> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, rules } = scope.value;
  const now = ctx.clock.now();
  if (!election.nominationClosesOn || now.getTime() < endOfShanghaiDay(election.nominationClosesOn).getTime()) {
    return err('WINDOW_CLOSED', 'WINDOW_STILL_OPEN', election.nominationClosesOn ? `提名到${civilDateText(election.nominationClosesOn)}晚上12点（北京时间）才结束，结束以后才能统计提名、确定候选人` : '还没有定提名时间');
  }
  const at = now.toISOString();
  let close = (await readClose(ctx.store, election._id)) ?? (await freezeCount(ctx, scope.value, at));
  close = await sealClose(ctx.store, close, actorOf(ctx), at);
  if (input.resolution || input.margins) {
    const amended = await amend(ctx, scope.value, close, input, at);
    if (!amended.ok) return amended;
    close = amended.value;
  }
  const candidates = await candidateDocs(ctx.store, election._id);
  const selection = selectionView(computeSelection(close, candidates, rules), close, candidates);
  return ok({ closedAt: close.closedAt, selection, tallyHash: close.tallyHash, seatsToFill: seatsToFillView(close) });
};
