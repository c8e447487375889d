/**
 * The CloudBase adapter against the in-memory FAKE of the wx-server-sdk database
 * (server/adapters/cloudbase/cloudbase-db.fake.ts), plus the fake's own fidelity checks.
 * The real SDK, offline, is exercised in cloudbase-offline.test.ts.
 */
import { createCloudbaseStore, cloudbaseIndexPlan, cloudbaseStoreError } from '../../../server/adapters/cloudbase/cloudbase.store';
import { FakeCloudbaseDatabase, FAKE_CONFLICT_MESSAGE, TcbError } from '../../../server/adapters/cloudbase/cloudbase-db.fake';
import { INDEXED_FIELDS, StoreError } from '../../../server/ports/store.port';
import { seededRandom } from '../../../server/security/keyed-hash';
import { runStoreContract } from './store.contract';

// Retry budget large enough for the contract's 50-way contention on one document; the backoff
// is short and seeded so the suite stays fast and repeatable.
const contended = (db: FakeCloudbaseDatabase) => {
  const rng = seededRandom(3);
  return createCloudbaseStore(db, { maxAttempts: 200, backoffMs: () => rng.int(3) });
};

runStoreContract('CloudBase adapter on the FAKE (SDK default throwOnNotFound)', () => contended(new FakeCloudbaseDatabase()));
runStoreContract('CloudBase adapter on the FAKE (throwOnNotFound: false)', () => contended(new FakeCloudbaseDatabase({ throwOnNotFound: false })));

const sdkNetworkError = () =>
  Object.assign(new Error('document.get:fail -501001 resource system error. getaddrinfo ENOTFOUND env.tcb-api.tencentcloudapi.com'), {
    errCode: -501001,
    errMsg: 'document.get:fail -501001 resource system error. getaddrinfo ENOTFOUND env.tcb-api.tencentcloudapi.com',
  });

describe('CloudBase adapter', () => {
  it('reports a conflict it may not retry as StoreError CONFLICT, and the loser writes nothing', async () => {
    const db = new FakeCloudbaseDatabase();
    const store = createCloudbaseStore(db, { maxAttempts: 1 });
    await store.set('meta', 'counter', { n: 0 });
    let release = () => undefined as void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const first = store.runTransaction(async (tx) => {
      await tx.set('meta', 'counter', { n: 1 });
      await held;
    });
    await new Promise((r) => setTimeout(r, 5));
    const second = store.runTransaction(async (tx) => {
      await tx.get('meta', 'counter');
      await tx.set('meta', 'other', { by: 'second' });
      await tx.set('meta', 'counter', { n: 2 });
    });
    await expect(second).rejects.toMatchObject({ storeCode: 'CONFLICT' });
    release();
    await first;
    expect(await store.get('meta', 'counter')).toEqual({ n: 1, _id: 'counter' });
    expect(await store.get('meta', 'other')).toBeNull();
  });

  it('retries a conflict reported at commit (raw TcbError code) and succeeds', async () => {
    const db = new FakeCloudbaseDatabase();
    const store = createCloudbaseStore(db, { maxAttempts: 3, backoffMs: () => 0 });
    let calls = 0;
    // The SDK would retry this raw conflict itself if times > 0; the adapter passes 0 and retries.
    db.failNextCommit(new TcbError('DATABASE_TRANSACTION_CONFLICT', FAKE_CONFLICT_MESSAGE));
    const out = await store.runTransaction(async (tx) => {
      calls++;
      await tx.set('meta', 'm', { calls });
      return 'ok';
    });
    expect(out).toBe('ok');
    expect(calls).toBe(2);
    expect(db.stats.committed).toBe(1);
    expect(await store.get('meta', 'm')).toEqual({ calls: 2, _id: 'm' });
  });

  it('maps SDK failures: network → UNAVAILABLE, bad parameters → INVALID, missing collection → UNAVAILABLE', async () => {
    // A deployment that forgot to create the `candidate` collection in the console.
    const db = new FakeCloudbaseDatabase({ collections: Object.keys(INDEXED_FIELDS).filter((c) => c !== 'candidate') });
    const store = createCloudbaseStore(db);
    db.failNext(sdkNetworkError());
    await expect(store.get('voter', 'x')).rejects.toMatchObject({ storeCode: 'UNAVAILABLE' });
    db.failNext(Object.assign(new Error('document.set:fail -501007 invalid parameters. x'), { errCode: -501007 }));
    await expect(store.set('voter', 'x', { a: 1 })).rejects.toMatchObject({ storeCode: 'INVALID' });
    await expect(store.set('candidate', 'x', { a: 1 })).rejects.toMatchObject({ storeCode: 'UNAVAILABLE' });
    db.failNext(sdkNetworkError());
    await expect(store.find('voter', { electionId: 'e' })).rejects.toMatchObject({ storeCode: 'UNAVAILABLE' });
    db.failNext(sdkNetworkError());
    await expect(store.runTransaction(async () => 1)).rejects.toMatchObject({ storeCode: 'UNAVAILABLE' });
  });

  it('passes errors of the transaction body through untouched, even ones carrying a code', async () => {
    const store = createCloudbaseStore(new FakeCloudbaseDatabase());
    const businessError = Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    await expect(store.runTransaction(async () => Promise.reject(businessError))).rejects.toBe(businessError);
  });

  it('classifies wrapped SDK errors and leaves foreign errors alone', () => {
    const wrapped = Object.assign(new Error(`document.update:fail -501001 resource system error. ${FAKE_CONFLICT_MESSAGE}`), { errCode: -501001 });
    expect(cloudbaseStoreError(wrapped, 'op')?.storeCode).toBe('CONFLICT');
    expect(cloudbaseStoreError(new TcbError('INVALID_PARAM', 'missing secretId or secretKey of tencent cloud'), 'op')?.storeCode).toBe('UNAVAILABLE');
    expect(cloudbaseStoreError(new TcbError('DATABASE_TRANSACTION_FAIL', 'gone'), 'op')?.storeCode).toBe('UNAVAILABLE');
    expect(cloudbaseStoreError(new TypeError('x'), 'op')).toBeNull();
    expect(cloudbaseStoreError(new StoreError('NOT_FOUND', 'x'), 'op')?.storeCode).toBe('NOT_FOUND');
  });

  it('lists every collection with its query indexes for the console', () => {
    expect(cloudbaseIndexPlan()).toContainEqual({ collection: 'village', indexes: [['townshipId', '_id']] });
    expect(cloudbaseIndexPlan()).toContainEqual({ collection: 'audit', indexes: [['scope', '_id'], ['scope', 'seq', '_id']] });
    expect(cloudbaseIndexPlan()).toHaveLength(Object.keys(INDEXED_FIELDS).length);
  });
});

describe('FakeCloudbaseDatabase fidelity (wx-server-sdk 4 semantics)', () => {
  it('rejects get of a missing document like the SDK, or answers null with throwOnNotFound: false', async () => {
    await expect(new FakeCloudbaseDatabase().collection('voter').doc('x').get()).rejects.toMatchObject({
      errCode: -1,
      message: 'document.get:fail document with _id x does not exist',
    });
    await expect(new FakeCloudbaseDatabase({ throwOnNotFound: false }).collection('voter').doc('x').get()).resolves.toMatchObject({ data: null });
  });

  it('set replaces and reports created/updated; update deep-merges, never creates', async () => {
    const db = new FakeCloudbaseDatabase();
    const doc = db.collection('meta').doc('m');
    await expect(doc.set({ data: { a: 1, n: { x: 1, y: 1 } } })).resolves.toMatchObject({ stats: { created: 1, updated: 0 } });
    await expect(doc.update({ data: { n: { x: 2 } } })).resolves.toMatchObject({ stats: { updated: 1 } });
    expect(db.dump('meta')).toEqual({ m: { a: 1, n: { x: 2, y: 1 } } });
    await expect(doc.set({ data: { b: 2 } })).resolves.toMatchObject({ stats: { created: 0, updated: 1 } });
    expect(db.dump('meta')).toEqual({ m: { b: 2 } });
    await expect(db.collection('meta').doc('ghost').update({ data: { a: 1 } })).resolves.toMatchObject({ stats: { updated: 0 } });
    expect(db.dump('meta').ghost).toBeUndefined();
    await expect(doc.set({ data: { _id: 'm', a: 1 } })).rejects.toMatchObject({ errCode: -501007 });
    await expect(doc.set({ data: {} })).rejects.toThrow(/must not be empty/);
  });

  it('applies the server default limit of 100 and the cap of 1,000', async () => {
    const db = new FakeCloudbaseDatabase();
    await Promise.all(Array.from({ length: 1100 }, (_, i) => db.collection('voter').doc(`v${i}`).set({ data: { electionId: 'e' } })));
    expect((await db.collection('voter').where({ electionId: 'e' }).get()).data).toHaveLength(100);
    expect((await db.collection('voter').where({ electionId: 'e' }).limit(5000).get()).data).toHaveLength(1000);
    expect((await db.collection('voter').where({ electionId: 'e' }).count()).total).toBe(1100);
  });

  it('runs transactions on a snapshot; the second writer of a document conflicts at once', async () => {
    const db = new FakeCloudbaseDatabase({ throwOnNotFound: false });
    await db.collection('meta').doc('m').set({ data: { v: 0 } });
    let release = () => undefined as void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const first = db.runTransaction(async (t) => {
      await t.collection('meta').doc('m').update({ data: { v: 1 } });
      await held;
    });
    await new Promise((r) => setTimeout(r, 5));
    let executions = 0;
    const second = db.runTransaction(async (t) => {
      executions++;
      expect((await t.collection('meta').doc('m').get()).data).toEqual({ v: 0, _id: 'm' });
      await t.collection('meta').doc('m').set({ data: { v: 2 } });
    });
    // Rewrapped by the SDK: errCode -501001, the code only in the message — so the SDK itself
    // does not retry it, whatever `times` says.
    await expect(second).rejects.toMatchObject({ errCode: -501001, message: expect.stringContaining('TransactionConflict') });
    expect(executions).toBe(1);
    release();
    await first;
    expect(db.dump('meta')).toEqual({ m: { v: 1 } });
    expect(db.stats.conflicts).toBe(1);
  });

  it('retries errors whose code is DATABASE_TRANSACTION_CONFLICT times + 1 executions, then gives up', async () => {
    const db = new FakeCloudbaseDatabase();
    let executions = 0;
    const conflict = { code: 'DATABASE_TRANSACTION_CONFLICT', message: FAKE_CONFLICT_MESSAGE };
    await expect(
      db.runTransaction(async (t) => {
        executions++;
        await t.collection('meta').doc('m').set({ data: { executions } });
        throw conflict;
      }),
    ).rejects.toBe(conflict);
    expect(executions).toBe(4);
    expect(db.dump('meta')).toEqual({});
  });

  it('makes a write outside a transaction wait for the transaction that holds the document', async () => {
    const db = new FakeCloudbaseDatabase();
    const order: string[] = [];
    let release = () => undefined as void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const tx = db.runTransaction(async (t) => {
      await t.collection('meta').doc('m').set({ data: { by: 'tx' } });
      await held;
      order.push('tx done');
    });
    await new Promise((r) => setTimeout(r, 5));
    const outside = db
      .collection('meta')
      .doc('m')
      .set({ data: { by: 'outside' } })
      .then(() => order.push('outside written'));
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]);
    release();
    await Promise.all([tx, outside]);
    expect(order).toEqual(['tx done', 'outside written']);
    expect(db.dump('meta')).toEqual({ m: { by: 'outside' } });
  });
});
