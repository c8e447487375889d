import * as z from 'zod';
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
  idMasked: z.string(),
  birthDate: civilDateSchema,
  sex: z.enum(['M', 'F']),
  group: z.string(),
  category: voterCategorySchema,
  status: voterStatusSchema,
  statusReason: z.string().nullable(),
  confirmed: z.boolean(),
  bindingCodeHash: z.string(),
  boundTo: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  /**
   * The phone sealed with the deployment's phone key (`p1.<keyId>.<…>`, RULES.md §7), opened
   * only by committee.revealPhone. Null or absent: not callable (a phone imported before
   * sealing was kept masked only, and stays so).
   */
  phoneSealed: z.string().nullable().optional(),
  residenceSince: civilDateSchema.nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Category B: the person's own declaration of participation (本人表示参加选举); 'objection': in their own upheld objection. */
  declaration: z
    .object({ channel: z.enum(['app', 'inPerson', 'phone', 'objection']), on: civilDateSchema, livesIn: z.string().nullable(), at: z.string() })
    .nullable()
    .optional(),
  /** Category C: the 村民会议/村民代表会议 decision on the application. */
  residenceDecision: z
    .object({
      outcome: z.enum(['approved', 'rejected']),
      meeting: z.enum(['villagerMeeting', 'representativeMeeting']),
      meetingDate: civilDateSchema,
      minutesRef: z.string(),
      reason: z.string().nullable(),
      at: z.string(),
    })
    .nullable()
    .optional(),
  confirmedAt: z.string().nullable().optional(),
});
export type VoterDoc = z.infer<typeof voterDoc>;

/** idIndex/{idHash}: one registration per person across every village (不重登). */
export const idIndexDoc = z.object({ voterId: z.string(), villageId: z.string(), electionId: z.string(), at: z.string() });
export type IdIndexDoc = z.infer<typeof idIndexDoc>;

/** binding/{openid}: one WeChat user ↔ one roll entry. */
export const bindingDoc = z.object({ voterId: z.string(), electionId: z.string(), villageId: z.string(), boundAt: z.string() });
export type BindingDoc = z.infer<typeof bindingDoc>;

export const bindAttemptDoc = z.object({ failures: z.number().int(), lockedUntil: z.string().nullable(), lastAt: z.string() });
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
  idMasked: z.string(),
  name: z.string(),
  registeredVillageId: z.string(),
  registeredElectionId: z.string(),
  /** What was refused: a roll row, a category C application, a declaration, a committee act, an objection's list change. */
  source: z.enum(['import', 'application', 'declaration', 'committee', 'objection']),
  importId: z.string().nullable(),
  row: z.number().int().nullable(),
  firstAt: z.string(),
  lastAt: z.string(),
  attempts: z.number().int(),
  /** Set when the person was later registered in this village (the other claim was released). */
  resolvedAt: z.string().nullable(),
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
  fileName: z.string().nullable(),
  format: z.enum(['xlsx', 'csv', 'rows']),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  actor: z.string(),
  at: z.string(),
  status: z.enum(['running', 'done']).default('done'),
  /** The sheet (or the client's rows as JSON) in storage; null for imports older than jobs. */
  fileId: z.string().nullable().default(null),
  encoding: z.string().nullable().default(null),
  headerRow: z.number().int().nullable().default(null),
  ignoredColumns: z.array(z.string()).default([]),
  /** Index in the sheet's rows of the first row not processed yet. */
  nextRow: z.number().int().default(0),
  /** Batches committed: their reports are rollImportBatch/{importId}:{1..batches}. */
  batches: z.number().int().default(0),
  warned: z.number().int().default(0),
  rejectedByReason: z.record(z.string(), z.number().int()).default({}),
  /** Binding codes in the batch reports are deleted after this time, or when the clerk confirms printing (then null). */
  codesUntil: z.string().nullable().default(null),
  updatedAt: z.string().optional(),
});
export type RollImportDoc = z.infer<typeof rollImportDoc>;

/**
 * rollImportBatch/{importId}:{n}: the per-row report of one batch, written in the batch's
 * transaction. Binding codes are kept sealed (AES-256-GCM under a key derived from ID_HMAC_KEY,
 * server/use-cases/roll/import-codes.ts) so the clerk can print the 告知书 slips after a timeout,
 * and deleted on confirmation of printing or after the job's codesUntil.
 */
export const rollImportBatchDoc = z.object({
  importId: z.string(),
  electionId: z.string(),
  /** importRollRowSchema rows, `bindingCode` replaced by `sealedCode`. */
  rows: z.array(z.record(z.string(), z.unknown())),
});
export type RollImportBatchDoc = z.infer<typeof rollImportBatchDoc>;
