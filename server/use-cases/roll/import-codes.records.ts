/**
 * Binding codes kept for re-printing the 选民登记告知书 after a call timed out: sealed with
 * AES-256-GCM under a key derived from ID_HMAC_KEY, so a copy of the database alone does not
 * give them away (the voter document keeps only the code's keyed hash). Opened only in
 * committee.importRoll's reply to that village's committee; deleted on confirmation of printing
 * or after CODES_KEPT_DAYS.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** How long unprinted codes stay readable (a clerk prints within days; a reissue is the fallback). */
export const CODES_KEPT_DAYS = 14;

const keyOf = (idHmacKey: string) => createHmac('sha256', idHmacKey).update('roll-import-binding-codes').digest();

export function sealCode(idHmacKey: string, code: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(idHmacKey), iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The code, or null when the seal does not open (another key, another row, tampered). */
export function openCode(idHmacKey: string, sealed: string, aad: string): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(idHmacKey), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
