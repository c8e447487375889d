/**
 * FAKE — an in-memory stand-in for the subset of wx-server-sdk's `cloud.database()` that
 * cloudbase.store.ts uses. For tests only; nothing in production imports it.
 *
 * It copies the behaviour read in the installed SDK (wx-server-sdk 4.0.2 index.js wrappers over
 * @cloudbase/database 1.4.3 and @cloudbase/node-sdk 3.17.2) and in TencentCloudBase/node-sdk
 * test/database/unit/transaction.test.ts, including the awkward parts the adapter must survive:
 * - `doc(id).get()` of a missing document rejects `document.get:fail document with _id … does
 *   not exist` (errCode -1) unless constructed with `throwOnNotFound: false` → `{ data: null }`;
 *   found documents come back as `data: [doc]` outside a transaction and `data: doc` inside.
 * - `set` replaces (and reports `stats.created`), rejects `_id` in data and empty data;
 *   `update` deep-merges by flattening nested objects into dotted paths, never creates, and
 *   reports `stats.updated: 0` for a missing document.
 * - queries: equality `where` (null also matches a missing field, as in MongoDB), chained
 *   `orderBy` in BSON type order, `skip`, `limit` default 100 and capped at 1,000, `count`.
 * - transactions: snapshot reads taken at the first operation, own writes visible, writes
 *   buffered until commit. A write to a document another open transaction already wrote, or
 *   that changed after the snapshot, fails at once (first writer wins) and the server aborts the
 *   transaction; the error is rewrapped as wx-server-sdk does (errCode -501001, the code only in
 *   the message), so `runTransaction(callback, times)` — a copy of the SDK's — retries only
 *   errors whose `code` is DATABASE_TRANSACTION_CONFLICT (times + 1 executions in all).
 *   A write outside a transaction to a document an open transaction has written waits until
 *   that transaction ends (MongoDB's documented behaviour).
 * - latency (`latencyMs` ± `jitterMs`, uniform) before every answer: get/set/update/remove,
 *   queries and counts, and a transaction's begin and commit — what real CloudBase adds per call
 *   (tens of ms), which keeps transactions open long enough for real bursts to collide.
 * - the documented transaction lifetime ("transaction must be commit or abort in 30 seconds";
 *   `transactionLifetimeMs`, default 30,000): the server aborts a transaction still open then,
 *   releasing its writes; its later operations fail TransactionNotExist (-501001) and its commit
 *   DATABASE_TRANSACTION_FAIL.
 * - keyset paging: `db.command.gt` / `lt` (MongoDB type bracketing: same type only, a missing
 *   field never matches) and a top-level `where(_.or([...]))`.
 * - `db.command.in` on `_id` and `collection.add` of an array with given `_id`s (section at the
 *   end of this file: getMany and insertMany of the store).
 * Not modelled: other query commands, projections, realtime, permissions, indexes.
 */
import type { CloudbaseCollectionRef, CloudbaseDatabase, CloudbaseDocumentRef, CloudbaseTransaction } from './cloudbase-sdk.types';
import { FakeCloudbaseCore, type FakeTx } from './cloudbase-fake-core.fake';
import { fakeQuery, type QueryHost } from './cloudbase-fake-query.fake';
import { applyUpdate, fakeCommand, checkWriteData, clone, conflictError, duplicateKeyError, isPlainObject, keyOf, sdkError, txGoneError, type Doc } from './cloudbase-fake-values.fake';

export { FAKE_CONFLICT_MESSAGE, TcbError } from './cloudbase-fake-values.fake';
export type { FakeCloudbaseOptions, FakeCloudbaseStats } from './cloudbase-fake-core.fake';

export class FakeCloudbaseDatabase extends FakeCloudbaseCore implements CloudbaseDatabase {
  private readonly queryHost: QueryHost = {
    rows: (collection) => this.docs.get(collection) ?? [],
    sdkCall: (apiName, collection) => this.sdkCall(apiName, collection),
    withId: (id, data) => this.withId(id, data),
    updateIf: async (collection, id, still, patch) => {
      // Outside a transaction a write waits for the transactions holding the document.
      await this.keyFree(collection, id);
      const current = this.latest(collection, id)?.data;
      if (!current || !still(current)) return false;
      this.write(collection, id, applyUpdate('collection.update', current, patch), ++this.version);
      this.compact();
      return true;
    },
  };

  // ---- CloudbaseDatabase ------------------------------------------------------------------

  collection(name: string): CloudbaseCollectionRef {
    const query = fakeQuery(this.queryHost, name, { where: null, order: [], skip: 0, limit: 0 });
    return Object.assign(query, { doc: (id: string) => this.directDoc(name, String(id)), add: (options: { data: Doc[] }) => this.directAdd(name, options) });
  }

  async runTransaction<T>(callback: (transaction: CloudbaseTransaction) => Promise<T>, times = 3): Promise<T> {
    // A copy of @cloudbase/database runTransaction: retry only on `code` conflicts, then give up
    // after `times` retries; otherwise roll back and rethrow the callback's error.
    const tx = await this.begin();
    try {
      const result = await callback(this.txHandle(tx));
      await this.answer();
      this.commit(tx);
      return result;
    } catch (error) {
      if (times <= 0) {
        this.rollback(tx);
        throw error;
      }
      if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT') {
        // The real SDK leaves the old transaction to expire on the server; the fake ends it now.
        this.rollback(tx);
        return this.runTransaction(callback, times - 1);
      }
      this.rollback(tx);
      throw error;
    }
  }

  private directDoc(collection: string, id: string): CloudbaseDocumentRef {
    return {
      get: async () => {
        await this.sdkCall('document.get', collection);
        const data = this.latest(collection, id)?.data ?? null;
        if (!data) {
          if (this.throwOnNotFound) throw sdkError('document.get', -1, `document with _id ${id} does not exist`);
          return { data: null, errMsg: 'document.get:ok' };
        }
        return { data: [this.withId(id, data)], errMsg: 'document.get:ok' };
      },
      set: async (options) => {
        const data = checkWriteData('document.set', options);
        await this.sdkCall('document.set', collection);
        await this.keyFree(collection, id);
        const existed = Boolean(this.latest(collection, id)?.data);
        this.write(collection, id, data, ++this.version);
        this.compact();
        return { _id: id, errMsg: 'document.set:ok', stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } };
      },
      update: async (options) => {
        const patch = checkWriteData('document.update', options);
        await this.sdkCall('document.update', collection);
        await this.keyFree(collection, id);
        const current = this.latest(collection, id)?.data;
        if (!current) return { stats: { updated: 0 }, errMsg: 'document.update:ok' };
        this.write(collection, id, applyUpdate('document.update', current, patch), ++this.version);
        this.compact();
        return { stats: { updated: 1 }, errMsg: 'document.update:ok' };
      },
      remove: async () => {
        await this.sdkCall('document.remove', collection);
        await this.keyFree(collection, id);
        if (!this.latest(collection, id)?.data) return { stats: { removed: 0 }, errMsg: 'document.remove:ok' };
        this.write(collection, id, null, ++this.version);
        this.compact();
        return { stats: { removed: 1 }, errMsg: 'document.remove:ok' };
      },
    };
  }

  private txHandle(tx: FakeTx): CloudbaseTransaction {
    return { collection: (name: string) => ({ doc: (id: string) => this.txDoc(tx, name, String(id)), add: (options: { data: Doc[] }) => this.txAdd(tx, name, options) }) };
  }

  private txDoc(tx: FakeTx, collection: string, id: string): CloudbaseDocumentRef {
    const key = keyOf(collection, id);
    const enter = async (apiName: string) => {
      await this.sdkCall(apiName, collection);
      if (tx.state !== 'active') throw txGoneError(apiName);
      tx.snapshot ??= this.version;
    };
    const visible = (): Doc | null => {
      const own = tx.writes.get(key);
      return own ? own.data : this.at(collection, id, tx.snapshot as number);
    };
    const claim = (apiName: string) => {
      const holder = this.pending.get(key);
      const changed = (this.latest(collection, id)?.v ?? 0) > (tx.snapshot as number);
      if ((holder && holder !== tx) || changed) {
        // MongoDB aborts the transaction on a write conflict; later calls find it gone.
        this.stats.conflicts++;
        this.end(tx, 'aborted');
        throw conflictError(apiName);
      }
      this.pending.set(key, tx);
    };
    return {
      get: async () => {
        await enter('document.get');
        const data = visible();
        if (!data) {
          if (this.throwOnNotFound) throw sdkError('document.get', -1, `document with _id ${id} does not exist`);
          return { data: null, errMsg: 'document.get:ok' };
        }
        return { data: this.withId(id, data), errMsg: 'document.get:ok' };
      },
      set: async (options) => {
        const data = checkWriteData('document.set', options);
        await enter('document.set');
        const existed = visible() !== null;
        claim('document.set');
        tx.writes.set(key, { collection, id, data });
        // Inside a transaction the SDK reports no upsertedId, hence created: 0.
        return { _id: id, errMsg: 'document.set:ok', stats: { updated: existed ? 1 : 0, created: 0 } };
      },
      update: async (options) => {
        const patch = checkWriteData('document.update', options);
        await enter('document.update');
        const current = visible();
        if (!current) return { stats: { updated: 0 }, errMsg: 'document.update:ok' };
        claim('document.update');
        tx.writes.set(key, { collection, id, data: applyUpdate('document.update', current, patch) });
        return { stats: { updated: 1 }, errMsg: 'document.update:ok' };
      },
      remove: async () => {
        await enter('document.remove');
        if (!visible()) return { stats: { removed: 0 }, errMsg: 'document.remove:ok' };
        claim('document.remove');
        tx.writes.set(key, { collection, id, data: null });
        return { stats: { removed: 1 }, errMsg: 'document.remove:ok' };
      },
    };
  }

  // ---- getMany / insertMany support: `db.command.in` and `collection.add([...])` -------------
  // (kept apart from the rest: the roll import's batched reads and inserts)

  /** `db.command`: `in` (getMany's `where({ _id: _.in(ids) })`), `gt` / `lt` / `or` (keyset pages). */
  readonly command = fakeCommand;

  private addedDocs(apiName: string, options: { data: Doc[] } | undefined): Array<[string, Doc]> {
    const list = options?.data;
    if (!Array.isArray(list) || list.length === 0) throw sdkError(apiName, -401003, 'options.data should be a non-empty array', 'parameter type error');
    return list.map((raw) => {
      if (!isPlainObject(raw) || typeof raw._id !== 'string') throw sdkError(apiName, -401003, 'every document needs a string _id here', 'parameter type error');
      const { _id, ...data } = clone(raw);
      return [_id as string, data];
    });
  }

  /** Outside a transaction: an ordered insertMany — documents before a duplicate stay inserted. */
  private async directAdd(collection: string, options: { data: Doc[] }): Promise<unknown> {
    const docs = this.addedDocs('collection.add', options);
    await this.sdkCall('collection.add', collection);
    const ids: string[] = [];
    for (const [id, data] of docs) {
      await this.keyFree(collection, id);
      if (this.latest(collection, id)?.data) throw duplicateKeyError(collection, id);
      this.write(collection, id, data, ++this.version);
      ids.push(id);
    }
    this.compact();
    return { _ids: ids, errMsg: 'collection.add:ok' };
  }

  /** Inside a transaction: a duplicate or a document another open transaction wrote aborts it. */
  private async txAdd(tx: FakeTx, collection: string, options: { data: Doc[] }): Promise<unknown> {
    const docs = this.addedDocs('collection.add', options);
    await this.sdkCall('collection.add', collection);
    if (tx.state !== 'active') throw txGoneError('collection.add');
    tx.snapshot ??= this.version;
    for (const [id] of docs) {
      const key = keyOf(collection, id);
      const holder = this.pending.get(key);
      const changed = (this.latest(collection, id)?.v ?? 0) > tx.snapshot;
      const exists = tx.writes.has(key) ? tx.writes.get(key)?.data !== null : this.at(collection, id, tx.snapshot) !== null;
      if ((holder && holder !== tx) || changed || exists) {
        this.stats.conflicts++;
        this.end(tx, 'aborted');
        throw holder && holder !== tx ? conflictError('collection.add') : duplicateKeyError(collection, id);
      }
    }
    for (const [id, data] of docs) {
      const key = keyOf(collection, id);
      this.pending.set(key, tx);
      tx.writes.set(key, { collection, id, data });
    }
    return { _ids: docs.map(([id]) => id), errMsg: 'collection.add:ok' };
  }
}
