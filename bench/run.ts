/**
 * `npm run bench` — performance figures, printed and written to bench/results/latest.json.
 * Never asserted in tests (timings vary by machine); compare runs by reading the JSON.
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROUTES } from '../server/functions/routes';
import { dispatch } from '../server/runtime/dispatch';
import { openLocalApp } from '../server/local/local-app';
import { DEMO_OPENIDS, seedDemo } from '../server/seed/demo-seed';
import { birthDateForAge, syntheticIdNumber, syntheticName } from '../server/seed/synthetic-people';
import { seededRandom } from '../server/security/keyed-hash';
import type { Envelope } from '../src/contracts/envelope';
import { costScaleFigures, printFigures } from './cost-scale.bench';
import { benchContention } from './contention';
import { benchImportJob } from './import-job.bench';
import { functionBundleFigures } from './function-bundles.bench';
import { blankAppFigures } from './blank-app.bench';
import { mergeFirstContent } from './first-content';
import { benchThroughput } from './throughput-actions.bench';
import { benchPush } from './push.bench';
import { benchTally } from './tally.bench';

function percentiles(ms: number[]): { p50: number; p95: number; max: number; n: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Number(s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(2));
  return { p50: at(0.5), p95: at(0.95), max: Number(s[s.length - 1]!.toFixed(2)), n: s.length };
}

function dirBytes(dir: string): number | null {
  if (!existsSync(dir)) return null;
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? (dirBytes(p) ?? 0) : statSync(p).size;
  }
  return total;
}

/** size.weapp.* from the last `npm run build:weapp` of this checkout (dist/), in KiB. */
function weappSizes(): Record<string, number> {
  const dist = join(__dirname, '..', 'dist');
  if (!existsSync(join(dist, 'app.json'))) return {};
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: { root: string; name?: string }[] };
  const kb = (b: number) => Math.round(b / 102.4) / 10;
  const out: Record<string, number> = {};
  let subs = 0;
  for (const s of app.subPackages ?? []) {
    const b = dirBytes(join(dist, s.root)) ?? 0;
    subs += b;
    out[`size.weapp.${s.name ?? s.root}_kb`] = kb(b);
  }
  return { 'size.weapp.main_kb': kb((dirBytes(dist) ?? 0) - subs), ...out };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-bench-'));
  const local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'dev' }, log: 'silent' });
  const app = local.app;
  const call = (fn: string, event: Record<string, unknown>, openid: string) =>
    dispatch(fn, ROUTES[fn as keyof typeof ROUTES]!, event, { ...app, openid, requestId: 'bench' }) as Promise<Envelope<unknown>>;

  let t = performance.now();
  const seeded = await seedDemo(app);
  const seedMs = performance.now() - t;

  const villager = seeded.personas.find((p) => p.key === 'villager')!;
  const bindMs: number[] = [];
  const whoamiMs: number[] = [];
  const mineMs: number[] = [];
  // Bind/unbind cycles on the seeded roll: the read-modify-write path with the audit chain.
  for (let i = 0; i < 200; i++) {
    const openid = `bench-${i}`;
    t = performance.now();
    const r = await call('identity', { action: 'bind', ...villager.bindWith, consent: true }, openid);
    bindMs.push(performance.now() - t);
    if (!r.ok) throw new Error(`bind failed: ${r.message}`);
    t = performance.now();
    await call('identity', { action: 'whoami' }, openid);
    whoamiMs.push(performance.now() - t);
    t = performance.now();
    await call('registration', { action: 'mine' }, openid);
    mineMs.push(performance.now() - t);
    await call('identity', { action: 'unbind' }, openid);
  }
  // Concurrency: 200 binds of different users racing for one entry; exactly one may win.
  t = performance.now();
  const race = await Promise.all(Array.from({ length: 200 }, (_, i) => call('identity', { action: 'bind', ...villager.bindWith, consent: true }, `race-${i}`)));
  const raceMs = performance.now() - t;

  // Roll import: 2,000 new synthetic rows into the demo election, then the same rows again.
  const rng = seededRandom(99);
  const groups = ['第一村民小组', '第二村民小组', '第三村民小组'];
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const sex = i % 2 ? 'F' : 'M';
    const birth = birthDateForAge(rng, 20 + (i % 60), seeded.electionDay);
    return { name: syntheticName(rng, sex), idNumber: syntheticIdNumber(rng, birth, sex), group: groups[i % 3]!, category: i % 3 === 0 ? 'B' : 'A' };
  });
  t = performance.now();
  // A resumable job: call again with the importId until done, the rows appended (as the page does).
  const first = await call('committee', { action: 'importRoll', electionId: seeded.electionId, rows }, DEMO_OPENIDS.committee);
  if (!first.ok) throw new Error(`import failed: ${first.message}`);
  const job = first.data as { importId: string; done: boolean; processed: number; rows: unknown[] };
  while (!job.done || job.rows.length < job.processed) {
    const r = await call('committee', { action: 'importRoll', electionId: seeded.electionId, importId: job.importId, from: job.rows.length }, DEMO_OPENIDS.committee);
    if (!r.ok) throw new Error(`import failed: ${r.message}`);
    const next = r.data as typeof job;
    Object.assign(job, { ...next, rows: [...job.rows, ...next.rows] });
  }
  const importMs = performance.now() - t;
  t = performance.now();
  await call('committee', { action: 'importRoll', electionId: seeded.electionId, rows }, DEMO_OPENIDS.committee);
  const reimportMs = performance.now() - t;
  const imported = first.data as { created: number; rejected: number; rows: { row: number; status: string; category?: string; bindingCode?: string }[] };

  // Notices: every imported category-A voter binds and subscribes once; a free-text notice is
  // published (its push runs inside the call, local recording notifier), then read receipts,
  // 知晓率 and a reminder round with its call list.
  const template = local.app.settings.noticeTemplateId;
  const bound: string[] = [];
  for (const r of imported.rows) {
    const src = rows[r.row - 1];
    if (r.status !== 'created' || r.category !== 'A' || !r.bindingCode || !src) continue;
    const openid = `bench-reader-${r.row}`;
    const b = await call('identity', { action: 'bind', name: src.name, idNumber: src.idNumber, bindingCode: r.bindingCode, consent: true }, openid);
    if (!b.ok) throw new Error(`bench bind failed: ${b.message}`);
    const sub = await call('notices', { action: 'subscribe', templateIds: [template], accepted: [template] }, openid);
    if (!sub.ok) throw new Error(`bench subscribe failed: ${sub.message}`);
    bound.push(openid);
  }
  const sentBefore = local.notifier.deliveries().length;
  t = performance.now();
  const published = await call(
    'committee',
    { action: 'publishNotice', electionId: seeded.electionId, type: 'freeText', title: '关于选民登记的通知', body: '请外出村民在名单公布前表示是否参加选举。' },
    DEMO_OPENIDS.committee,
  );
  const publishMs = performance.now() - t;
  if (!published.ok) throw new Error(`publishNotice failed: ${published.message}`);
  const notice = published.data as { notice: { id: string }; push: { status: string; counts: Record<string, number> } | null };
  const sentByPublish = local.notifier.deliveries().length - sentBefore;
  const readMs: number[] = [];
  for (const openid of bound.slice(0, Math.floor(bound.length / 2))) {
    t = performance.now();
    const r = await call('notices', { action: 'markRead', noticeId: notice.notice.id }, openid);
    readMs.push(performance.now() - t);
    if (!r.ok) throw new Error(`markRead failed: ${r.message}`);
  }
  t = performance.now();
  const stats = await call('committee', { action: 'noticeStats', electionId: seeded.electionId, noticeId: notice.notice.id }, DEMO_OPENIDS.committee);
  const statsMs = performance.now() - t;
  if (!stats.ok) throw new Error(`noticeStats failed: ${stats.message}`);
  t = performance.now();
  const remind = await call('committee', { action: 'remindUnread', electionId: seeded.electionId, noticeId: notice.notice.id }, DEMO_OPENIDS.committee);
  const remindMs = performance.now() - t;
  if (!remind.ok) throw new Error(`remindUnread failed: ${remind.message}`);
  const statsData = stats.data as { notices: { id: string; awareness: { readers: number; registered: number; label: string } }[] };
  const awareness = statsData.notices.find((n) => n.id === notice.notice.id)?.awareness ?? null;
  const remindData = remind.data as { push: { counts: Record<string, number> }; callList: unknown[] };

  const results = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    seed: { voters: seeded.voters, ms: Math.round(seedMs) },
    bindMs: percentiles(bindMs),
    whoamiMs: percentiles(whoamiMs),
    registrationMineMs: percentiles(mineMs),
    importRoll2000: { created: imported.created, rejected: imported.rejected, ms: Math.round(importMs), reimportUnchangedMs: Math.round(reimportMs) },
    ...(await benchImportJob()),
    race: { calls: race.length, winners: race.filter((r) => r.ok).length, totalMs: Math.round(raceMs) },
    notices: {
      subscribedReaders: bound.length,
      publishWithPushMs: Math.round(publishMs),
      pushStatusAfterPublish: notice.push?.status ?? null,
      messagesSentByPublish: sentByPublish,
      markReadMs: percentiles(readMs),
      noticeStatsMs: Math.round(statsMs),
      awareness,
      remindUnreadMs: Math.round(remindMs),
      remindCallListEntries: remindData.callList.length,
    },
    contention: await benchContention(),
    sizes: { weappDistBytes: dirBytes(join(__dirname, '..', 'dist')), h5DistBytes: dirBytes(join(__dirname, '..', 'dist-h5')) },
  };
  await local.close();
  rmSync(dir, { recursive: true, force: true });
  // Issue 12: op counts per action and scale timings, flat metric names (bench/results.json).
  const contention = Object.fromEntries(Object.entries(results.contention).map(([k, v]) => [`contention.${k}`, v]));
  const figures = { ...(await costScaleFigures(console.log)), ...(await benchThroughput()), ...(await benchPush()), ...(await benchTally()), ...contention, ...weappSizes(), ...blankAppFigures(console.log), ...(await functionBundleFigures(console.log)) };
  // Issue 12: the main package against a blank Taro React app built in the same run (target ≤ 1.6×).
  if (typeof figures['size.weapp.main_kb'] === 'number' && typeof figures['size.weapp.blank_kb'] === 'number') {
    Object.assign(figures, { 'size.weapp.main_over_blank': Number((figures['size.weapp.main_kb'] / figures['size.weapp.blank_kb']).toFixed(2)) });
  }
  writeFileSync(join(__dirname, 'results.json'), JSON.stringify({ at: results.at, machine: results.machine, metrics: figures, run: results }, null, 2) + '\n');
  printFigures(figures);
  await mergeFirstContent(join(__dirname, 'results.json')); // issue 11: firstcontent.* (throttled 首页, cold and warm)
  const out = join(__dirname, 'results', 'latest.json');
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.log(JSON.stringify(results, null, 2));
  console.log(`written to ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
