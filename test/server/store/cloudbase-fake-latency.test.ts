/**
 * The CloudBase FAKE's network model (server/adapters/cloudbase/cloudbase-db.fake.ts): per-call
 * latency with jitter, and the documented 30-second transaction lifetime, shortened here.
 * Latency is checked on jest's fake clock (what has and has not answered at a given instant),
 * never by measuring wall time.
 */
import { FakeCloudbaseDatabase } from '../../../server/adapters/cloudbase/cloudbase-db.fake';
import { createCloudbaseStore } from '../../../server/adapters/cloudbase/cloudbase.store';
import { StoreError } from '../../../server/ports/store.port';
import { runStoreContract } from './store.contract';

runStoreContract('CloudBase adapter on the FAKE with 3 ± 2 ms per call', () =>
  createCloudbaseStore(new FakeCloudbaseDatabase({ latencyMs: 3, jitterMs: 2 }), { maxAttempts: 200, backoffMs: () => 1 }),
);

/** Resolves `settled.done` when `p` settles, so the test can look at it between timer steps. */
function watch<T>(p: Promise<T>) {
  const settled = { done: false };
  p.then(
    () => (settled.done = true),
    () => (settled.done = true),
  );
  return settled;
}

describe('FakeCloudbaseDatabase latency', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('answers each document call and query within latency ± jitter, not before', async () => {
    const db = new FakeCloudbaseDatabase({ latencyMs: 20, jitterMs: 10, throwOnNotFound: false });
    const calls = [db.collection('c').doc('a').get(), db.collection('c').doc('b').set({ data: { x: 1 } }), db.collection('c').where({ x: 1 }).get(), db.collection('c').count()];
    const seen = calls.map(watch);
    await jest.advanceTimersByTimeAsync(9);
    expect(seen.map((s) => s.done)).toEqual([false, false, false, false]);
    await jest.advanceTimersByTimeAsync(21);
    expect(seen.map((s) => s.done)).toEqual([true, true, true, true]);
    expect(db.stats.calls).toBe(4);
  });

  it('charges begin and commit too: a transaction of one read and one write takes four answers', async () => {
    const db = new FakeCloudbaseDatabase({ latencyMs: 20, jitterMs: 0, throwOnNotFound: false });
    const tx = watch(
      db.runTransaction(async (t) => {
        await t.collection('c').doc('a').get();
        await t.collection('c').doc('a').set({ data: { x: 1 } });
      }, 0),
    );
    await jest.advanceTimersByTimeAsync(79);
    expect(tx.done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(tx.done).toBe(true);
    expect(db.stats.calls).toBe(4);
    expect(db.dump('c')).toEqual({ a: { x: 1 } });
  });

  it('refuses a jitter larger than the latency', () => {
    expect(() => new FakeCloudbaseDatabase({ latencyMs: 5, jitterMs: 6 })).toThrow(/jitterMs/);
  });
});

describe('FakeCloudbaseDatabase transaction lifetime', () => {
  const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

  it('aborts a transaction still open after the lifetime: its next call fails TransactionNotExist and nothing is written', async () => {
    const db = new FakeCloudbaseDatabase({ transactionLifetimeMs: 30, throwOnNotFound: false });
    const run = db.runTransaction(async (t) => {
      await t.collection('c').doc('a').set({ data: { x: 1 } });
      await pause(60);
      await t.collection('c').doc('b').set({ data: { x: 2 } });
    }, 0);
    await expect(run).rejects.toThrow(/TransactionNotExist/);
    expect(db.stats.expired).toBe(1);
    expect(db.dump('c')).toEqual({});
  });

  it('fails the commit of an expired transaction, which the adapter reports as UNAVAILABLE (not a conflict)', async () => {
    const db = new FakeCloudbaseDatabase({ transactionLifetimeMs: 30, throwOnNotFound: false });
    const store = createCloudbaseStore(db);
    const run = store.runTransaction(async (tx) => {
      await tx.set('meta', 'a', { x: 1 });
      await pause(60);
    });
    await expect(run).rejects.toMatchObject({ storeCode: 'UNAVAILABLE', message: expect.stringMatching(/expired/) });
    await expect(run).rejects.toBeInstanceOf(StoreError);
    expect(db.dump('meta')).toEqual({});
  });

  it('releases the documents an expired transaction held, so a waiting write goes through', async () => {
    const db = new FakeCloudbaseDatabase({ transactionLifetimeMs: 30, throwOnNotFound: false });
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const stuck = db
      .runTransaction(async (t) => {
        await t.collection('c').doc('a').set({ data: { x: 1 } });
        holding();
        await pause(200);
      }, 0)
      .catch((e: unknown) => e);
    await held;
    await db.collection('c').doc('a').set({ data: { x: 2 } });
    expect(db.dump('c')).toEqual({ a: { x: 2 } });
    expect(db.stats.expired).toBe(1);
    expect(await stuck).toBeInstanceOf(Error);
  });
});
