/**
 * Per-scope audit log, written without a shared document (docs/decisions/0001-audit-chain.md).
 *
 * appendAudit runs inside the caller's transaction, next to the state change it records, so a
 * change and its entry commit or vanish together. It writes only the entry's own document,
 * `auditPending/{scope}:{at}:{uuid}`, and reads nothing: two transactions of one election never
 * touch the same audit document, so audit writes add no contention (ARCHITECTURE.md principle 7).
 *
 * The chain writer (audit-linker.ts) later gives pending entries consecutive numbers and links
 * them into `audit/{scope}:{seq}` with the same hash as always:
 *
 *   hash(n) = sha256_hex(prevHash + canonicalJson({ ...entry, seq: n }))   prevHash(1) = 0×64
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AuditEntry } from '../ports/audit.port';
import type { TxOps } from '../ports/store.port';
import { redact } from '../runtime/logger';
import { canonicalJson } from './canonical-json';

export type { AuditCheckpoint, AuditEntry, AuditHead, AuditRecord, AuditVerification } from '../ports/audit.port';

export const GENESIS_HASH = '0'.repeat(64);

/** Zero-padded so that `_id` order is `seq` order within a scope. */
export function auditDocId(scope: string, seq: number): string {
  return `${scope}:${String(seq).padStart(10, '0')}`;
}

export function auditHash(prevHash: string, entryWithSeq: Readonly<Record<string, unknown>>): string {
  return createHash('sha256').update(prevHash + canonicalJson(entryWithSeq), 'utf8').digest('hex');
}

/** Appends by this process, so entries of one millisecond keep their order within it. */
let appended = 0;

/**
 * `{scope}:{at}:{n}:{uuid}`: unique without any shared counter (the uuid), and `_id` order is
 * `at` order (ISO instants from toISOString all have the same width), then this process's
 * append order — the order the linker takes them in. Entries of one millisecond from two
 * instances have no meaningful order; the chain records the one the ids give.
 */
export function pendingDocId(scope: string, at: string): string {
  appended += 1;
  return `${scope}:${at}:${String(appended).padStart(12, '0')}:${randomUUID()}`;
}

function refusePii(field: string, value: string | undefined): void {
  // Last line of defence (RULES.md §7): an actor or subject shaped like an ID or phone number
  // would sit in an append-only log forever.
  // A member reference (`wx:` + 16 hex of a keyed hash, memberRefOf) is a hash by construction; one
  // in ~2,000 is all decimal digits and would look like a number (issue #10's oracle run hit one).
  if (value !== undefined && !/^wx:[0-9a-f]{16}$/.test(value) && redact(value) !== value) {
    throw new Error(`appendAudit: ${field} looks like an ID or phone number; record a keyed hash or a document id instead`);
  }
}

/** The entry as it is stored and hashed: undefined optionals dropped, as canonicalJson and the stores do. */
function storedEntry(entry: AuditEntry): Record<string, unknown> {
  const body: Record<string, unknown> = { scope: entry.scope, action: entry.action, actor: entry.actor, at: entry.at };
  if (entry.subject !== undefined) body.subject = entry.subject;
  if (entry.data !== undefined) body.data = entry.data;
  return body;
}

/**
 * Records `entry` in the caller's transaction. Writes one new document and reads none; the
 * entry gets its place in the chain when the chain writer next runs (bounded delay, see the
 * decision record). Throws (rolling the caller back) on a malformed entry or one carrying PII.
 */
export async function appendAudit(tx: TxOps, entry: AuditEntry): Promise<{ pendingId: string }> {
  if (!entry.scope || !entry.action || !entry.actor || !entry.at) throw new Error('appendAudit: scope, action, actor and at are required');
  if (!Number.isFinite(Date.parse(entry.at))) throw new Error(`appendAudit: at is not an ISO instant`);
  refusePii('actor', entry.actor);
  refusePii('subject', entry.subject);
  const body = storedEntry(entry);
  // What could never be hashed later (a Date, NaN, undefined in a list…) is refused by tx.set
  // below: the store takes plain JSON only (store-rules.ts), which canonicalJson can always write.
  const pendingId = pendingDocId(entry.scope, entry.at);
  await tx.set('auditPending', pendingId, body);
  return { pendingId };
}
