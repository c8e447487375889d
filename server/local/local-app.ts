/**
 * The embedded default: the same use cases on better-sqlite3 in DATA_DIR, with a recording
 * notifier and secrets generated on first start (kept in DATA_DIR/secrets.json, mode 0600).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { openSqliteStore } from '../adapters/embedded/sqlite.store';
import { createEd25519Signer, generateEd25519KeyPem } from '../adapters/crypto/ed25519.signer';
import { createFolderStorage } from '../adapters/local/folder.storage';
import { createRecordingNotifier, type RecordingNotifier } from '../adapters/local/recording.notifier';
import { DEV_NOTICE_TEMPLATE_ID, parseSettings } from '../config/settings';
import { systemClock, type Clock } from '../ports/clock.port';
import type { AppContext } from '../runtime/context';
import { jsonLogger, silentLogger, type Logger } from '../runtime/logger';
import { cryptoRandom, type RandomSource } from '../security/keyed-hash';
import { DEMO_OPENIDS } from '../seed/demo-seed';

/** The recording notifier's file in the data directory (dev mode). */
export const DEV_DELIVERIES_FILE = 'dev-deliveries.jsonl';

export interface LocalApp {
  readonly app: AppContext;
  readonly notifier: RecordingNotifier;
  readonly dataDir: string;
  readonly personasFile: string;
  close(): Promise<void>;
}

export interface LocalAppOptions {
  readonly dataDir: string;
  readonly env?: Record<string, string | undefined>;
  readonly clock?: Clock;
  readonly rng?: RandomSource;
  readonly log?: Logger | 'silent';
}

function loadSecrets(dataDir: string): { ID_HMAC_KEY: string; SIGNING_KEY_PEM: string } {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { ID_HMAC_KEY: string; SIGNING_KEY_PEM: string };
  const secrets = { ID_HMAC_KEY: randomBytes(32).toString('base64'), SIGNING_KEY_PEM: generateEd25519KeyPem() };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function openLocalApp(opts: LocalAppOptions): LocalApp {
  const env = opts.env ?? process.env;
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const secrets = loadSecrets(dataDir);
  const mode = env.APP_MODE ?? 'dev';
  const settings = parseSettings({
    APP_MODE: mode,
    ID_HMAC_KEY: env.ID_HMAC_KEY ?? secrets.ID_HMAC_KEY,
    SIGNING_KEY_PEM: env.SIGNING_KEY_PEM ?? secrets.SIGNING_KEY_PEM,
    // In dev mode the demo township admin persona is an administrator.
    TOWNSHIP_ADMIN_OPENIDS: env.TOWNSHIP_ADMIN_OPENIDS ?? (mode === 'dev' ? DEMO_OPENIDS.township : ''),
    // Nothing reaches WeChat from the local host, in either mode: a stand-in template id will do.
    NOTICE_TEMPLATE_ID: env.NOTICE_TEMPLATE_ID ?? DEV_NOTICE_TEMPLATE_ID,
  });
  const store = openSqliteStore({ file: join(dataDir, 'cunxuantong.db') });
  // Dev mode keeps what was "sent" across restarts, for the H5 推送记录 panel (GET /dev/deliveries).
  const notifier = createRecordingNotifier(opts.clock ?? systemClock, mode === 'dev' ? { file: join(dataDir, DEV_DELIVERIES_FILE) } : {});
  const log = opts.log === 'silent' ? silentLogger : (opts.log ?? jsonLogger());
  const app: AppContext = {
    store,
    clock: opts.clock ?? systemClock,
    signer: createEd25519Signer(settings.signingKeyPem),
    notifier,
    storage: createFolderStorage(join(dataDir, 'files')),
    settings,
    rng: opts.rng ?? cryptoRandom,
    log,
  };
  return { app, notifier, dataDir, personasFile: join(dataDir, 'dev-personas.json'), close: () => store.close() };
}
