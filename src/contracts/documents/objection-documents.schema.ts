import * as z from 'zod/mini';
import { civilDateSchema, voterStatusSchema } from '../common.schema';
import { listChangeKindSchema, objectionKindSchema, objectionStatusSchema, wrongFieldSchema } from '../objection.schema';

/**
 * Shapes of stored documents, checked on every read (ARCHITECTURE.md principle 4): a document
 * that does not match is a fault, never silently trusted. Storage only: no action contract
 * imports this folder (docs/architecture.md, "Contracts describe the wire").
 */

/** What an upheld objection did to the list; never holds an ID number. */
export const listChangeRecord = z.object({
  kind: listChangeKindSchema,
  voterId: z.string(),
  /** removeVoter: the flag set; addVoter, registerVoter, reinstateVoter: the status reached. */
  status: z.nullable(voterStatusSchema),
  /** correctDetails: which fields changed. */
  fields: z.array(wrongFieldSchema),
});
export type ListChangeRecord = z.infer<typeof listChangeRecord>;

/** objection/{id} — 申诉 about the published voter list (RULES.md §1). */
export const objectionDoc = z.object({
  electionId: z.string(),
  villageId: z.string(),
  /** Running number in this election (第 n 号申诉). */
  no: z.int().check(z.gte(1)),
  kind: objectionKindSchema,
  /** The objector's roll entry; null for a WeChat user not on the roll who objected that they are missing. */
  objectorVoterId: z.nullable(z.string()),
  /** The WeChat user who filed it: the decision is pushed here, and myObjections finds it by this. */
  objectorOpenid: z.string(),
  /** Filed by the person it is about (their own entry, or a self-identified person not on the roll). */
  byPerson: z.optional(z.boolean()),
  /** The meta/objectionLoad documents this objection counts against while open. */
  loadIds: z.optional(z.array(z.string())),
  /** The entry objected to (wrongPerson, wrongDetails); null for a missing person. */
  subjectVoterId: z.nullable(z.string()),
  /** Snapshot at filing for display; an ID number only as its keyed hash. */
  subject: z.object({ name: z.string(), group: z.string(), idHash: z.nullable(z.string()) }),
  wrongFields: z.array(wrongFieldSchema),
  details: z.string(),
  /** Keyed digest of (kind, subject): one open objection per objector and subject. */
  dedupeKey: z.string(),
  filedAt: z.string(),
  receivedOn: civilDateSchema,
  decisionLastDay: civilDateSchema,
  decisionDeadline: z.string(),
  status: objectionStatusSchema,
  decision: z.nullable(z
    .object({
      reason: z.string(),
      decidedAt: z.string(),
      decidedOn: civilDateSchema,
      decidedBy: z.string(),
      /** Decided after decisionLastDay: recorded, never hidden, counted overdue for the township. */
      late: z.boolean(),
      change: z.nullable(listChangeRecord),
      noticeId: z.string(),
    })),
});
export type ObjectionDoc = z.infer<typeof objectionDoc>;

/** meta/objectionLoad:{electionId}:{voterId} — one objector's undecided objections (limit and duplicate check). */
export const objectionLoadDoc = z.object({ open: z.int().check(z.gte(0)), keys: z.array(z.string()) });
export type ObjectionLoadDoc = z.infer<typeof objectionLoadDoc>;

/** meta/objectionSeq:{electionId} — last objection number given out. */
export const counterDoc = z.object({ value: z.int().check(z.gte(0)) });
