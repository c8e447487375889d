/**
 * Counting ballots for the committee: the live count pages the ballot documents themselves (no
 * counter that every submission writes, ARCHITECTURE.md principle 7), and the recount rebuilds
 * the same tally from the audit log alone — the latest version of each voter's ballot — with
 * the same pure function (src/domain/nomination-tally.ts).
 */
import { ballotAuditData, nominationDoc, type NominationDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import { tallyBallots, type BallotTally, type CountedBallot } from '../../../src/domain/nomination-tally';
import { type Collection, type Store } from '../../ports/store.port';
import { docPages, storePages, type WithId } from '../../runtime/documents';
import { PAPER_ACTION, SUBMIT_ACTION } from './ballot.records';

const PAGE = 1000;

export interface LiveCount {
  readonly tally: BallotTally;
  readonly paper: number;
  /** Hashes of the valid ballots: the leaves of the close's Merkle tree. */
  readonly validHashes: string[];
}

/** Every ballot document of the election, page by page (ordered by id so no page skips one). */
export async function eachBallot(store: Store, electionId: string, visit: (b: WithId<NominationDoc>) => void): Promise<void> {
  for await (const page of docPages(store, 'nomination', { electionId }, nominationDoc, { limit: PAGE })) for (const b of page) visit(b);
}

/** `also` sees every ballot of the same pass (e.g. to pick one nominee's ballots without a second read). */
export async function liveCount(store: Store, electionId: string, also?: (b: WithId<NominationDoc>) => void): Promise<LiveCount> {
  const counted: CountedBallot[] = [];
  const validHashes: string[] = [];
  let paper = 0;
  await eachBallot(store, electionId, (b) => {
    counted.push({ names: b.names, valid: b.valid });
    if (b.valid) validHashes.push(b.hash);
    if (b.channel === 'paper') paper += 1;
    also?.(b);
  });
  return { tally: tallyBallots(counted), paper, validHashes };
}

/**
 * Where this election's entries are: pending, then linked. Pending is read first so an entry the
 * chain writer links between the two reads is seen twice (deduplicated by version), never missed.
 */
function auditCollections(): Collection[] {
  return ['auditPending', 'audit'];
}

/** Recount from the audit log: per ballot document, its latest recorded version. */
export async function recountFromAudit(store: Store, electionId: string): Promise<BallotTally> {
  const latest = new Map<string, { version: number; ballot: CountedBallot }>();
  for (const collection of auditCollections()) {
    for await (const page of storePages(store, collection, { scope: electionId }, { limit: PAGE })) {
      for (const entry of page) {
        if (entry.action !== SUBMIT_ACTION && entry.action !== PAPER_ACTION) continue;
        const data = ballotAuditData.parse(entry.data);
        const subject = String(entry.subject);
        const seen = latest.get(subject);
        if (!seen || seen.version < data.version) latest.set(subject, { version: data.version, ballot: { names: data.names, valid: data.valid } });
      }
    }
  }
  return tallyBallots([...latest.values()].map((l) => l.ballot));
}
