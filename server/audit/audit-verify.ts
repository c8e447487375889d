/**
 * The verifier (docs/decisions/0001-audit-chain.md): recomputes each scope's chain and checks
 * it against its head, its signed checkpoints and the checkpoints printed on published notices.
 *
 * Detects: an edited entry (its hash), a deleted, inserted or reordered entry (numbering, ids,
 * prevHash links), a cut tail (the head, or — when the head was rewritten too — any signed
 * checkpoint beyond the new end, including the copy on a notice), a forged or foreign signature.
 * Cannot detect: a pending entry deleted before it was linked, nor a rewrite of the chain after
 * its last checkpoint by someone who also deletes every later checkpoint and holds no notice.
 */
import type { Keyring } from '../adapters/crypto/ed25519.keyring';
import type { AuditCheckpoint, AuditVerification } from '../ports/audit.port';
import type { Collection, DocData, Store, StoredDoc, Where } from '../ports/store.port';
import { storePages } from '../runtime/documents';
import { checkpointDocId, checkpointFault, isCheckpoint } from './audit-checkpoint';
import { auditDocId, auditHash, GENESIS_HASH } from './audit-log';

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

/** Walks the linked entries; returns the hash after each seq (index seq-1), or where it breaks. */
async function walkChain(store: Store, scope: string): Promise<string[] | Broken> {
  const hashes: string[] = [];
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
    hashes.push(recomputed);
    prev = recomputed;
  }
  return hashes;
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

/** Recomputes `scope`'s chain and checks head, checkpoints and pinned checkpoints; the first fault wins. */
export async function verifyAuditChain(store: Store, scope: string, options: VerifyOptions = {}): Promise<AuditVerification> {
  const walked = await walkChain(store, scope);
  if (!Array.isArray(walked)) return walked;
  const hashes = walked;
  const headFault = checkHead(scope, hashes, await store.get('auditHead', scope));
  if (headFault) return headFault;
  let checkpoints = 0;
  for await (const doc of pages(store, 'auditCheckpoint', { scope })) {
    const source = `auditCheckpoint/${doc._id}`;
    if (!isCheckpoint(doc)) return broken(hashes.length, source, 'checkpoint is malformed');
    if (doc._id !== checkpointDocId(scope, doc.seq)) return broken(doc.seq, source, 'checkpoint is stored under the wrong id');
    const fault = checkCheckpoint(scope, hashes, source, doc, options.keyring);
    if (fault) return fault;
    checkpoints += 1;
  }
  for (const p of options.pinned ?? []) {
    const fault = checkCheckpoint(scope, hashes, p.source, p.checkpoint, options.keyring);
    if (fault) return fault;
  }
  const pending = await store.count('auditPending', { scope });
  return { ok: true, length: hashes.length, head: hashes[hashes.length - 1] ?? GENESIS_HASH, checkpoints, pending };
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
