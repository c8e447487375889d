import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { COLLECTIONS, FUNCTIONS_ONLY_RULE } from '../../../server/adapters/cloudbase/collections';
import { indexPlan, openSqliteStore } from '../../../server/adapters/embedded/sqlite.store';
import { INDEXED_FIELDS } from '../../../server/ports/store.port';
import { applyDbRules, dbRulesPlan, type Manager } from '../../../scripts/apply-db-rules';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Collection names the server code passes to the store (literal first arguments of store calls). */
function collectionsUsedInCode(): Set<string> {
  const used = new Set<string>();
  const call = /\b(?:store|tx|ops|db)\.(?:get|set|update|remove|find|count|getMany|insertMany)(?:<[^>]*>)?\(\s*'([A-Za-z]+)'/g;
  const helper = /\b(?:readDoc|findDocs|findAllDocs|writeDoc)\(\s*[\w.]+,\s*'([A-Za-z]+)'/g;
  for (const file of sources(join(ROOT, 'server'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) used.add(m[1]!);
    for (const m of text.matchAll(helper)) used.add(m[1]!);
  }
  return used;
}

describe('the database rules (server/adapters/cloudbase/collections.ts)', () => {
  const described = new Set(COLLECTIONS.map((c) => c.name));

  it('describes every collection the store knows, once', () => {
    expect([...described].sort()).toEqual(Object.keys(INDEXED_FIELDS).sort());
    expect(described.size).toBe(COLLECTIONS.length);
  });

  it('describes every collection the server code uses', () => {
    const used = collectionsUsedInCode();
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((c) => !described.has(c as never))).toEqual([]);
  });

  it('gives every collection the functions-only security rule, and says what its id guarantees', () => {
    for (const c of COLLECTIONS) {
      expect(c.rule).toEqual({ read: false, write: false });
      expect(c.uniqueId.length).toBeGreaterThan(0);
      expect(c.purpose.length).toBeGreaterThan(0);
    }
    expect(FUNCTIONS_ONLY_RULE).toEqual({ read: false, write: false });
  });

  it('lists the same query indexes as the store adapters plan', () => {
    const fromDescription = COLLECTIONS.flatMap((c) => c.indexes.map((i) => `${c.name}.${i.fields.map((f) => f.field).join('+')}`)).sort();
    expect(fromDescription).toEqual(indexPlan().map((p) => `${p.collection}.${p.field}`).sort());
  });

  it('matches the SQLite schema: its one unique index is the (collection, id) key, the rest are the described query indexes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxt-rules-'));
    const file = join(dir, 'rules.db');
    const store = openSqliteStore({ file });
    await store.set('meta', 'probe', { at: 'now' });
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      const indexes = db.prepare<[], { name: string; unique: number; origin: string }>("PRAGMA index_list('docs')").all();
      const unique = indexes.filter((i) => i.unique === 1);
      expect(unique.map((i) => i.origin)).toEqual(['pk']);
      const keyColumns = db.prepare<[], { name: string; pk: number }>("PRAGMA table_info('docs')").all().filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      expect(keyColumns).toEqual(['collection', 'id']);
      const secondary = indexes.filter((i) => i.unique === 0).map((i) => i.name).sort();
      const expected = COLLECTIONS.flatMap((c) => c.indexes.map((i) => `docs_${c.name}_${i.name}`)).sort();
      expect(secondary).toEqual(expected);
      // No unique index is described beyond _id: the invariants live in document ids (principle 7).
      expect(COLLECTIONS.flatMap((c) => c.indexes).filter((i) => i.unique)).toEqual([]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('plans, per collection, the collection, its indexes in the management API shape, and its rule', () => {
    const plan = dbRulesPlan();
    const voter = plan.filter((s) => s.collection === 'voter');
    expect(voter[0]).toMatchObject({ op: 'createCollectionIfNotExists' });
    expect(voter.find((s) => s.op === 'createIndex')).toMatchObject({
      detail: { IndexName: 'by_electionId', MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: [{ Name: 'electionId', Direction: '1' }] } },
    });
    expect(voter.at(-1)).toEqual({ collection: 'voter', op: 'modifySafeRule', detail: { AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' } });
    expect(plan.filter((s) => s.op === 'modifySafeRule')).toHaveLength(COLLECTIONS.length);
  });

  it('applies the plan through the management API once, and again changes nothing but the rules (--apply)', async () => {
    const collections = new Map<string, Set<string>>();
    const calls: string[] = [];
    const app: Manager = {
      database: {
        async createCollectionIfNotExists(name) {
          if (!collections.has(name)) collections.set(name, new Set());
          calls.push(`create ${name}`);
        },
        async describeCollection(name) {
          return { Indexes: [...collections.get(name)!].map((Name) => ({ Name })) };
        },
        async updateCollection(name, info) {
          for (const i of info.CreateIndexes) collections.get(name)!.add(i.IndexName);
          calls.push(`index ${name} ${info.CreateIndexes.map((i) => i.IndexName).join(',')}`);
        },
      },
      commonService: (service, version) => ({
        async call(req) {
          calls.push(`${service}@${version} ${req.Action} ${String(req.Param.CollectionName)} ${String(req.Param.Rule)} ${String(req.Param.EnvId)}`);
          return {};
        },
      }),
    };
    const lines: string[] = [];
    await applyDbRules(app, 'env-1', COLLECTIONS, (l) => lines.push(l));
    expect([...collections.keys()].sort()).toEqual(COLLECTIONS.map((c) => c.name).sort());
    for (const c of COLLECTIONS) expect([...collections.get(c.name)!].sort()).toEqual(c.indexes.map((i) => i.name).sort());
    expect(calls).toContain('tcb@2018-06-08 ModifySafeRule voter {"read":false,"write":false} env-1');
    expect(lines).toHaveLength(COLLECTIONS.length);
    // Idempotent: no index created twice; the rules are set again.
    calls.length = 0;
    await applyDbRules(app, 'env-1', COLLECTIONS, () => undefined);
    expect(calls.filter((c) => c.startsWith('index '))).toEqual([]);
    expect(calls.filter((c) => c.includes('ModifySafeRule'))).toHaveLength(COLLECTIONS.length);
  });
});
