/**
 * The numeric settings (server/config/settings.ts) read their text as zod's `z.coerce.number()`
 * does: settings.ts builds that schema without the `z.coerce` namespace (which bundles every
 * coercion), and this pins that it answers exactly as `z.coerce.number()` — values, refusals
 * and messages — for the texts an environment variable can hold.
 */
import * as z from 'zod/mini';
import '../../../src/contracts/zod-locale';
import { generateEd25519KeyPem } from '../../../server/adapters/crypto/ed25519.signer';
import { parseSettings } from '../../../server/config/settings';

const BASE = { APP_MODE: 'dev', ID_HMAC_KEY: 'settings-test-hmac-key-0123456789abcdef', SIGNING_KEY_PEM: generateEd25519KeyPem() };

/** BIND_MAX_FAILURES's schema as written before, with z.coerce.number(). */
const reference = z._default(z.pipe(z.coerce.number(), z.int()).check(z.gte(1), z.lte(50)), 5);

const TEXTS = [undefined, '', ' ', '7', ' 12 ', '0', '-3', '1.5', '50', '51', '1e1', '0x10', 'abc', '7天', 'Infinity', 'NaN'];

function outcome(run: () => number): string {
  try {
    return `value ${run()}`;
  } catch (e) {
    return `refused ${(e as Error).message}`;
  }
}

describe('numeric settings read as z.coerce.number() reads them', () => {
  it.each(TEXTS.map((t) => [JSON.stringify(t), t]))('accepts or refuses %s as the coerce schema does', (_, text) => {
    const mine = outcome(() => parseSettings({ ...BASE, BIND_MAX_FAILURES: text }).bindMaxFailures);
    const r = reference.safeParse(text);
    const expected = r.success ? `value ${r.data}` : `refused 部署配置不完整，云函数拒绝启动：${r.error.issues.map((i) => `BIND_MAX_FAILURES: ${i.message}`).join('; ')}`;
    expect(mine).toBe(expected);
  });
});
