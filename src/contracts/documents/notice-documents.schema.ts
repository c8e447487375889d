import * as z from 'zod/mini';
import { voterCategorySchema } from '../common.schema';
import { noticeTypeSchema } from '../notice.schema';

/**
 * Shapes of stored documents, checked on every read (ARCHITECTURE.md principle 4): a document
 * that does not match is a fault, never silently trusted. Storage only: no action contract
 * imports this folder (docs/architecture.md, "Contracts describe the wire").
 */

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
  count: z.int().check(z.gte(0)),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  entries: z.array(attachmentEntry),
  chunkCount: z.int().check(z.gte(0)),
  /**
   * sha256 hex of canonicalJson({ kind, index, entries }) per chunk, so one page is checked by
   * reading its chunk alone (a notice is immutable, so these are as trustworthy as `hash`).
   * Absent on notices published before they existed: those are checked against `hash` whole.
   */
  chunkHashes: z.optional(z.array(z.string().check(z.regex(/^[0-9a-f]{64}$/)))),
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
  seq: z.int().check(z.gte(1)),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
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
  attachment: z.nullable(noticeAttachment),
  publishedAt: z.string(),
  /** Audit actor of the publisher (keyed hash of the openid), never the raw openid. */
  publishedBy: z.string(),
  corrects: z.nullable(z.string()),
  /**
   * The audit chain's signed checkpoint the notice was published under (存证): what hangs on
   * the wall pins the chain up to it. Absent on notices published before checkpoints existed;
   * null when the election's chain was still empty.
   */
  checkpoint: z.optional(z.nullable(storedCheckpointDoc)),
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

export const noticeChunkDoc = z.object({ noticeId: z.string(), index: z.int().check(z.gte(0)), entries: z.array(attachmentEntry) });
export type NoticeChunkDoc = z.infer<typeof noticeChunkDoc>;

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
