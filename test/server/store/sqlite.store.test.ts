import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildFindQuery, indexPlan, openSqliteStore } from '../../../server/adapters/embedded/sqlite.store';
import { StoreError, type Store } from '../../../server/ports/store.port';
import { runStoreContract } from './store.contract';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-sqlite-'));
  dirs.push(dir);
  return join(dir, 'store.db');
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

runStoreContract('embedded sqlite (WAL file)', () => openSqliteStore({ file: tempFile() }));

describe('embedded sqlite store', () => {
  it('opens the file in WAL mode with one partial expression index per collection and queried field', async () => {
    const file = tempFile();
    const store = openSqliteStore({ file });
    await store.set('voter', 'v1', { villageId: 'x' });
    const probe = new Database(file, { readonly: true });
    try {
      expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
      const indexes = probe.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'docs' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>;
      expect(indexes.map((r) => r.name).sort()).toEqual(indexPlan().map((p) => p.name).sort());
      // Partial: a document only pays for the indexes of its own collection.
      expect(indexes.find((r) => r.name === 'docs_voter_by_villageId')?.sql).toMatch(/WHERE collection = 'voter'$/);
      // What find issues is answered from the expression index, not a collection scan.
      const explain = (q: { text: string; params: unknown[] }) =>
        (probe.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.params) as Array<{ detail: string }>).map((p) => p.detail).join(' | ');
      expect(explain(buildFindQuery('voter', { villageId: 'x', status: true }))).toMatch(/USING INDEX docs_voter_by_villageId \(<expr>=\?/);
      expect(explain(buildFindQuery('audit', { scope: 's' }, { orderBy: { field: 'seq', direction: 'asc' }, limit: 1000 }))).toMatch(/USING INDEX docs_audit_by_scope/);
      // A cursor page seeks past the last id inside the index (no OFFSET walking the rows before it).
      const next = explain(buildFindQuery('voter', { electionId: 'x', status: 'registered' }, { limit: 1000, after: { id: 'v0999' } }));
      expect(next).toMatch(/SEARCH docs USING INDEX docs_voter_by_electionId \(<expr>=\? AND collection=\? AND id>\?\)/);
      expect(next).not.toMatch(/TEMP B-TREE/);
      expect(buildFindQuery('voter', { electionId: 'x' }, { after: { id: 'v0999' } }).text).not.toMatch(/OFFSET/);
    } finally {
      probe.close();
      await store.close();
    }
  });

  it('drops the full-table indexes of the first plan from a file made before', async () => {
    const file = tempFile();
    const old = new Database(file);
    old.exec("CREATE TABLE docs (collection TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL CHECK (json_valid(data)), PRIMARY KEY (collection, id)) WITHOUT ROWID");
    old.exec("CREATE INDEX docs_by_villageId ON docs (collection, json_extract(data, '$.villageId'))");
    old.prepare('INSERT INTO docs VALUES (?, ?, ?)').run('voter', 'v1', JSON.stringify({ villageId: 'x' }));
    old.close();
    const store = openSqliteStore({ file });
    try {
      expect(await store.find('voter', { villageId: 'x' })).toEqual([{ villageId: 'x', _id: 'v1' }]);
      const probe = new Database(file, { readonly: true });
      const names = (probe.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as Array<{ name: string }>).map((r) => r.name);
      probe.close();
      expect(names).not.toContain('docs_by_villageId');
      expect(names).toContain('docs_voter_by_villageId');
    } finally {
      await store.close();
    }
  });

  it('keeps data across reopen, and reopening an existing file is harmless', async () => {
    const file = tempFile();
    const a = openSqliteStore({ file });
    await a.set('election', 'e1', { villageId: 'v' });
    await a.close();
    const b = openSqliteStore({ file });
    expect(await b.get('election', 'e1')).toEqual({ villageId: 'v', _id: 'e1' });
    expect(await b.find('election', { villageId: 'v' })).toHaveLength(1);
    await b.close();
  });

  it('fails UNAVAILABLE after close, and close is idempotent', async () => {
    const store = openSqliteStore({ file: tempFile() });
    await store.close();
    await store.close();
    await expect(store.get('voter', 'x')).rejects.toMatchObject({ storeCode: 'UNAVAILABLE' });
    await expect(store.set('voter', 'x', { a: 1 })).rejects.toBeInstanceOf(StoreError);
  });

  it('waits for queued transactions before closing', async () => {
    const store = openSqliteStore({ file: tempFile() });
    const tx = store.runTransaction(async (t) => {
      await new Promise((r) => setTimeout(r, 20));
      await t.set('meta', 'm', { a: 1 });
    });
    await store.close();
    await expect(tx).resolves.toBeUndefined();
  });

  it('reads outside a transaction (get, find, count, getMany) show committed state only, before, during and right after a transaction', async () => {
    // Outside reads go to the writer connection when it holds no transaction, to the reader when it does.
    const store = openSqliteStore({ file: tempFile() });
    try {
      await store.set('voter', 'a', { electionId: 'e', n: 1 });
      const seen = async () => ({
        a: await store.get('voter', 'a'),
        found: (await store.find('voter', { electionId: 'e' })).map((d) => d._id),
        n: await store.count('voter', { electionId: 'e' }),
        many: [...(await store.getMany('voter', ['a', 'b'])).keys()],
      });
      const before = await seen();
      let written = () => undefined as void;
      const isWritten = new Promise<void>((r) => (written = r));
      let release = () => undefined as void;
      const held = new Promise<void>((r) => (release = r));
      const tx = store.runTransaction(async (t) => {
        await t.update('voter', 'a', { n: 2 });
        await t.set('voter', 'b', { electionId: 'e', n: 1 });
        written();
        await held;
      });
      await isWritten;
      expect(await seen()).toEqual(before);
      release();
      await tx;
      expect(await seen()).toEqual({ a: { electionId: 'e', n: 2, _id: 'a' }, found: ['a', 'b'], n: 2, many: ['a', 'b'] });
    } finally {
      await store.close();
    }
  });

  it("reads of one event-loop turn share a snapshot that the store's own writes end and the next turn renews", async () => {
    const file = tempFile();
    const store = openSqliteStore({ file });
    const other = new Database(file);
    const turn = () => new Promise<void>((r) => setImmediate(r));
    try {
      await store.set('voter', 'a', { electionId: 'e', n: 1 });
      expect(await store.get('voter', 'a')).toMatchObject({ n: 1 });
      // Its own writes, right after a read in the same turn: committed at once (another connection
      // sees them; not left inside the snapshot's transaction until the turn ends) and read back.
      const committed = (id: string) => other.prepare<[string], { data: string }>("SELECT data FROM docs WHERE collection = 'voter' AND id = ?").get(id);
      await store.update('voter', 'a', { n: 2 });
      expect(JSON.parse(committed('a')!.data)).toMatchObject({ n: 2 });
      expect(await store.get('voter', 'a')).toMatchObject({ n: 2 });
      expect(await store.count('voter', { electionId: 'e' })).toBe(1);
      await store.runTransaction(async (t) => t.set('voter', 'b', { electionId: 'e', n: 1 }));
      expect(committed('b')).toBeDefined();
      expect(await store.count('voter', { electionId: 'e' })).toBe(2);
      expect((await store.find('voter', { electionId: 'e' })).map((d) => d._id)).toEqual(['a', 'b']);
      // Another connection's commit: seen from the next turn on.
      other.prepare("UPDATE docs SET data = json_set(data, '$.n', 9) WHERE collection = 'voter' AND id = 'a'").run();
      await turn();
      expect(await store.get('voter', 'a')).toMatchObject({ n: 9 });
      // The snapshot is a read transaction: it must not hold the writer when the turn ends.
      await turn();
      other.prepare("UPDATE docs SET data = json_set(data, '$.n', 10) WHERE collection = 'voter' AND id = 'a'").run();
      await turn();
      expect(await store.get('voter', 'a')).toMatchObject({ n: 10 });
    } finally {
      other.close();
      await store.close();
    }
  });

  describe("':memory:'", () => {
    let store: Store;
    beforeEach(() => {
      store = openSqliteStore({ file: ':memory:' });
    });
    afterEach(() => store.close());

    it('round-trips and queries', async () => {
      await store.set('voter', 'v1', { electionId: 'e', ok: true });
      expect(await store.find('voter', { electionId: 'e' })).toEqual([{ electionId: 'e', ok: true, _id: 'v1' }]);
    });

    it('queues an outside read behind an open transaction, so it only ever sees committed state', async () => {
      await store.set('meta', 'm', { v: 1 });
      let release = () => undefined as void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      const tx = store.runTransaction(async (t) => {
        await t.set('meta', 'm', { v: 2 });
        await held;
      });
      const read = store.get('meta', 'm');
      release();
      await tx;
      expect(await read).toEqual({ v: 2, _id: 'm' });
    });

    it('refuses a read outside tx from inside a transaction instead of deadlocking', async () => {
      await store.runTransaction(async () => {
        await expect(store.get('meta', 'm')).rejects.toMatchObject({ storeCode: 'INVALID' });
      });
    });
  });
});
