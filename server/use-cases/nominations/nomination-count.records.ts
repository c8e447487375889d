/**
 * Running nomination counts (提名计票), sharded (docs/decisions/0002-nomination-counts.md).
 *
 * Every write of a ballot (recordBallot: an app submission, its replacement, a paper ballot the
 * committee enters valid or rules invalid — the only writes that change what a ballot counts for)
 * moves that ballot's contribution in `nominationCount/{electionId}:{shard}` inside the ballot's
 * own transaction: minus the version it replaces, plus the new one. Closing reads the shards in
 * one query and sums them, instead of paging every ballot.
 *
 * Why shards and not one counter: a document that every submission writes serializes the
 * election (ARCHITECTURE.md principle 7: on CloudBase two transactions writing one document
 * conflict, one is retried or fails). A ballot's shard is a hash of its id, so simultaneous
 * submissions collide only when two land on the same shard, and a replacement moves votes within
 * the one shard that already holds the ballot. The ballots stay the record: the full recount
 * (ballot-count.records.ts) is unchanged, and `committee.tally` with `recount` still checks it.
 */
import { createHash } from 'node:crypto';
import { nominationCountDoc, type NominationCountDoc, type NominationDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import type { BallotTally } from '../../../src/domain/nomination-tally';
import type { Post } from '../../../src/domain/presets/types';
import type { Store, TxOps } from '../../ports/store.port';
import { findDocs, readDoc, type WithId } from '../../runtime/documents';

/**
 * Shards per election: an engineering constant, not an election rule, so no preset or setting
 * changes it — a ballot's shard must never move, or its replacement would subtract from a shard
 * that never counted it. 64: a burst of 200 villagers submitting within the same second puts ~3
 * on a shard (CloudBase retries those conflicts inside the adapter), while closing still reads
 * every shard in one query (a query returns up to 1,000 documents). Changing it needs a rebuild
 * of every election's counts (rebuildNominationCounts) while nominations are quiet.
 */
export const NOMINATION_COUNT_SHARDS = 64;

export const countShardId = (electionId: string, shard: number): string => `${electionId}:${shard}`;

/** First 32 bits of SHA-256 of the ballot id: stable across versions and deployments, spread evenly. */
export function shardOf(ballotId: string): number {
  return createHash('sha256').update(ballotId).digest().readUInt32BE(0) % NOMINATION_COUNT_SHARDS;
}

/** What a ballot counts for. */
export type CountedBallot = Pick<NominationDoc, 'valid' | 'channel' | 'names'>;

export const emptyCount = (electionId: string, shard: number): NominationCountDoc => ({ electionId, shard, ballots: 0, valid: 0, invalid: 0, paper: 0, votes: {} });

type MutableCount = { -readonly [K in keyof NominationCountDoc]: NominationCountDoc[K] };

/** Adds (+1) or takes away (−1) one ballot in place; entries that reach zero are dropped, as tallyBallots never has them. */
function addInto(count: MutableCount, b: CountedBallot, sign: 1 | -1): void {
  count.ballots += sign;
  if (b.channel === 'paper') count.paper += sign;
  if (!b.valid) {
    count.invalid += sign;
    return;
  }
  count.valid += sign;
  for (const [post, ids] of Object.entries(b.names) as Array<[Post, readonly string[] | undefined]>) {
    for (const id of ids ?? []) {
      const per = (count.votes[post] ??= {});
      const n = (per[id] ?? 0) + sign;
      if (n === 0) delete per[id];
      else per[id] = n;
      if (Object.keys(per).length === 0) delete count.votes[post];
    }
  }
}

/** A copy of `count` with one ballot added (+1) or taken away (−1). */
export function applyBallot(count: NominationCountDoc, b: CountedBallot, sign: 1 | -1): NominationCountDoc {
  const votes: NominationCountDoc['votes'] = {};
  for (const [post, per] of Object.entries(count.votes) as Array<[Post, Record<string, number>]>) votes[post] = { ...per };
  const next: MutableCount = { ...count, votes };
  addInto(next, b, sign);
  return next;
}

/** The shard a ballot counts in, read at the start of its transaction (beside the ballot itself). */
export function readCountShard(tx: TxOps, ballotId: string, electionId: string): Promise<WithId<NominationCountDoc> | null> {
  return readDoc(tx, 'nominationCount', countShardId(electionId, shardOf(ballotId)), nominationCountDoc);
}

/**
 * Moves a ballot's votes in its shard from the replaced version (if any) to `next`; `stored` is
 * what readCountShard read. In the ballot's own transaction, the shard is rewritten by id: a
 * concurrent ballot of the same shard conflicts and retries, so no change is lost.
 */
export async function countBallotChange(tx: TxOps, ballotId: string, electionId: string, stored: NominationCountDoc | null, prev: CountedBallot | null, next: CountedBallot): Promise<void> {
  const shard = shardOf(ballotId);
  let count: NominationCountDoc = stored ? { electionId, shard, ballots: stored.ballots, valid: stored.valid, invalid: stored.invalid, paper: stored.paper, votes: stored.votes } : emptyCount(electionId, shard);
  if (prev) count = applyBallot(count, prev, -1);
  count = applyBallot(count, next, 1);
  await tx.set('nominationCount', countShardId(electionId, shard), { ...count });
}

interface ShardSum {
  readonly tally: BallotTally;
  readonly paper: number;
  /** Shards read (no more than NOMINATION_COUNT_SHARDS). */
  readonly shards: number;
}

function sumCounts(shards: readonly NominationCountDoc[]): ShardSum {
  const votes = new Map<Post, Map<string, number>>();
  let ballots = 0;
  let valid = 0;
  let invalid = 0;
  let paper = 0;
  for (const s of shards) {
    ballots += s.ballots;
    valid += s.valid;
    invalid += s.invalid;
    paper += s.paper;
    for (const [post, per] of Object.entries(s.votes) as Array<[Post, Record<string, number>]>) {
      let total = votes.get(post);
      if (!total) votes.set(post, (total = new Map()));
      for (const [id, n] of Object.entries(per)) total.set(id, (total.get(id) ?? 0) + n);
    }
  }
  return { tally: { ballots, valid, invalid, votes }, paper, shards: shards.length };
}

/** Closing's count: every shard of the election in one query, summed. */
export async function countFromShards(store: Store, electionId: string): Promise<ShardSum> {
  return sumCounts(await findDocs(store, 'nominationCount', { electionId }, nominationCountDoc, { limit: NOMINATION_COUNT_SHARDS }));
}

/**
 * Closing's count, frozen: every shard of the election read by id inside the closing transaction
 * and written back with `closedAt` (a missing one created empty). A ballot transaction writes its
 * shard too, so under CloudBase's snapshot isolation a ballot and a close that overlap write one
 * document and one of them conflicts and retries: the ballot then finds `closedAt` and is refused
 * (recordBallot), or the close counts it. Reading the shards by query outside the transaction, a
 * ballot committed between that query and the close record was accepted and never counted.
 * The 64 reads and 64 writes are issued together: one round trip each way on CloudBase.
 */
export async function freezeShards(tx: TxOps, electionId: string, closedAt: string): Promise<ShardSum> {
  const shards = await Promise.all(
    Array.from({ length: NOMINATION_COUNT_SHARDS }, async (_, k) => (await readDoc(tx, 'nominationCount', countShardId(electionId, k), nominationCountDoc)) ?? emptyCount(electionId, k)),
  );
  await Promise.all(
    shards.map((s, k) => {
      const frozen: NominationCountDoc = { electionId, shard: k, ballots: s.ballots, valid: s.valid, invalid: s.invalid, paper: s.paper, votes: s.votes, closedAt };
      return tx.set('nominationCount', countShardId(electionId, k), { ...frozen });
    }),
  );
  return sumCounts(shards);
}

/** Every shard of an election (empty ones too) as the given ballots add up: the migration's and the bench's build. */
export function countsOf(electionId: string, ballots: Iterable<CountedBallot & { readonly _id: string }>): NominationCountDoc[] {
  const shards = Array.from({ length: NOMINATION_COUNT_SHARDS }, (_, k) => emptyCount(electionId, k));
  for (const b of ballots) {
    addInto(shards[shardOf(b._id)]!, b, 1);
  }
  return shards;
}
