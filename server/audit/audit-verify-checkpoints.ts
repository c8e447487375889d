/**
 * The verifier's checks that a proof was not removed (docs/decisions/0001-audit-chain.md, "What
 * the verifier detects"): run after every checkpoint was checked against the chain itself.
 *
 * - Numbering: numbered checkpoints go n = 1, 2, … each naming the seq of the one before it
 *   (`prevSeq`, under the link signature), and the head records the last one. A deleted
 *   checkpoint is named by its successor, a deleted last one by the head. Checkpoints signed
 *   before numbering existed come first and are not numbered; the first numbered one names the
 *   newest of them.
 * - Copies: a checkpoint copied onto a notice equals the stored checkpoint at its seq, field by
 *   field (the stored one was authenticated first, so a difference is the copy's).
 * - Publications: every linked publication entry's notice exists and carries its copy, unless no
 *   checkpoint of the scope had been signed when the publication began (the chain was still
 *   unsigned, or the notice predates checkpoints).
 */
import type { AuditCheckpoint, AuditVerification } from '../ports/audit.port';
import type { DocData, Store } from '../ports/store.port';
import { CHECKPOINT_FIELDS, checkpointDocId, hasNumbering, isCheckpoint, isNumbered } from './audit-checkpoint';

type Broken = Extract<AuditVerification, { ok: false }>;
const broken = (brokenAtSeq: number, record: string, why: string): Broken => ({ ok: false, brokenAtSeq, record, why });

/** The audit actions whose subject is a notice that carries the checkpoint it was published under. */
export const PUBLICATION_ACTIONS: ReadonlySet<string> = new Set(['committee.publishNotice', 'committee.publishVoterList']);

/** A linked publication entry: the notice it published, at which seq and instant. */
export interface Publication {
  readonly noticeId: string;
  readonly seq: number;
  readonly at: string;
}

/** The stored checkpoints of a scope, in seq order, each authenticated already. */
export type StoredCheckpoints = ReadonlyArray<AuditCheckpoint & { readonly _id: string }>;

/** Numbered checkpoints form an unbroken sequence, and the head records the last. */
export function checkNumbering(scope: string, stored: StoredCheckpoints, head: DocData | null): Broken | null {
  const rec = (seq: number) => `auditCheckpoint/${checkpointDocId(scope, seq)}`;
  let prev = { seq: 0, n: 0 };
  for (const cp of stored) {
    if (!hasNumbering(cp)) {
      if (prev.n > 0) return broken(cp.seq, rec(cp.seq), `checkpoint carries no number, but checkpoint ${prev.n} comes before it`);
      prev = { seq: cp.seq, n: 0 };
      continue;
    }
    if (!isNumbered(cp)) return broken(cp.seq, rec(cp.seq), 'checkpoint numbering is incomplete (n, prevSeq and linkSignature go together)');
    if (cp.prevSeq > prev.seq) return broken(cp.prevSeq, rec(cp.prevSeq), `checkpoint ${cp.n - 1} is missing (deleted): checkpoint ${cp.n} at ${cp.seq} names it as the one before`);
    if (cp.prevSeq !== prev.seq || cp.n !== prev.n + 1) return broken(cp.seq, rec(cp.seq), `checkpoint is numbered ${cp.n} after ${cp.prevSeq}, but ${prev.n ? `checkpoint ${prev.n}` : 'no numbered checkpoint'} at ${prev.seq} comes before it`);
    prev = { seq: cp.seq, n: cp.n };
  }
  const last: unknown = head?.lastCheckpoint;
  if (last === undefined || last === null) {
    return prev.n > 0 ? broken(prev.seq, `auditHead/${scope}`, `chain head does not record its last checkpoint (${prev.n} at ${prev.seq})`) : null;
  }
  const l = last as Record<string, unknown>;
  if (!Number.isInteger(l.n) || !Number.isInteger(l.seq)) return broken(prev.seq, `auditHead/${scope}`, 'chain head records a malformed last checkpoint');
  const [n, seq] = [l.n as number, l.seq as number];
  if (n === prev.n && seq === prev.seq) return null;
  if (n === prev.n + 1 && seq > prev.seq) return broken(seq, rec(seq), `the last checkpoint (${n}) is missing (deleted): the chain head records it`);
  return broken(prev.seq, `auditHead/${scope}`, `chain head records checkpoint ${n} at ${seq}, but the last stored is ${prev.n ? `${prev.n} at ${prev.seq}` : 'unnumbered'}`);
}

/** A copy (from a notice) equals the stored checkpoint at its seq, field by field. */
export function checkCopy(scope: string, stored: StoredCheckpoints, source: string, copy: AuditCheckpoint): Broken | null {
  const twin = stored.find((cp) => cp.seq === copy.seq);
  if (!twin) return broken(copy.seq, `auditCheckpoint/${checkpointDocId(scope, copy.seq)}`, `checkpoint is missing (deleted): ${source} carries a copy of it`);
  const differs = CHECKPOINT_FIELDS.filter((f) => copy[f] !== twin[f]);
  if (differs.length) return broken(copy.seq, source, `copy of checkpoint ${copy.seq} differs from the stored one in ${differs.join(', ')}`);
  return null;
}

/** Every linked publication's notice exists and carries a checkpoint once one had been signed before it. */
export async function checkPublications(store: Store, stored: StoredCheckpoints, publications: readonly Publication[]): Promise<Broken | null> {
  const firstSigned = Math.min(...stored.map((cp) => Date.parse(cp.at)).filter(Number.isFinite));
  const notices = await store.getMany('notice', publications.map((p) => p.noticeId));
  for (const p of publications) {
    const notice = notices.get(p.noticeId) ?? null;
    const record = `notice/${p.noticeId}`;
    if (!notice) return broken(p.seq, record, `notice is missing (deleted): audit entry ${p.seq} records its publication`);
    const cp: unknown = notice.checkpoint;
    if (cp !== undefined && cp !== null) continue;
    if (firstSigned < Date.parse(p.at)) return broken(p.seq, record, `notice carries no checkpoint, though one was signed before its publication (audit entry ${p.seq})`);
  }
  return null;
}

/** Type guard plus id check for a stored checkpoint document. */
export function storedFault(scope: string, doc: DocData & { _id: string }): Broken | null {
  const source = `auditCheckpoint/${doc._id}`;
  if (!isCheckpoint(doc)) return broken(0, source, 'checkpoint is malformed');
  if (doc._id !== checkpointDocId(scope, doc.seq)) return broken(doc.seq, source, 'checkpoint is stored under the wrong id');
  return null;
}
