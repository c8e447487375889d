/**
 * The verifier (docs/decisions/0001-audit-chain.md): recomputes each scope's chain and checks
 * it against its head, its signed checkpoints and the checkpoints printed on published notices.
 *
 * Detects: an edited entry (its hash), a deleted, inserted or reordered entry (numbering, ids,
 * prevHash links), a cut tail (the head, or — when the head was rewritten too — any signed
 * checkpoint beyond the new end, including the copy on a notice), a forged or foreign signature,
 * a deleted checkpoint (numbering, the head's last checkpoint, a notice's copy), an edited or
 * removed copy on a notice, a deleted notice whose publication is in the chain.
 * Cannot detect: a pending entry deleted before it was linked, nor a rewrite of the chain after
 * its last checkpoint by someone who also deletes every later checkpoint, rewrites the head and
 * holds no notice.
 */
import type { Keyring } from '../adapters/crypto/ed25519.keyring';
import type { AuditCheckpoint, AuditVerification } from '../ports/audit.port';
import type { Collection, DocData, Store, StoredDoc, Where } from '../ports/store.port';
import { storePages } from '../runtime/documents';
import { checkpointFault, isCheckpoint } from './audit-checkpoint';
import { auditDocId, auditHash, GENESIS_HASH } from './audit-log';
import { checkCopy, checkNumbering, checkPublications, PUBLICATION_ACTIONS, storedFault, type Publication, type StoredCheckpoints } from './audit-verify-checkpoints';

const PAGE = 1000;
const HASH_FIELDS = new Set(['_id', 'prevHash', 'hash']);

/** A checkpoint held outside the chain's own collection (a published notice), named by where it is. */
export interface PinnedCheckpoint {
  readonly source: string;
  readonly checkpoint: AuditCheckpoint;
}

export interface VerifyOptions {
  /** Without a keyring, signatures are not checked (hashes and numbering still are). */
  readonly keyring?: Keyring;
  readonly pinned?: readonly PinnedCheckpoint[];
}

type Broken = Extract<AuditVerification, { ok: false }>;
const broken = (brokenAtSeq: number, record: string, why: string): Broken => ({ ok: false, brokenAtSeq, record, why });

async function* pages(store: Store, collection: string, where: Where, orderBy?: { field: string; direction: 'asc' | 'desc' }): AsyncGenerator<StoredDoc> {
  // Keyset pages: ordered by seq, ties (a second entry with one number) by _id, none skipped.
  for await (const page of storePages(store, collection as Collection, where, { limit: PAGE, ...(orderBy ? { orderBy } : {}) })) yield* page;
}

interface Walked {
  /** The hash after each seq (index seq-1). */
  readonly hashes: string[];
  readonly publications: Publication[];
}

/** Walks the linked entries: the hash after each seq and the publications recorded, or where it breaks. */
async function walkChain(store: Store, scope: string): Promise<Walked | Broken> {
  const hashes: string[] = [];
  const publications: Publication[] = [];
  let prev = GENESIS_HASH;
  for await (const doc of pages(store, 'audit', { scope }, { field: 'seq', direction: 'asc' })) {
    const expected = hashes.length + 1;
    const seq = doc.seq;
    const record = `audit/${doc._id}`;
    if (typeof seq !== 'number' || !Number.isInteger(seq)) return broken(expected, record, 'entry has no integer seq');
    if (seq < expected) return broken(seq, record, `a second entry numbered ${seq} (inserted)`);
    if (seq > expected) return broken(expected, `audit/${auditDocId(scope, expected)}`, `entry ${expected} is missing (deleted)`);
    if (doc._id !== auditDocId(scope, seq)) return broken(seq, record, `entry ${seq} is stored under the wrong id (moved or reordered)`);
    if (doc.prevHash !== prev) return broken(seq, record, 'prevHash does not link to the previous entry (an entry before it was changed, removed or reordered)');
    const body = Object.fromEntries(Object.entries(doc).filter(([k]) => !HASH_FIELDS.has(k)));
    let recomputed: string;
    try {
      recomputed = auditHash(prev, body);
    } catch {
      return broken(seq, record, 'entry is not canonical JSON');
    }
    if (recomputed !== doc.hash) return broken(seq, record, 'content does not match its hash (edited)');
    if (typeof doc.action === 'string' && PUBLICATION_ACTIONS.has(doc.action) && typeof doc.subject === 'string') publications.push({ noticeId: doc.subject, seq, at: String(doc.at) });
    hashes.push(recomputed);
    prev = recomputed;
  }
  return { hashes, publications };
}

function checkHead(scope: string, hashes: readonly string[], head: DocData | null): Broken | null {
  const length = hashes.length;
  const last = hashes[length - 1] ?? GENESIS_HASH;
  if (head === null) return length === 0 ? null : broken(length, `auditHead/${scope}`, 'chain head is missing');
  if (!Number.isInteger(head.seq) || typeof head.hash !== 'string') return broken(length + 1, `auditHead/${scope}`, 'chain head is malformed');
  const seq = head.seq as number;
  if (seq > length) return broken(length + 1, `audit/${auditDocId(scope, length + 1)}`, `entries ${length + 1}–${seq} are missing (the head is at ${seq})`);
  if (seq < length || head.hash !== last) return broken(seq, `auditHead/${scope}`, 'chain head does not match the last entry');
  return null;
}

function checkCheckpoint(scope: string, hashes: readonly string[], source: string, cp: AuditCheckpoint, keyring: Keyring | undefined): Broken | null {
  if (cp.scope !== scope || cp.seq < 1) return broken(Math.max(cp.seq, 1), source, `checkpoint is for ${cp.scope} at ${cp.seq}, not this chain`);
  const fault = keyring ? checkpointFault(keyring, cp) : null;
  if (fault) return broken(cp.seq, source, `checkpoint ${fault}`);
  const length = hashes.length;
  if (cp.seq > length) return broken(length + 1, `audit/${auditDocId(scope, length + 1)}`, `entries ${length + 1}–${cp.seq} are missing (signed checkpoint ${source} at ${cp.seq})`);
  if (hashes[cp.seq - 1] !== cp.hash) return broken(cp.seq, `audit/${auditDocId(scope, cp.seq)}`, `chain differs from signed checkpoint ${source} at ${cp.seq}`);
  return null;
}

/** Every stored checkpoint of `scope` in seq order, each checked on its own (form, id, signature, chain). */
async function storedCheckpoints(store: Store, scope: string, hashes: readonly string[], keyring: Keyring | undefined): Promise<StoredCheckpoints | Broken> {
  const stored: Array<AuditCheckpoint & { _id: string }> = [];
  for await (const doc of pages(store, 'auditCheckpoint', { scope }, { field: '_id', direction: 'asc' })) {
    const malformed = storedFault(scope, doc);
    if (malformed) return { ...malformed, brokenAtSeq: malformed.brokenAtSeq || hashes.length };
    // storedFault checked the form (isCheckpoint) and the id.
    const cp = doc as unknown as AuditCheckpoint & { _id: string };
    const fault = checkCheckpoint(scope, hashes, `auditCheckpoint/${doc._id}`, cp, keyring);
    if (fault) return fault;
    stored.push(cp);
  }
  return stored;
}

/**
 * Recomputes `scope`'s chain and checks head, checkpoints and pinned checkpoints; the first fault
 * wins. A contradiction with the chain (a checkpoint or a notice's copy that the chain does not
 * match) is reported before a missing proof (a gap in the checkpoints, a notice without its copy).
 */
export async function verifyAuditChain(store: Store, scope: string, options: VerifyOptions = {}): Promise<AuditVerification> {
  const walked = await walkChain(store, scope);
  if ('ok' in walked) return walked;
  const { hashes, publications } = walked;
  const head = await store.get('auditHead', scope);
  const headFault = checkHead(scope, hashes, head);
  if (headFault) return headFault;
  const stored = await storedCheckpoints(store, scope, hashes, options.keyring);
  if ('ok' in stored) return stored;
  for (const p of options.pinned ?? []) {
    const fault = checkCheckpoint(scope, hashes, p.source, p.checkpoint, options.keyring);
    if (fault) return fault;
  }
  const numbering = checkNumbering(scope, stored, head);
  if (numbering) return numbering;
  for (const p of options.pinned ?? []) {
    const fault = checkCopy(scope, stored, p.source, p.checkpoint);
    if (fault) return fault;
  }
  const unpublished = await checkPublications(store, stored, publications);
  if (unpublished) return unpublished;
  const pending = await store.count('auditPending', { scope });
  return { ok: true, length: hashes.length, head: hashes[hashes.length - 1] ?? GENESIS_HASH, checkpoints: stored.length, pending };
}

export interface ScopeReport {
  readonly scope: string;
  readonly result: AuditVerification;
}

/** Every scope the store knows of (heads, entries, checkpoints, pending, notices), each verified. */
export async function verifyAuditStore(store: Store, keyring: Keyring): Promise<ScopeReport[]> {
  const scopes = new Set<string>();
  const pinned = new Map<string, PinnedCheckpoint[]>();
  for await (const h of pages(store, 'auditHead', {})) scopes.add(h._id);
  for (const collection of ['audit', 'auditCheckpoint', 'auditPending'] as const) {
    for await (const d of pages(store, collection, {})) if (typeof d.scope === 'string') scopes.add(d.scope);
  }
  for await (const n of pages(store, 'notice', {})) {
    const cp: unknown = n.checkpoint;
    if (cp === undefined || cp === null) continue;
    const scope = isCheckpoint(cp) ? cp.scope : String(n.electionId);
    scopes.add(scope);
    if (!isCheckpoint(cp)) {
      pinned.set(scope, [...(pinned.get(scope) ?? []), { source: `notice/${n._id}`, checkpoint: { scope: '', seq: 0, hash: '', at: '', keyId: '', signature: '' } }]);
      continue;
    }
    pinned.set(scope, [...(pinned.get(scope) ?? []), { source: `notice/${n._id}`, checkpoint: cp }]);
  }
  const reports: ScopeReport[] = [];
  for (const scope of [...scopes].sort()) reports.push({ scope, result: await verifyAuditChain(store, scope, { keyring, pinned: pinned.get(scope) ?? [] }) });
  return reports;
}
