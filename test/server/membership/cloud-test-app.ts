/**
 * The harness's TestApp on the CloudBase adapter over the in-memory FAKE of the SDK
 * (server/adapters/cloudbase/cloudbase-db.fake.ts), so a scenario written against TestApp runs
 * on both stores. Same settings, routes and dispatcher as test/server/harness.ts.
 */
import { createCloudbaseStore } from '../../../server/adapters/cloudbase/cloudbase.store';
import { FakeCloudbaseDatabase } from '../../../server/adapters/cloudbase/cloudbase-db.fake';
import { createEd25519Signer, generateEd25519KeyPem } from '../../../server/adapters/crypto/ed25519.signer';
import { createRecordingNotifier } from '../../../server/adapters/local/recording.notifier';
import { parseSettings } from '../../../server/config/settings';
import { ROUTES } from '../../../server/functions/routes';
import type { AppContext } from '../../../server/runtime/context';
import { dispatch } from '../../../server/runtime/dispatch';
import type { Logger } from '../../../server/runtime/logger';
import { seededRandom } from '../../../server/security/keyed-hash';
import type { Envelope } from '../../../src/contracts/envelope';
import { TOWNSHIP, type TestApp } from '../harness';

const SIGNING_KEY = generateEd25519KeyPem();

export function makeCloudTestApp(nowIso = '2026-03-01T02:00:00.000Z'): TestApp {
  let now = new Date(nowIso);
  const logs: string[] = [];
  const log: Logger = { info: (e, f) => logs.push(JSON.stringify({ e, ...f })), error: (e, f) => logs.push(JSON.stringify({ e, ...f })) };
  const backoff = seededRandom(5);
  const store = createCloudbaseStore(new FakeCloudbaseDatabase(), { maxAttempts: 50, backoffMs: () => backoff.int(3) });
  const app: AppContext = {
    store,
    clock: { now: () => new Date(now.getTime()) },
    signer: createEd25519Signer(SIGNING_KEY),
    notifier: createRecordingNotifier(),
    settings: parseSettings({ APP_MODE: 'dev', ID_HMAC_KEY: 'test-hmac-key-0123456789abcdef0123456789', SIGNING_KEY_PEM: SIGNING_KEY, TOWNSHIP_ADMIN_OPENIDS: TOWNSHIP }),
    rng: seededRandom(42),
    log,
  };
  let n = 0;
  const call = async <T,>(fn: string, event: Record<string, unknown>, openid: string | null = null) => {
    const routes = ROUTES[fn as keyof typeof ROUTES];
    if (!routes) throw new Error(`no function ${fn}`);
    return (await dispatch(fn, routes, event, { ...app, openid, requestId: `req-${++n}` })) as Envelope<T>;
  };
  return {
    app,
    dir: '',
    logs,
    setNow: (iso) => {
      now = new Date(iso);
    },
    call,
    ok: async <T,>(fn: string, event: Record<string, unknown>, openid: string | null = null) => {
      const r = await call<T>(fn, event, openid);
      if (!r.ok) throw new Error(`${fn}.${String(event.action)} refused: ${r.code} ${r.reason ?? ''} ${r.message}`);
      return r.data;
    },
    close: () => store.close(),
  };
}
