/**
 * A store with hooks after a query and after a read inside a transaction, to force the
 * interleavings of concurrent calls (store.port.ts: write skew under snapshot isolation), and a
 * gate that holds one caller until the test releases it.
 */
import type { DocData, FindOptions, Store, TxOps, Where } from '../../server/ports/store.port';

type FindHook = (collection: string, where: Where) => Promise<void>;
type TxGetHook = (collection: string, id: string) => Promise<void>;

/** The store with hooks after a query and after a read inside a transaction. */
export function gated(store: Store) {
  const hooks: { find: FindHook | null; txGet: TxGetHook | null } = { find: null, txGet: null };
  const wrapTx = (tx: TxOps): TxOps => ({
    get: async <T extends DocData>(c: string, id: string) => {
      const r = await tx.get<T>(c, id);
      if (hooks.txGet) await hooks.txGet(c, id);
      return r;
    },
    set: (c, id, d) => tx.set(c, id, d),
    update: (c, id, p) => tx.update(c, id, p),
    remove: (c, id) => tx.remove(c, id),
    insertMany: (c, docs) => tx.insertMany(c, docs),
  });
  const wrapped: Store = {
    get: (c, id) => store.get(c, id),
    set: (c, id, d) => store.set(c, id, d),
    update: (c, id, p) => store.update(c, id, p),
    remove: (c, id) => store.remove(c, id),
    insertMany: (c, docs) => store.insertMany(c, docs),
    getMany: (c, ids) => store.getMany(c, ids),
    updateMany: (c, ids, expect, patch) => store.updateMany(c, ids, expect, patch),
    count: (c, w) => store.count(c, w),
    find: async <T extends DocData>(c: string, w: Where, o?: FindOptions) => {
      const r = await store.find<T>(c, w, o);
      if (hooks.find) await hooks.find(c, w);
      return r;
    },
    runTransaction: (fn) => store.runTransaction((tx) => fn(wrapTx(tx))),
    close: () => store.close(),
  };
  return { store: wrapped, hooks };
}

/** A point a transaction stops at until released, to let the test act from outside it. */
export function gate() {
  let reached!: () => void;
  let release!: () => void;
  const reachedP = new Promise<void>((r) => (reached = r));
  const releaseP = new Promise<void>((r) => (release = r));
  let used = false;
  return {
    reached: reachedP,
    release,
    /** Stops the first caller only. */
    async stop() {
      if (used) return;
      used = true;
      reached();
      await releaseP;
    },
  };
}

