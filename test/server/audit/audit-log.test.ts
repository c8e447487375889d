import { appendAudit, auditDocId, pendingDocId } from '../../../server/audit/audit-log';
import type { DocData, TxOps } from '../../../server/ports/store.port';
import { append, AT, AUDIT_STORES, entry } from './audit-stores';

describe.each(AUDIT_STORES)('appendAudit on %s', (_name, make) => {
  let store: ReturnType<typeof make>;
  beforeEach(() => {
    store = make();
  });
  afterEach(() => store.close());

  describe('writes no shared document', () => {
    it('writes exactly one new auditPending document and reads nothing', async () => {
      const ops: string[] = [];
      const spy = (tx: TxOps): TxOps => ({
        get: async <T extends DocData>(c: string, id: string) => (ops.push(`get ${c}/${id}`), tx.get<T>(c, id)),
        set: async (c, id, d) => (ops.push(`set ${c}/${id}`), tx.set(c, id, d)),
        update: async (c, id, p) => (ops.push(`update ${c}/${id}`), tx.update(c, id, p)),
        remove: async (c, id) => (ops.push(`remove ${c}/${id}`), tx.remove(c, id)),
        insertMany: async (c, docs) => (ops.push(`insertMany ${c}`), tx.insertMany(c, docs)),
      });
      const { pendingId } = await store.runTransaction((tx) => appendAudit(spy(tx), entry(1)));
      expect(ops).toEqual([`set auditPending/${pendingId}`]);
      expect(pendingId.startsWith(`e1:${AT}:`)).toBe(true);
      expect(await store.get('auditPending', pendingId)).toEqual({ _id: pendingId, scope: 'e1', action: 'test.step', actor: 'wx:0123456789abcdef', at: AT, subject: 'voter-1', data: { n: 1, note: '第1步' } });
      expect(await store.get('auditHead', 'e1')).toBeNull();
      expect(await store.find('audit', { scope: 'e1' })).toEqual([]);
    });

    it('gives two appends of one scope in one millisecond two documents, in append order', async () => {
      const a = await append(store, entry(1));
      const b = await append(store, entry(2));
      expect(a.pendingId).not.toBe(b.pendingId);
      expect(a.pendingId < b.pendingId).toBe(true);
      expect((await store.find('auditPending', { scope: 'e1' })).map((d) => d.subject)).toEqual(['voter-1', 'voter-2']);
    });

    it('lets 40 concurrent transactions of one scope all commit without a single conflict retry', async () => {
      let attempts = 0;
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          store.runTransaction(async (tx) => {
            attempts += 1;
            await tx.set('voter', `v${i}`, { electionId: 'e1' });
            await appendAudit(tx, entry(i));
          }),
        ),
      );
      expect(attempts).toBe(40);
      expect(await store.count('auditPending', { scope: 'e1' })).toBe(40);
    });
  });

  it('leaves no entry when the transaction rolls back', async () => {
    await expect(
      store.runTransaction(async (tx) => {
        await tx.set('voter', 'v', { electionId: 'e1' });
        await appendAudit(tx, entry(2));
        throw new Error('business rule failed after the audit append');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await store.count('auditPending', { scope: 'e1' })).toBe(0);
    expect(await store.get('voter', 'v')).toBeNull();
  });

  it('refuses an actor or subject that looks like an ID or phone number', async () => {
    await expect(append(store, { ...entry(1), actor: '110101199003077777' })).rejects.toThrow(/ID or phone/);
    await expect(append(store, { ...entry(1), subject: '13812345678' })).rejects.toThrow(/ID or phone/);
    expect(await store.count('auditPending', { scope: 'e1' })).toBe(0);
  });

  it('refuses an entry that could never be hashed (missing fields, a bad instant, a non-JSON value)', async () => {
    await expect(append(store, { ...entry(1), actor: '' })).rejects.toThrow(/required/);
    await expect(append(store, { ...entry(1), at: 'yesterday' })).rejects.toThrow(/ISO instant/);
    await expect(append(store, { ...entry(1), data: { when: new Date(0) } })).rejects.toThrow(/plain object/);
    await expect(append(store, { ...entry(1), data: { share: Number.NaN } })).rejects.toThrow(/not storable/);
    await expect(append(store, { ...entry(1), data: { names: ['a', undefined] } })).rejects.toThrow(/undefined/);
    expect(await store.count('auditPending', { scope: 'e1' })).toBe(0);
  });
});

describe('document ids', () => {
  it('orders pending ids by instant, and pads chain ids so id order is seq order', () => {
    expect(pendingDocId('e1', '2026-05-01T08:00:00.000Z') < pendingDocId('e1', '2026-05-01T07:59:59.999Z')).toBe(false);
    expect(auditDocId('e1', 9) < auditDocId('e1', 10)).toBe(true);
    expect(auditDocId('e1', 3)).toBe('e1:0000000003');
  });
});
