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
 * Not modelled: query commands (`db.command`), projections, `add`, realtime, permissions, indexes.
 */
import type { CloudbaseCollectionRef, CloudbaseDatabase, CloudbaseDocumentRef, CloudbaseQuery, CloudbaseTransaction } from './cloudbase.store';

type Doc = Record<string, unknown>;

export const FAKE_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
const TX_GONE_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

/** Same name and fields as @cloudbase/node-sdk's TcbError (raw errors of commit and begin). */
export class TcbError extends Error {
  readonly code: string;
  readonly requestId: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.requestId = 'fake-request';
  }
}

/** What wx-server-sdk's toSDKError makes of a failure inside `apiName`. */
function sdkError(apiName: string, errCode: number, detail: string, label = ''): Error & { errCode: number; errMsg: string } {
  const text = errCode === -1 ? `${apiName}:fail ${detail}` : `${apiName}:fail ${errCode} ${label}. ${detail}`;
  const e = new Error(text) as Error & { errCode: number; errMsg: string };
  e.errCode = errCode;
  e.errMsg = text;
  return e;
}

const conflictError = (apiName: string) => sdkError(apiName, -501001, FAKE_CONFLICT_MESSAGE, 'resource system error');
const txGoneError = (apiName: string) => sdkError(apiName, -501001, TX_GONE_MESSAGE, 'resource system error');

function isPlainObject(v: unknown): v is Doc {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(v) === '[object Object]');
}

/** A deep copy as the SDK's EJSON round trip makes it, for the JSON values the adapter stores. */
function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function checkWriteData(apiName: string, options: { data: Doc } | undefined): Doc {
  const data = options?.data;
  if (!isPlainObject(data)) throw sdkError(apiName, -401003, 'options.data should be object', 'parameter type error');
  if (Object.keys(data).length === 0) throw sdkError(apiName, -401002, 'options.data must not be empty', 'parameter error');
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw sdkError(apiName, -501007, '不能更新_id的值', 'invalid parameters');
  return clone(data);
}

/** @cloudbase/database's flattenQueryObject: nested objects become dotted paths; {} is skipped. */
function flatten(data: Doc, prefix = '', out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  for (const [k, v] of Object.entries(data)) {
    if (v === undefined) continue;
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) flatten(v, path, out);
    else out.push([path, v]);
  }
  return out;
}

function applyUpdate(apiName: string, doc: Doc, patch: Doc): Doc {
  const next = clone(doc);
  for (const [path, value] of flatten(patch)) {
    const parts = path.split('.');
    let node: Doc = next;
    for (const part of parts.slice(0, -1)) {
      const child = node[part];
      if (child === undefined) node[part] = {};
      else if (!isPlainObject(child)) throw sdkError(apiName, -502001, `Cannot create field '${part}' in a non-object`, 'database request fail');
      node = node[part] as Doc;
    }
    node[parts[parts.length - 1] as string] = clone(value);
  }
  return next;
}

/** MongoDB's cross-type sort order for the JSON types. */
function typeRank(v: unknown): number {
  if (v === null || v === undefined) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (typeof v === 'object') return 4;
  if (typeof v === 'boolean') return 8;
  return 10;
}

function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // MongoDB compares strings by their UTF-8 bytes (no collation).
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (ra === 1) return 0;
  return Buffer.compare(Buffer.from(JSON.stringify(a), 'utf8'), Buffer.from(JSON.stringify(b), 'utf8'));
}

function matches(doc: Doc, where: Doc): boolean {
  for (const [field, expected] of Object.entries(where)) {
    if (expected === undefined) continue;
    const actual = doc[field];
    if (expected === null) {
      if (actual !== null && actual !== undefined) return false;
    } else if (typeof expected === 'object') {
      throw new Error(`FakeCloudbaseDatabase: where supports equality on scalars only (field ${field})`);
    } else if (actual !== expected) {
      return false;
    }
  }
  return true;
}

interface Version {
  readonly v: number;
  readonly data: Doc | null;
}

interface FakeTx {
  readonly id: number;
  expiry: ReturnType<typeof setTimeout> | null;
  snapshot: number | null;
  state: 'active' | 'committed' | 'aborted';
  readonly writes: Map<string, { collection: string; id: string; data: Doc | null }>;
  readonly done: Promise<void>;
  finish(): void;
}

export interface FakeCloudbaseOptions {
  /** Mirrors `cloud.database({ throwOnNotFound })`; the SDK default is true. */
  readonly throwOnNotFound?: boolean;
  /** When given, only these collections exist; others fail like an uncreated collection (-502005). */
  readonly collections?: readonly string[];
  /** Milliseconds before each answer (default 0: the next tick). */
  readonly latencyMs?: number;
  /** Uniform spread around latencyMs, ± this many ms (default 0). */
  readonly jitterMs?: number;
  /** CloudBase aborts a transaction not committed or aborted within this time (default 30,000 ms). */
  readonly transactionLifetimeMs?: number;
}

export interface FakeCloudbaseStats {
  transactionsStarted: number;
  committed: number;
  rolledBack: number;
  conflicts: number;
  /** Transactions the server aborted for outliving transactionLifetimeMs. */
  expired: number;
  /** SDK calls answered (each one billed on CloudBase), begin and commit included. */
  calls: number;
}

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

export class FakeCloudbaseDatabase implements CloudbaseDatabase {
  readonly stats: FakeCloudbaseStats = { transactionsStarted: 0, committed: 0, rolledBack: 0, conflicts: 0, expired: 0, calls: 0 };
  private latencyMs: number;
  private jitterMs: number;
  private readonly lifetimeMs: number;
  private readonly throwOnNotFound: boolean;
  private readonly collections: ReadonlySet<string> | null;
  private readonly docs = new Map<string, Map<string, Version[]>>();
  private readonly pending = new Map<string, FakeTx>();
  private readonly active = new Set<FakeTx>();
  private readonly dirty = new Set<Version[]>();
  private version = 0;
  private nextTxId = 1;
  private readonly scriptedFailures: unknown[] = [];
  private readonly scriptedCommitFailures: unknown[] = [];

  constructor(options: FakeCloudbaseOptions = {}) {
    this.throwOnNotFound = options.throwOnNotFound ?? true;
    this.collections = options.collections ? new Set(options.collections) : null;
    this.latencyMs = 0;
    this.jitterMs = 0;
    this.setLatency(options.latencyMs ?? 0, options.jitterMs ?? 0);
    this.lifetimeMs = options.transactionLifetimeMs ?? 30_000;
    if (!(this.lifetimeMs > 0)) throw new Error('FakeCloudbaseDatabase: transactionLifetimeMs must be positive');
  }

  // ---- test helpers ---------------------------------------------------------------------

  /** Changes the per-call latency from now on (e.g. a fast setup, then a burst at 20 ± 10 ms). */
  setLatency(latencyMs: number, jitterMs = 0): void {
    if (!(latencyMs >= 0 && jitterMs >= 0 && jitterMs <= latencyMs)) throw new Error('FakeCloudbaseDatabase: need 0 ≤ jitterMs ≤ latencyMs');
    this.latencyMs = latencyMs;
    this.jitterMs = jitterMs;
  }

  /** The next SDK calls reject with these errors, in order (network faults, odd SDK answers). */
  failNext(...errors: unknown[]): void {
    this.scriptedFailures.push(...errors);
  }

  /** The next commits fail with these errors (raw, as Transaction.commit throws them). */
  failNextCommit(...errors: unknown[]): void {
    this.scriptedCommitFailures.push(...errors);
  }

  /** Committed documents of a collection, as the console would show them. */
  dump(collection: string): Record<string, Doc> {
    const out: Record<string, Doc> = {};
    for (const [id, versions] of this.docs.get(collection) ?? []) {
      const data = versions[versions.length - 1]?.data;
      if (data) out[id] = clone(data);
    }
    return out;
  }

  // ---- CloudbaseDatabase ------------------------------------------------------------------

  collection(name: string): CloudbaseCollectionRef {
    const query = this.query(name, { where: null, order: [], skip: 0, limit: 0 });
    return Object.assign(query, { doc: (id: string) => this.directDoc(name, String(id)) });
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

  // ---- internals ----------------------------------------------------------------------------

  /** The network: answers arrive on a later tick (or after the latency), so callers interleave. */
  private async answer(): Promise<void> {
    this.stats.calls++;
    if (this.latencyMs === 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return;
    }
    const ms = this.latencyMs + (Math.random() * 2 - 1) * this.jitterMs;
    await new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
  }

  private async sdkCall(apiName: string, collection: string): Promise<void> {
    await this.answer();
    if (this.scriptedFailures.length > 0) throw this.scriptedFailures.shift();
    if (this.collections && !this.collections.has(collection)) {
      throw sdkError(apiName, -502005, `[ResourceNotFound] Db or Table not exist: ${collection}`, 'database collection not exists');
    }
  }

  private versions(collection: string, id: string, create: boolean): Version[] | undefined {
    let coll = this.docs.get(collection);
    if (!coll) {
      if (!create) return undefined;
      coll = new Map();
      this.docs.set(collection, coll);
    }
    let list = coll.get(id);
    if (!list && create) {
      list = [];
      coll.set(id, list);
    }
    return list;
  }

  private latest(collection: string, id: string): Version | undefined {
    const list = this.versions(collection, id, false);
    return list?.[list.length - 1];
  }

  private at(collection: string, id: string, snapshot: number): Doc | null {
    const list = this.versions(collection, id, false) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const ver = list[i] as Version;
      if (ver.v <= snapshot) return ver.data;
    }
    return null;
  }

  private write(collection: string, id: string, data: Doc | null, v: number): void {
    const list = this.versions(collection, id, true) as Version[];
    list.push({ v, data });
    this.dirty.add(list);
  }

  private compact(): void {
    // Old versions only matter to snapshots of open transactions.
    if (this.active.size > 0) return;
    for (const list of this.dirty) list.splice(0, list.length - 1);
    this.dirty.clear();
  }

  private async keyFree(collection: string, id: string): Promise<void> {
    for (let holder = this.pending.get(keyOf(collection, id)); holder; holder = this.pending.get(keyOf(collection, id))) {
      await holder.done;
    }
  }

  private withId(id: string, data: Doc): Doc {
    return { ...clone(data), _id: id };
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

  private query(collection: string, spec: { where: Doc | null; order: Array<[string, 'asc' | 'desc']>; skip: number; limit: number }): CloudbaseQuery {
    const integer = (param: string, n: number) => {
      if (!Number.isInteger(n)) throw new Error(`${param} must be an integer`);
    };
    const selected = (): Array<[string, Doc]> => {
      const out: Array<[string, Doc]> = [];
      for (const [id, list] of this.docs.get(collection) ?? []) {
        const data = list[list.length - 1]?.data;
        if (data && (!spec.where || matches(data, spec.where))) out.push([id, data]);
      }
      return out;
    };
    return {
      where: (condition) => {
        if (!isPlainObject(condition)) throw new Error('query param type error');
        return this.query(collection, { ...spec, where: clone(condition) });
      },
      orderBy: (field, direction) => {
        if (direction !== 'asc' && direction !== 'desc') throw new Error('direction must be asc or desc');
        // Later orderBy calls on the same field replace the earlier one (the SDK merges objects).
        return this.query(collection, { ...spec, order: [...spec.order.filter(([f]) => f !== field), [field, direction]] });
      },
      skip: (offset) => {
        integer('offset', offset);
        return this.query(collection, { ...spec, skip: offset });
      },
      limit: (max) => {
        integer('limit', max);
        return this.query(collection, { ...spec, limit: max });
      },
      get: async () => {
        await this.sdkCall('collection.get', collection);
        const rows = selected();
        if (spec.order.length > 0) {
          rows.sort(([ida, a], [idb, b]) => {
            for (const [field, dir] of spec.order) {
              const c = compareValues(field === '_id' ? ida : a[field], field === '_id' ? idb : b[field]);
              if (c !== 0) return dir === 'desc' ? -c : c;
            }
            return 0;
          });
        }
        const limit = spec.limit ? Math.min(spec.limit, 1000) : 100;
        return { data: rows.slice(spec.skip, spec.skip + limit).map(([id, d]) => this.withId(id, d)), errMsg: 'collection.get:ok' };
      },
      count: async () => {
        await this.sdkCall('collection.count', collection);
        return { total: selected().length, errMsg: 'collection.count:ok' };
      },
    };
  }

  private async begin(): Promise<FakeTx> {
    await this.answer();
    if (this.scriptedFailures.length > 0) throw this.scriptedFailures.shift();
    let finish = () => undefined as void;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const tx: FakeTx = { id: this.nextTxId++, expiry: null, snapshot: null, state: 'active', writes: new Map(), done, finish };
    tx.expiry = setTimeout(() => {
      if (tx.state !== 'active') return;
      this.stats.expired++;
      this.end(tx, 'aborted');
    }, this.lifetimeMs);
    // A pending expiry must not keep a test process alive.
    tx.expiry.unref?.();
    this.active.add(tx);
    this.stats.transactionsStarted++;
    return tx;
  }

  private end(tx: FakeTx, state: 'committed' | 'aborted'): void {
    if (tx.state !== 'active') return;
    tx.state = state;
    if (tx.expiry) clearTimeout(tx.expiry);
    for (const key of tx.writes.keys()) if (this.pending.get(key) === tx) this.pending.delete(key);
    this.active.delete(tx);
    tx.finish();
    this.compact();
  }

  private commit(tx: FakeTx): void {
    if (tx.state !== 'active') throw new TcbError('DATABASE_TRANSACTION_FAIL', TX_GONE_MESSAGE);
    if (this.scriptedCommitFailures.length > 0) {
      this.end(tx, 'aborted');
      throw this.scriptedCommitFailures.shift();
    }
    const snapshot = tx.snapshot ?? this.version;
    for (const w of tx.writes.values()) {
      if ((this.latest(w.collection, w.id)?.v ?? 0) > snapshot) {
        this.stats.conflicts++;
        this.end(tx, 'aborted');
        throw new TcbError('DATABASE_TRANSACTION_CONFLICT', FAKE_CONFLICT_MESSAGE);
      }
    }
    if (tx.writes.size > 0) {
      const v = ++this.version;
      for (const w of tx.writes.values()) this.write(w.collection, w.id, w.data, v);
    }
    this.stats.committed++;
    this.end(tx, 'committed');
  }

  private rollback(tx: FakeTx): void {
    if (tx.state === 'active') this.stats.rolledBack++;
    this.end(tx, 'aborted');
  }

  private txHandle(tx: FakeTx): CloudbaseTransaction {
    return { collection: (name: string) => ({ doc: (id: string) => this.txDoc(tx, name, String(id)) }) };
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
}
