/**
 * Ed25519 Signer (node:crypto): deterministic signatures, 64 bytes, no parameters to get wrong.
 * The key id is derived from the public key, so a receipt names the key that can verify it.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Signer } from '../../ports/signer.port';

const SIGNATURE_BYTES = 64;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function bytesOf(payload: Uint8Array | string): Buffer {
  return typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
}

function decodeSignature(signature: string): Buffer | null {
  if (typeof signature !== 'string' || !BASE64URL.test(signature)) return null;
  const raw = Buffer.from(signature, 'base64url');
  // Only the canonical encoding counts: a receipt has exactly one valid signature string.
  return raw.length === SIGNATURE_BYTES && raw.toString('base64url') === signature ? raw : null;
}

/** `ed25519:` + the first 16 hex digits of SHA-256 over the DER public key. */
export function ed25519KeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `ed25519:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

function verifyWith(publicKey: KeyObject, payload: Uint8Array | string, signature: string): boolean {
  const raw = decodeSignature(signature);
  if (!raw) return false;
  try {
    return verify(null, bytesOf(payload), publicKey, raw);
  } catch {
    return false;
  }
}

export function createEd25519Signer(privateKeyPem: string): Signer {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  } catch (e) {
    // The PEM itself is a secret: never echo it.
    throw new Error('signing key is not a readable PEM private key', { cause: e });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`signing key must be Ed25519, got ${privateKey.asymmetricKeyType ?? 'unknown'}`);
  }
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: ed25519KeyId(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (payload) => sign(null, bytesOf(payload), privateKey).toString('base64url'),
    verify: (payload, signature) => verifyWith(publicKey, payload, signature),
  };
}

/** Checks a signature with only the published public key (what an observer or auditor holds). */
export function verifyEd25519(publicKeyPem: string, payload: Uint8Array | string, signature: string): boolean {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: publicKeyPem, format: 'pem' });
  } catch {
    return false;
  }
  return publicKey.asymmetricKeyType === 'ed25519' && verifyWith(publicKey, payload, signature);
}

/** A fresh PKCS#8 PEM private key (local host first run, tests). */
export function generateEd25519KeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
