/**
 * Frozen, hashed notice attachments (RULES.md §6 "the list attached is the list in the store at
 * publication time, frozen and hashed"). Written once, never updated; long lists are split into
 * `noticeChunk` documents of NOTICE_CHUNK_SIZE rows so each read stays light.
 *
 * Kept here until the notices module (issue 4) takes it over; its shape is the noticeDoc of
 * src/contracts/store-documents.schema.ts.
 */
import { createHash } from 'node:crypto';
import type { NoticeView } from '../../../src/contracts/notice.schema';
import { NOTICE_TYPE_LABELS } from '../../../src/contracts/labels';
import { NOTICE_CHUNK_SIZE, noticeChunkDoc, type AttachmentEntry, type NoticeAttachment, type NoticeDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { canonicalJson } from '../../audit/canonical-json';
import type { Store } from '../../ports/store.port';
import { readDoc, type WithId } from '../../runtime/documents';

/** sha256 hex of canonicalJson({ kind, entries }): recomputable by anyone holding the rows. */
export function attachmentHash(kind: string, entries: readonly AttachmentEntry[]): string {
  return createHash('sha256').update(canonicalJson({ kind, entries }), 'utf8').digest('hex');
}

export const noticeChunkId = (noticeId: string, index: number): string => `${noticeId}:${String(index).padStart(4, '0')}`;

export function chunk<T>(items: readonly T[], size = NOTICE_CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface PreparedAttachment {
  readonly attachment: NoticeAttachment;
  /** Rows of the `noticeChunk` documents to write with the notice (empty when the rows sit inline). */
  readonly chunks: readonly AttachmentEntry[][];
}

/** sha256 hex of canonicalJson({ kind, index, entries }) of one chunk. */
export function chunkHash(kind: string, index: number, entries: readonly AttachmentEntry[]): string {
  return createHash('sha256').update(canonicalJson({ kind, index, entries }), 'utf8').digest('hex');
}

export function prepareAttachment(kind: string, entries: readonly AttachmentEntry[]): PreparedAttachment {
  const hash = attachmentHash(kind, entries);
  if (entries.length <= NOTICE_CHUNK_SIZE) {
    return { attachment: { kind, count: entries.length, hash, entries: [...entries], chunkCount: 0 }, chunks: [] };
  }
  const chunks = chunk(entries);
  const chunkHashes = chunks.map((c, i) => chunkHash(kind, i, c));
  return { attachment: { kind, count: entries.length, hash, entries: [], chunkCount: chunks.length, chunkHashes }, chunks };
}

/**
 * Rows [from, to) of a notice's attachment. A chunked list with per-chunk hashes reads only the
 * chunks holding those rows, each checked against its hash; anything else is read and checked whole.
 */
export async function readAttachmentRows(store: Store, noticeId: string, attachment: NoticeAttachment, from: number, to: number): Promise<AttachmentEntry[]> {
  const hashes = attachment.chunkHashes;
  if (attachment.chunkCount === 0 || !hashes || hashes.length !== attachment.chunkCount) {
    return (await readAttachmentEntries(store, noticeId, attachment)).slice(from, to);
  }
  const end = Math.min(to, attachment.count);
  if (from >= end) return [];
  const first = Math.floor(from / NOTICE_CHUNK_SIZE);
  const last = Math.floor((end - 1) / NOTICE_CHUNK_SIZE);
  const parts = await Promise.all(
    Array.from({ length: last - first + 1 }, (_, k) => readDoc(store, 'noticeChunk', noticeChunkId(noticeId, first + k), noticeChunkDoc)),
  );
  const rows = parts.flatMap((p, k) => {
    const index = first + k;
    if (!p) throw new Error(`notice ${noticeId}: attachment chunk ${index} is missing`);
    if (chunkHash(attachment.kind, index, p.entries) !== hashes[index]) throw new Error(`notice ${noticeId}: attachment chunk ${index} does not match its published hash`);
    return p.entries;
  });
  return rows.slice(from - first * NOTICE_CHUNK_SIZE, end - first * NOTICE_CHUNK_SIZE);
}

/**
 * Every row of a notice's attachment, checked against its count and hash: a mismatch means the
 * stored list was altered after publication, which is a fault, never silently served.
 */
export async function readAttachmentEntries(store: Store, noticeId: string, attachment: NoticeAttachment): Promise<AttachmentEntry[]> {
  let entries: AttachmentEntry[] = attachment.entries;
  if (attachment.chunkCount > 0) {
    const parts = await Promise.all(
      Array.from({ length: attachment.chunkCount }, (_, i) => readDoc(store, 'noticeChunk', noticeChunkId(noticeId, i), noticeChunkDoc)),
    );
    entries = parts.flatMap((p, i) => {
      if (!p) throw new Error(`notice ${noticeId}: attachment chunk ${i} is missing`);
      return p.entries;
    });
  }
  if (entries.length !== attachment.count || attachmentHash(attachment.kind, entries) !== attachment.hash) {
    throw new Error(`notice ${noticeId}: attachment does not match its published hash`);
  }
  return entries;
}

export function noticeView(notice: WithId<NoticeDoc>): NoticeView {
  return {
    id: notice._id,
    type: notice.type,
    typeLabel: NOTICE_TYPE_LABELS[notice.type],
    title: notice.title,
    body: notice.body,
    publishedAt: notice.publishedAt,
    attachment: notice.attachment ? { kind: notice.attachment.kind, count: notice.attachment.count, hash: notice.attachment.hash } : null,
    corrects: notice.corrects,
  };
}

/** A first publication (no correction) of a notice the use case itself generates, with its frozen attachment. */
export function publishedNotice(p: {
  readonly electionId: string;
  readonly villageId: string;
  readonly type: NoticeDoc['type'];
  readonly text: { readonly title: string; readonly body: string };
  readonly attachment: NoticeAttachment;
  readonly at: string;
  readonly actor: string;
  readonly checkpoint?: NoticeDoc['checkpoint'];
}): NoticeDoc {
  return {
    electionId: p.electionId,
    villageId: p.villageId,
    type: p.type,
    title: p.text.title,
    body: p.text.body,
    attachment: p.attachment,
    publishedAt: p.at,
    publishedBy: p.actor,
    corrects: null,
    ...(p.checkpoint !== undefined ? { checkpoint: p.checkpoint } : {}),
  };
}
