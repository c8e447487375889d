/**
 * `npm run migrate -- [--data-dir D]` — upgrade a local store written by an older version in
 * place (today: committee members gain a role, a term and their voter link). Idempotent; the
 * local host also runs it at every start. Stop `npm start` first.
 */
import { join, resolve } from 'node:path';
import { migrateMembers } from '../use-cases/membership/migrate-members.job';
import { TOWNSHIP_ID } from '../use-cases/township/create-village.use-case';
import { openLocalApp } from './local-app';

async function run(): Promise<void> {
  const d = process.argv.indexOf('--data-dir');
  const dataDir = resolve(d >= 0 ? process.argv[d + 1]! : process.env.DATA_DIR ?? join(__dirname, '../../.data'));
  const local = openLocalApp({ dataDir, log: 'silent' });
  try {
    const m = await migrateMembers(local.app.store, TOWNSHIP_ID);
    console.log(`选举委员会成员：检查 ${m.examined} 条，升级 ${m.upgraded} 条（其中关联选民 ${m.linked} 条）。数据目录 ${dataDir}`);
  } finally {
    await local.close();
  }
}

run().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
