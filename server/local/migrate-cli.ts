/**
 * `npm run migrate -- [--data-dir D]` — upgrade a local store written by an older version in
 * place (committee members gain a role, a term and their voter link; phones are sealed or
 * re-keyed, masked-only ones marked not callable; ID-number masks are removed, RULES.md §7;
 * nomination counts are built for ballots written before them).
 * Idempotent; the
 * local host also runs it at every start. Stop `npm start` first.
 */
import { join, resolve } from 'node:path';
import { migrateMembers } from '../use-cases/membership/migrate-members.job';
import { migrateIdMask } from '../use-cases/identity/migrate-id-mask';
import { TOWNSHIP_ID } from '../use-cases/township/create-village.use-case';
import { migratePhones, phoneMigrationLine } from '../use-cases/phones/migrate-phones';
import { migrateNominationCounts } from '../use-cases/nominations/migrate-nomination-counts';
import { openLocalApp } from './local-app';

async function run(): Promise<void> {
  const d = process.argv.indexOf('--data-dir');
  const dataDir = resolve(d >= 0 ? process.argv[d + 1]! : process.env.DATA_DIR ?? join(__dirname, '../../.data'));
  const local = openLocalApp({ dataDir, log: 'silent' });
  try {
    const m = await migrateMembers(local.app.store, TOWNSHIP_ID);
    console.log(`选举委员会成员：检查 ${m.examined} 条，升级 ${m.upgraded} 条（其中关联选民 ${m.linked} 条）。数据目录 ${dataDir}`);
    const p = await migratePhones(local.app.store, local.app.settings, local.app.clock.now().toISOString());
    console.log(phoneMigrationLine(p) ?? (p.skipped ? '电话号码：已是当前密钥，无需处理。' : `电话号码：检查 ${p.examined} 条，无需处理。`));
    const k = await migrateIdMask(local.app.store, TOWNSHIP_ID);
    console.log(`身份证号码部分数字已删除：选民 ${k.voters} 条，申诉 ${k.objections} 条，重复登记记录 ${k.duplicates} 条，导入报告 ${k.importBatches} 批；选举记录补村名 ${k.elections} 条`);
    const n = await migrateNominationCounts(local.app.store);
    console.log(`提名计数：有提名票的选举 ${n.examined} 场，重建 ${n.rebuilt} 场（${n.ballots} 张提名票）`);
  } finally {
    await local.close();
  }
}

run().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
