/**
 * throughput.<action>.ratio in `npm run bench`: an action end to end on the embedded store
 * (dispatch, validation, reads, audit) against bare better-sqlite3 doing the same writes — each
 * call's writes replayed as one transaction on a copy of the store's file taken just before the
 * calls, with the store's pragmas, in the same run. ratio = bare time / end-to-end time (1 would
 * mean no overhead above the writes). The actions themselves: bench/throughput-actions.bench.ts.
 *
 * The embedded file storage is better-sqlite3 too (DATA_DIR/files.db, sqlite.storage.ts): a
 * signature's two files are rows an action writes like its documents, so the bare side replays
 * them as well, as one transaction on a copy of that file (the store writes them the same way,
 * before the documents' transaction). Actions without a signature write no file.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocData, FindOptions, Store, TxOps, Where } from '../server/ports/store.port';
import type { Storage } from '../server/ports/storage.port';
import { buildFindQuery, fromWhereSql, whereSql } from '../server/adapters/embedded/sqlite-sql';
import { checkWhere } from '../server/adapters/shared/store-rules';
import { MMAP_BYTES } from '../server/adapters/embedded/sqlite.store';

type Write = { op: 'set' | 'update' | 'remove'; collection: string; id: string; data?: DocData };
/** A file the action stored (embedded storage row). */
type FileWrite = { op: 'file'; path: string; content: Buffer };
type Read = { op: 'get'; collection: string; id: string } | { op: 'find'; collection: string; where: Where; options?: FindOptions } | { op: 'getMany'; collection: string; ids: readonly string[] } | { op: 'count'; collection: string; where: Where };
export type Op = Write | Read | FileWrite;

const isWrite = (o: Op): o is Write => o.op === 'set' || o.op === 'update' || o.op === 'remove';
const isFile = (o: Op): o is FileWrite => o.op === 'file';

/**
 * A Store (and a Storage) that record the operations made between start() and stop(), per call.
 * Plain wrapper objects, made once (a transaction's once per transaction): a Proxy that bound a
 * fresh function on every property read added ≈ 20 µs to a transaction of two operations, a cost
 * of the measurement that the end-to-end side paid and the bare side did not.
 */
export function writeRecorder(inner: Store, innerStorage?: Storage): { store: Store; storage: Storage | undefined; start(): void; stop(): void; calls(): Op[][] } {
  const calls: Op[][] = [];
  let current: Op[] | null = null;
  const record = (o: Op) => current?.push(o);
  const txOps = (ops: TxOps): TxOps => ({
    get: (c, id) => (record({ op: 'get', collection: c, id }), ops.get(c, id)),
    set: (c, id, data) => (record({ op: 'set', collection: c, id, data }), ops.set(c, id, data)),
    update: (c, id, data) => (record({ op: 'update', collection: c, id, data }), ops.update(c, id, data)),
    remove: (c, id) => (record({ op: 'remove', collection: c, id }), ops.remove(c, id)),
    insertMany: (c, docs) => {
      for (const d of docs) record({ op: 'set', collection: c, id: d.id, data: d.data });
      return ops.insertMany(c, docs);
    },
  });
  const store: Store = {
    ...txOps(inner),
    find: (c, where, options) => (record({ op: 'find', collection: c, where, ...(options ? { options } : {}) }), inner.find(c, where, options)),
    count: (c, where) => (record({ op: 'count', collection: c, where }), inner.count(c, where)),
    getMany: (c, ids) => (record({ op: 'getMany', collection: c, ids }), inner.getMany(c, ids)),
    // Not replayed: no measured action calls it (a push batch's bookkeeping).
    updateMany: (c, ids, expect, patch) => inner.updateMany(c, ids, expect, patch),
    runTransaction: (body) => inner.runTransaction((tx) => body(txOps(tx))),
    close: () => inner.close(),
  };
  const storage: Storage | undefined = innerStorage && {
    ...innerStorage,
    put: (path, content) => (record({ op: 'file', path, content }), innerStorage.put(path, content)),
    putAll: (files) => {
      for (const f of files) record({ op: 'file', path: f.path, content: f.content });
      return innerStorage.putAll(files);
    },
    read: (f) => innerStorage.read(f),
    url: (f, t) => innerStorage.url(f, t),
    remove: (f) => innerStorage.remove(f),
  };
  return {
    store,
    storage,
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

/**
 * Bare better-sqlite3 replaying recorded calls, one transaction per call, on a copy of the
 * store's own file taken before the calls (`snapshot`): the same schema and indexes, the same
 * documents around, the store's pragmas (WAL, synchronous NORMAL, 64 MB cache, memory-mapped reads). Replaying on a
 * fresh file without the store's indexes made the bare side cheaper than the store could ever
 * be. `replay` returns the milliseconds one call's transaction took, `replayCpu` the CPU
 * milliseconds (user + system) of this process it took.
 */
export function bareReplayer(snapshot: string, withReads = false, filesSnapshot?: string): { replay(ops: Op[]): number; replayCpu(ops: Op[]): number; close(): void } {
  const db = new Database(snapshot);
  // The storage's pragmas (sqlite.storage.ts) and its statement.
  const files = filesSnapshot ? new Database(filesSnapshot) : null;
  files?.pragma('journal_mode = WAL');
  files?.pragma('synchronous = NORMAL');
  const putFile = files?.prepare('INSERT INTO files (path, content) VALUES (?, ?) ON CONFLICT (path) DO UPDATE SET content = excluded.content');
  const fileCall = files?.transaction((fs: FileWrite[]) => {
    for (const f of fs) putFile!.run(f.path, f.content);
  });
  const storeFiles = (ops: Op[]) => {
    const fs = ops.filter(isFile);
    if (fs.length === 0) return;
    if (!fileCall) throw new Error('bareReplayer: the call stored files but no files snapshot was given');
    fileCall.immediate(fs);
  };
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  db.pragma(`mmap_size = ${MMAP_BYTES}`);
  const put = db.prepare('INSERT INTO docs (collection, id, data) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data');
  const patch = db.prepare('UPDATE docs SET data = json_patch(data, ?) WHERE collection = ? AND id = ?');
  const del = db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?');
  const one = db.prepare<[string, string], { data: string }>('SELECT data FROM docs WHERE collection = ? AND id = ?');
  const parseAll = (rows: unknown[]) => rows.forEach((r) => JSON.parse((r as { data: string }).data));
  const read = (r: Read) => {
    if (r.op === 'get') {
      const row = one.get(r.collection, r.id);
      if (row) JSON.parse(row.data);
    } else if (r.op === 'find') {
      const q = buildFindQuery(r.collection, r.where, r.options);
      parseAll(db.prepare(q.text).all(...q.params));
    } else if (r.op === 'getMany') {
      parseAll(db.prepare(`SELECT id, data FROM docs WHERE collection = ? AND id IN (${r.ids.map(() => '?').join(', ')})`).all(r.collection, ...r.ids));
    } else {
      const w = checkWhere(r.collection, r.where);
      const { clause, params } = whereSql(w);
      db.prepare(`SELECT count(*) AS n FROM ${fromWhereSql(r.collection, w)}${clause}`).get(...params);
    }
  };
  const call = db.transaction((ops: Op[]) => {
    for (const o of ops) {
      if (isFile(o)) continue;
      if (!isWrite(o)) {
        if (withReads) read(o);
      } else if (o.op === 'set') put.run(o.collection, o.id, JSON.stringify(o.data));
      else if (o.op === 'update') patch.run(JSON.stringify(o.data), o.collection, o.id);
      else del.run(o.collection, o.id);
    }
  });
  return {
    replay(ops) {
      const t = performance.now();
      storeFiles(ops);
      call.immediate(ops);
      return performance.now() - t;
    },
    replayCpu(ops) {
      const c = process.cpuUsage();
      storeFiles(ops);
      call.immediate(ops);
      const d = process.cpuUsage(c);
      return (d.user + d.system) / 1000;
    },
    close: () => {
      db.close();
      files?.close();
    },
  };
}

/** A consistent copy of the store's database file now (SQLite's online backup; the store stays open). */
export async function snapshotOf(file: string): Promise<{ path: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-bare-'));
  const path = join(dir, 'bare.db');
  const src = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await src.backup(path);
  } finally {
    src.close();
  }
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Times `run` over each item with the recorder on and, right after each call, bare
 * better-sqlite3 replaying that call's writes (and, separately, its reads and writes) on copies
 * of `file` taken before the first item: call by call, so that both sides run under the same
 * load on a shared machine (timing all the calls, then all the replays, let a burst of other
 * work land on one side only). The ratio (bare / end to end) and both times; `ratioCpu`: the
 * same ratio of CPU time (user + system) of this process, which waiting for a core on a
 * crowded machine does not inflate.
 */
export async function throughputOf<T>(
  rec: ReturnType<typeof writeRecorder>,
  files: { readonly store: string; readonly storage?: string },
  items: readonly T[],
  run: (item: T) => Promise<void>,
): Promise<{ ratio: number; ratioReadsToo: number; ratioCpu: number; e2eMs: number; bareMs: number; bareReadsMs: number; calls: number }> {
  const snap = await snapshotOf(files.store);
  const fileSnap = files.storage ? await snapshotOf(files.storage) : null;
  // Each replay on its own copy of the state before the calls.
  const copy = (path: string | undefined, n: number) => {
    if (!path) return undefined;
    copyFileSync(path, `${path}.${n}`);
    return `${path}.${n}`;
  };
  const bare = bareReplayer(snap.path, false, fileSnap?.path);
  const bareReads = bareReplayer(copy(snap.path, 2)!, true, copy(fileSnap?.path, 2));
  const bareCpuSide = bareReplayer(copy(snap.path, 3)!, false, copy(fileSnap?.path, 3));
  try {
    let e2e = 0;
    let bareMs = 0;
    let bareReadsMs = 0;
    let e2eCpu = 0;
    let bareCpu = 0;
    for (const item of items) {
      rec.start();
      const c = process.cpuUsage();
      const t = performance.now();
      await run(item);
      e2e += performance.now() - t;
      const d = process.cpuUsage(c);
      e2eCpu += (d.user + d.system) / 1000;
      rec.stop();
      const ops = rec.calls().at(-1) ?? [];
      bareMs += bare.replay(ops);
      bareReadsMs += bareReads.replay(ops);
      // CPU time on a separate copy, so the wall-time replay above stays the one the ratio uses.
      bareCpu += bareCpuSide.replayCpu(ops);
    }
    return {
      ratio: Number((bareMs / e2e).toFixed(3)),
      ratioReadsToo: Number((bareReadsMs / e2e).toFixed(3)),
      ratioCpu: Number((bareCpu / e2eCpu).toFixed(3)),
      e2eMs: Math.round(e2e),
      bareMs: Math.round(bareMs),
      bareReadsMs: Math.round(bareReadsMs),
      calls: items.length,
    };
  } finally {
    bare.close();
    bareReads.close();
    bareCpuSide.close();
    snap.remove();
    fileSnap?.remove();
  }
}
