import { createPhoneBox, phoneKeyId } from '../../../server/security/phone-box';

const OLD = 'old-phone-key-0123456789abcdef0123456789';
const NEW = 'new-phone-key-0123456789abcdef0123456789';
const PERSON = 'a'.repeat(64);

describe('sealed phones (AES-256-GCM with the key id beside the ciphertext)', () => {
  const box = createPhoneBox({ phoneKey: NEW, retiredPhoneKeys: [] });

  it('opens what it sealed, and the sealed form holds no digit run of the number', () => {
    const sealed = box.seal('13812345678', PERSON);
    expect(sealed.startsWith(`p1.${phoneKeyId(NEW)}.`)).toBe(true);
    expect(sealed).not.toContain('12345678');
    expect(box.open(sealed, PERSON)).toBe('13812345678');
  });

  it('seals the same number differently each time (random IV)', () => {
    expect(box.seal('13812345678', PERSON)).not.toBe(box.seal('13812345678', PERSON));
  });

  it('rejects a sealed phone copied onto another person', () => {
    expect(box.open(box.seal('13812345678', PERSON), 'b'.repeat(64))).toBeNull();
  });

  it('rejects a tampered ciphertext', () => {
    const sealed = box.seal('13812345678', PERSON);
    const body = Buffer.from(sealed.split('.')[2]!, 'base64url');
    body[body.length - 1]! ^= 1;
    expect(box.open(`p1.${phoneKeyId(NEW)}.${body.toString('base64url')}`, PERSON)).toBeNull();
  });

  it('opens a phone sealed under a retired key after rotation, and not without the keyring', () => {
    const before = createPhoneBox({ phoneKey: OLD, retiredPhoneKeys: [] }).seal('13812345678', PERSON);
    expect(createPhoneBox({ phoneKey: NEW, retiredPhoneKeys: [OLD] }).open(before, PERSON)).toBe('13812345678');
    expect(box.open(before, PERSON)).toBeNull();
    expect(box.keyIdOf(before)).toBe(phoneKeyId(OLD));
  });

  it('reads no key id from text that is not a sealed phone', () => {
    expect(box.keyIdOf('138****5678')).toBeNull();
    expect(box.open('138****5678', PERSON)).toBeNull();
  });
});
