/**
 * Counts the SDK calls (billed requests) a CloudBase database handle makes, and optionally delays
 * each by a fixed latency — for the import's calls-per-row figure (test and `npm run bench`).
 * A transaction counts its start and its commit besides every operation inside it, as the SDK
 * sends each as its own request (@cloudbase/database transaction: startTransaction,
 * commitTransaction).
 */
import type { CloudbaseAdder, CloudbaseCollectionRef, CloudbaseDatabase, CloudbaseDocumentRef, CloudbaseQuery, CloudbaseTransaction } from '../../../server/adapters/cloudbase/cloudbase.store';
import type { Storage } from '../../../server/ports/storage.port';

export interface SdkMeter {
  calls: number;
  readonly latencyMs: number;
}

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve());

function counted<T>(meter: SdkMeter, fn: () => Promise<T>): Promise<T> {
  meter.calls++;
  return sleep(meter.latencyMs).then(fn);
}

function meterDoc(meter: SdkMeter, ref: CloudbaseDocumentRef): CloudbaseDocumentRef {
  return {
    get: () => counted(meter, () => ref.get()),
    set: (o) => counted(meter, () => ref.set(o)),
    update: (o) => counted(meter, () => ref.update(o)),
    remove: () => counted(meter, () => ref.remove()),
  };
}

function meterQuery(meter: SdkMeter, q: CloudbaseQuery): CloudbaseQuery {
  return {
    where: (c) => meterQuery(meter, q.where(c)),
    orderBy: (f, d) => meterQuery(meter, q.orderBy(f, d)),
    skip: (n) => meterQuery(meter, q.skip(n)),
    limit: (n) => meterQuery(meter, q.limit(n)),
    get: () => counted(meter, () => q.get()),
    count: () => counted(meter, () => q.count()),
    update: (o) => counted(meter, () => q.update(o)),
  };
}

const meterAdd = (meter: SdkMeter, a: CloudbaseAdder): CloudbaseAdder['add'] => (o) => counted(meter, () => a.add(o));

export function meteredDatabase(db: CloudbaseDatabase, latencyMs = 0): { db: CloudbaseDatabase; meter: SdkMeter } {
  const meter: SdkMeter = { calls: 0, latencyMs };
  const wrapped: CloudbaseDatabase = {
    command: db.command,
    collection(name: string): CloudbaseCollectionRef {
      const c = db.collection(name);
      return { ...meterQuery(meter, c), doc: (id) => meterDoc(meter, c.doc(id)), add: meterAdd(meter, c) };
    },
    runTransaction<T>(callback: (t: CloudbaseTransaction) => Promise<T>, times?: number): Promise<T> {
      return counted(meter, () =>
        db.runTransaction(async (t) => {
          const out = await callback({
            collection: (name) => {
              const c = t.collection(name);
              return { doc: (id) => meterDoc(meter, c.doc(id)), add: meterAdd(meter, c) };
            },
          });
          // The commit request.
          meter.calls++;
          await sleep(latencyMs);
          return out;
        }, times),
      );
    },
  };
  return { db: wrapped, meter };
}

/** Storage calls are SDK calls too (uploadFile, downloadFile…). */
export function meteredStorage(storage: Storage, meter: SdkMeter): Storage {
  return {
    put: (p, c) => counted(meter, () => storage.put(p, c)),
    // One SDK upload per file, side by side.
    putAll: (files) => Promise.all(files.map((f) => counted(meter, () => storage.put(f.path, f.content)))),
    read: (f) => counted(meter, () => storage.read(f)),
    url: (f, t) => counted(meter, () => storage.url(f, t)),
    remove: (f) => counted(meter, () => storage.remove(f)),
  };
}
