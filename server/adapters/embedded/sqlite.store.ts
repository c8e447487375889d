/**
 * Embedded Store adapter (better-sqlite3) for `npm start`, the seed CLI and the tests.
 *
 * One table of JSON documents addressed by (collection, id), a partial expression index per
 * queried field of each collection (INDEXED_FIELDS; see `indexPlan`), WAL journal. Serializability with async transaction bodies comes
 * from running every write — transactional or not — through one FIFO queue on the writer
 * connection (BEGIN IMMEDIATE … COMMIT), so two transactions never interleave even while their
 * bodies await. Reads outside a transaction see the last committed state, never the writes of
 * a transaction still open: while the writer holds one they go to a second, read-only
 * connection (WAL); while it holds none they go to the writer itself, which then holds exactly
 * the committed state — and its page cache is warm, where every commit of the writer makes the
 * reader drop its own (a read right after a commit cost ~4× more on the reader).
 * (':memory:' cannot be shared by two connections, so there the reads queue behind writes.)
 */
import Database from 'better-sqlite3';
import { StoreError, type DocData, type FindOptions, type Scalar, type Store, type StoredDoc, type TxOps, type Where } from '../../ports/store.port';
import { checkCollection, checkId, checkUpdateMany, checkWhere, matchesExpect, readManyInChunks, toSetJson, toStoredBody } from '../shared/store-rules';
import { TransactionScope, closedTxError } from '../shared/transaction-scope';
import { SCHEMA, SerialQueue, buildFindQuery, checkedInserts, fromWhereSql, migrateIndexes, parseDoc, sql, whereSql, type Db } from './sqlite-sql';

export { buildFindQuery, indexPlan } from './sqlite-sql';

export interface SqliteStoreOptions {
  /** Database file path, or ':memory:' (no WAL, reads queue behind writes). */
  readonly file: string;
  /** How long a statement waits for another process's lock before failing UNAVAILABLE. */
  readonly busyTimeoutMs?: number;
}

/**
 * Reads through a memory map of the database file (SQLite's default is none). A whole-roll pass
 * of a 100,000-entry 社区 roll (≈ 170 MB file) outgrows the 64 MB page cache, and every page it
 * then reads was copied in by a system call: the pass took 7.8 µs a row at 10k and 9.7 at 100k.
 * Mapped, the pages come from the OS page cache without a copy (6.2 µs a row at 100k), so the
 * time grows with the roll, not faster (issue 12's scale figures). Writes still go through the
 * WAL; 1 GiB is address space, not memory.
 */
export const MMAP_BYTES = 1 << 30;

/** Up to this many ids, getMany looks each up by primary key instead of one IN query. */
const FEW_IDS = 8;

export function openSqliteStore(opts: SqliteStoreOptions): Store {
  const memory = opts.file === ':memory:' || opts.file === '';
  const busy = opts.busyTimeoutMs ?? 5000;
  const writer: Db = sql(() => new Database(opts.file));
  let reader: Db = writer;
  try {
    sql(() => {
      writer.pragma(`busy_timeout = ${busy}`);
      if (!memory) writer.pragma('journal_mode = WAL');
      // NORMAL is durable against application crashes in WAL mode; a power cut may lose the last
      // transactions but never corrupts the file — fine for the local host.
      writer.pragma('synchronous = NORMAL');
      // 64 MB page cache (default 2 MB): a 100k-voter roll with its indexes stays in memory.
      writer.pragma('cache_size = -65536');
      writer.pragma(`mmap_size = ${MMAP_BYTES}`);
      writer.exec(SCHEMA);
      migrateIndexes(writer);
      if (!memory) {
        reader = new Database(opts.file, { readonly: true, fileMustExist: true });
        reader.pragma(`busy_timeout = ${busy}`);
        reader.pragma('cache_size = -65536');
        reader.pragma(`mmap_size = ${MMAP_BYTES}`);
      }
    });
  } catch (e) {
    writer.close();
    throw e;
  }

  /**
   * The read snapshot: reads outside transactions made in one event-loop turn share one read
   * transaction on the writer connection. Each statement run on its own is a read transaction of
   * its own, and starting one (WAL read lock, two fcntl calls, the wal-index check) cost ≈ 5 µs,
   * more than the lookup: a primary-key get took 7 µs alone and 1.6–2.3 µs inside a transaction
   * (issue 12's throughput: a villager action reads 3–6 documents outside its transaction).
   * The snapshot ends before this store writes anything (its reads then see its own writes),
   * when the turn ends (setImmediate), and on close; another process's commit is seen from the
   * next turn on. While a write transaction holds the writer, reads go to the reader as before.
   */
  const snapshotBegin = writer.prepare('BEGIN');
  const snapshotEnd = writer.prepare('COMMIT');
  let snapshot = false;
  const endSnapshot = () => {
    if (!snapshot) return;
    snapshot = false;
    sql(() => snapshotEnd.run());
  };
  /** The connection for a committed read: the writer's snapshot, or the reader during a write transaction. */
  const readConnection = (): Db => {
    if (snapshot) return writer;
    if (writer.inTransaction) return reader;
    sql(() => snapshotBegin.run());
    snapshot = true;
    setImmediate(endSnapshot);
    return writer;
  };
  const queue = new SerialQueue();
  const scope = new TransactionScope();
  let closed = false;

  const stmts = (db: Db) => ({
    get: db.prepare<[string, string], { data: string }>('SELECT data FROM docs WHERE collection = ? AND id = ?'),
  });
  const readStmts = stmts(reader);
  const writeStmts = {
    ...stmts(writer),
    put: writer.prepare<[string, string, string]>(
      'INSERT INTO docs (collection, id, data) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data',
    ),
    del: writer.prepare<[string, string]>('DELETE FROM docs WHERE collection = ? AND id = ?'),
    // Prepared once: exec() would parse them again on every transaction.
    begin: writer.prepare('BEGIN IMMEDIATE'),
    commit: writer.prepare('COMMIT'),
    rollback: writer.prepare('ROLLBACK'),
  };
  /** Query statements per connection, by text (a handful of shapes per collection). */
  const queryCaches = new Map<Db, Map<string, Database.Statement<Scalar[]>>>([[writer, new Map()], [reader, new Map()]]);
  const prepared = (db: Db, text: string): Database.Statement<Scalar[]> => {
    const cache = queryCaches.get(db)!;
    let s = cache.get(text);
    if (!s) {
      s = db.prepare<Scalar[]>(text);
      cache.set(text, s);
    }
    return s;
  };

  const ensureOpen = () => {
    if (closed) throw new StoreError('UNAVAILABLE', 'embedded store is closed');
  };

  /** Synchronous document operations on the writer; callers hold the queue. */
  const w = {
    get<T extends DocData>(collection: string, id: string): StoredDoc<T> | null {
      const row = sql(() => writeStmts.get.get(collection, id));
      return row ? parseDoc<T>(id, row.data) : null;
    },
    /** `json`: the checked body's text (toSetJson), stringified once. */
    set(collection: string, id: string, json: string): void {
      sql(() => writeStmts.put.run(collection, id, json));
    },
    update(collection: string, id: string, patch: Record<string, unknown>): void {
      const row = sql(() => writeStmts.get.get(collection, id));
      if (!row) throw new StoreError('NOT_FOUND', `update: no such ${collection} document`);
      const merged = { ...(JSON.parse(row.data) as Record<string, unknown>), ...patch };
      sql(() => writeStmts.put.run(collection, id, JSON.stringify(merged)));
    },
    remove(collection: string, id: string): void {
      sql(() => writeStmts.del.run(collection, id));
    },
    /** All or nothing: checks every id first, as CloudBase refuses the whole insert inside a transaction. */
    insertMany(collection: string, docs: ReadonlyArray<{ readonly id: string; readonly data: DocData }>): void {
      const bodies = checkedInserts(collection, docs);
      for (const d of bodies) if (sql(() => writeStmts.get.get(collection, d.id))) throw new StoreError('CONFLICT', `insertMany ${collection}: a document already exists`);
      for (const d of bodies) sql(() => writeStmts.put.run(collection, d.id, JSON.stringify(d.body)));
    },
  };

  /** One statement group as its own short transaction, queued behind open transactions. */
  const autocommit = async <T>(op: string, fn: () => T): Promise<T> => {
    scope.refuseOutsideWrite(op);
    return queue.run(() => {
      ensureOpen();
      endSnapshot();
      return sql(() => writer.transaction(fn).immediate());
    });
  };

  /**
   * Reads outside transactions, given the connection to read on: the writer's read snapshot when
   * it holds no write transaction (better-sqlite3 is synchronous, so none can open during the
   * read), else the reader (file); behind the queue (memory).
   */
  const committedRead = async <T>(fn: (db: Db) => T): Promise<T> => {
    if (!memory) {
      ensureOpen();
      return fn(readConnection());
    }
    if (scope.active) {
      throw new StoreError('INVALID', "a read outside `tx` inside runTransaction would deadlock on ':memory:'; read through `tx`");
    }
    return queue.run(() => {
      ensureOpen();
      return fn(writer);
    });
  };

  const store: Store = {
    async get<T extends DocData = DocData>(collection: string, id: string) {
      checkId(collection, id);
      return committedRead((db) => {
        const row = sql(() => (db === writer ? writeStmts : readStmts).get.get(collection, id));
        return row ? parseDoc<T>(id, row.data) : null;
      });
    },
    async set(collection, id, data) {
      checkId(collection, id);
      const { json } = toSetJson(collection, id, data);
      await autocommit('set', () => w.set(collection, id, json));
    },
    async update(collection, id, patch) {
      checkId(collection, id);
      const body = toStoredBody(collection, id, patch);
      await autocommit('update', () => w.update(collection, id, body));
    },
    async remove(collection, id) {
      checkId(collection, id);
      await autocommit('remove', () => w.remove(collection, id));
    },
    async find<T extends DocData = DocData>(collection: string, where: Where, options?: FindOptions) {
      const { text, params } = buildFindQuery(collection, where, options);
      return committedRead((db) => {
        const rows = sql(() => prepared(db, text).all(...params)) as Array<{ id: string; data: string }>;
        return rows.map((r) => parseDoc<T>(r.id, r.data));
      });
    },
    async getMany<T extends DocData = DocData>(collection: string, ids: readonly string[]) {
      return readManyInChunks<T>(collection, ids, async (chunk) => {
        // A few ids: one primary-key lookup each (≈ 8 µs) beats the IN list's plan (≈ 65 µs for two
        // under load, issue 12's throughput runs); a long list is the other way round (500 ids:
        // 1.3 ms with IN, 4.7 ms looked up one by one).
        if (chunk.length <= FEW_IDS) {
          return committedRead((db) => {
            const get = (db === writer ? writeStmts : readStmts).get;
            const docs: StoredDoc<T>[] = [];
            for (const id of chunk) {
              const row = sql(() => get.get(collection, id));
              if (row) docs.push(parseDoc<T>(id, row.data));
            }
            return docs;
          });
        }
        const text = `SELECT id, data FROM docs WHERE collection = ? AND id IN (${chunk.map(() => '?').join(', ')})`;
        const rows = await committedRead((db) => sql(() => prepared(db, text).all(collection, ...chunk)) as Array<{ id: string; data: string }>);
        return rows.map((r) => parseDoc<T>(r.id, r.data));
      });
    },
    async updateMany(collection, ids, expect, patch) {
      const unique = checkUpdateMany(collection, ids, expect, patch);
      return autocommit('updateMany', () => {
        let n = 0;
        for (const id of unique) {
          const doc = w.get(collection, id);
          if (doc && matchesExpect(doc, expect)) {
            // The document was just read: write it merged, without update()'s second read.
            const { _id, ...data } = doc;
            w.set(collection, id, JSON.stringify({ ...data, ...patch }));
            n += 1;
          }
        }
        return n;
      });
    },
    async insertMany(collection, docs) {
      await autocommit('insertMany', () => w.insertMany(collection, docs));
    },
    async count(collection, where) {
      checkCollection(collection);
      const w = checkWhere(collection, where);
      const { clause, params } = whereSql(w);
      const text = `SELECT count(*) AS n FROM ${fromWhereSql(collection, w)}${clause}`;
      return committedRead((db) => (sql(() => prepared(db, text).get(...params)) as { n: number }).n);
    },
    async runTransaction<T>(fn: (tx: TxOps) => Promise<T>): Promise<T> {
      scope.refuseNested();
      return queue.run(async () => {
        ensureOpen();
        endSnapshot();
        sql(() => writeStmts.begin.run());
        let open = true;
        const guard = () => {
          if (!open) throw closedTxError();
        };
        const tx: TxOps = {
          async get<D extends DocData = DocData>(collection: string, id: string) {
            guard();
            checkId(collection, id);
            return w.get<D>(collection, id);
          },
          async set(collection, id, data) {
            guard();
            checkId(collection, id);
            w.set(collection, id, toSetJson(collection, id, data).json);
          },
          async update(collection, id, patch) {
            guard();
            checkId(collection, id);
            w.update(collection, id, toStoredBody(collection, id, patch));
          },
          async remove(collection, id) {
            guard();
            checkId(collection, id);
            w.remove(collection, id);
          },
          async insertMany(collection, docs) {
            guard();
            w.insertMany(collection, docs);
          },
        };
        try {
          const out = await scope.run(() => fn(tx));
          open = false;
          sql(() => writeStmts.commit.run());
          return out;
        } catch (e) {
          open = false;
          if (writer.inTransaction) sql(() => writeStmts.rollback.run());
          throw e;
        }
      });
    },
    async close() {
      if (closed) return;
      await queue.run(() => {
        closed = true;
        endSnapshot();
        if (reader !== writer) reader.close();
        writer.close();
      });
    },
  };
  return store;
}
