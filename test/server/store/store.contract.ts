/**
 * The one behaviour every Store adapter must have (ARCHITECTURE.md principle 8). Each adapter's
 * test file calls `runStoreContract` with a factory that returns a fresh, empty store.
 */
import { StoreError, type Store, type StoreErrorCode, type TxOps } from '../../../server/ports/store.port';
import { seededRandom } from '../../../server/security/keyed-hash';
import { storePages } from '../../../server/runtime/documents';

async function expectStoreError(p: Promise<unknown>, code: StoreErrorCode): Promise<StoreError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(StoreError);
  expect((e as StoreError).storeCode).toBe(code);
  return e as StoreError;
}

function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function runStoreContract(name: string, make: () => Promise<Store> | Store): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('documents by id', () => {
      it('returns null for a missing document', async () => {
        expect(await store.get('voter', 'nobody')).toBeNull();
      });

      it('round-trips JSON values and adds _id on read', async () => {
        const data = { name: '张三', age: 68, ok: true, no: false, none: null, tags: ['一组', 2, null], nested: { a: { b: 'c' } } };
        await store.set('voter', 'v1', data);
        expect(await store.get('voter', 'v1')).toEqual({ ...data, _id: 'v1' });
      });

      it('keeps collections apart', async () => {
        await store.set('voter', 'same', { k: 'voter' });
        await store.set('member', 'same', { k: 'member' });
        expect(await store.get('voter', 'same')).toEqual({ k: 'voter', _id: 'same' });
        expect(await store.get('member', 'same')).toEqual({ k: 'member', _id: 'same' });
      });

      it('ignores an _id inside the data: the address is the id', async () => {
        await store.set('voter', 'v1', { _id: 'other', name: 'a' });
        expect(await store.get('voter', 'v1')).toEqual({ name: 'a', _id: 'v1' });
        expect(await store.get('voter', 'other')).toBeNull();
      });

      it('set replaces the whole document', async () => {
        await store.set('voter', 'v1', { a: 1, b: 2 });
        await store.set('voter', 'v1', { c: 3 });
        expect(await store.get('voter', 'v1')).toEqual({ c: 3, _id: 'v1' });
      });

      it('update merges top-level fields shallowly', async () => {
        await store.set('voter', 'v1', { a: 1, nested: { x: 1, y: 2 }, keep: 'k' });
        await store.update('voter', 'v1', { a: 2, nested: { x: 9 }, added: null });
        expect(await store.get('voter', 'v1')).toEqual({ a: 2, nested: { x: 9 }, keep: 'k', added: null, _id: 'v1' });
      });

      it('rejects update of a missing document with NOT_FOUND and creates nothing', async () => {
        await expectStoreError(store.update('voter', 'ghost', { a: 1 }), 'NOT_FOUND');
        expect(await store.get('voter', 'ghost')).toBeNull();
      });

      it('removes a document; removing a missing one is a no-op', async () => {
        await store.set('voter', 'v1', { a: 1 });
        await store.remove('voter', 'v1');
        expect(await store.get('voter', 'v1')).toBeNull();
        await expect(store.remove('voter', 'v1')).resolves.toBeUndefined();
      });

      it('hands out copies: mutating a read or the written object changes nothing stored', async () => {
        const data = { list: [1], nested: { a: 1 } };
        await store.set('voter', 'v1', data);
        data.list.push(2);
        const read = await store.get<{ list: number[] }>('voter', 'v1');
        read!.list.push(3);
        expect(await store.get('voter', 'v1')).toEqual({ list: [1], nested: { a: 1 }, _id: 'v1' });
      });

      it('drops undefined fields, as JSON does', async () => {
        await store.set('voter', 'v1', { a: 1, b: undefined });
        expect(await store.get('voter', 'v1')).toEqual({ a: 1, _id: 'v1' });
      });

      it('rejects values JSON cannot carry, empty documents and dotted keys with INVALID', async () => {
        await expectStoreError(store.set('voter', 'v1', { at: new Date() }), 'INVALID');
        await expectStoreError(store.set('voter', 'v1', { n: Number.NaN }), 'INVALID');
        await expectStoreError(store.set('voter', 'v1', {}), 'INVALID');
        await expectStoreError(store.set('voter', 'v1', { 'a.b': 1 }), 'INVALID');
        await expectStoreError(store.set('voter', '', { a: 1 }), 'INVALID');
        expect(await store.get('voter', 'v1')).toBeNull();
      });
    });

    describe('queries on indexed fields', () => {
      const seedTypes = async () => {
        await store.set('voter', 's-true', { status: true });
        await store.set('voter', 's-false', { status: false });
        await store.set('voter', 's-one', { status: 1 });
        await store.set('voter', 's-zero', { status: 0 });
        await store.set('voter', 's-str1', { status: '1' });
        await store.set('voter', 's-strtrue', { status: 'true' });
        await store.set('voter', 's-null', { status: null });
        await store.set('voter', 's-missing', { other: 1 });
        await store.set('voter', 's-obj', { status: { a: 1 } });
      };
      const ids = (docs: Array<{ _id: string }>) => docs.map((d) => d._id).sort();

      it('matches strings exactly, never numbers, booleans or objects', async () => {
        await seedTypes();
        expect(ids(await store.find('voter', { status: '1' }))).toEqual(['s-str1']);
        expect(ids(await store.find('voter', { status: 'true' }))).toEqual(['s-strtrue']);
        expect(ids(await store.find('voter', { status: '{"a":1}' }))).toEqual([]);
      });

      it('matches booleans as booleans, not as 1 or 0', async () => {
        await seedTypes();
        expect(ids(await store.find('voter', { status: true }))).toEqual(['s-true']);
        expect(ids(await store.find('voter', { status: false }))).toEqual(['s-false']);
      });

      it('matches numbers as numbers, not as booleans or strings', async () => {
        await seedTypes();
        expect(ids(await store.find('voter', { status: 1 }))).toEqual(['s-one']);
        expect(ids(await store.find('voter', { status: 0 }))).toEqual(['s-zero']);
      });

      it('matches null against null and missing fields', async () => {
        await seedTypes();
        expect(ids(await store.find('voter', { status: null }))).toEqual(['s-missing', 's-null']);
        expect(await store.count('voter', { status: null })).toBe(2);
      });

      it('ANDs several fields and returns documents with _id', async () => {
        await store.set('voter', 'a', { electionId: 'e1', group: '一组', name: '甲' });
        await store.set('voter', 'b', { electionId: 'e1', group: '二组', name: '乙' });
        await store.set('voter', 'c', { electionId: 'e2', group: '一组', name: '丙' });
        expect(await store.find('voter', { electionId: 'e1', group: '一组' })).toEqual([{ electionId: 'e1', group: '一组', name: '甲', _id: 'a' }]);
        expect(await store.count('voter', { electionId: 'e1' })).toBe(2);
        expect(await store.count('voter', {})).toBe(3);
        expect(await store.find('voter', { electionId: 'none' })).toEqual([]);
      });

      it('refuses a query on a field that is not in INDEXED_FIELDS with INVALID', async () => {
        await expectStoreError(store.find('voter', { name: '甲' }), 'INVALID');
        await expectStoreError(store.count('voter', { name: '甲' }), 'INVALID');
        await expectStoreError(store.find('notACollection', { electionId: 'e1' }), 'INVALID');
      });

      it('orders by any top-level field, ties and unordered queries by _id', async () => {
        for (const [id, seq] of [['d', 2], ['a', 3], ['c', 1], ['b', 2]] as const) await store.set('audit', id, { scope: 's', seq });
        const asc = await store.find('audit', { scope: 's' }, { orderBy: { field: 'seq', direction: 'asc' } });
        expect(asc.map((d) => d._id)).toEqual(['c', 'b', 'd', 'a']);
        const desc = await store.find('audit', { scope: 's' }, { orderBy: { field: 'seq', direction: 'desc' } });
        expect(desc.map((d) => d._id)).toEqual(['a', 'b', 'd', 'c']);
        expect((await store.find('audit', { scope: 's' })).map((d) => d._id)).toEqual(['a', 'b', 'c', 'd']);
        const byIdDesc = await store.find('audit', {}, { orderBy: { field: '_id', direction: 'desc' } });
        expect(byIdDesc.map((d) => d._id)).toEqual(['d', 'c', 'b', 'a']);
      });

      it('orders strings by code point and puts missing fields first', async () => {
        await store.set('voter', '1', { nameKey: 'b' });
        await store.set('voter', '2', { nameKey: 'B' });
        await store.set('voter', '3', { nameKey: '张' });
        await store.set('voter', '4', { other: true });
        const docs = await store.find('voter', {}, { orderBy: { field: 'nameKey', direction: 'asc' } });
        expect(docs.map((d) => d._id)).toEqual(['4', '2', '1', '3']);
      });

      it('pages by cursor (after the last document read) and limit; the default limit is 100 and 1000 is the maximum', async () => {
        await store.runTransaction(async (tx) => {
          for (let i = 0; i < 230; i++) await tx.set('voter', `v${String(i).padStart(3, '0')}`, { electionId: 'e', n: i, group: `g${i % 7}` });
          await tx.set('voter', 'other', { electionId: 'f', n: 5, group: 'g0' });
        });
        expect(await store.find('voter', { electionId: 'e' })).toHaveLength(100);
        expect(await store.find('voter', { electionId: 'e' }, { limit: 150 })).toHaveLength(150);
        expect(await store.find('voter', { electionId: 'e' }, { limit: 1000 })).toHaveLength(230);
        const page = await store.find('voter', { electionId: 'e' }, { orderBy: { field: 'n', direction: 'desc' }, after: { id: 'v220', value: 220 }, limit: 5 });
        expect(page.map((d) => d.n)).toEqual([219, 218, 217, 216, 215]);
        expect((await store.find('voter', { electionId: 'e' }, { after: { id: 'v224' } })).map((d) => d._id)).toEqual(['v225', 'v226', 'v227', 'v228', 'v229']);
        expect((await store.find('voter', { electionId: 'e' }, { orderBy: { field: '_id', direction: 'desc' }, after: { id: 'v003' } })).map((d) => d._id)).toEqual(['v002', 'v001', 'v000']);
        await expectStoreError(store.find('voter', {}, { limit: 1001 }), 'INVALID');
        await expectStoreError(store.find('voter', {}, { limit: 0 }), 'INVALID');
        await expectStoreError(store.find('voter', {}, { after: { id: '' } }), 'INVALID');
        await expectStoreError(store.find('voter', {}, { orderBy: { field: 'n', direction: 'asc' }, after: { id: 'v001' } }), 'INVALID');
        await expectStoreError(store.find('voter', {}, { orderBy: { field: 'a.b', direction: 'asc' } }), 'INVALID');
      });

      it('cursor pages walk every match once, ties on the ordered field broken by _id, whatever the page size', async () => {
        await store.runTransaction(async (tx) => {
          for (let i = 0; i < 230; i++) await tx.set('voter', `v${String(i).padStart(3, '0')}`, { electionId: 'e', n: i, group: `g${i % 7}` });
          await tx.set('voter', 'other', { electionId: 'f', n: 5, group: 'g0' });
        });
        for (const orderBy of [undefined, { field: 'group', direction: 'asc' as const }, { field: 'group', direction: 'desc' as const }]) {
          const seen: string[] = [];
          for await (const page of storePages(store, 'voter', { electionId: 'e' }, { limit: 17, ...(orderBy ? { orderBy } : {}) })) seen.push(...page.map((d) => d._id));
          const all = await store.find('voter', { electionId: 'e' }, { limit: 1000, ...(orderBy ? { orderBy } : {}) });
          expect(seen).toEqual(all.map((d) => d._id));
          expect(new Set(seen).size).toBe(230);
        }
      });
    });

    describe('several documents at once (getMany, insertMany)', () => {
      it('getMany returns the documents found by id, skips missing ones and reads a repeated id once', async () => {
        await store.set('voter', 'a', { n: 1 });
        await store.set('voter', 'b', { n: 2 });
        await store.set('member', 'c', { n: 3 });
        const got = await store.getMany('voter', ['a', 'missing', 'b', 'a', 'c']);
        expect([...got.keys()].sort()).toEqual(['a', 'b']);
        expect(got.get('a')).toEqual({ n: 1, _id: 'a' });
        expect(await store.getMany('voter', [])).toEqual(new Map());
      });

      it('getMany reads more ids than one CloudBase query returns (chunks of 1,000)', async () => {
        const ids = Array.from({ length: 1203 }, (_, i) => `v${String(i).padStart(4, '0')}`);
        await store.runTransaction((tx) => tx.insertMany('voter', ids.map((id, i) => ({ id, data: { i } }))));
        const got = await store.getMany('voter', [...ids, 'nobody']);
        expect(got.size).toBe(1203);
        expect(got.get('v1202')).toEqual({ i: 1202, _id: 'v1202' });
      });

      it('getMany shows no uncommitted write of an open transaction', async () => {
        const g = gate();
        const tx = store.runTransaction(async (t) => {
          await t.insertMany('voter', [{ id: 'x', data: { n: 1 } }]);
          await g.wait;
        });
        await pause(5);
        expect((await store.getMany('voter', ['x'])).size).toBe(0);
        g.open();
        await tx;
        expect((await store.getMany('voter', ['x'])).get('x')).toEqual({ n: 1, _id: 'x' });
      });

      it('insertMany creates every document of a transaction, or none when one exists (CONFLICT)', async () => {
        await store.runTransaction((tx) => tx.insertMany('meta', [{ id: 'k1', data: { v: 1 } }, { id: 'k2', data: { v: 2 } }]));
        expect(await store.get('meta', 'k2')).toEqual({ v: 2, _id: 'k2' });
        await expectStoreError(
          store.runTransaction(async (tx) => {
            await tx.set('meta', 'other', { v: 9 });
            await tx.insertMany('meta', [{ id: 'k3', data: { v: 3 } }, { id: 'k1', data: { v: 0 } }]);
          }),
          'CONFLICT',
        );
        expect(await store.get('meta', 'k3')).toBeNull();
        expect(await store.get('meta', 'other')).toBeNull();
        expect(await store.get('meta', 'k1')).toEqual({ v: 1, _id: 'k1' });
      });

      it('updateMany sets the patch on the listed documents that still match, and counts them', async () => {
        await store.set('noticeDelivery', 'd1', { status: 'sending', claimToken: 't', n: 1, sentAt: null });
        await store.set('noticeDelivery', 'd2', { status: 'sending', claimToken: 'other', n: 2 });
        await store.set('noticeDelivery', 'd3', { status: 'sending', claimToken: 't', n: 3 });
        await store.set('noticeDelivery', 'd4', { status: 'sending', claimToken: 't', n: 4 });
        const n = await store.updateMany('noticeDelivery', ['d1', 'd2', 'd3', 'missing', 'd1'], { status: 'sending', claimToken: 't' }, { status: 'sent', claimToken: null, sentAt: 'now' });
        expect(n).toBe(2);
        expect(await store.get('noticeDelivery', 'd1')).toEqual({ _id: 'd1', status: 'sent', claimToken: null, n: 1, sentAt: 'now' });
        expect(await store.get('noticeDelivery', 'd2')).toEqual({ _id: 'd2', status: 'sending', claimToken: 'other', n: 2 });
        expect(await store.get('noticeDelivery', 'd3')).toMatchObject({ status: 'sent', n: 3 });
        // Not listed: untouched even though it matches.
        expect(await store.get('noticeDelivery', 'd4')).toMatchObject({ status: 'sending', claimToken: 't' });
        expect(await store.get('noticeDelivery', 'missing')).toBeNull();
        // A second run finds nothing left to change.
        expect(await store.updateMany('noticeDelivery', ['d1', 'd3'], { status: 'sending', claimToken: 't' }, { status: 'sent' })).toBe(0);
      });

      it('updateMany refuses nested values, _id and an empty patch with INVALID', async () => {
        await store.set('meta', 'm', { v: 1 });
        await expectStoreError(store.updateMany('meta', ['m'], {}, { _id: 'x' }), 'INVALID');
        await expectStoreError(store.updateMany('meta', ['m'], {}, {}), 'INVALID');
        await expectStoreError(store.updateMany('meta', ['m'], {}, { v: { deep: 1 } as unknown as string }), 'INVALID');
        expect(await store.get('meta', 'm')).toEqual({ v: 1, _id: 'm' });
      });

      it('insertMany refuses an id given twice and empty documents with INVALID', async () => {
        await expectStoreError(store.insertMany('meta', [{ id: 'd', data: { v: 1 } }, { id: 'd', data: { v: 2 } }]), 'INVALID');
        await expectStoreError(store.insertMany('meta', [{ id: 'e', data: {} }]), 'INVALID');
        expect(await store.get('meta', 'd')).toBeNull();
      });

      it('lets exactly one of 10 concurrent transactions insert the same id', async () => {
        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => store.runTransaction((tx) => tx.insertMany('idIndex', [{ id: 'h-same', data: { villageId: 'v1', voterId: `voter-${i}` } }]))),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as StoreError).storeCode).toBe('CONFLICT');
        expect(await store.count('idIndex', { villageId: 'v1' })).toBe(1);
      });
    });

    describe('transactions', () => {
      it('commits every write when the body resolves, and returns its value', async () => {
        const out = await store.runTransaction(async (tx) => {
          await tx.set('election', 'e1', { villageId: 'v1', name: 'x' });
          await tx.set('meta', 'm', { count: 1 });
          await tx.update('meta', 'm', { count: 2 });
          return 'done';
        });
        expect(out).toBe('done');
        expect(await store.get('election', 'e1')).toEqual({ villageId: 'v1', name: 'x', _id: 'e1' });
        expect(await store.get('meta', 'm')).toEqual({ count: 2, _id: 'm' });
      });

      it('reads its own writes inside the transaction', async () => {
        await store.set('meta', 'm', { n: 1 });
        await store.runTransaction(async (tx) => {
          await tx.update('meta', 'm', { n: 2 });
          expect(await tx.get('meta', 'm')).toEqual({ n: 2, _id: 'm' });
          await tx.remove('meta', 'm');
          expect(await tx.get('meta', 'm')).toBeNull();
          await tx.set('meta', 'm', { n: 3 });
        });
        expect(await store.get('meta', 'm')).toEqual({ n: 3, _id: 'm' });
      });

      it('rolls back everything and rethrows the same error when the body throws', async () => {
        await store.set('meta', 'keep', { v: 'before' });
        const boom = new Error('business bug');
        const e = await store
          .runTransaction(async (tx) => {
            await tx.set('meta', 'new', { v: 1 });
            await tx.update('meta', 'keep', { v: 'after' });
            await tx.remove('meta', 'keep');
            throw boom;
          })
          .catch((err: unknown) => err);
        expect(e).toBe(boom);
        expect(await store.get('meta', 'new')).toBeNull();
        expect(await store.get('meta', 'keep')).toEqual({ v: 'before', _id: 'keep' });
      });

      it('rolls back when an update inside hits a missing document', async () => {
        await expectStoreError(
          store.runTransaction(async (tx) => {
            await tx.set('meta', 'a', { v: 1 });
            await tx.update('meta', 'ghost', { v: 2 });
          }),
          'NOT_FOUND',
        );
        expect(await store.get('meta', 'a')).toBeNull();
      });

      it('refuses a nested runTransaction and outside writes from inside a transaction', async () => {
        await store.runTransaction(async (tx) => {
          await expectStoreError(
            store.runTransaction(async () => undefined),
            'INVALID',
          );
          await expectStoreError(store.set('meta', 'x', { a: 1 }), 'INVALID');
          await tx.set('meta', 'y', { a: 1 });
        });
        expect(await store.get('meta', 'x')).toBeNull();
        expect(await store.get('meta', 'y')).toEqual({ a: 1, _id: 'y' });
      });

      it('refuses a tx used after its transaction finished', async () => {
        let leaked: TxOps | null = null;
        await store.runTransaction(async (tx) => {
          leaked = tx;
        });
        await expectStoreError(leaked!.set('meta', 'late', { a: 1 }), 'INVALID');
        expect(await store.get('meta', 'late')).toBeNull();
      });

      it('never shows a read outside the transaction its uncommitted writes', async () => {
        await store.set('meta', 'm', { v: 'committed' });
        const written = gate();
        const release = gate();
        const tx = store.runTransaction(async (t) => {
          await t.set('meta', 'm', { v: 'uncommitted' });
          await t.set('meta', 'fresh', { v: 'uncommitted' });
          written.open();
          await release.wait;
        });
        await written.wait;
        expect(await store.get('meta', 'm')).toEqual({ v: 'committed', _id: 'm' });
        expect(await store.get('meta', 'fresh')).toBeNull();
        release.open();
        await tx;
        expect(await store.get('meta', 'm')).toEqual({ v: 'uncommitted', _id: 'm' });
      });

      it('loses no update: 50 concurrent read-await-write increments end at exactly 50', async () => {
        await store.set('meta', 'counter', { n: 0 });
        const rng = seededRandom(7);
        let bodies = 0;
        const results = await Promise.allSettled(
          Array.from({ length: 50 }, () =>
            store.runTransaction(async (tx) => {
              bodies++;
              const cur = await tx.get<{ n: number }>('meta', 'counter');
              await pause(rng.int(4));
              await tx.set('meta', 'counter', { n: (cur?.n ?? 0) + 1 });
              return cur?.n ?? 0;
            }),
          ),
        );
        const fulfilled = results.filter((r): r is PromiseFulfilledResult<number> => r.status === 'fulfilled');
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
        expect(fulfilled).toHaveLength(50);
        // Every transaction saw a different value: they ran one after another.
        expect(new Set(fulfilled.map((r) => r.value)).size).toBe(50);
        expect(await store.get('meta', 'counter')).toEqual({ n: 50, _id: 'counter' });
        expect(bodies).toBeGreaterThanOrEqual(50);
      });

      it('lets exactly one of 20 concurrent claims of the same id succeed', async () => {
        const rng = seededRandom(11);
        const claim = (who: number) =>
          store.runTransaction(async (tx) => {
            const taken = await tx.get('idIndex', 'h-abc');
            await pause(rng.int(3));
            if (taken) return false;
            await tx.set('idIndex', 'h-abc', { villageId: 'v1', voterId: `voter-${who}` });
            return true;
          });
        const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => claim(i)));
        expect(outcomes.filter(Boolean)).toHaveLength(1);
        const winner = outcomes.indexOf(true);
        expect(await store.get('idIndex', 'h-abc')).toEqual({ villageId: 'v1', voterId: `voter-${winner}`, _id: 'h-abc' });
        expect(await store.count('idIndex', { villageId: 'v1' })).toBe(1);
      });
    });
  });
}
