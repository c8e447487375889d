/**
 * In-process harness: the real routes and use cases on the embedded store (a temp SQLite file)
 * or on the CloudBase adapter over its fake with per-call latency, with a settable clock and a
 * seeded random source. `describeEachStore` runs a suite on both (issue 7: a race that SQLite's
 * single writer serialises may still break under CloudBase's snapshot transactions).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkAllScopes, type LinkReport } from '../../server/audit/audit-linker';
import { ROUTES } from '../../server/functions/routes';
import { dispatch } from '../../server/runtime/dispatch';
import type { AppContext } from '../../server/runtime/context';
import { createAppContext } from '../../server/functions/app-context.factory';
import { openSqliteFileStorage } from '../../server/adapters/embedded/sqlite.storage';
import { openSqliteStore } from '../../server/adapters/embedded/sqlite.store';
import { FakeCloudbaseDatabase } from '../../server/adapters/cloudbase/cloudbase-db.fake';
import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase.store';
import type { Store } from '../../server/ports/store.port';
import type { Notifier } from '../../server/ports/notifier.port';
import { createEd25519Signer, generateEd25519KeyPem } from '../../server/adapters/crypto/ed25519.signer';
import { createRecordingNotifier } from '../../server/adapters/local/recording.notifier';
import { parseSettings } from '../../server/config/settings';
import { seededRandom } from '../../server/security/keyed-hash';
import type { Envelope } from '../../src/contracts/envelope';
import type { Logger } from '../../server/runtime/logger';
import { draftVoter, writeVoters, type DraftVoter } from '../../server/seed/voter-factory';
import { addDays, shanghaiDateOf } from '../../src/domain/civil-date';

export const TOWNSHIP = 'ot-township';
export const CLERK = 'ot-clerk';
const SIGNING_KEY = generateEd25519KeyPem();

export type StoreKind = 'sqlite' | 'cloudbase-fake';
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'cloudbase-fake'];
/** What real CloudBase adds per call (issue 7): 20 ms ± 10 ms. */
export const CLOUDBASE_LATENCY = { latencyMs: 20, jitterMs: 10 } as const;

export interface TestAppOptions {
  readonly now?: string;
  /** Default 'sqlite'. */
  readonly store?: StoreKind;
  /** Fake only; default CLOUDBASE_LATENCY. */
  readonly latency?: { readonly latencyMs: number; readonly jitterMs: number };
}

export interface TestApp {
  app: AppContext;
  kind: StoreKind;
  /** The CloudBase fake under the store, when kind is 'cloudbase-fake'. */
  fake: FakeCloudbaseDatabase | null;
  dir: string;
  logs: string[];
  setNow(iso: string): void;
  /** Swaps the sender under ctx.push (and app.notifier) from the next send on: a failing or rate-limited WeChat mid-test. */
  setNotifier(notifier: Notifier): void;
  call<T = unknown>(fn: string, event: Record<string, unknown>, openid?: string | null): Promise<Envelope<T>>;
  /** Call that must succeed; returns data. */
  ok<T = unknown>(fn: string, event: Record<string, unknown>, openid?: string | null): Promise<T>;
  /** Runs the audit chain writer now (in production a timer does, within its documented delay). */
  linkAudit(): Promise<LinkReport[]>;
  close(): Promise<void>;
}

/**
 * Runs `body` once per store kind, each in its own describe titled `<title> (<kind>)`.
 * The fake answers each call after 20 ± 10 ms, so keep the number of calls in such suites modest.
 */
export function describeEachStore(title: string, body: (kind: StoreKind) => void): void {
  describe.each(STORE_KINDS)(`${title} (%s)`, body);
}

function openStore(kind: StoreKind, dir: string, latency: TestAppOptions['latency']): { store: Store; fake: FakeCloudbaseDatabase | null } {
  if (kind === 'sqlite') return { store: openSqliteStore({ file: join(dir, 'test.db') }), fake: null };
  const fake = new FakeCloudbaseDatabase(latency ?? CLOUDBASE_LATENCY);
  return { store: createCloudbaseStore(fake), fake };
}

/** Links every scope's pending audit entries now (what the chain writer does on its timer). */
export async function linkAudit(app: Pick<AppContext, 'store' | 'signer' | 'clock'>): Promise<LinkReport[]> {
  const { reports, failed } = await linkAllScopes(app.store, app.signer, app.clock);
  if (failed.length) throw new Error(`audit linking failed for ${failed.map((f) => f.scope).join(', ')}`);
  return reports;
}

export function makeTestApp(options: string | TestAppOptions = {}): TestApp {
  const opts: TestAppOptions = typeof options === 'string' ? { now: options } : options;
  const nowIso = opts.now ?? '2026-03-01T02:00:00.000Z';
  const kind = opts.store ?? 'sqlite';
  const dir = mkdtempSync(join(tmpdir(), 'cxt-test-'));
  let now = new Date(nowIso);
  const logs: string[] = [];
  const log: Logger = {
    info: (e, f) => logs.push(JSON.stringify({ e, ...f })),
    error: (e, f) => logs.push(JSON.stringify({ e, ...f })),
  };
  const settings = parseSettings({
    APP_MODE: 'dev',
    ID_HMAC_KEY: 'test-hmac-key-0123456789abcdef0123456789',
    SIGNING_KEY_PEM: SIGNING_KEY,
    TOWNSHIP_ADMIN_OPENIDS: TOWNSHIP,
  });
  const { store, fake } = openStore(kind, dir, opts.latency);
  const clock = { now: () => new Date(now.getTime()) };
  const storage = openSqliteFileStorage({ file: join(dir, 'files.db'), urlKey: settings.idHmacKey, clock });
  const app: AppContext = createAppContext({
    store,
    storage,
    clock,
    signer: createEd25519Signer(SIGNING_KEY),
    notifier: createRecordingNotifier(),
    settings,
    rng: seededRandom(42),
    log,
  });
  let n = 0;
  const call = async <T,>(fn: string, event: Record<string, unknown>, openid: string | null = null) => {
    const routes = ROUTES[fn as keyof typeof ROUTES];
    if (!routes) throw new Error(`no function ${fn}`);
    return (await dispatch(fn, routes, event, { ...app, openid, requestId: `req-${++n}` })) as Envelope<T>;
  };
  return {
    app,
    kind,
    fake,
    dir,
    logs,
    setNow: (iso) => {
      now = new Date(iso);
    },
    setNotifier: (notifier) => {
      // ctx.push reads the notifier through the app object (createAppContext), so this is all a swap takes.
      (app as { notifier: Notifier }).notifier = notifier;
    },
    call,
    ok: async <T,>(fn: string, event: Record<string, unknown>, openid: string | null = null) => {
      const r = await call<T>(fn, event, openid);
      if (!r.ok) throw new Error(`${fn}.${String(event.action)} refused: ${r.code} ${r.reason ?? ''} ${r.message}`);
      return r.data;
    },
    linkAudit: () => linkAudit(app),
    close: async () => {
      await store.close();
      storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface VillageFixture {
  villageId: string;
  electionId: string;
  electionDay: string;
  voters: DraftVoter[];
}

let villageCount = 0;

/** A village with a committee clerk, an election 40 days ahead and a few voters. */
export async function villageWithElection(t: TestApp, opts: { name?: string; voters?: number; presetId?: string } = {}): Promise<VillageFixture> {
  const { village } = await t.ok<{ village: { id: string } }>(
    'township',
    { action: 'createVillage', name: opts.name ?? '测试村', kind: 'village', presetId: opts.presetId ?? 'national', groups: ['第一村民小组', '第二村民小组'] },
    TOWNSHIP,
  );
  const { code } = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId: village.id }, TOWNSHIP);
  await t.ok('identity', { action: 'redeemInvite', code }, CLERK);
  const electionDay = addDays(shanghaiDateOf(t.app.clock.now()), 40);
  const { election } = await t.ok<{ election: { id: string } }>(
    'committee',
    { action: 'createElection', villageId: village.id, electionDay, posts: [{ post: 'director', seats: 1 }, { post: 'deputy', seats: 1 }, { post: 'member', seats: 3 }] },
    CLERK,
  );
  const at = t.app.clock.now().toISOString();
  // A distinct stream per village, so two villages in one test never share voter ids or ID numbers.
  const rng = seededRandom(7 + ++villageCount);
  const names = ['王建国', '李秀英', '张伟', '刘芳', '陈明', '杨丽', '赵强', '黄敏'];
  const voters = Array.from({ length: opts.voters ?? 4 }, (_, i) =>
    draftVoter(
      {
        electionId: election.id,
        villageId: village.id,
        name: names[i % names.length]!,
        sex: i % 2 ? 'F' : 'M',
        birthDate: `19${60 + i}-0${1 + (i % 9)}-1${i % 9}`,
        group: '第一村民小组',
        category: i === 1 ? 'B' : 'A',
        status: i === 1 ? 'pending' : 'registered',
        electionDay,
      },
      t.app.settings.idHmacKey,
      rng,
      at,
    ),
  );
  await writeVoters(t.app.store, voters, at);
  return { villageId: village.id, electionId: election.id, electionDay, voters };
}
