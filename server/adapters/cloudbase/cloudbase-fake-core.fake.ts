/**
 * FAKE (tests only): the versioned document storage, simulated network and transaction
 * lifecycle under FakeCloudbaseDatabase (cloudbase-db.fake.ts, which documents the behaviour).
 */
import { FAKE_CONFLICT_MESSAGE, TX_GONE_MESSAGE, TcbError, clone, keyOf, sdkError, type Doc } from './cloudbase-fake-values.fake';

export interface Version {
  readonly v: number;
  readonly data: Doc | null;
}

export interface FakeTx {
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

export abstract class FakeCloudbaseCore {
  readonly stats: FakeCloudbaseStats = { transactionsStarted: 0, committed: 0, rolledBack: 0, conflicts: 0, expired: 0, calls: 0 };
  protected latencyMs: number;
  protected jitterMs: number;
  protected readonly lifetimeMs: number;
  protected readonly throwOnNotFound: boolean;
  protected readonly collections: ReadonlySet<string> | null;
  protected readonly docs = new Map<string, Map<string, Version[]>>();
  protected readonly pending = new Map<string, FakeTx>();
  protected readonly active = new Set<FakeTx>();
  protected readonly dirty = new Set<Version[]>();
  protected version = 0;
  protected nextTxId = 1;
  protected readonly scriptedFailures: unknown[] = [];
  protected readonly scriptedCommitFailures: unknown[] = [];

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

  protected async answer(): Promise<void> {
    this.stats.calls++;
    if (this.latencyMs === 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return;
    }
    const ms = this.latencyMs + (Math.random() * 2 - 1) * this.jitterMs;
    await new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
  }

  protected async sdkCall(apiName: string, collection: string): Promise<void> {
    await this.answer();
    if (this.scriptedFailures.length > 0) throw this.scriptedFailures.shift();
    if (this.collections && !this.collections.has(collection)) {
      throw sdkError(apiName, -502005, `[ResourceNotFound] Db or Table not exist: ${collection}`, 'database collection not exists');
    }
  }

  protected versions(collection: string, id: string, create: boolean): Version[] | undefined {
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

  protected latest(collection: string, id: string): Version | undefined {
    const list = this.versions(collection, id, false);
    return list?.[list.length - 1];
  }

  protected at(collection: string, id: string, snapshot: number): Doc | null {
    const list = this.versions(collection, id, false) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const ver = list[i] as Version;
      if (ver.v <= snapshot) return ver.data;
    }
    return null;
  }

  protected write(collection: string, id: string, data: Doc | null, v: number): void {
    const list = this.versions(collection, id, true) as Version[];
    list.push({ v, data });
    this.dirty.add(list);
  }

  protected compact(): void {
    // Old versions only matter to snapshots of open transactions.
    if (this.active.size > 0) return;
    for (const list of this.dirty) list.splice(0, list.length - 1);
    this.dirty.clear();
  }

  protected async keyFree(collection: string, id: string): Promise<void> {
    for (let holder = this.pending.get(keyOf(collection, id)); holder; holder = this.pending.get(keyOf(collection, id))) {
      await holder.done;
    }
  }

  protected withId(id: string, data: Doc): Doc {
    return { ...clone(data), _id: id };
  }

  protected async begin(): Promise<FakeTx> {
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

  protected end(tx: FakeTx, state: 'committed' | 'aborted'): void {
    if (tx.state !== 'active') return;
    tx.state = state;
    if (tx.expiry) clearTimeout(tx.expiry);
    for (const key of tx.writes.keys()) if (this.pending.get(key) === tx) this.pending.delete(key);
    this.active.delete(tx);
    tx.finish();
    this.compact();
  }

  protected commit(tx: FakeTx): void {
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

  protected rollback(tx: FakeTx): void {
    if (tx.state === 'active') this.stats.rolledBack++;
    this.end(tx, 'aborted');
  }
}
