import { generateKeyPairSync } from 'node:crypto';
import { createEd25519Signer, generateEd25519KeyPem, verifyEd25519 } from '../../../server/adapters/crypto/ed25519.signer';

const keyA = generateEd25519KeyPem();
const keyB = generateEd25519KeyPem();

describe('Ed25519 signer', () => {
  const signer = createEd25519Signer(keyA);

  it('signs strings and bytes; the signature verifies with the same key', () => {
    const sig = signer.sign('回执:e1:v1:2026-05-01');
    expect(sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(signer.verify('回执:e1:v1:2026-05-01', sig)).toBe(true);
    const bytes = new TextEncoder().encode('回执:e1:v1:2026-05-01');
    expect(signer.sign(bytes)).toBe(sig);
    expect(signer.verify(bytes, sig)).toBe(true);
  });

  it('signs a view into a larger buffer by its own bytes only', () => {
    const whole = Buffer.from('xxpayloadyy');
    const view = whole.subarray(2, 9);
    expect(signer.sign(view)).toBe(signer.sign('payload'));
  });

  it('is deterministic', () => {
    expect(signer.sign('x')).toBe(signer.sign('x'));
  });

  it('rejects a tampered payload', () => {
    const sig = signer.sign('amount=1');
    expect(signer.verify('amount=2', sig)).toBe(false);
    expect(signer.verify('amount=1 ', sig)).toBe(false);
  });

  it('rejects a signature by another key', () => {
    const other = createEd25519Signer(keyB);
    expect(signer.verify('x', other.sign('x'))).toBe(false);
    expect(other.keyId).not.toBe(signer.keyId);
  });

  it('rejects malformed or non-canonical signatures without throwing', () => {
    const sig = signer.sign('x');
    const raw = Buffer.from(sig, 'base64url');
    expect(signer.verify('x', '')).toBe(false);
    expect(signer.verify('x', 'not base64!')).toBe(false);
    expect(signer.verify('x', raw.toString('base64'))).toBe(false); // padded base64, never canonical for 64 bytes
    expect(signer.verify('x', `${sig}==`)).toBe(false);
    expect(signer.verify('x', raw.subarray(0, 63).toString('base64url'))).toBe(false);
    const flipped = Buffer.from(raw);
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    expect(signer.verify('x', flipped.toString('base64url'))).toBe(false);
  });

  it('publishes a public key that verifies on its own, and a stable key id derived from it', () => {
    const sig = signer.sign('x');
    expect(signer.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(verifyEd25519(signer.publicKeyPem, 'x', sig)).toBe(true);
    expect(verifyEd25519(signer.publicKeyPem, 'y', sig)).toBe(false);
    expect(verifyEd25519('garbage', 'x', sig)).toBe(false);
    expect(signer.keyId).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect(createEd25519Signer(keyA).keyId).toBe(signer.keyId);
  });

  it('refuses keys that are not Ed25519 PEM private keys, without echoing the key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => createEd25519Signer(rsa)).toThrow(/must be Ed25519/);
    const bad = '-----BEGIN PRIVATE KEY-----\nc2VjcmV0LXZhbHVl\n-----END PRIVATE KEY-----';
    expect(() => createEd25519Signer(bad)).toThrow('signing key is not a readable PEM private key');
    try {
      createEd25519Signer(bad);
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('c2VjcmV0');
    }
  });
});
