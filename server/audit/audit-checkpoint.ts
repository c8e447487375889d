/**
 * Signed checkpoints: `auditCheckpoint/{scope}:{seq}` pins the chain head at `seq` with the
 * deployment's Ed25519 key. Whoever can write the database can rewrite the whole chain and its
 * head, but not produce a signature: a checkpoint (and the copy on every published notice)
 * shows a cut or rewritten chain.
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

export function signCheckpoint(signer: Pick<Signer, 'keyId' | 'sign'>, head: { scope: string; seq: number; hash: string }, at: string): AuditCheckpoint {
  const unsigned = { scope: head.scope, seq: head.seq, hash: head.hash, at, keyId: signer.keyId };
  return { ...unsigned, signature: signer.sign(checkpointPayload(unsigned)) };
}

/** Null when the checkpoint verifies under the keyring, else why not. */
export function checkpointFault(keyring: Keyring, c: AuditCheckpoint): string | null {
  if (!keyring.keys.has(c.keyId)) return `signed with key ${c.keyId}, which is not in the keyring`;
  return keyring.verify(c.keyId, checkpointPayload(c), c.signature) ? null : 'signature does not verify';
}

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
