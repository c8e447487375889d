/**
 * Builds the running nomination counts (nomination-count.records.ts) of elections whose ballots
 * were written before the counts existed: each shard is rebuilt from the ballot documents, the
 * record the counts summarize. An election whose shards already add up to its number of ballots
 * is left alone, so the migration is idempotent and cheap on a store that needs nothing (one count
 * and one query per election with ballots).
 *
 * Run by the local host at start and by `npm run migrate`; the same function runs against
 * CloudBase (the store port). Run it before the new functions take submissions, or while no
 * nomination window is open: a ballot written during an election's rebuild could be overwritten
 * by the rebuild's older view of its shard.
 */
import type { Store } from '../../ports/store.port';
import { storePages } from '../../runtime/documents';
import { eachBallot } from './ballot-count.records';
import { countFromShards, countShardId, countsOf, type CountedBallot } from './nomination-count.records';

export interface NominationCountMigration {
  /** Elections with at least one ballot. */
  readonly examined: number;
  /** Of those, whose counts were rebuilt. */
  readonly rebuilt: number;
  /** Ballots counted by the rebuilds. */
  readonly ballots: number;
}

/** Every shard of the election rewritten from its ballots; returns the number of ballots. */
export async function rebuildNominationCounts(store: Store, electionId: string): Promise<number> {
  const ballots: Array<CountedBallot & { _id: string }> = [];
  await eachBallot(store, electionId, (b) => ballots.push({ _id: b._id, valid: b.valid, channel: b.channel, names: b.names }));
  const shards = countsOf(electionId, ballots);
  await store.runTransaction(async (tx) => {
    for (const s of shards) await tx.set('nominationCount', countShardId(electionId, s.shard), { ...s });
  });
  return ballots.length;
}

export async function migrateNominationCounts(store: Store): Promise<NominationCountMigration> {
  let examined = 0;
  let rebuilt = 0;
  let ballots = 0;
  for await (const page of storePages(store, 'election', {})) {
    for (const election of page) {
      const stored = await store.count('nomination', { electionId: election._id });
      if (stored === 0) continue;
      examined += 1;
      if ((await countFromShards(store, election._id)).tally.ballots === stored) continue;
      rebuilt += 1;
      ballots += await rebuildNominationCounts(store, election._id);
    }
  }
  return { examined, rebuilt, ballots };
}
