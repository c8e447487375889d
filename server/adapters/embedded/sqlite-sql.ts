/**
 * The SQL of the embedded store (sqlite.store.ts): schema, the partial expression index plan,
 * the query text `find` and `count` run, and the small helpers around better-sqlite3 calls.
 */
import type Database from 'better-sqlite3';
import { INDEXED_FIELDS, StoreError, type DocData, type FindOptions, type Scalar, type StoredDoc, type Where } from '../../ports/store.port';
import { checkCollection, checkFind, checkId, ordersById, toSetBody, type CheckedQuery } from '../shared/store-rules';

export type Db = Database.Database;

/** FIFO async mutex: each task starts after the previous one settled. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

export function sqliteFault(e: unknown): never {
  if (e instanceof StoreError) throw e;
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : 'unknown';
  throw new StoreError('UNAVAILABLE', `embedded store failed (${code})`, { cause: e });
}

/** Runs a synchronous better-sqlite3 call, mapping its faults to StoreError UNAVAILABLE. */
export function sql<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    sqliteFault(e);
  }
}

/** The stored JSON with its `_id`: set on the freshly parsed object (a spread copied every field of every read). */
export function parseDoc<T extends DocData>(id: string, json: string): StoredDoc<T> {
  const doc = JSON.parse(json) as StoredDoc<T>;
  doc._id = id;
  return doc;
}

export const SCHEMA = `
  CREATE TABLE IF NOT EXISTS docs (
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data)),
    PRIMARY KEY (collection, id)
  ) WITHOUT ROWID;
`;

/**
 * The index plan: one partial expression index per (collection, queried field),
 * `docs_<collection>_by_<field> ON docs (json_extract(data, '$.<field>')) WHERE collection = '<collection>'`.
 * Why partial: an insert only computes the indexes of its own collection (a voter 7, a meta
 * document none). One full-table index per field (the first plan, ~30 of them) made every insert
 * evaluate ~30 JSON paths and insert ~30 index entries at random places; past the page cache each
 * of those touched a cold page and seeding grew super-linearly (10k voters 8 s, 20k 25 s).
 */
export function indexPlan(): Array<{ name: string; collection: string; field: string }> {
  const plan: Array<{ name: string; collection: string; field: string }> = [];
  for (const [collection, fields] of Object.entries(INDEXED_FIELDS) as Array<[string, readonly string[]]>) {
    // They become index names, inlined literals and JSON paths.
    if (!PLAIN_NAME.test(collection)) throw new Error(`INDEXED_FIELDS: ${JSON.stringify(collection)} is not a plain collection name`);
    for (const field of fields) {
      if (!PLAIN_NAME.test(field)) throw new Error(`INDEXED_FIELDS: ${JSON.stringify(field)} is not a plain field name`);
      plan.push({ name: indexName(collection, field), collection, field });
    }
  }
  return plan;
}

export const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const indexName = (collection: string, field: string) => `docs_${collection}_by_${field}`;

export function jsonPath(field: string): string {
  // Inlined, not bound: SQLite only uses an expression index when the query repeats the exact
  // expression. `field` is checked against /^[A-Za-z_][A-Za-z0-9_]*$/ before it gets here.
  return `json_extract(data, '$.${field}')`;
}

export function whereSql(where: CheckedQuery['where']): { clause: string; params: Scalar[] } {
  const parts: string[] = [];
  const params: Scalar[] = [];
  for (const [field, value] of where) {
    const expr = jsonPath(field);
    const type = `json_type(data, '$.${field}')`;
    if (value === null) {
      // Missing and null both match, as `where({ f: null })` does on CloudBase (MongoDB).
      parts.push(`${expr} IS NULL`);
    } else if (typeof value === 'boolean') {
      // json_extract turns true/false into 1/0; the type test keeps 1 and true apart.
      parts.push(`${expr} = ? AND ${type} = '${value ? 'true' : 'false'}'`);
      params.push(value ? 1 : 0);
    } else if (typeof value === 'number') {
      parts.push(`${expr} = ? AND ${type} IN ('integer', 'real')`);
      params.push(value);
    } else {
      // json_extract also returns objects and arrays as text; only real strings may match.
      parts.push(`${expr} = ? AND ${type} = 'text'`);
      params.push(value);
    }
  }
  return { clause: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * Without ANALYZE statistics the planner prefers the primary key (it already yields id order)
 * over the expression index once the type test is added, scanning a whole collection; naming
 * the index of the first filtered field keeps every equality query an index search. The
 * collection is inlined as a literal (checkCollection allows identifiers only): SQLite uses a
 * partial index only when the query's WHERE repeats its `collection = '…'` term.
 */
export function fromWhereSql(collection: string, where: CheckedQuery['where']): string {
  const first = where[0];
  const from = first ? `docs INDEXED BY ${indexName(collection, first[0])}` : 'docs';
  return `${from} WHERE collection = '${collection}'`;
}

export function orderSql(orderBy: CheckedQuery['orderBy']): string {
  // Ties (and no orderBy at all) fall back to the id so that keyset pages (`after`) are stable.
  if (!orderBy) return 'ORDER BY id ASC';
  const dir = orderBy.direction === 'desc' ? 'DESC' : 'ASC';
  if (orderBy.field === '_id') return `ORDER BY id ${dir}`;
  return `ORDER BY ${jsonPath(orderBy.field)} ${dir}, id ASC`;
}

/** The SQL `find` runs (exported so tests can EXPLAIN exactly what the adapter issues). */
export function buildFindQuery(collection: string, where: Where, options?: FindOptions): { text: string; params: Scalar[] } {
  checkCollection(collection);
  const q = checkFind(collection, where, options);
  const { clause, params } = whereSql(q.where);
  const cursor = afterSql(q);
  const text = `SELECT id, data FROM ${fromWhereSql(collection, q.where)}${clause}${cursor.clause} ${orderSql(q.orderBy)} LIMIT ?`;
  return { text, params: [...params, ...cursor.params, q.limit] };
}

/**
 * The keyset condition: rows after the cursor in ORDER BY's order. With an equality on an indexed
 * field the index holds (value, collection, id), so `id > ?` is a range seek, not a scan of the
 * rows before it (what OFFSET did on every page).
 */
function afterSql(q: CheckedQuery): { clause: string; params: Scalar[] } {
  if (!q.after) return { clause: '', params: [] };
  const desc = q.orderBy?.direction === 'desc';
  if (ordersById(q)) return { clause: ` AND id ${desc ? '<' : '>'} ?`, params: [q.after.id] };
  const expr = jsonPath((q.orderBy as NonNullable<CheckedQuery['orderBy']>).field);
  // better-sqlite3 binds no booleans; json_extract yields them as 1/0 anyway.
  const v = typeof q.after.value === 'boolean' ? Number(q.after.value) : q.after.value;
  // NULL sorts first ascending (so none is left after a value) and last descending (all are).
  const beyond = desc ? `${expr} < ? OR ${expr} IS NULL` : `${expr} > ?`;
  return { clause: ` AND (${beyond} OR (${expr} = ? AND id > ?))`, params: [v, v, q.after.id] };
}

/** Creates the planned indexes and drops the full-table ones of the first plan (files made before). */
export function migrateIndexes(db: Db): void {
  const plan = indexPlan();
  const wanted = new Set(plan.map((p) => p.name));
  const existing = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'docs' AND name LIKE 'docs\\_%' ESCAPE '\\'").all();
  db.transaction(() => {
    for (const { name } of existing) if (!wanted.has(name)) db.exec(`DROP INDEX ${name}`);
    for (const p of plan) db.exec(`CREATE INDEX IF NOT EXISTS ${p.name} ON docs (${jsonPath(p.field)}) WHERE collection = '${p.collection}'`);
  })();
}

export function checkedInserts(collection: string, docs: ReadonlyArray<{ readonly id: string; readonly data: DocData }>): Array<{ id: string; body: Record<string, unknown> }> {
  checkCollection(collection);
  const seen = new Set<string>();
  return docs.map((d) => {
    checkId(collection, d.id);
    if (seen.has(d.id)) throw new StoreError('INVALID', `insertMany ${collection}: the same id twice`);
    seen.add(d.id);
    return { id: d.id, body: toSetBody(collection, d.id, d.data) };
  });
}
