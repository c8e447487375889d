import * as z from 'zod/mini';
import { civilDateSchema, voterCategorySchema, voterStatusSchema } from '../common.schema';

/**
 * Shapes of stored documents, checked on every read (ARCHITECTURE.md principle 4): a document
 * that does not match is a fault, never silently trusted. Storage only: no action contract
 * imports this folder (docs/architecture.md, "Contracts describe the wire").
 */

export const voterDoc = z.object({
  electionId: z.string(),
  villageId: z.string(),
  name: z.string(),
  /** Normalized name for search and binding comparison. */
  nameKey: z.string(),
  /** Keyed HMAC of the normalized ID number (blind index); never the number itself. */
  idHash: z.string(),
  birthDate: civilDateSchema,
  sex: z.enum(['M', 'F']),
  group: z.string(),
  category: voterCategorySchema,
  status: voterStatusSchema,
  statusReason: z.nullable(z.string()),
  confirmed: z.boolean(),
  bindingCodeHash: z.string(),
  boundTo: z.nullable(z.string()),
  phoneMasked: z.nullable(z.string()),
  /**
   * The phone sealed with the deployment's phone key (`p1.<keyId>.<…>`, RULES.md §7), opened
   * only by committee.revealPhone. Null or absent: not callable (a phone imported before
   * sealing was kept masked only, and stays so).
   */
  phoneSealed: z.optional(z.nullable(z.string())),
  residenceSince: z.nullable(civilDateSchema),
  note: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Category B: the person's own declaration of participation (本人表示参加选举); 'objection': in their own upheld objection. */
  declaration: z.optional(z.nullable(z
    .object({ channel: z.enum(['app', 'inPerson', 'phone', 'objection']), on: civilDateSchema, livesIn: z.nullable(z.string()), at: z.string() }))),
  /** Category C: the 村民会议/村民代表会议 decision on the application. */
  residenceDecision: z.optional(z.nullable(z
    .object({
      outcome: z.enum(['approved', 'rejected']),
      meeting: z.enum(['villagerMeeting', 'representativeMeeting']),
      meetingDate: civilDateSchema,
      minutesRef: z.string(),
      reason: z.nullable(z.string()),
      at: z.string(),
    }))),
  confirmedAt: z.optional(z.nullable(z.string())),
  /** A category C application: the WeChat user who filed it (registration.applyResidence), counted against CLAIM_POLICY. */
  appliedBy: z.optional(z.nullable(z.string())),
  /**
   * An application naming an ID number that already has an entry on this roll: that entry's id.
   * Such an entry can never become registered (claimFor refuses it); the committee rejects it.
   */
  duplicateOf: z.optional(z.nullable(z.string())),
  /** Wrong binding tries against this entry, from any WeChat user (identity.bind). */
  bindFailures: z.optional(z.int().check(z.gte(0))),
  /** Set when bindFailures reached the limit: no bind until the committee unlocks (committee.unlockBinding). */
  bindLockedAt: z.optional(z.nullable(z.string())),
});
export type VoterDoc = z.infer<typeof voterDoc>;

/**
 * What committee.listVoters filters and orders a whole roll by: checked on every entry of the
 * pass, the whole entry only for the rows of the page (a 100,000-entry pass spent ≈ 0.5 s in the
 * full schema).
 */
export const voterRosterKeys = z.pick(voterDoc, { nameKey: true, group: true, category: true, status: true, birthDate: true, boundTo: true, confirmed: true });
export type VoterRosterKeys = z.infer<typeof voterRosterKeys>;

/** What a notice's reach (知晓率) and its call list read of each registered voter, checked on every entry of the pass. */
export const voterReachFields = z.pick(voterDoc, { group: true, category: true, boundTo: true, name: true, phoneMasked: true, phoneSealed: true });

/** idIndex/{idHash}: one registration per person across every village (不重登). */
export const idIndexDoc = z.object({ voterId: z.string(), villageId: z.string(), electionId: z.string(), at: z.string() });
export type IdIndexDoc = z.infer<typeof idIndexDoc>;

/** binding/{openid}: one WeChat user ↔ one roll entry. */
export const bindingDoc = z.object({ voterId: z.string(), electionId: z.string(), villageId: z.string(), boundAt: z.string() });
export type BindingDoc = z.infer<typeof bindingDoc>;

/**
 * bindAttempt/{key}: guessing counters. `{openid}` — a user's wrong binding tries (locked until
 * `lockedUntil`); `id:{idHash}` — wrong tries at an ID number that has no entry, counted like an
 * entry's own (voter.bindFailures) so a lock says nothing about the roll (`lockedAt`: held);
 * `invite:{openid}` — a user's wrong invitation codes.
 */
export const bindAttemptDoc = z.object({
  failures: z.int(),
  lockedUntil: z.nullable(z.string()),
  lastAt: z.string(),
  lockedAt: z.optional(z.nullable(z.string())),
});
export type BindAttemptDoc = z.infer<typeof bindAttemptDoc>;

/**
 * duplicate/{electionId}:{idHash}: a person refused in one village because another village holds
 * their registration (不重登), for the township's duplicates view. Masked ID only.
 */
export const duplicateDoc = z.object({
  townshipId: z.string(),
  electionId: z.string(),
  villageId: z.string(),
  idHash: z.string(),
  /** Absent on rows recorded before RULES.md §7's amendment (they held a masked number, removed by migration). */
  birthDate: z.optional(z.nullable(civilDateSchema)),
  name: z.string(),
  registeredVillageId: z.string(),
  registeredElectionId: z.string(),
  /** What was refused: a roll row, a category C application, a declaration, a committee act, an objection's list change. */
  source: z.enum(['import', 'application', 'declaration', 'committee', 'objection']),
  importId: z.nullable(z.string()),
  row: z.nullable(z.int()),
  firstAt: z.string(),
  lastAt: z.string(),
  attempts: z.int(),
  /** Set when the person was later registered in this village (the other claim was released). */
  resolvedAt: z.nullable(z.string()),
});
export type DuplicateDoc = z.infer<typeof duplicateDoc>;

/**
 * rollImport/{importId}: one committee.importRoll job — its file and progress. Each batch
 * transaction advances `nextRow` and the counts with its writes, so a call that dies between
 * batches leaves a job that resumes exactly after the last committed batch. Documents written
 * before the job existed (one call, all rows) read as done.
 */
export const rollImportDoc = z.object({
  electionId: z.string(),
  villageId: z.string(),
  fileName: z.nullable(z.string()),
  format: z.enum(['xlsx', 'csv', 'rows']),
  total: z.int(),
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  rejected: z.int(),
  actor: z.string(),
  at: z.string(),
  /** `stopped`: left idle for settings.importIdleHours; its sheet deleted (import-sweep.job.ts). */
  status: z._default(z.enum(['running', 'done', 'stopped']), 'done'),
  /** The sheet (or the client's rows as JSON) in storage; null for imports older than jobs. */
  fileId: z._default(z.nullable(z.string()), null),
  encoding: z._default(z.nullable(z.string()), null),
  headerRow: z._default(z.nullable(z.int()), null),
  ignoredColumns: z._default(z.array(z.string()), []),
  /** Index in the sheet's rows of the first row not processed yet. */
  nextRow: z._default(z.int(), 0),
  /** Batches committed: their reports are rollImportBatch/{importId}:{1..batches}. */
  batches: z._default(z.int(), 0),
  warned: z._default(z.int(), 0),
  rejectedByReason: z._default(z.record(z.string(), z.int()), {}),
  /** Binding codes in the batch reports are deleted after this time, or when the clerk confirms printing (then null). */
  codesUntil: z._default(z.nullable(z.string()), null),
  updatedAt: z.optional(z.string()),
});
export type RollImportDoc = z.infer<typeof rollImportDoc>;

/**
 * rollImportBatch/{importId}:{n}: the per-row report of one batch, written in the batch's
 * transaction. Binding codes are kept sealed (AES-256-GCM under a key derived from ID_HMAC_KEY,
 * server/use-cases/roll/import-codes.records.ts) so the clerk can print the 告知书 slips after a timeout,
 * and deleted on confirmation of printing or after the job's codesUntil.
 */
export const rollImportBatchDoc = z.object({
  importId: z.string(),
  electionId: z.string(),
  /** importRollRowSchema rows, `bindingCode` replaced by `sealedCode`. */
  rows: z.array(z.record(z.string(), z.unknown())),
});
export type RollImportBatchDoc = z.infer<typeof rollImportBatchDoc>;
