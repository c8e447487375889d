/**
 * A Store decorator that counts billed operations, the way CloudBase bills them: every get,
 * find, count — and a batched read of several ids — is one read; every set, update and remove
 * is one write, inside a transaction or not; insertMany and updateMany are one write per
 * document (CloudBase bills each created or updated document). Used by `npm run bench` and by the tests that hold
 * villager actions at their cost floor (ARCHITECTURE.md principle 14).
 *
 * Methods this file does not know are passed through uncounted only if they are neither reads
 * nor writes by name; a new read method must be added to READS so it is billed.
 */
import type { Store, TxOps } from '../../ports/store.port';

export interface OpCounts {
  reads: number;
  writes: number;
}

export interface CountingStore extends Store {
  /** Counts since the last `take()` (or since creation). */
  readonly counts: Readonly<OpCounts>;
  /** Returns the counts so far and starts again from zero. */
  take(): OpCounts;
}

const READS = new Set(['get', 'find', 'count', 'getMany', 'findMany']);
const WRITES = new Set(['set', 'update', 'remove', 'add']);

function counted<T extends object>(inner: T, counts: OpCounts, wrapTx: boolean): T {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (READS.has(prop)) return (...args: unknown[]) => ((counts.reads += 1), fn.apply(target, args));
      if (WRITES.has(prop)) return (...args: unknown[]) => ((counts.writes += 1), fn.apply(target, args));
      if (prop === 'updateMany') return (...args: unknown[]) => ((counts.writes += Array.isArray(args[1]) ? new Set(args[1]).size : 1), fn.apply(target, args));
      if (prop === 'insertMany') return (...args: unknown[]) => ((counts.writes += Array.isArray(args[1]) ? args[1].length : 1), fn.apply(target, args));
      if (wrapTx && prop === 'runTransaction') {
        return (body: (tx: TxOps) => Promise<unknown>) => fn.call(target, (tx: TxOps) => body(counted(tx, counts, false)));
      }
      return fn.bind(target);
    },
  });
}

export function countingStore(inner: Store): CountingStore {
  const counts: OpCounts = { reads: 0, writes: 0 };
  const proxied = counted(inner, counts, true);
  return Object.assign(Object.create(proxied) as Store, {
    counts,
    take(): OpCounts {
      const out = { ...counts };
      counts.reads = 0;
      counts.writes = 0;
      return out;
    },
  }) as CountingStore;
}
