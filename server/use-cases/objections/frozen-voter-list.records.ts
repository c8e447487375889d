/**
 * The voter list as published (选民名单公告): the registered entries at that instant, in village
 * group order then 姓氏笔画 order, each row numbered (序号) and carrying the name and group only
 * (RULES.md §7). The voter ids behind the 序号 are kept privately in `voterListMap` chunks.
 */
import { NOTICE_CHUNK_SIZE } from '../../../src/contracts/documents/notice-documents.schema';
import { voterListBucketDoc, voterListFreezeDoc, voterListMapDoc, type VoterListFreezeDoc } from '../../../src/contracts/documents/objection-documents.schema';
import { type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { ElectionDoc } from '../../../src/contracts/documents/election-documents.schema';
import { sortByStroke } from '../../../src/domain/stroke-order';
import type { Store } from '../../ports/store.port';
import { readDoc, type WithId } from '../../runtime/documents';
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

export function readVoterListFreeze(store: Store, electionId: string): Promise<WithId<VoterListFreezeDoc> | null> {
  return readDoc(store, 'meta', voterListFreezeId(electionId), voterListFreezeDoc);
}

/** The voter id behind 序号 `listNo` of the published list, or null when there is no such row. */
export async function voterIdOfListNo(store: Store, freeze: Pick<VoterListFreezeDoc, 'electionId' | 'noticeId' | 'count'>, listNo: number): Promise<string | null> {
  if (listNo < 1 || listNo > freeze.count) return null;
  const index = Math.floor((listNo - 1) / NOTICE_CHUNK_SIZE);
  const map = await readDoc(store, 'voterListMap', voterListMapId(freeze.noticeId, index), voterListMapDoc);
  if (!map || map.noticeId !== freeze.noticeId) throw new Error(`voter list map ${index} of ${freeze.electionId} is missing`);
  return map.voterIds[(listNo - 1) % NOTICE_CHUNK_SIZE] ?? null;
}

/**
 * The voter id behind 序号 `listNo` of an election's published list (null: no such row, or no
 * list yet): one read of the map chunk when the election names its list, else the freeze first.
 */
export async function electionVoterIdOfListNo(store: Store, election: WithId<ElectionDoc>, listNo: number): Promise<string | null> {
  if (election.voterList) return voterIdOfListNo(store, { electionId: election._id, ...election.voterList }, listNo);
  if (election.voterListPublishedOn === null) return null;
  const freeze = await readVoterListFreeze(store, election._id);
  return freeze ? voterIdOfListNo(store, freeze, listNo) : null;
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

/**
 * Whether `voterId` is a row of the published list: one read of its bucket; a list published
 * before buckets existed is scanned chunk by chunk.
 */
export async function isOnVoterList(store: Store, freeze: VoterListFreezeDoc, voterId: string): Promise<boolean> {
  if (freeze.bucketCount !== undefined) {
    const bucket = voterListBucket(voterId, freeze.bucketCount);
    const doc = await readDoc(store, 'voterListMap', voterListBucketId(freeze.noticeId, bucket), voterListBucketDoc);
    if (!doc || doc.noticeId !== freeze.noticeId) throw new Error(`voter list bucket ${bucket} of ${freeze.electionId} is missing`);
    return doc.voterIds.includes(voterId);
  }
  for (let index = 0; index < freeze.chunkCount; index++) {
    const map = await readDoc(store, 'voterListMap', voterListMapId(freeze.noticeId, index), voterListMapDoc);
    if (!map || map.noticeId !== freeze.noticeId) throw new Error(`voter list map ${index} of ${freeze.electionId} is missing`);
    if (map.voterIds.includes(voterId)) return true;
  }
  return false;
}
