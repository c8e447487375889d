/**
 * throughput.<action>.ratio in `npm run bench`: an action end to end on the embedded store
 * (dispatch, validation, reads, audit) against bare better-sqlite3 doing the same writes — each
 * call's writes replayed as one transaction on a fresh file with the embedded store's pragmas,
 * in the same run. ratio = bare time / end-to-end time (1 would mean no overhead above the writes).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocData, Store, TxOps } from '../server/ports/store.port';

type Write = { op: 'set' | 'update' | 'remove'; collection: string; id: string; data?: DocData };

/** A Store that records the writes made between start() and stop(), per call. */
export function writeRecorder(inner: Store): { store: Store; start(): void; stop(): void; calls(): Write[][] } {
  const calls: Write[][] = [];
  let current: Write[] | null = null;
  const record = (w: Write) => current?.push(w);
  const wrap = <T extends TxOps>(ops: T): T =>
    new Proxy(ops, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        const fn = (value as (...a: unknown[]) => unknown).bind(target);
        if (prop === 'set' || prop === 'update') return (c: string, id: string, data: DocData) => (record({ op: prop, collection: c, id, data }), fn(c, id, data));
        if (prop === 'remove') return (c: string, id: string) => (record({ op: 'remove', collection: c, id }), fn(c, id));
        if (prop === 'insertMany') {
          return (c: string, docs: Array<{ id: string; data: DocData }>) => {
            for (const d of docs) record({ op: 'set', collection: c, id: d.id, data: d.data });
            return fn(c, docs);
          };
        }
        if (prop === 'runTransaction') return (body: (tx: TxOps) => Promise<unknown>) => fn((tx: TxOps) => body(wrap(tx)));
        return fn;
      },
    });
  return {
    store: wrap(inner),
    start: () => {
      current = [];
    },
    stop: () => {
      if (current) calls.push(current);
      current = null;
    },
    calls: () => calls,
  };
}

/** Milliseconds bare better-sqlite3 takes for the same writes, one transaction per call. */
export function replayBare(calls: Write[][]): number {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-bare-'));
  const db = new Database(join(dir, 'bare.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536');
    db.exec('CREATE TABLE docs (collection TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID');
    const put = db.prepare('INSERT INTO docs (collection, id, data) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data');
    const patch = db.prepare('UPDATE docs SET data = json_patch(data, ?) WHERE collection = ? AND id = ?');
    const del = db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?');
    // Documents the calls update exist beforehand, as they did in the store.
    for (const w of calls.flat()) if (w.op === 'update') put.run(w.collection, w.id, '{}');
    const call = db.transaction((writes: Write[]) => {
      for (const w of writes) {
        if (w.op === 'set') put.run(w.collection, w.id, JSON.stringify(w.data));
        else if (w.op === 'update') patch.run(JSON.stringify(w.data), w.collection, w.id);
        else del.run(w.collection, w.id);
      }
    });
    const t = performance.now();
    for (const writes of calls) call.immediate(writes);
    return performance.now() - t;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Times `run` over each item with the recorder on, then the bare replay; the ratio and both times. */
export async function throughputOf<T>(rec: ReturnType<typeof writeRecorder>, items: readonly T[], run: (item: T) => Promise<void>): Promise<{ ratio: number; e2eMs: number; bareMs: number; calls: number }> {
  const before = rec.calls().length;
  let e2e = 0;
  for (const item of items) {
    rec.start();
    const t = performance.now();
    await run(item);
    e2e += performance.now() - t;
    rec.stop();
  }
  const bare = replayBare(rec.calls().slice(before));
  return { ratio: Number((bare / e2e).toFixed(3)), e2eMs: Math.round(e2e), bareMs: Math.round(bare), calls: items.length };
}
