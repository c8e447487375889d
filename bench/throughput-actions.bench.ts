/**
 * `throughput.<action>.ratio` in `npm run bench` (issue 12): each villager action end to end
 * through the real dispatch on the embedded store, against bare better-sqlite3 doing the same
 * writes on a copy of the same file (bench/throughput.bench.ts), in the same run. One village
 * of 4,000 entries; each action runs once for each of CALLS (400) different villagers (100 calls
 * gave ratios that moved by ±0.05 from run to run on this shared machine).
 *
 * `throughput.<action>.us_per_call` (end to end) and `.bare_us_per_call` are printed beside each
 * ratio, so a ratio can be read as "how many bare transactions one action costs".
 * `.ratio_reads_too`: against bare better-sqlite3 that also runs the action's reads (the same
 * SQL, each row JSON-parsed) in the call's transaction — what the layers above SQLite cost.
 * `.ratio_cpu`: the ratio of CPU time rather than wall time (steadier on a crowded machine).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalApp, DATABASE_FILE, FILES_DATABASE_FILE } from '../server/local/local-app';
import { ROUTES } from '../server/functions/routes';
import { dispatch } from '../server/runtime/dispatch';
import type { Clock } from '../server/ports/clock.port';
import type { Envelope } from '../src/contracts/envelope';
import { addDays, startOfShanghaiDay } from '../src/domain/civil-date';
import { throughputOf, writeRecorder } from './throughput.bench';
import { seedVillage, type Caller } from './villager-ops.scenario';

const TOWNSHIP = 'bench-township';
const CLERK = 'ops-clerk';
const SIZE = 4_000;
const CALLS = 400;
const SIGNATURE = { width: 320, height: 160, strokes: [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 110, 150, 90, 170, 70, 190, 50, 210, 40, 230, 30]] };

type Figures = Record<string, number>;

function figuresOf(action: string, r: Awaited<ReturnType<typeof throughputOf>>): Figures {
  return {
    [`throughput.${action}.ratio`]: r.ratio,
    [`throughput.${action}.ratio_reads_too`]: r.ratioReadsToo,
    [`throughput.${action}.ratio_cpu`]: r.ratioCpu,
    [`throughput.${action}.us_per_call`]: Math.round((r.e2eMs * 1000) / r.calls),
    [`throughput.${action}.bare_us_per_call`]: Math.round((r.bareMs * 1000) / r.calls),
    [`throughput.${action}.bare_reads_too_us_per_call`]: Math.round((r.bareReadsMs * 1000) / r.calls),
  };
}

export async function benchThroughput(): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-throughput-'));
  const local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'production', TOWNSHIP_ADMIN_OPENIDS: TOWNSHIP }, log: 'silent' });
  const file = { store: join(dir, DATABASE_FILE), storage: join(dir, FILES_DATABASE_FILE) };
  try {
    const rec = writeRecorder(local.app.store, local.app.storage);
    const app = { ...local.app, store: rec.store, storage: rec.storage! };
    let clock: Clock = app.clock;
    let n = 0;
    const call: Caller = async (fn, event, openid) => {
      const r = (await dispatch(fn, ROUTES[fn as keyof typeof ROUTES]!, event, { ...app, clock, openid, requestId: `tp-${++n}` })) as Envelope<unknown>;
      if (!r.ok) throw new Error(`${fn}.${String(event.action)} refused: ${r.code} ${r.reason ?? ''} ${r.message}`);
      return r.data;
    };
    const { electionId, electionDay, drafts } = await seedVillage(app, call, SIZE, TOWNSHIP);
    const bindWith = (i: number) => ({ name: drafts[i]!.doc.name, idNumber: drafts[i]!.idNumber, bindingCode: drafts[i]!.bindingCode, consent: true });
    // seedVillage: every 10th entry (i % 10 === 9) is a pending migrant (B); the rest registered A.
    const registered = drafts.map((_, i) => i).filter((i) => i > 2 && i % 10 !== 9);
    const migrants = drafts.map((_, i) => i).filter((i) => i % 10 === 9).slice(0, CALLS);
    const binders = registered.slice(0, CALLS);
    const wx = (i: number) => `wx-${i}`;
    const out: Figures = {};

    Object.assign(out, figuresOf('bind', await throughputOf(rec, file, binders, (i) => call('identity', { action: 'bind', ...bindWith(i) }, wx(i)).then(() => undefined))));
    for (const i of migrants) await call('identity', { action: 'bind', ...bindWith(i) }, wx(i));
    Object.assign(out, figuresOf('declareParticipation', await throughputOf(rec, file, migrants, (i) => call('registration', { action: 'declareParticipation', livesIn: '广东省深圳市' }, wx(i)).then(() => undefined))));

    const published = (await call('committee', { action: 'publishVoterList', electionId }, CLERK)) as { notice: { id: string } };
    Object.assign(out, figuresOf('markRead', await throughputOf(rec, file, binders, (i) => call('notices', { action: 'markRead', noticeId: published.notice.id }, wx(i)).then(() => undefined))));

    // Principal k asks proxy k (two different registered villagers, each proxy asked once).
    const principals = binders.slice(0, CALLS / 2);
    const proxies = binders.slice(CALLS / 2);
    Object.assign(
      out,
      figuresOf(
        'proxies.request',
        await throughputOf(rec, file, principals, (i) =>
          call('proxies', { action: 'request', proxyVoterId: drafts[proxies[principals.indexOf(i)]!]!.id, relation: 'child', awayPlace: '广东深圳', signature: SIGNATURE }, wx(i)).then(() => undefined),
        ),
      ),
    );

    const opensOn = addDays(electionDay, -11);
    await local.app.store.update('election', electionId, { nominationOpensOn: opensOn, nominationClosesOn: addDays(electionDay, -8) });
    clock = { now: () => new Date(startOfShanghaiDay(opensOn).getTime() + 4 * 3600_000) };
    const nominees = registered.slice(CALLS, CALLS + 4).map((i) => drafts[i]!.id);
    const names = { director: [nominees[0]!], member: nominees.slice(1) };
    Object.assign(out, figuresOf('nominations.submit', await throughputOf(rec, file, binders, (i) => call('nominations', { action: 'submit', names, signature: SIGNATURE }, wx(i)).then(() => undefined))));
    return out;
  } finally {
    await local.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchThroughput()
    .then((f) => console.table(f))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
