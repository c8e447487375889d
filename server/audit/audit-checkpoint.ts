/**
 * Signed checkpoints: `auditCheckpoint/{scope}:{seq}` pins the chain head at `seq` with the
 * deployment's Ed25519 key. Whoever can write the database can rewrite the whole chain and its
 * head, but not produce a signature: a checkpoint (and the copy on every published notice)
 * shows a cut or rewritten chain. Checkpoints are numbered per scope and each names its
 * predecessor under a second signature, and the head records the last one: a deleted checkpoint
 * is named too.
 */
import type { Keyring } from '../adapters/crypto/ed25519.keyring';
import type { AuditCheckpoint } from '../ports/audit.port';
import type { Signer } from '../ports/signer.port';
import { auditDocId } from './audit-log';
import { canonicalJson } from './canonical-json';

export const checkpointDocId = auditDocId;

/**
 * What is signed: canonical JSON (RFC 8785 for plain data) of the checkpoint without its
 * signature, under a type tag so the signature cannot be replayed as a receipt.
 */
export function checkpointPayload(c: Omit<AuditCheckpoint, 'signature'>): string {
  return canonicalJson({ type: 'cunxuantong.auditCheckpoint.v1', scope: c.scope, seq: c.seq, hash: c.hash, at: c.at, keyId: c.keyId });
}

/** Where a checkpoint sits among the scope's checkpoints: its number and its predecessor's seq. */
export interface CheckpointLink {
  readonly n: number;
  readonly prevSeq: number;
}

/**
 * What `linkSignature` signs: the whole checkpoint with its number and predecessor, under its own
 * type tag. A second signature rather than a new `signature` payload: readers of a notice check
 * `signature` against the published v1 payload (notices.get returns no numbering).
 */
export function checkpointLinkPayload(c: Omit<AuditCheckpoint, 'signature' | 'linkSignature'> & CheckpointLink): string {
  return canonicalJson({ type: 'cunxuantong.auditCheckpointLink.v1', scope: c.scope, seq: c.seq, hash: c.hash, at: c.at, keyId: c.keyId, n: c.n, prevSeq: c.prevSeq });
}

export function signCheckpoint(signer: Pick<Signer, 'keyId' | 'sign'>, head: { scope: string; seq: number; hash: string }, at: string, link?: CheckpointLink): AuditCheckpoint {
  const unsigned = { scope: head.scope, seq: head.seq, hash: head.hash, at, keyId: signer.keyId };
  const signed = { ...unsigned, signature: signer.sign(checkpointPayload(unsigned)) };
  if (!link) return signed;
  const numbered = { ...unsigned, n: link.n, prevSeq: link.prevSeq };
  return { ...signed, n: link.n, prevSeq: link.prevSeq, linkSignature: signer.sign(checkpointLinkPayload(numbered)) };
}

/** A checkpoint that carries numbering (signed after numbering existed). */
export function isNumbered(c: AuditCheckpoint): c is AuditCheckpoint & CheckpointLink & { linkSignature: string } {
  return Number.isInteger(c.n) && Number.isInteger(c.prevSeq) && typeof c.linkSignature === 'string';
}

/** Has any numbering field at all (a numbered checkpoint with a field removed is not legacy). */
export const hasNumbering = (c: AuditCheckpoint): boolean => c.n !== undefined || c.prevSeq !== undefined || c.linkSignature !== undefined;

/** Null when the checkpoint verifies under the keyring, else why not. */
export function checkpointFault(keyring: Keyring, c: AuditCheckpoint): string | null {
  if (!keyring.keys.has(c.keyId)) return `signed with key ${c.keyId}, which is not in the keyring`;
  if (!keyring.verify(c.keyId, checkpointPayload(c), c.signature)) return 'signature does not verify';
  if (!hasNumbering(c)) return null;
  if (!isNumbered(c)) return 'numbering is incomplete (n, prevSeq and linkSignature go together)';
  return keyring.verify(c.keyId, checkpointLinkPayload(c), c.linkSignature) ? null : 'numbering signature does not verify';
}

/** The fields a checkpoint consists of, for comparing a copy (a notice's) with the stored one. */
export const CHECKPOINT_FIELDS = ['scope', 'seq', 'hash', 'at', 'keyId', 'signature', 'n', 'prevSeq', 'linkSignature'] as const;

/** Type guard for a checkpoint read back from the store (or a notice). */
export function isCheckpoint(v: unknown): v is AuditCheckpoint {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c.scope === 'string' &&
    Number.isInteger(c.seq) &&
    typeof c.hash === 'string' &&
    typeof c.at === 'string' &&
    typeof c.keyId === 'string' &&
    typeof c.signature === 'string'
  );
}
