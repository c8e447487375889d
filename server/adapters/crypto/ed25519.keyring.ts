/**
 * The deployment's keyring: the current signing key's public half plus the public keys of keys
 * it replaced (setting SIGNING_KEYRING), by key id. A signature names its key id, so what a
 * retired key signed — audit checkpoints, receipts, notices — still verifies after rotation.
 */
import { createPublicKey } from 'node:crypto';
import type { Signer } from '../../ports/signer.port';
import { ed25519KeyId, verifyEd25519 } from './ed25519.signer';

export interface Keyring {
  /** Key id of the key that signs now. */
  readonly currentKeyId: string;
  /** SPKI PEM by key id, the current key included. */
  readonly keys: ReadonlyMap<string, string>;
  /** False for an unknown key id or a bad signature; never throws. */
  verify(keyId: string, payload: Uint8Array | string, signature: string): boolean;
}

/** The key id and normalised SPKI PEM of an Ed25519 public key PEM; throws on anything else. */
export function publicKeyEntry(pem: string): { keyId: string; pem: string } {
  const key = createPublicKey({ key: pem, format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`keyring: not an Ed25519 public key (${key.asymmetricKeyType ?? 'unknown'})`);
  return { keyId: ed25519KeyId(key), pem: key.export({ type: 'spki', format: 'pem' }).toString() };
}

/**
 * Parses SIGNING_KEYRING: a JSON array of PEM public keys, or an object `{ keyId: pem }` whose
 * ids must match the keys (a mislabelled key would make a forged id look retired-but-valid).
 */
export function parseRetiredKeys(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('SIGNING_KEYRING 应为 JSON：公钥 PEM 数组，或 { 密钥编号: 公钥 PEM }');
  }
  const pairs: Array<[string | null, unknown]> = Array.isArray(parsed)
    ? parsed.map((p): [null, unknown] => [null, p])
    : typeof parsed === 'object' && parsed !== null
      ? Object.entries(parsed)
      : [];
  if (pairs.length === 0 && !Array.isArray(parsed)) throw new Error('SIGNING_KEYRING 应为公钥 PEM 数组，或 { 密钥编号: 公钥 PEM }');
  return pairs.map(([id, pem]) => {
    if (typeof pem !== 'string') throw new Error('SIGNING_KEYRING 里的每个公钥都应是 PEM 文本');
    let entry: { keyId: string; pem: string };
    try {
      entry = publicKeyEntry(pem);
    } catch {
      throw new Error('SIGNING_KEYRING 里有一项不是 Ed25519 公钥 PEM');
    }
    if (id !== null && id !== entry.keyId) throw new Error(`SIGNING_KEYRING：密钥编号 ${id} 与公钥不符（应为 ${entry.keyId}）`);
    return entry.pem;
  });
}

export function createKeyring(current: Pick<Signer, 'keyId' | 'publicKeyPem'>, retiredPems: readonly string[] = []): Keyring {
  const keys = new Map<string, string>();
  for (const pem of retiredPems) {
    const e = publicKeyEntry(pem);
    keys.set(e.keyId, e.pem);
  }
  keys.set(current.keyId, current.publicKeyPem);
  return {
    currentKeyId: current.keyId,
    keys,
    verify: (keyId, payload, signature) => {
      const pem = keys.get(keyId);
      return pem !== undefined && verifyEd25519(pem, payload, signature);
    },
  };
}
