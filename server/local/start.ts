/**
 * `npm start` (H5 + functions) and `npm run api` (functions only) — see README.md.
 * Options: --api-only, --port N (or PORT; 0 = any free port), --data-dir D (or DATA_DIR, default
 * ./.data), --no-build (serve the existing dist-h5/), APP_MODE (dev by default locally).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ROUTES } from '../functions/routes';
import { seedDemo } from '../seed/demo-seed';
import { migrateMembers } from '../use-cases/membership/migrate-members.job';
import { migratePhones, phoneMigrationLine } from '../use-cases/phones/migrate-phones';
import { migrateIdMask } from '../use-cases/identity/migrate-id-mask';
import { migrateNominationCounts } from '../use-cases/nominations/migrate-nomination-counts';
import { TOWNSHIP_ID } from '../use-cases/township/create-village.use-case';
import { PHASE_LABELS } from '../../src/domain/calendar';
import { devDeliveryRows, personasByOpenid } from './dev-deliveries';
import { createHttpHost } from './http-host';
import { openLocalApp, type LocalApp } from './local-app';
import { clockStartingAt } from '../ports/clock.port';

const ROOT = resolve(__dirname, '../..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureH5Build(): string {
  const out = join(ROOT, 'dist-h5');
  const index = join(out, 'index.html');
  const sources = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'config')));
  if (flag('no-build') || (existsSync(index) && statSync(index).mtimeMs > sources)) return out;
  console.log('正在构建 H5 应用（约半分钟）…');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('H5 构建失败');
  return out;
}

/**
 * First start and upgrades. The demo village and its personas (synthetic ID numbers, binding
 * codes) exist in dev mode only: a production host starts empty and the township creates its
 * villages. Stores written by an older version are upgraded (idempotent; see `npm run migrate`).
 */
export async function prepareData(local: LocalApp): Promise<string[]> {
  const { app } = local;
  const lines: string[] = [];
  if (app.settings.mode === 'dev' && !(await app.store.get('meta', 'seed'))) {
    const seeded = await seedDemo(app);
    writeFileSync(local.personasFile, JSON.stringify({ personas: seeded.personas }, null, 2), { mode: 0o600 });
    lines.push(`已生成演示数据：清溪村 ${seeded.voters} 名选民，选举日 ${seeded.electionDay}，当前阶段「${PHASE_LABELS[seeded.phase]}」`);
  }
  const migrated = await migrateMembers(app.store, TOWNSHIP_ID);
  if (migrated.upgraded) lines.push(`已升级 ${migrated.upgraded} 条选举委员会成员记录（任期、职务；关联选民 ${migrated.linked} 条）`);
  const phones = await migratePhones(app.store, app.settings, app.clock.now().toISOString());
  const phoneLine = phoneMigrationLine(phones);
  if (phoneLine) lines.push(phoneLine);
  const k = await migrateIdMask(app.store, TOWNSHIP_ID);
  if (k.voters + k.objections + k.duplicates + k.importBatches) lines.push(`已删除旧记录里身份证号码的部分数字（选民 ${k.voters} 条，申诉 ${k.objections} 条，重复登记 ${k.duplicates} 条，导入报告 ${k.importBatches} 批）`);
  const n = await migrateNominationCounts(app.store);
  if (n.rebuilt) lines.push(`已为 ${n.rebuilt} 场选举建立提名计数（${n.ballots} 张提名票）`);
  return lines;
}

export async function main(): Promise<void> {
  const apiOnly = flag('api-only');
  const dataDir = arg('data-dir') ?? process.env.DATA_DIR ?? join(ROOT, '.data');
  const port = Number(arg('port') ?? process.env.PORT ?? 8787);
  // Dev only: a running clock that starts at DEV_CLOCK_AT (the e2e's election-day check-in).
  const clockAt = process.env.APP_MODE === 'dev' ? process.env.DEV_CLOCK_AT : undefined;
  const local = openLocalApp({ dataDir, log: process.env.LOG === 'silent' ? 'silent' : undefined, ...(clockAt ? { clock: clockStartingAt(clockAt) } : {}) });
  const { app } = local;

  for (const line of await prepareData(local)) console.log(line);

  const staticDir = apiOnly ? null : ensureH5Build();
  const server = createHttpHost({
    app,
    routes: ROUTES,
    staticDir,
    personasFile: app.settings.mode === 'dev' ? local.personasFile : null,
    storage: local.storage,
    devEndpoints: { deliveries: () => devDeliveryRows(local.notifier.deliveries(), personasByOpenid(local.personasFile)) },
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const actual = (server.address() as AddressInfo).port;
  console.log(`村选通${apiOnly ? '（仅云函数）' : ''}已启动：http://127.0.0.1:${actual}/  模式 ${app.settings.mode}  数据 ${local.dataDir}`);
  console.log(`LISTENING ${actual}`);

  const stop = () => {
    server.close();
    void local.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
