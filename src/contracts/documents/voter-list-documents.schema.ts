import * as z from 'zod/mini';
import { civilDateSchema } from '../common.schema';

/**
 * Stored shapes of the published voter list's private index, checked on every read like the
 * other documents. Read by the villager and
 * township side (server/use-cases/objections/voter-list-lookup.records.ts); the committee writes
 * them without reading, so its function does not bundle these schemas (issue 12).
 */

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
  count: z.int().check(z.gte(0)),
  hash: z.string(),
  chunkCount: z.int().check(z.gte(0)),
  /**
   * The same voter ids again, bucketed by voterListBucket(voterId, bucketCount) into
   * `voterListMap/{noticeId}:b{bucket}` documents, so "is this entry on the list" is one read.
   * Absent on lists published before the buckets existed (membership then scans the chunks).
   */
  bucketCount: z.optional(z.int().check(z.gte(1))),
});
export type VoterListFreezeDoc = z.infer<typeof voterListFreezeDoc>;

export const voterListMapDoc = z.object({ electionId: z.string(), noticeId: z.string(), index: z.int().check(z.gte(0)), voterIds: z.array(z.string()) });
export type VoterListMapDoc = z.infer<typeof voterListMapDoc>;
export const voterListBucketDoc = z.object({ electionId: z.string(), noticeId: z.string(), bucket: z.int().check(z.gte(0)), voterIds: z.array(z.string()) });
export type VoterListBucketDoc = z.infer<typeof voterListBucketDoc>;
