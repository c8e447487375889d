/**
 * `npm run db:rules -- [--apply] [--json]` — creates the deployment's CloudBase collections,
 * their query indexes and their security rules from server/adapters/cloudbase/collections.ts.
 *
 * Without `--apply`, or without credentials, it prints the plan (a dry run) and changes nothing.
 * With `--apply` it uses the CloudBase management SDK (`@cloudbase/manager-node`, installed on
 * demand: `npm i -D @cloudbase/manager-node`) with the environment TCB_ENV_ID and the API key
 * TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (a sub-account limited to this environment):
 *   - database.createCollectionIfNotExists(name)          — collections (flexdb CreateTable)
 *   - database.updateCollection(name, { CreateIndexes })  — missing indexes (flexdb UpdateTable)
 *   - tcb ModifySafeRule { AclTag: 'CUSTOM', Rule }        — the functions-only security rule
 * Idempotent: existing collections and indexes are kept, rules are set again.
 */
import { COLLECTIONS, type CollectionDescription } from '../server/adapters/cloudbase/collections';

export interface PlanStep {
  readonly collection: string;
  readonly op: 'createCollectionIfNotExists' | 'createIndex' | 'modifySafeRule';
  readonly detail: Record<string, unknown>;
}

/** The CreateIndexes entry of the management API (flexdb UpdateTable) for one index. */
export function createIndexParam(index: CollectionDescription['indexes'][number]) {
  return {
    IndexName: index.name,
    MgoKeySchema: { MgoIsUnique: index.unique, MgoIndexKeys: index.fields.map((f) => ({ Name: f.field, Direction: String(f.direction) })) },
  };
}

/** Every step, in order: collection, its indexes, its rule. */
export function dbRulesPlan(collections: readonly CollectionDescription[] = COLLECTIONS): PlanStep[] {
  return collections.flatMap((c): PlanStep[] => [
    { collection: c.name, op: 'createCollectionIfNotExists', detail: { purpose: c.purpose, uniqueId: c.uniqueId } },
    ...c.indexes.map((i): PlanStep => ({ collection: c.name, op: 'createIndex', detail: createIndexParam(i) })),
    { collection: c.name, op: 'modifySafeRule', detail: { AclTag: 'CUSTOM', Rule: JSON.stringify(c.rule) } },
  ]);
}

export interface ManagerDatabase {
  createCollectionIfNotExists(name: string): Promise<unknown>;
  describeCollection(name: string): Promise<{ Indexes?: Array<{ Name: string }> }>;
  updateCollection(name: string, info: { CreateIndexes: ReturnType<typeof createIndexParam>[] }): Promise<unknown>;
}
/** The part of `@cloudbase/manager-node`'s app that applying uses. */
export interface Manager {
  database: ManagerDatabase;
  commonService(service: string, version: string): { call(req: { Action: string; Param: Record<string, unknown> }): Promise<unknown> };
}

async function openManager(envId: string): Promise<Manager> {
  const moduleName = '@cloudbase/manager-node';
  let mod: { default?: { init(o: object): Manager }; init?(o: object): Manager };
  try {
    mod = (await import(moduleName)) as typeof mod;
  } catch {
    throw new Error('缺少 CloudBase 管理 SDK：请先运行 npm i -D @cloudbase/manager-node');
  }
  const init = mod.default?.init ?? mod.init;
  if (!init) throw new Error('@cloudbase/manager-node 没有 init()');
  return init({ envId, secretId: process.env.TENCENTCLOUD_SECRETID, secretKey: process.env.TENCENTCLOUD_SECRETKEY });
}

/** Applies the plan through `app`: collections, the indexes they lack, every collection's rule. */
export async function applyDbRules(app: Manager, envId: string, collections: readonly CollectionDescription[] = COLLECTIONS, log: (line: string) => void = console.log): Promise<void> {
  const tcb = app.commonService('tcb', '2018-06-08');
  for (const c of collections) {
    await app.database.createCollectionIfNotExists(c.name);
    const have = new Set(((await app.database.describeCollection(c.name)).Indexes ?? []).map((i) => i.Name));
    const missing = c.indexes.filter((i) => !have.has(i.name)).map(createIndexParam);
    if (missing.length) await app.database.updateCollection(c.name, { CreateIndexes: missing });
    await tcb.call({ Action: 'ModifySafeRule', Param: { EnvId: envId, CollectionName: c.name, AclTag: 'CUSTOM', Rule: JSON.stringify(c.rule) } });
    log(`${c.name}: 集合就绪，新建索引 ${missing.length} 个，安全规则已设为仅云函数可读写`);
  }
}

function printPlan(json: boolean): void {
  const plan = dbRulesPlan();
  if (json) return void console.log(JSON.stringify(plan, null, 2));
  for (const c of COLLECTIONS) {
    const idx = c.indexes.map((i) => i.name).join(', ') || '—';
    console.log(`${c.name.padEnd(16)} _id 唯一：${c.uniqueId}\n${' '.repeat(16)} 索引：${idx}\n${' '.repeat(16)} 安全规则：${JSON.stringify(c.rule)}`);
  }
  console.log(`\n共 ${COLLECTIONS.length} 个集合、${plan.filter((s) => s.op === 'createIndex').length} 个索引（演练，未做任何修改；加 --apply 并设置 TCB_ENV_ID、TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY 后执行）`);
}

async function main(): Promise<void> {
  const envId = process.env.TCB_ENV_ID;
  const wantApply = process.argv.includes('--apply');
  if (!wantApply || !envId || !process.env.TENCENTCLOUD_SECRETID || !process.env.TENCENTCLOUD_SECRETKEY) {
    if (wantApply) console.log('缺少 TCB_ENV_ID / TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY，只打印计划：\n');
    return printPlan(process.argv.includes('--json'));
  }
  await applyDbRules(await openManager(envId), envId);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
