/**
 * Reading the published voter list's private index back (frozen-voter-list.records.ts writes it):
 * the freeze, the voter id behind a 序号, whether a voter is on the list. Used by the villagers'
 * objections and the township overview; every document read is checked against its schema.
 */
import { NOTICE_CHUNK_SIZE } from '../../../src/contracts/documents/notice-documents.schema';
import type { ElectionDoc } from '../../../src/contracts/documents/election-documents.schema';
import { voterListBucketDoc, voterListFreezeDoc, voterListMapDoc, type VoterListFreezeDoc } from '../../../src/contracts/documents/voter-list-documents.schema';
import type { Store } from '../../ports/store.port';
import { readDoc, type WithId } from '../../runtime/documents';
import { voterListBucket, voterListBucketId, voterListFreezeId, voterListMapId } from './frozen-voter-list.records';

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
