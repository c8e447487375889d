/**
 * The embedded default: the same use cases on better-sqlite3 in DATA_DIR, with a recording
 * notifier and secrets generated on first start (kept in DATA_DIR/secrets.json, mode 0600).
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { openSqliteStore } from '../adapters/embedded/sqlite.store';
import { LOCAL_LINK_INTERVAL_MS, startAuditLinkLoop } from '../audit/audit-link-loop';
import { stopIdleImports } from '../use-cases/roll/import-sweep.job';
import type { LinkReport } from '../audit/audit-linker';
import { createEd25519Signer, generateEd25519KeyPem } from '../adapters/crypto/ed25519.signer';
import { filesDir } from '../adapters/local/folder.storage';
import type { LocalStorage } from '../adapters/local/local-storage';
import { openSqliteFileStorage } from '../adapters/embedded/sqlite.storage';
import { createRecordingNotifier, type RecordingNotifier } from '../adapters/local/recording.notifier';
import { DEV_NOTICE_TEMPLATE_ID, parseSettings } from '../config/settings';
import { systemClock, type Clock } from '../ports/clock.port';
import type { AppContext } from '../runtime/context';
import { createAppContext } from '../functions/app-context.factory';
import { jsonLogger, silentLogger, type Logger } from '../runtime/logger';
import { cryptoRandom, type RandomSource } from '../security/keyed-hash';
import { DEMO_OPENIDS } from '../seed/demo-seed';

/** The recording notifier's file in the data directory (dev mode). */
export const DEV_DELIVERIES_FILE = 'dev-deliveries.jsonl';

export interface LocalApp {
  readonly app: AppContext;
  /** The same object as app.storage, with the URL-token check the host needs. */
  readonly storage: LocalStorage;
  readonly notifier: RecordingNotifier;
  readonly dataDir: string;
  readonly personasFile: string;
  /** Links every scope's pending audit entries now (the interval does it every second anyway). */
  linkAudit(): Promise<LinkReport[]>;
  /** Stops the roll imports left idle past settings.importIdleHours now (the minute timer does it anyway). */
  sweepImports(): Promise<string[]>;
  /** Stops the audit linker after a last run, then closes the store. */
  close(): Promise<void>;
}

export interface LocalAppOptions {
  readonly dataDir: string;
  readonly env?: Record<string, string | undefined>;
  readonly clock?: Clock;
  readonly rng?: RandomSource;
  readonly log?: Logger | 'silent';
  /** Audit chain writer interval (default LOCAL_LINK_INTERVAL_MS, 1 s); null: only linkAudit() links. */
  readonly auditLinkIntervalMs?: number | null;
}

/** How often the local host stops idle roll imports (the cloud does it on the committee function's minute timer). */
export const LOCAL_SWEEP_INTERVAL_MS = 60_000;

/** Stops idle roll imports every LOCAL_SWEEP_INTERVAL_MS (an unref'd timer) and on demand. */
function startImportSweep(app: AppContext): { sweep: () => Promise<string[]>; timer: ReturnType<typeof setInterval> } {
  const sweep = () => stopIdleImports(app, app.settings.importIdleHours);
  const timer = setInterval(() => {
    sweep().catch((e: unknown) => app.log.error('roll.import.sweep.failed', { detail: e instanceof Error ? e.message : String(e) }));
  }, LOCAL_SWEEP_INTERVAL_MS);
  timer.unref();
  return { sweep, timer };
}

/** DATA_DIR/secrets.json: the local host's keys (scripts/audit-verify.ts reads the signing key here). */
export const SECRETS_FILE = 'secrets.json';
/** The embedded database file in DATA_DIR. */
export const DATABASE_FILE = 'cunxuantong.db';
/** The embedded file storage's database in DATA_DIR (server/adapters/embedded/sqlite.storage.ts). */
export const FILES_DATABASE_FILE = 'files.db';

type LocalSecrets = { ID_HMAC_KEY: string; SIGNING_KEY_PEM: string; PHONE_KEY: string };

/** The local host's keys, generated on first start; a file from before phone sealing gains a PHONE_KEY. */
function loadSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, SECRETS_FILE);
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>) : {};
  if (stored.ID_HMAC_KEY && stored.SIGNING_KEY_PEM && stored.PHONE_KEY) return stored as LocalSecrets;
  const secrets: LocalSecrets = {
    ID_HMAC_KEY: stored.ID_HMAC_KEY ?? randomBytes(32).toString('base64'),
    SIGNING_KEY_PEM: stored.SIGNING_KEY_PEM ?? generateEd25519KeyPem(),
    PHONE_KEY: stored.PHONE_KEY ?? randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * The data directory 0700, the two databases and their WAL/shared-memory files 0600: they hold names,
 * sealed phones and keyed hashes, and nobody else on the machine needs to read them. SQLite
 * creates the -wal and -shm files with the database file's mode, so the file is made 0600 before
 * SQLite first opens it; existing files (made 0644 by older versions) are tightened.
 */
function privateDataDir(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const dbs = [DATABASE_FILE, FILES_DATABASE_FILE].map((f) => join(dataDir, f));
  for (const db of dbs) closeSync(openSync(db, 'a', 0o600));
  for (const f of [...dbs.flatMap((db) => [db, `${db}-wal`, `${db}-shm`]), join(dataDir, SECRETS_FILE)]) if (existsSync(f)) chmodSync(f, 0o600);
  return dbs[0]!;
}

export function openLocalApp(opts: LocalAppOptions): LocalApp {
  const env = opts.env ?? process.env;
  const dataDir = resolve(opts.dataDir);
  const dbFile = privateDataDir(dataDir);
  const secrets = loadSecrets(dataDir);
  const mode = env.APP_MODE ?? 'dev';
  const settings = parseSettings({
    APP_MODE: mode,
    ID_HMAC_KEY: env.ID_HMAC_KEY ?? secrets.ID_HMAC_KEY,
    SIGNING_KEY_PEM: env.SIGNING_KEY_PEM ?? secrets.SIGNING_KEY_PEM,
    // In dev mode the demo township admin persona is an administrator, beside any configured ones
    // (the demo seed creates its village as that persona).
    TOWNSHIP_ADMIN_OPENIDS: mode === 'dev' ? [env.TOWNSHIP_ADMIN_OPENIDS ?? '', DEMO_OPENIDS.township].filter(Boolean).join(',') : env.TOWNSHIP_ADMIN_OPENIDS,
    // Nothing reaches WeChat from the local host, in either mode: a stand-in template id will do.
    NOTICE_TEMPLATE_ID: env.NOTICE_TEMPLATE_ID ?? DEV_NOTICE_TEMPLATE_ID,
    SIGNING_KEYRING: env.SIGNING_KEYRING,
    PHONE_KEY: env.PHONE_KEY ?? secrets.PHONE_KEY,
    PHONE_KEYRING: env.PHONE_KEYRING,
    PHONE_REVEALS_PER_HOUR: env.PHONE_REVEALS_PER_HOUR,
    IMPORT_BUDGET_MS: env.IMPORT_BUDGET_MS,
    IMPORT_IDLE_HOURS: env.IMPORT_IDLE_HOURS,
  });
  const store = openSqliteStore({ file: dbFile });
  // Dev mode keeps what was "sent" across restarts, for the H5 推送记录 panel (GET /dev/deliveries).
  const notifier = createRecordingNotifier(opts.clock ?? systemClock, mode === 'dev' ? { file: join(dataDir, DEV_DELIVERIES_FILE) } : {});
  const log = opts.log === 'silent' ? silentLogger : (opts.log ?? jsonLogger(undefined, { debug: mode === 'dev' }));
  const clock = opts.clock ?? systemClock;
  const storage = openSqliteFileStorage({ file: join(dataDir, FILES_DATABASE_FILE), urlKey: settings.idHmacKey, clock, legacyFolder: filesDir(dataDir) });
  const app: AppContext = createAppContext({
    store,
    storage,
    clock,
    signer: createEd25519Signer(settings.signingKeyPem),
    notifier,
    settings,
    rng: opts.rng ?? cryptoRandom,
    log,
  });
  const interval = opts.auditLinkIntervalMs === undefined ? LOCAL_LINK_INTERVAL_MS : opts.auditLinkIntervalMs;
  // With no interval the loop's timer is simply never useful; linkNow and stop still work.
  const linker = startAuditLinkLoop(app, interval ?? 2 ** 31 - 1);
  const sweeper = startImportSweep(app);
  return {
    app,
    storage,
    notifier,
    dataDir,
    personasFile: join(dataDir, 'dev-personas.json'),
    linkAudit: () => linker.linkNow(),
    sweepImports: sweeper.sweep,
    close: async () => {
      clearInterval(sweeper.timer);
      await linker.stop();
      await store.close();
      storage.close();
    },
  };
}
