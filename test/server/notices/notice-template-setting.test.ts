/** NOTICE_TEMPLATE_ID (server/config/settings.ts): the notices' subscribe-message template, checked at cold start. */
import { generateEd25519KeyPem } from '../../../server/adapters/crypto/ed25519.signer';
import { DEV_NOTICE_TEMPLATE_ID, parseSettings } from '../../../server/config/settings';

const BASE = { ID_HMAC_KEY: 'settings-test-hmac-key-0123456789abcdef', SIGNING_KEY_PEM: generateEd25519KeyPem() };

describe('the NOTICE_TEMPLATE_ID setting', () => {
  it('is taken as configured', () => {
    expect(parseSettings({ ...BASE, APP_MODE: 'production', NOTICE_TEMPLATE_ID: ' Xq3mD8vTnoticeTemplate01 ' }).noticeTemplateId).toBe('Xq3mD8vTnoticeTemplate01');
  });
  it('rejects when it is missing in production (the function refuses to start)', () => {
    expect(() => parseSettings({ ...BASE, APP_MODE: 'production' })).toThrow(/NOTICE_TEMPLATE_ID/);
    expect(() => parseSettings({ ...BASE })).toThrow(/NOTICE_TEMPLATE_ID/);
  });
  it('rejects when it is not shaped like a WeChat template id', () => {
    for (const bad of ['', 'short', 'has spaces in it', '模板编号一二三四五六七八']) {
      expect(() => parseSettings({ ...BASE, APP_MODE: 'production', NOTICE_TEMPLATE_ID: bad })).toThrow(/NOTICE_TEMPLATE_ID/);
    }
  });
  it('falls back to the local stand-in in dev mode', () => {
    expect(parseSettings({ ...BASE, APP_MODE: 'dev' }).noticeTemplateId).toBe(DEV_NOTICE_TEMPLATE_ID);
  });
});
