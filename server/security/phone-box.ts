/**
 * Voters' phone numbers, sealed (RULES.md §7): unlike the ID number a phone must be recoverable —
 * the committee calls voters about the election — so it is kept encrypted with a deployment key
 * (AES-256-GCM) and shown masked; committee.revealPhone opens one for one call.
 *
 * A sealed phone is `p1.<keyId>.<iv|tag|ciphertext, base64url>`. The key id travels with the
 * ciphertext, so PHONE_KEY can be rotated: the old key moves to PHONE_KEYRING, what it sealed
 * still opens, and the migration (migrate-phones.ts) re-seals it under the new key. The
 * additional data binds the ciphertext to the person's keyed ID hash: a sealed phone copied onto
 * another voter's document does not open.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface PhoneBox {
  /** Key id of the key that seals now. */
  readonly currentKeyId: string;
  /** Seals a normalized phone number (digits only) for the voter with this ID hash. */
  seal(phone: string, idHash: string): string;
  /** The phone, or null when the seal does not open (unknown key, another voter, tampered). */
  open(sealed: string, idHash: string): string | null;
  /** The key id a sealed phone names, or null when it is not a sealed phone. */
  keyIdOf(sealed: string): string | null;
}

const FORMAT = 'p1';

/** A short public id of a key: names it in ciphertexts without revealing anything of it. */
export function phoneKeyId(secret: string): string {
  return createHash('sha256').update(`phone-key-id\u0000${secret}`).digest('hex').slice(0, 12);
}

const keyBytes = (secret: string): Buffer => createHash('sha256').update(`phone-seal\u0000${secret}`).digest();
const aadOf = (idHash: string) => Buffer.from(`voter-phone\u0000${idHash}`, 'utf8');

export function createPhoneBox(settings: { readonly phoneKey: string; readonly retiredPhoneKeys: readonly string[] }): PhoneBox {
  const keys = new Map<string, Buffer>();
  for (const k of settings.retiredPhoneKeys) keys.set(phoneKeyId(k), keyBytes(k));
  const currentKeyId = phoneKeyId(settings.phoneKey);
  keys.set(currentKeyId, keyBytes(settings.phoneKey));
  const current = keys.get(currentKeyId)!;

  const keyIdOf = (sealed: string): string | null => {
    const parts = sealed.split('.');
    return parts.length === 3 && parts[0] === FORMAT && /^[0-9a-f]{12}$/.test(parts[1]!) ? parts[1]! : null;
  };

  return {
    currentKeyId,
    keyIdOf,
    seal(phone, idHash) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(aadOf(idHash));
      const body = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
      return `${FORMAT}.${currentKeyId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(sealed, idHash) {
      const keyId = keyIdOf(sealed);
      const key = keyId === null ? undefined : keys.get(keyId);
      if (!key) return null;
      try {
        const raw = Buffer.from(sealed.split('.')[2]!, 'base64url');
        if (raw.length < 29) return null;
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAAD(aadOf(idHash));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

const boxes = new WeakMap<object, PhoneBox>();

/** The deployment's phone box, made once per settings object (settings are fixed at cold start). */
export function phoneBoxOf(settings: { readonly phoneKey: string; readonly retiredPhoneKeys: readonly string[] }): PhoneBox {
  let box = boxes.get(settings);
  if (!box) {
    box = createPhoneBox(settings);
    boxes.set(settings, box);
  }
  return box;
}
