/**
 * The voter list as published (选民名单公告): the registered entries at that instant, in village
 * group order then 姓氏笔画 order, each row numbered (序号) and carrying the name and group only
 * (RULES.md §7). The voter ids behind the 序号 are kept privately in `voterListMap` chunks.
 * How committee.publishVoterList writes them; reading them back (for objections, the township)
 * is voter-list-lookup.records.ts, so the committee function does not bundle the read schemas.
 */
import type { VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { sortByStroke } from '../../../src/domain/stroke-order';
import type { WithId } from '../../runtime/documents';
import { groupBy } from '../../runtime/group-by';

export type VoterListRow = { readonly no: number; readonly name: string; readonly group: string };

export const voterListFreezeId = (electionId: string): string => `voterList:${electionId}`;
/** Addressed by the notice, so an aborted publication can never mix its ids into another's. */
export const voterListMapId = (noticeId: string, index: number): string => `${noticeId}:${String(index).padStart(4, '0')}`;

/** Rows in published order and the voter id of each row (same order). */
export function orderVoterList(voters: readonly WithId<VoterDoc>[], groups: readonly string[]): { rows: VoterListRow[]; voterIds: string[] } {
  const rank = new Map(groups.map((g, i) => [g, i]));
  const byGroup = groupBy(voters, (v) => v.group);
  // The village's own group order; a group no longer listed goes last, by its text.
  const order = [...byGroup.keys()].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  const ordered = order.flatMap((g) => sortByStroke(byGroup.get(g) ?? [], (v) => v.name));
  return {
    rows: ordered.map((v, i) => ({ no: i + 1, name: v.name, group: v.group })),
    voterIds: ordered.map((v) => v._id),
  };
}

export const voterListBucketId = (noticeId: string, bucket: number): string => `${noticeId}:b${String(bucket).padStart(4, '0')}`;

/** FNV-1a of the voter id, mod the bucket count: stable across runtimes, spreads ids evenly. */
export function voterListBucket(voterId: string, bucketCount: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < voterId.length; i++) {
    h ^= voterId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % bucketCount;
}

/** The published voter ids by bucket (as many buckets as chunks, so each stays about a chunk's size). */
export function bucketVoterIds(voterIds: readonly string[], bucketCount: number): string[][] {
  const buckets = Array.from({ length: bucketCount }, (): string[] => []);
  for (const id of voterIds) buckets[voterListBucket(id, bucketCount)]!.push(id);
  return buckets;
}

