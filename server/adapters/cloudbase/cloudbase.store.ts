/**
 * CloudBase Store adapter over wx-server-sdk 4 (`cloud.database()`).
 *
 * SDK behaviour this relies on (read in node_modules/wx-server-sdk/index.js and
 * @cloudbase/database 1.4 / @cloudbase/node-sdk 3.17 sources, and TencentCloudBase/node-sdk
 * test/database/unit/transaction.test.ts):
 * - `doc(id).get()` of a missing document rejects "document.get:fail document with _id … does
 *   not exist" unless the database was created with `{ throwOnNotFound: false }`, in which case it
 *   resolves `{ data: null }`. Outside a transaction a found document comes back as `data: [doc]`,
 *   inside one as `data: doc`. Both forms are handled here.
 * - `doc(id).set({ data })` replaces (upsert, merge: false) and rejects data containing `_id` or
 *   no field at all.
 * - `doc(id).update({ data })` never creates, but it flattens nested objects into dotted paths
 *   (a deep merge) and its `stats.updated` cannot tell "missing" from "unchanged". The port wants
 *   a shallow merge and NOT_FOUND, so `update` here is read + `set` inside a transaction.
 * - `where(...).get()` returns at most `limit` documents (default 100, capped at 1,000); every
 *   query here passes an explicit limit and orders by `_id` last so pages are stable.
 * - Transactions: snapshot reads; a write to a document that another open transaction has
 *   written, or that changed after the snapshot, fails at once with
 *   DATABASE_TRANSACTION_CONFLICT. wx-server-sdk rewraps errors of operations inside the
 *   callback (errCode -501001, the code survives only in the message), so the SDK's own retry in
 *   `runTransaction` never fires for them: this adapter runs each attempt with `times = 0` and
 *   retries conflicts itself, with jittered backoff. Snapshot isolation is not full
 *   serializability — invariants must be written as documents that conflicting transactions
 *   both write (ARCHITECTURE.md principle 7), which is what the use cases do.
 * - Offline or without credentials, every call fails fast (ENOTFOUND / -501001), and the SDK
 *   also leaves a rejected promise nobody awaits (a TcbError from its credential check); see
 *   installTcbRejectionGuard.
 */
import { GET_MANY_CHUNK, INDEXED_FIELDS, StoreError, type DocData, type FindOptions, type Store, type TxOps, type Where } from '../../ports/store.port';
import { checkCollection, checkFind, checkId, checkUpdateMany, checkWhere, ordersById, readManyInChunks, toSetBody, toStoredBody, type CheckedQuery } from '../shared/store-rules';
import { TransactionScope, closedTxError } from '../shared/transaction-scope';
import { asStoreError, call, isRecord, readDoc, toStored } from './cloudbase-answers';
import type { CloudbaseAdder, CloudbaseCommand, CloudbaseLogicCommand, CloudbaseDatabase, CloudbaseDocumentRef, CloudbaseQuery } from './cloudbase-sdk.types';
import { installTcbRejectionGuard } from './tcb-rejection-guard';

export type { CloudbaseAdder, CloudbaseCollectionRef, CloudbaseDatabase, CloudbaseDocumentRef, CloudbaseQuery, CloudbaseTransaction } from './cloudbase-sdk.types';
export { cloudbaseStoreError } from './cloudbase-answers';
export { installTcbRejectionGuard, isTcbError } from './tcb-rejection-guard';

/**
 * The `where` of a find: the equalities, and after a cursor `_id > last` (`<` descending) — with
 * an index ending in `_id` a seek, where `skip(n)` made the server walk n documents — or, ordered
 * by a field, `field beyond value OR (field = value AND _id > last)`.
 */
function whereAfter(_: CloudbaseCommand, q: CheckedQuery): Record<string, unknown> | CloudbaseLogicCommand | null {
  const eq: Record<string, unknown> = Object.fromEntries(q.where);
  if (!q.after) return q.where.length > 0 ? eq : null;
  const desc = q.orderBy?.direction === 'desc';
  if (ordersById(q)) return { ...eq, _id: desc ? _.lt(q.after.id) : _.gt(q.after.id) };
  const field = (q.orderBy as NonNullable<CheckedQuery['orderBy']>).field;
  const beyond = desc ? _.lt(q.after.value) : _.gt(q.after.value);
  return _.or([{ ...eq, [field]: beyond }, { ...eq, [field]: q.after.value, _id: _.gt(q.after.id) }]);
}

export interface CloudbaseStoreOptions {
  /** Attempts per runTransaction when CloudBase reports a write conflict (default 5). */
  readonly maxAttempts?: number;
  /** Pause before attempt `n + 1` after `n` conflicts (default 15·n ms + up to 25 ms jitter). */
  readonly backoffMs?: (attempt: number) => number;
}

const defaultBackoff = (attempt: number) => 15 * attempt + Math.floor(Math.random() * 25);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createCloudbaseStore(db: CloudbaseDatabase, options: CloudbaseStoreOptions = {}): Store {
  const maxAttempts = options.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error('createCloudbaseStore: maxAttempts must be a positive integer');
  const backoff = options.backoffMs ?? defaultBackoff;
  const scope = new TransactionScope();

  /** Document operations on either the database or one transaction. */
  const docOps = (doc: (collection: string, id: string) => CloudbaseDocumentRef, guard: () => void, adder: (collection: string) => CloudbaseAdder): TxOps => ({
    async insertMany(collection, docs) {
      guard();
      checkCollection(collection);
      const seen = new Set<string>();
      const data = docs.map((d) => {
        checkId(collection, d.id);
        if (seen.has(d.id)) throw new StoreError('INVALID', `insertMany ${collection}: the same id twice`);
        seen.add(d.id);
        return { ...toSetBody(collection, d.id, d.data), _id: d.id };
      });
      if (data.length > 0) await call(`insertMany ${collection}`, () => adder(collection).add({ data }));
    },
    async get<T extends DocData = DocData>(collection: string, id: string) {
      guard();
      checkId(collection, id);
      return readDoc<T>(doc(collection, id), collection, id);
    },
    async set(collection, id, data) {
      guard();
      checkId(collection, id);
      const body = toSetBody(collection, id, data);
      await call(`set ${collection}`, () => doc(collection, id).set({ data: body }));
    },
    async update(collection, id, patch) {
      guard();
      checkId(collection, id);
      const body = toStoredBody(collection, id, patch);
      const current = await readDoc(doc(collection, id), collection, id);
      if (!current) throw new StoreError('NOT_FOUND', `update: no such ${collection} document`);
      const { _id: _ignored, ...rest } = current;
      await call(`update ${collection}`, () => doc(collection, id).set({ data: { ...rest, ...body } }));
    },
    async remove(collection, id) {
      guard();
      checkId(collection, id);
      await call(`remove ${collection}`, () => doc(collection, id).remove());
    },
  });

  const direct = docOps(
    (c, id) => db.collection(c).doc(id),
    () => undefined,
    (c) => db.collection(c),
  );

  /** One CloudBase transaction; `failure` tells the body's own errors from the SDK's. */
  async function attempt<T>(fn: (tx: TxOps) => Promise<T>, failure: { body?: unknown }): Promise<T> {
    // times = 0: one attempt per call; conflicts are retried by runTransaction below.
    return db.runTransaction(async (transaction) => {
      let open = true;
      const tx = docOps(
        (c, id) => transaction.collection(c).doc(id),
        () => {
          if (!open) throw closedTxError();
        },
        (c) => transaction.collection(c),
      );
      try {
        return await scope.run(() => fn(tx));
      } catch (e) {
        failure.body = e;
        throw e;
      } finally {
        open = false;
      }
    }, 0);
  }

  const store: Store = {
    get: (collection, id) => direct.get(collection, id),
    async set(collection, id, data) {
      scope.refuseOutsideWrite('set');
      return direct.set(collection, id, data);
    },
    async update(collection, id, patch) {
      scope.refuseOutsideWrite('update');
      checkId(collection, id);
      // Read and write in one transaction: a shallow merge without losing concurrent writes.
      await store.runTransaction((tx) => tx.update(collection, id, patch));
    },
    async remove(collection, id) {
      scope.refuseOutsideWrite('remove');
      return direct.remove(collection, id);
    },
    async insertMany(collection, docs) {
      scope.refuseOutsideWrite('insertMany');
      return direct.insertMany(collection, docs);
    },
    async find<T extends DocData = DocData>(collection: string, where: Where, options?: FindOptions) {
      checkCollection(collection);
      const q = checkFind(collection, where, options);
      return call(`find ${collection}`, async () => {
        let query: CloudbaseQuery = db.collection(collection);
        const condition = whereAfter(db.command, q);
        if (condition) query = query.where(condition);
        if (q.orderBy) query = query.orderBy(q.orderBy.field, q.orderBy.direction);
        if (q.orderBy?.field !== '_id') query = query.orderBy('_id', 'asc');
        const res = await query.limit(q.limit).get();
        if (!Array.isArray(res.data)) throw new StoreError('UNAVAILABLE', `find ${collection}: CloudBase returned no list`);
        return res.data.map((raw) => {
          if (!isRecord(raw) || typeof raw._id !== 'string') throw new StoreError('UNAVAILABLE', `find ${collection}: document without a string _id`);
          return toStored<T>(raw._id, raw);
        });
      });
    },
    async getMany<T extends DocData = DocData>(collection: string, ids: readonly string[]) {
      return readManyInChunks<T>(collection, ids, async (chunk) => {
        const res = await call(`getMany ${collection}`, () => db.collection(collection).where({ _id: db.command.in([...chunk]) }).limit(GET_MANY_CHUNK).get());
        if (!Array.isArray(res.data)) throw new StoreError('UNAVAILABLE', `getMany ${collection}: CloudBase returned no list`);
        return res.data.map((raw) => {
          if (!isRecord(raw) || typeof raw._id !== 'string') throw new StoreError('UNAVAILABLE', `getMany ${collection}: document without a string _id`);
          return toStored<T>(raw._id, raw);
        });
      });
    },
    async updateMany(collection, ids, expect, patch) {
      scope.refuseOutsideWrite('updateMany');
      const unique = checkUpdateMany(collection, ids, expect, patch);
      let n = 0;
      for (let i = 0; i < unique.length; i += GET_MANY_CHUNK) {
        const chunk = unique.slice(i, i + GET_MANY_CHUNK);
        const res = await call(`updateMany ${collection}`, () => db.collection(collection).where({ ...expect, _id: db.command.in(chunk) }).update({ data: { ...patch } }));
        const updated = isRecord(res) && isRecord(res.stats) ? res.stats.updated : undefined;
        if (typeof updated !== 'number') throw new StoreError('UNAVAILABLE', `updateMany ${collection}: CloudBase returned no count`);
        n += updated;
      }
      return n;
    },
    async count(collection, where) {
      checkCollection(collection);
      const w = checkWhere(collection, where);
      return call(`count ${collection}`, async () => {
        const query: CloudbaseQuery = w.length > 0 ? db.collection(collection).where(Object.fromEntries(w)) : db.collection(collection);
        const res = await query.count();
        if (typeof res.total !== 'number') throw new StoreError('UNAVAILABLE', `count ${collection}: CloudBase returned no total`);
        return res.total;
      });
    },
    async runTransaction<T>(fn: (tx: TxOps) => Promise<T>): Promise<T> {
      scope.refuseNested();
      for (let n = 1; ; n++) {
        const failure: { body?: unknown } = {};
        try {
          return await attempt(fn, failure);
        } catch (e) {
          // The body's own errors (business bugs, NOT_FOUND…) pass through untouched; its store
          // operations already threw StoreError. Anything else failed in begin or commit.
          const fromBody = 'body' in failure && failure.body === e;
          const err = fromBody ? e : asStoreError(e, 'transaction');
          const retry = err instanceof StoreError && err.storeCode === 'CONFLICT' && n < maxAttempts;
          if (!retry) throw err;
          await sleep(Math.max(0, backoff(n)));
        }
      }
    },
    async close() {
      // The SDK holds no connection that needs closing.
    },
  };
  return store;
}

// ---------------------------------------------------------------------------------------------
// Wiring to the real SDK.

/** The part of the wx-server-sdk module the store needs. */
export interface WxDatabaseSource {
  database(config?: Record<string, unknown>): unknown;
}

export function createCloudbaseStoreFromSdk(cloud: WxDatabaseSource, options?: CloudbaseStoreOptions): Store {
  installTcbRejectionGuard();
  // throwOnNotFound: false makes a missing document a `{ data: null }` answer instead of an
  // error (read from wx-server-sdk's DocumentReference.get); the error form is handled too.
  const db = cloud.database({ throwOnNotFound: false });
  // The SDK's .d.ts types every method as `Promise<…> | void | string` (callback style), which
  // no promise-only interface can match; the runtime object is the one described above.
  return createCloudbaseStore(db as CloudbaseDatabase, options);
}

/** Queries that sort by something other than `_id` (server/audit/audit-log.ts verifyAuditChain). */
const ORDERED_QUERIES: ReadonlyArray<{ collection: string; fields: readonly string[] }> = [{ collection: 'audit', fields: ['scope', 'seq'] }];

/**
 * What the deployment must create in the CloudBase console: every collection (CloudBase does
 * not create them on first write) and, per queried field, a compound index ending in `_id` —
 * `find` always sorts by `_id` last, and without the `_id` key MongoDB sorts in memory.
 */
export function cloudbaseIndexPlan(): Array<{ collection: string; indexes: string[][] }> {
  return Object.entries(INDEXED_FIELDS).map(([collection, fields]) => ({
    collection,
    indexes: [
      ...fields.map((f) => [f, '_id']),
      ...ORDERED_QUERIES.filter((q) => q.collection === collection).map((q) => [...q.fields, '_id']),
    ],
  }));
}
