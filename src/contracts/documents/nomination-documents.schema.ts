import * as z from 'zod/mini';
import { civilDateSchema, postSchema } from '../common.schema';
import { ballotNamesSchema } from '../nominee.schema';

/**
 * Stored documents of nominations (read back through zod, ARCHITECTURE.md principle 4).
 *
 * - `nomination/{electionId}:{voterId}` — the one ballot of a voter (app or paper: the same id,
 *   so both can never exist). Replaced in place when the preset allows; every version is in the
 *   audit log.
 * - `receipt/{code}` — a receipt code → the ballot and the hash it was issued for.
 * - `meta/nominationClose:{electionId}` — the closed count, initial candidates, resolutions,
 *   the Merkle root over the valid ballots' hashes and the publication state.
 * - `meta/merkle:{electionId}:{chunk}` — sorted leaf hashes, 1,024 per chunk.
 * - `nominationCount/{electionId}:{shard}` — running counts of the ballots whose id hashes to
 *   that shard (server/use-cases/nominations/nomination-count.records.ts).
 * - `candidate/{electionId}:{voterId}` — review, profile and withdrawal of a candidate.
 */

export const paperRecordSchema = z.object({
  /** Audit actor of the clerk who typed it in (keyed hash of the openid). */
  clerk: z.string(),
  scanRef: z.string(),
  assisted: z.boolean(),
  invalidReason: z.nullable(z.string()),
});

export const nominationDoc = z.object({
  electionId: z.string(),
  villageId: z.string(),
  voterId: z.string(),
  channel: z.enum(['app', 'paper']),
  valid: z.boolean(),
  names: ballotNamesSchema,
  /** Private file of the vector strokes and the SHA-256 of their canonical JSON; null on paper. */
  signature: z.nullable(z.object({ fileId: z.string(), digest: z.string() })),
  paper: z.nullable(paperRecordSchema),
  submittedAt: z.string(),
  /** SHA-256 (hex) of the canonical submission; signed as `sig` by `keyId`. */
  hash: z.string(),
  keyId: z.string(),
  sig: z.string(),
  code: z.string(),
  /** 1 for the first ballot, +1 per replacement. */
  version: z.int().check(z.gte(1)),
});
export type NominationDoc = z.infer<typeof nominationDoc>;

export const receiptDoc = z.object({ electionId: z.string(), ballotId: z.string(), hash: z.string(), version: z.int(), issuedAt: z.string() });
export type ReceiptDoc = z.infer<typeof receiptDoc>;

const nomineeRecord = z.object({ voterId: z.string(), name: z.string(), group: z.string(), sex: z.enum(['M', 'F']), birthYear: z.int(), votes: z.int() });
export type NomineeRecord = z.infer<typeof nomineeRecord>;

export const tieResolutionRecord = z.object({
  post: z.enum(['director', 'deputy', 'member', 'woman']),
  chosen: z.array(z.string()),
  method: z.enum(['preElection', 'draw']),
  record: z.string(),
  at: z.string(),
  by: z.string(),
});

export const nominationCloseDoc = z.object({
  electionId: z.string(),
  villageId: z.string(),
  closedAt: z.string(),
  closedBy: z.string(),
  ballots: z.int(),
  valid: z.int(),
  invalid: z.int(),
  paper: z.int(),
  /** Every nominee with at least one vote, per post (the initial candidates are those ≥ jointMinimum). */
  posts: z.array(z.object({ post: postSchema, seats: z.int(), margin: z.nullable(z.int()), nominees: z.array(nomineeRecord) })),
  resolutions: z.array(tieResolutionRecord),
  /** SHA-256 of the canonical tally (counts per post and nominee). */
  tallyHash: z.string(),
  /**
   * Null from the count's freeze until the ballots are sealed (the same closeNominations call, or
   * the next one / publishCandidates when that call ended between the two).
   */
  merkle: z.nullable(z.object({ root: z.string(), leaves: z.int(), chunkSize: z.int(), chunkRoots: z.array(z.string()), chunkFirsts: z.array(z.string()) })),
  /** Committee members who left on candidacy (RULES.md §2): seats to fill. */
  seatsToFill: z.array(z.string()),
  publication: z.nullable(z.object({ version: z.int(), publishedAt: z.string(), hash: z.string() })),
  /** The list changed (withdrawal, review) since it was published. */
  republishNeeded: z.boolean(),
});
export type NominationCloseDoc = z.infer<typeof nominationCloseDoc>;

/**
 * One shard of an election's running nomination count: what the ballots hashed to this shard add
 * up to. `votes` is post → nominee voter id → votes, without zero entries, so the shards' sum is
 * exactly what tallyBallots gives over the same ballots.
 */
export const nominationCountDoc = z.object({
  electionId: z.string(),
  shard: z.int(),
  ballots: z.int(),
  valid: z.int(),
  invalid: z.int(),
  paper: z.int(),
  votes: z.partialRecord(postSchema, z.record(z.string(), z.int())),
  /**
   * Written by closeNominations' transaction on every shard it counts (freezeShards): a ballot
   * transaction that then reads its shard refuses, so no ballot lands after the frozen count.
   */
  closedAt: z.optional(z.string()),
});
export type NominationCountDoc = z.infer<typeof nominationCountDoc>;

export const merkleChunkDoc = z.object({ electionId: z.string(), index: z.int(), leaves: z.array(z.string()) });

export const candidateDoc = z.object({
  electionId: z.string(),
  voterId: z.string(),
  checks: z.array(z.object({ key: z.string(), label: z.string(), outcome: z.enum(['pass', 'flag', 'block']), note: z.nullable(z.string()), source: z.string() })),
  profile: z.object({ education: z.nullable(z.string()), partyMember: z.nullable(z.boolean()), incumbent: z.nullable(z.boolean()) }),
  reviewedAt: z.nullable(z.string()),
  withdrawal: z.nullable(z.object({ writtenOn: civilDateSchema, record: z.string(), at: z.string(), by: z.string() })),
});
export type CandidateDoc = z.infer<typeof candidateDoc>;

/** The `data` of a ballot's audit entry (record-ballot.ts), read back by the recount. */
export const ballotAuditData = z.object({
  hash: z.string(),
  version: z.int(),
  channel: z.enum(['app', 'paper']),
  valid: z.boolean(),
  names: ballotNamesSchema,
});
