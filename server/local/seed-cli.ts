/**
 * `npm run seed -- [--phase <phase>] [--data-dir D]` — wipe the local data (secrets kept) and
 * seed the demo again so that today falls in the given phase. Stop `npm start` first.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PHASE_LABELS, type ElectionPhase } from '../../src/domain/calendar';
import { SEED_PHASES, seedDemo } from '../seed/demo-seed';
import { DATABASE_FILE, DEV_DELIVERIES_FILE, FILES_DATABASE_FILE, openLocalApp } from './local-app';
import { filesDir } from '../adapters/local/folder.storage';

async function run(): Promise<void> {
  const i = process.argv.indexOf('--phase');
  const phase = (i >= 0 ? process.argv[i + 1] : 'registration') as ElectionPhase;
  if (!SEED_PHASES.includes(phase)) {
    console.error(`不认识的阶段“${phase}”。可选：${SEED_PHASES.join(', ')}`);
    process.exit(2);
  }
  if ((process.env.APP_MODE ?? 'dev') !== 'dev') {
    console.error('演示数据只用于开发模式（APP_MODE=dev）；生产数据目录不能重置为演示数据。');
    process.exit(2);
  }
  const d = process.argv.indexOf('--data-dir');
  const dataDir = resolve(d >= 0 ? process.argv[d + 1]! : process.env.DATA_DIR ?? join(__dirname, '../../.data'));
  const databases = [DATABASE_FILE, FILES_DATABASE_FILE].flatMap((db) => [db, `${db}-wal`, `${db}-shm`]);
  for (const f of [...databases, 'dev-personas.json', DEV_DELIVERIES_FILE]) {
    const p = join(dataDir, f);
    if (existsSync(p)) rmSync(p);
  }
  // Files an earlier version kept in a folder (signatures, uploaded sheets) go with the data they belonged to.
  rmSync(filesDir(dataDir), { recursive: true, force: true });
  const local = openLocalApp({ dataDir, log: 'silent' });
  const seeded = await seedDemo(local.app, { phase });
  writeFileSync(local.personasFile, JSON.stringify({ personas: seeded.personas }, null, 2), { mode: 0o600 });
  await local.close();
  console.log(`已重新生成演示数据：${seeded.voters} 名选民，选举日 ${seeded.electionDay}，今天处于「${PHASE_LABELS[phase]}」阶段。数据目录 ${dataDir}`);
}

run().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
