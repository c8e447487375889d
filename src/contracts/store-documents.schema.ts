import * as z from 'zod';
import { NOTICE_TYPE_KEYS } from '../domain/notice';
import { civilDateSchema, electionKindSchema, memberRoleSchema, postSchema, voterCategorySchema, voterStatusSchema } from './common.schema';
import { electionCommitteeRecord, votingArrangementsRecord } from './election-setup.schema';

/**
 * Shapes of stored documents, checked on every read (ARCHITECTURE.md principle 4): a document
 * that does not match is a fault, never silently trusted.
 */
export const villageDoc = z.object({
  name: z.string(),
  kind: electionKindSchema,
  presetId: z.string(),
  townshipId: z.string(),
  groups: z.array(z.string()),
  createdAt: z.string(),
});
export type VillageDoc = z.infer<typeof villageDoc>;

export const inviteDoc = z.object({
  villageId: z.string(),
  /** The role the township chose; invites issued before roles existed grant 委员. */
  role: memberRoleSchema.default('member'),
  expiresAt: z.string(),
  usedBy: z.string().nullable(),
  usedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InviteDoc = z.infer<typeof inviteDoc>;

const memberShape = z.object({
  openid: z.string(),
  villageId: z.string(),
  role: memberRoleSchema,
  joinedAt: z.string(),
  /**
   * The election this member serves (任期). Set at redemption to the village's current election
   * (meta/activeElection), or when the village's next election is created; null until then. The
   * term ends when that election is closed.
   */
  termElectionId: z.string().nullable(),
  /** The member's own roll entry, when their WeChat is bound to a voter of this village. */
  voterId: z.string().nullable(),
  status: z.enum(['active', 'revoked']),
  revokedAt: z.string().nullable(),
  /** Audit actor of whoever revoked (keyed hash), never a raw openid. */
  revokedBy: z.string().nullable(),
  revokeReason: z.enum(['TOWNSHIP', 'CANDIDATE']).nullable(),
  /** The township's stated reason, in its words. */
  revokeNote: z.string().nullable(),
});

/** A member document written before roles and terms (role 'committee', nothing else). */
export function isLegacyMember(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { role?: unknown }).role === 'committee';
}

/** Migrate on read: a legacy member was an active 委员 with no term and no voter link yet. */
function upgradeMember(raw: unknown): unknown {
  if (!isLegacyMember(raw)) return raw;
  return {
    termElectionId: null,
    voterId: null,
    status: 'active',
    revokedAt: null,
    revokedBy: null,
    revokeReason: null,
    revokeNote: null,
    ...(raw as object),
    role: 'member',
  };
}

/** member/{villageId}:{openid}: one WeChat user's seat on a village's election committee. */
export const memberDoc = z.preprocess(upgradeMember, memberShape);
export type MemberDoc = z.output<typeof memberShape>;

/** meta/committeeVoter:{voterId}: the member linked to a roll entry, readable by id in a transaction. */
export const committeeVoterLinkDoc = z.object({ memberId: z.string(), villageId: z.string() });

export const electionDoc = z.object({
  villageId: z.string(),
  title: z.string(),
  kind: electionKindSchema,
  presetId: z.string(),
  electionDay: civilDateSchema,
  posts: z.array(z.object({ post: postSchema, seats: z.number().int() })),
  registrationOpensOn: civilDateSchema.nullable(),
  nominationOpensOn: civilDateSchema.nullable(),
  nominationClosesOn: civilDateSchema.nullable(),
  voterListPublishedOn: civilDateSchema.nullable(),
  status: z.enum(['active', 'closed']),
  createdAt: z.string(),
  /** 村民选举委员会 roster (committee.updateElection); absent until first recorded. */
  electionCommittee: electionCommitteeRecord.nullable().optional(),
  /** Voting hours, 中心会场, 投票站 and 流动票箱 (committee.updateElection); absent until recorded. */
  voting: votingArrangementsRecord.nullable().optional(),
  /** Bumped by every change through committee.updateElection (a form loaded earlier is refused as stale). */
  revision: z.number().int().min(0).optional(),
  updatedAt: z.string().optional(),
});
export type ElectionDoc = z.infer<typeof electionDoc>;

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

/** 公告 types (RULES.md §6): each typed notice is generated from the data it announces (src/domain/notice.ts). */
export const NOTICE_TYPES = NOTICE_TYPE_KEYS;
export const noticeTypeSchema = z.enum(NOTICE_TYPES);
export type NoticeType = z.infer<typeof noticeTypeSchema>;

/** One row of a generated list: names and groups only, never an ID or phone number (RULES.md §7). */
export const attachmentEntry = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type AttachmentEntry = z.infer<typeof attachmentEntry>;

/**
 * A generated list frozen at publication. `hash` = sha256 hex of canonicalJson({ kind, entries })
 * (server/audit/canonical-json.ts), so anyone can re-check the list against the notice.
 * Up to NOTICE_CHUNK_SIZE entries sit inline; a longer list is kept in `noticeChunk` documents
 * `{noticeId}:{index}` (index from 0) and `entries` here is empty.
 */
export const noticeAttachment = z.object({
  kind: z.string(),
  count: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  entries: z.array(attachmentEntry),
  chunkCount: z.number().int().min(0),
  /**
   * sha256 hex of canonicalJson({ kind, index, entries }) per chunk, so one page is checked by
   * reading its chunk alone (a notice is immutable, so these are as trustworthy as `hash`).
   * Absent on notices published before they existed: those are checked against `hash` whole.
   */
  chunkHashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)).optional(),
});
export type NoticeAttachment = z.infer<typeof noticeAttachment>;
export const NOTICE_CHUNK_SIZE = 500;

/** notice/{id}: immutable once written; a correction is a new notice whose `corrects` names the old one. */
/**
 * A signed audit checkpoint as stored (server/audit/audit-checkpoint.ts): the chain of `scope`
 * had hash `hash` after `seq` entries, signed at `at` by key `keyId`.
 */
export const storedCheckpointDoc = z.object({
  scope: z.string(),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  keyId: z.string(),
  signature: z.string(),
});
export type StoredCheckpointDoc = z.infer<typeof storedCheckpointDoc>;

export const noticeDoc = z.object({
  electionId: z.string(),
  villageId: z.string(),
  type: noticeTypeSchema,
  title: z.string(),
  body: z.string(),
  attachment: noticeAttachment.nullable(),
  publishedAt: z.string(),
  /** Audit actor of the publisher (keyed hash of the openid), never the raw openid. */
  publishedBy: z.string(),
  corrects: z.string().nullable(),
  /**
   * The audit chain's signed checkpoint the notice was published under (存证): what hangs on
   * the wall pins the chain up to it. Absent on notices published before checkpoints existed;
   * null when the election's chain was still empty.
   */
  checkpoint: storedCheckpointDoc.nullable().optional(),
});
export type NoticeDoc = z.infer<typeof noticeDoc>;

/**
 * meta/noticeSource:{electionId}:{type} — the settled data of a notice whose feature is not
 * built yet (formal candidates, proxy list, results): the feature that determines the formal
 * candidates, approves proxies or records the count writes it when its data is final. Its
 * existence, with entries, is what those notices' readiness check reads; the notice is
 * generated from it and frozen like any other list.
 */
export const NOTICE_SOURCE_TYPES = ['formalCandidates', 'proxyList', 'results'] as const;
export const noticeSourceDoc = z.object({
  electionId: z.string(),
  type: z.enum(NOTICE_SOURCE_TYPES),
  preparedAt: z.string(),
  /** One or two sentences of Chinese for the notice body (e.g. the figures of the count). */
  summary: z.string(),
  /** Names and groups only (RULES.md §7). */
  entries: z.array(attachmentEntry),
});
export type NoticeSourceDoc = z.infer<typeof noticeSourceDoc>;

export const noticeChunkDoc = z.object({ noticeId: z.string(), index: z.number().int().min(0), entries: z.array(attachmentEntry) });
export type NoticeChunkDoc = z.infer<typeof noticeChunkDoc>;

/**
 * meta/voterList:{electionId} — the frozen voter list: written once by committee.publishVoterList
 * (its existence is the "already published" claim). `voterListMap/{noticeId}:{index}` holds,
 * privately, the voter ids in published order (序号 n is voterIds[n−1] across chunks), so a
 * villager can object to entry n of the poster without any ID ever being published.
 */
export const voterListFreezeDoc = z.object({
  electionId: z.string(),
  noticeId: z.string(),
  publishedOn: civilDateSchema,
  publishedAt: z.string(),
  count: z.number().int().min(0),
  hash: z.string(),
  chunkCount: z.number().int().min(0),
  /**
   * The same voter ids again, bucketed by voterListBucket(voterId, bucketCount) into
   * `voterListMap/{noticeId}:b{bucket}` documents, so "is this entry on the list" is one read.
   * Absent on lists published before the buckets existed (membership then scans the chunks).
   */
  bucketCount: z.number().int().min(1).optional(),
});
export type VoterListFreezeDoc = z.infer<typeof voterListFreezeDoc>;

export const voterListMapDoc = z.object({ electionId: z.string(), noticeId: z.string(), index: z.number().int().min(0), voterIds: z.array(z.string()) });
export type VoterListMapDoc = z.infer<typeof voterListMapDoc>;
export const voterListBucketDoc = z.object({ electionId: z.string(), noticeId: z.string(), bucket: z.number().int().min(0), voterIds: z.array(z.string()) });
export type VoterListBucketDoc = z.infer<typeof voterListBucketDoc>;

export const objectionKindSchema = z.enum(['missingPerson', 'wrongPerson', 'wrongDetails']);
export const objectionStatusSchema = z.enum(['open', 'upheld', 'rejected']);
export const wrongFieldSchema = z.enum(['name', 'group', 'idNumber', 'category', 'status', 'other']);
export const listChangeKindSchema = z.enum(['addVoter', 'registerVoter', 'reinstateVoter', 'removeVoter', 'correctDetails']);

/** What an upheld objection did to the list; never holds an ID number. */
export const listChangeRecord = z.object({
  kind: listChangeKindSchema,
  voterId: z.string(),
  /** removeVoter: the flag set; addVoter, registerVoter, reinstateVoter: the status reached. */
  status: voterStatusSchema.nullable(),
  /** correctDetails: which fields changed. */
  fields: z.array(wrongFieldSchema),
});
export type ListChangeRecord = z.infer<typeof listChangeRecord>;

/** objection/{id} — 申诉 about the published voter list (RULES.md §1). */
export const objectionDoc = z.object({
  electionId: z.string(),
  villageId: z.string(),
  /** Running number in this election (第 n 号申诉). */
  no: z.number().int().min(1),
  kind: objectionKindSchema,
  /** The objector's roll entry; null for a WeChat user not on the roll who objected that they are missing. */
  objectorVoterId: z.string().nullable(),
  /** The WeChat user who filed it: the decision is pushed here, and myObjections finds it by this. */
  objectorOpenid: z.string(),
  /** Filed by the person it is about (their own entry, or a self-identified person not on the roll). */
  byPerson: z.boolean().optional(),
  /** The meta/objectionLoad documents this objection counts against while open. */
  loadIds: z.array(z.string()).optional(),
  /** The entry objected to (wrongPerson, wrongDetails); null for a missing person. */
  subjectVoterId: z.string().nullable(),
  /** Snapshot at filing for display; an ID number only as keyed hash + masked form. */
  subject: z.object({ name: z.string(), group: z.string(), idMasked: z.string().nullable(), idHash: z.string().nullable() }),
  wrongFields: z.array(wrongFieldSchema),
  details: z.string(),
  /** Keyed digest of (kind, subject): one open objection per objector and subject. */
  dedupeKey: z.string(),
  filedAt: z.string(),
  receivedOn: civilDateSchema,
  decisionLastDay: civilDateSchema,
  decisionDeadline: z.string(),
  status: objectionStatusSchema,
  decision: z
    .object({
      reason: z.string(),
      decidedAt: z.string(),
      decidedOn: civilDateSchema,
      decidedBy: z.string(),
      /** Decided after decisionLastDay: recorded, never hidden, counted overdue for the township. */
      late: z.boolean(),
      change: listChangeRecord.nullable(),
      noticeId: z.string(),
    })
    .nullable(),
});
export type ObjectionDoc = z.infer<typeof objectionDoc>;

/** meta/objectionLoad:{electionId}:{voterId} — one objector's undecided objections (limit and duplicate check). */
export const objectionLoadDoc = z.object({ open: z.number().int().min(0), keys: z.array(z.string()) });
export type ObjectionLoadDoc = z.infer<typeof objectionLoadDoc>;

/** meta/objectionSeq:{electionId} — last objection number given out. */
export const counterDoc = z.object({ value: z.number().int().min(0) });

/**
 * delivery/{purpose}:{refId}:{recipient} — one subscribe-message push and its outcome, so each
 * delivery is visible and never sent twice (`pending` is claimed before the send).
 */
export const deliveryDoc = z.object({
  electionId: z.string(),
  purpose: z.string(),
  refId: z.string(),
  recipientVoterId: z.string().nullable(),
  recipientOpenid: z.string(),
  templateId: z.string(),
  page: z.string().nullable(),
  /** noConsent: the recipient had no unspent subscribe consent, so nothing was sent. */
  status: z.enum(['pending', 'sent', 'failed', 'noConsent']),
  attempts: z.number().int().min(0),
  lastError: z.object({ transient: z.boolean(), errCode: z.number().nullable(), errMsg: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DeliveryDoc = z.infer<typeof deliveryDoc>;

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

/**
 * consent/{openid}:{templateId} — WeChat one-time subscribe consents (一次性订阅消息): each tap
 * on 允许 allows exactly one message with that template, so the document counts them.
 */
export const consentDoc = z.object({
  openid: z.string(),
  templateId: z.string(),
  /** Consents not yet spent: the pushes still owed to this WeChat user. */
  unused: z.number().int().min(0),
  granted: z.number().int().min(0),
  used: z.number().int().min(0),
  voterId: z.string().nullable(),
  electionId: z.string().nullable(),
  lastGrantedAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ConsentDoc = z.infer<typeof consentDoc>;

/** read/{noticeId}:{voterId} — one read receipt per voter per notice, written once. */
export const readReceiptDoc = z.object({
  noticeId: z.string(),
  electionId: z.string(),
  voterId: z.string(),
  group: z.string(),
  category: voterCategorySchema,
  readAt: z.string(),
});
export type ReadReceiptDoc = z.infer<typeof readReceiptDoc>;

/**
 * pushJob/{jobId} — one fan-out of a notice: `{noticeId}` for the publication push,
 * `{noticeId}~r{n}` for the n-th reminder. preparing → running → done (server/push/push-job.ts).
 */
export const pushJobDoc = z.object({
  electionId: z.string(),
  villageId: z.string(),
  noticeId: z.string(),
  kind: z.enum(['publish', 'remind']),
  round: z.number().int().min(0),
  status: z.enum(['preparing', 'running', 'done']),
  /** Deliveries created (one per registered voter bound to WeChat; reminders: the unread ones). */
  recipients: z.number().int().min(0),
  createdAt: z.string(),
  preparedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type PushJobDoc = z.infer<typeof pushJobDoc>;

export const noticeDeliveryStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed', 'noConsent', 'unknown']);
export type NoticeDeliveryStatus = z.infer<typeof noticeDeliveryStatusSchema>;

/**
 * noticeDelivery/{jobId}:{voterId} — one recipient of a notice push. A delivery is claimed
 * (pending → sending, consent spent, claim token and lease) in one transaction before the send;
 * a `sending` delivery whose lease ran out becomes `unknown` and is never sent again.
 */
export const noticeDeliveryDoc = z.object({
  jobId: z.string(),
  noticeId: z.string(),
  electionId: z.string(),
  voterId: z.string(),
  /** The WeChat user bound when the job was prepared; the send goes only to the same binding. */
  openid: z.string(),
  templateId: z.string().nullable(),
  status: noticeDeliveryStatusSchema,
  attempts: z.number().int().min(0),
  /** A consent was spent for this delivery and not yet refunded. */
  consentHeld: z.boolean(),
  claimToken: z.string().nullable(),
  leaseUntil: z.string().nullable(),
  lastError: z.object({ errCode: z.number().nullable(), errMsg: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
});
export type NoticeDeliveryDoc = z.infer<typeof noticeDeliveryDoc>;

/**
 * request/{keyedHash(caller, fn.action, requestId)} — one applied state-changing call
 * (server/runtime/idempotency.ts). `appliedBy` is the nonce of the call that applied it (written
 * in the same transaction as the change); `reply` the JSON of its envelope once answered (absent
 * for a secret reply or a call that died in between). Honoured for REQUEST_RETENTION_DAYS.
 */
export const requestDoc = z.object({
  appliedBy: z.string(),
  action: z.string(),
  appliedAt: z.string(),
  expiresAt: z.string(),
  reply: z.string().optional(),
  repliedAt: z.string().optional(),
});
export type RequestDoc = z.infer<typeof requestDoc>;
