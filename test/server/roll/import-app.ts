/**
 * An app for the import job's tests and bench: any store (the embedded one, or the CloudBase
 * adapter over the FAKE, metered), embedded file storage (SQLite), a chosen time budget per call — and a way to
 * open a second app on the same data, as a fresh function instance after a crash would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloudbaseStore } from '../../../server/adapters/cloudbase/cloudbase.store';
import { FakeCloudbaseDatabase } from '../../../server/adapters/cloudbase/cloudbase-db.fake';
import { createEd25519Signer, generateEd25519KeyPem } from '../../../server/adapters/crypto/ed25519.signer';
import { openSqliteStore } from '../../../server/adapters/embedded/sqlite.store';
import { openSqliteFileStorage } from '../../../server/adapters/embedded/sqlite.storage';
import { createRecordingNotifier } from '../../../server/adapters/local/recording.notifier';
import { parseSettings } from '../../../server/config/settings';
import { ROUTES } from '../../../server/functions/routes';
import type { Store } from '../../../server/ports/store.port';
import type { Notifier } from '../../../server/ports/notifier.port';
import type { AppContext } from '../../../server/runtime/context';
import { createAppContext } from '../../../server/functions/app-context.factory';
import { dispatch } from '../../../server/runtime/dispatch';
import { silentLogger } from '../../../server/runtime/logger';
import { seededRandom } from '../../../server/security/keyed-hash';
import type { Envelope } from '../../../src/contracts/envelope';
import { linkAudit, TOWNSHIP, type TestApp } from '../harness';
import { meteredDatabase, meteredStorage, type SdkMeter } from '../store/sdk-call-meter';

const SIGNING_KEY = generateEd25519KeyPem();
/** A distinct random stream per app: a reopened app must not draw the ids its predecessor drew. */
let instances = 0;

export type Backend = { kind: 'embedded' } | { kind: 'cloudbase'; db: FakeCloudbaseDatabase; latencyMs: number };

export interface ImportApp extends TestApp {
  /** SDK calls so far (CloudBase backend only). */
  readonly meter: SdkMeter | null;
  /** A second app on the same data (a new function instance); this one is left as it was. */
  reopen(): ImportApp;
}

function openStore(backend: Backend, dir: string): { store: Store; meter: SdkMeter | null } {
  if (backend.kind === 'embedded') return { store: openSqliteStore({ file: join(dir, 'test.db') }), meter: null };
  const { db, meter } = meteredDatabase(backend.db, backend.latencyMs);
  const rng = seededRandom(5);
  return { store: createCloudbaseStore(db, { maxAttempts: 50, backoffMs: () => rng.int(3) }), meter };
}

export function makeImportApp(backend: Backend, budgetMs: number, shared?: { dir: string; owner: boolean }): ImportApp {
  const dir = shared?.dir ?? mkdtempSync(join(tmpdir(), 'cxt-import-'));
  let now = new Date('2026-03-01T02:00:00.000Z');
  const clock = { now: () => new Date(now.getTime()) };
  const settings = parseSettings({
    APP_MODE: 'dev',
    ID_HMAC_KEY: 'test-hmac-key-0123456789abcdef0123456789',
    SIGNING_KEY_PEM: SIGNING_KEY,
    TOWNSHIP_ADMIN_OPENIDS: TOWNSHIP,
    IMPORT_BUDGET_MS: String(budgetMs),
  });
  const { store, meter } = openStore(backend, dir);
  const files = openSqliteFileStorage({ file: join(dir, 'files.db'), urlKey: settings.idHmacKey, clock });
  const app: AppContext = createAppContext({
    store,
    storage: meter ? meteredStorage(files, meter) : files,
    clock,
    signer: createEd25519Signer(SIGNING_KEY),
    notifier: createRecordingNotifier(),
    settings,
    rng: seededRandom(1000 + ++instances),
    log: silentLogger,
  });
  let n = 0;
  const call = async <T,>(fn: string, event: Record<string, unknown>, openid: string | null = null) =>
    (await dispatch(fn, ROUTES[fn as keyof typeof ROUTES]!, event, { ...app, openid, requestId: `req-${++n}` })) as Envelope<T>;
  return {
    app,
    kind: backend.kind === 'embedded' ? 'sqlite' : 'cloudbase-fake',
    fake: backend.kind === 'embedded' ? null : backend.db,
    dir,
    logs: [],
    meter,
    setNow: (iso) => {
      now = new Date(iso);
    },
    setNotifier: (notifier) => {
      (app as { notifier: Notifier }).notifier = notifier;
    },
    call,
    ok: async <T,>(fn: string, event: Record<string, unknown>, openid: string | null = null) => {
      const r = await call<T>(fn, event, openid);
      if (!r.ok) throw new Error(`${fn}.${String(event.action)} refused: ${r.code} ${r.reason ?? ''} ${r.message}`);
      return r.data;
    },
    linkAudit: () => linkAudit(app),
    reopen: () => makeImportApp(backend, budgetMs, { dir, owner: false }),
    close: async () => {
      await store.close();
      files.close();
      if (!shared || shared.owner) rmSync(dir, { recursive: true, force: true });
    },
  };
}
