/**
 * Per-scope hash-chained audit log (PRODUCT.md "Nothing lost, everything traceable").
 *
 * Each append runs inside the caller's transaction, next to the state change it records, so a
 * change and its audit entry commit or vanish together. The chain head `auditHead/{scope}` is
 * read and rewritten by every append: concurrent appends to one scope therefore touch the same
 * document and are serialised by the store (embedded: one writer; CloudBase: write conflict and
 * retry), which keeps the sequence gapless.
 *
 *   hash(n) = sha256_hex(prevHash + canonicalJson({ ...entry, seq: n }))   prevHash(1) = 0×64
 */
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditHead, AuditRecord, AuditVerification } from '../ports/audit.port';
import type { DocData, Store, StoredDoc, TxOps } from '../ports/store.port';
import { redact } from '../runtime/logger';
import { canonicalJson } from './canonical-json';

export type { AuditEntry, AuditRecord, AuditVerification } from '../ports/audit.port';

export const GENESIS_HASH = '0'.repeat(64);
const PAGE = 1000;
const HASH_FIELDS = new Set(['_id', 'prevHash', 'hash']);

export function auditDocId(scope: string, seq: number): string {
  return `${scope}:${String(seq).padStart(10, '0')}`;
}

export function auditHash(prevHash: string, entryWithSeq: Readonly<Record<string, unknown>>): string {
  return createHash('sha256').update(prevHash + canonicalJson(entryWithSeq), 'utf8').digest('hex');
}

function refusePii(field: string, value: string | undefined): void {
  // Last line of defence (RULES.md §7): an actor or subject shaped like an ID or phone number
  // would sit in an append-only log forever.
  if (value !== undefined && redact(value) !== value) {
    throw new Error(`appendAudit: ${field} looks like an ID or phone number; record a keyed hash or a document id instead`);
  }
}

function isHead(doc: DocData | null): doc is StoredDoc<DocData & { seq: number; hash: string }> {
  return doc !== null && Number.isInteger(doc.seq) && typeof doc.hash === 'string';
}

export async function appendAudit(tx: TxOps, entry: AuditEntry): Promise<{ seq: number; hash: string }> {
  if (!entry.scope || !entry.action || !entry.actor || !entry.at) throw new Error('appendAudit: scope, action, actor and at are required');
  if (!Number.isFinite(Date.parse(entry.at))) throw new Error(`appendAudit: at is not an ISO instant`);
  refusePii('actor', entry.actor);
  refusePii('subject', entry.subject);

  const head = await tx.get('auditHead', entry.scope);
  if (head !== null && !isHead(head)) throw new Error(`auditHead/${entry.scope} is malformed`);
  const seq = head ? head.seq + 1 : 1;
  const prevHash = head ? head.hash : GENESIS_HASH;
  // Hash exactly what gets stored: undefined optionals are dropped by canonicalJson and store alike.
  const body: Record<string, unknown> = { ...entry, seq };
  const hash = auditHash(prevHash, body);
  const record: AuditRecord = { ...entry, seq, prevHash, hash };
  await tx.set('audit', auditDocId(entry.scope, seq), { ...record });
  const newHead: AuditHead = { scope: entry.scope, seq, hash, at: entry.at };
  await tx.set('auditHead', entry.scope, { ...newHead });
  return { seq, hash };
}

/**
 * Recomputes the chain of `scope` from the store, page by page, and checks it against the head.
 * Reports the first sequence number at which the log stops being trustworthy.
 */
export async function verifyAuditChain(store: Store, scope: string): Promise<AuditVerification> {
  let expected = 1;
  let prev = GENESIS_HASH;
  for (let skip = 0; ; skip += PAGE) {
    const page = await store.find('audit', { scope }, { orderBy: { field: 'seq', direction: 'asc' }, limit: PAGE, skip });
    for (const doc of page) {
      const seq = doc.seq;
      if (typeof seq !== 'number' || !Number.isInteger(seq)) return { ok: false, brokenAtSeq: expected, why: `entry ${doc._id} has no integer seq` };
      if (seq < expected) return { ok: false, brokenAtSeq: seq, why: `duplicate entry for seq ${seq}` };
      if (seq > expected) return { ok: false, brokenAtSeq: expected, why: `entry ${expected} is missing` };
      if (doc._id !== auditDocId(scope, seq)) return { ok: false, brokenAtSeq: seq, why: `entry stored under the wrong id ${doc._id}` };
      if (doc.prevHash !== prev) return { ok: false, brokenAtSeq: seq, why: 'prevHash does not link to the previous entry' };
      const body = Object.fromEntries(Object.entries(doc).filter(([k]) => !HASH_FIELDS.has(k)));
      let recomputed: string;
      try {
        recomputed = auditHash(prev, body);
      } catch {
        return { ok: false, brokenAtSeq: seq, why: 'entry is not canonical JSON' };
      }
      if (recomputed !== doc.hash) return { ok: false, brokenAtSeq: seq, why: 'content does not match its hash' };
      prev = recomputed;
      expected += 1;
    }
    if (page.length < PAGE) break;
  }
  const length = expected - 1;
  const head = await store.get('auditHead', scope);
  if (head === null) {
    return length === 0 ? { ok: true, length: 0, head: GENESIS_HASH } : { ok: false, brokenAtSeq: length, why: 'chain head is missing' };
  }
  if (!isHead(head)) return { ok: false, brokenAtSeq: length + 1, why: 'chain head is malformed' };
  if (head.seq > length) return { ok: false, brokenAtSeq: length + 1, why: `entries after ${length} are missing (head is at ${head.seq})` };
  if (head.seq < length || head.hash !== prev) return { ok: false, brokenAtSeq: head.seq, why: 'chain head does not match the last entry' };
  return { ok: true, length, head: prev };
}
