import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloudbaseStore } from '../../../server/adapters/cloudbase/cloudbase.store';
import { FakeCloudbaseDatabase } from '../../../server/adapters/cloudbase/cloudbase-db.fake';
import { openSqliteStore } from '../../../server/adapters/embedded/sqlite.store';
import { appendAudit, auditDocId, auditHash, GENESIS_HASH, verifyAuditChain } from '../../../server/audit/audit-log';
import type { AuditEntry } from '../../../server/ports/audit.port';
import type { Store } from '../../../server/ports/store.port';
import { seededRandom } from '../../../server/security/keyed-hash';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const stores: Array<[string, () => Store]> = [
  [
    'embedded sqlite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'cxt-audit-'));
      dirs.push(dir);
      return openSqliteStore({ file: join(dir, 'audit.db') });
    },
  ],
  [
    'CloudBase adapter on the FAKE',
    () => {
      const rng = seededRandom(5);
      return createCloudbaseStore(new FakeCloudbaseDatabase(), { maxAttempts: 200, backoffMs: () => rng.int(3) });
    },
  ],
];

const at = '2026-05-01T08:00:00.000Z';
const entry = (n: number, scope = 'e1'): AuditEntry => ({ scope, action: 'test.step', actor: 'wx:0123456789abcdef', at, subject: `voter-${n}`, data: { n, note: '第' + n + '步' } });

describe.each(stores)('audit log on %s', (_name, make) => {
  let store: Store;
  beforeEach(() => {
    store = make();
  });
  afterEach(() => store.close());

  const append = (e: AuditEntry) => store.runTransaction((tx) => appendAudit(tx, e));

  describe('appendAudit', () => {
    it('writes the entry and moves the head inside the transaction, linking each hash to the last', async () => {
      const first = await append(entry(1));
      const second = await append(entry(2));
      expect(first.seq).toBe(1);
      expect(second.seq).toBe(2);
      const stored = await store.get('audit', auditDocId('e1', 1));
      expect(stored).toMatchObject({ _id: 'e1:0000000001', scope: 'e1', seq: 1, prevHash: GENESIS_HASH, hash: first.hash, action: 'test.step', subject: 'voter-1', data: { n: 1 } });
      expect(await store.get('audit', 'e1:0000000002')).toMatchObject({ prevHash: first.hash, hash: second.hash });
      expect(await store.get('auditHead', 'e1')).toMatchObject({ seq: 2, hash: second.hash });
      expect(await verifyAuditChain(store, 'e1')).toEqual({ ok: true, length: 2, head: second.hash });
    });

    it('leaves no entry and an unchanged head when the transaction rolls back', async () => {
      const kept = await append(entry(1));
      await expect(
        store.runTransaction(async (tx) => {
          await tx.set('voter', 'v', { electionId: 'e1' });
          await appendAudit(tx, entry(2));
          throw new Error('business rule failed after the audit append');
        }),
      ).rejects.toThrow('business rule failed');
      expect(await store.get('audit', auditDocId('e1', 2))).toBeNull();
      expect(await store.get('auditHead', 'e1')).toMatchObject({ seq: 1, hash: kept.hash });
      expect(await store.get('voter', 'v')).toBeNull();
      expect(await verifyAuditChain(store, 'e1')).toEqual({ ok: true, length: 1, head: kept.hash });
    });

    it('keeps scopes apart', async () => {
      await append(entry(1, 'e1'));
      await append(entry(1, 'village:v1'));
      await append(entry(2, 'village:v1'));
      expect(await verifyAuditChain(store, 'e1')).toMatchObject({ ok: true, length: 1 });
      expect(await verifyAuditChain(store, 'village:v1')).toMatchObject({ ok: true, length: 2 });
      expect(await verifyAuditChain(store, 'township')).toEqual({ ok: true, length: 0, head: GENESIS_HASH });
    });

    it('gives concurrent appends from concurrent transactions a gapless chain', async () => {
      const rng = seededRandom(9);
      const results = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          store.runTransaction(async (tx) => {
            await new Promise((r) => setTimeout(r, rng.int(3)));
            return appendAudit(tx, entry(i));
          }),
        ),
      );
      expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(await verifyAuditChain(store, 'e1')).toMatchObject({ ok: true, length: 25 });
    });

    it('refuses an actor or subject that looks like an ID or phone number', async () => {
      await expect(append({ ...entry(1), actor: '110101199003077777' })).rejects.toThrow(/ID or phone/);
      await expect(append({ ...entry(1), subject: '13812345678' })).rejects.toThrow(/ID or phone/);
      expect(await store.get('auditHead', 'e1')).toBeNull();
    });
  });

  describe('verifyAuditChain', () => {
    beforeEach(async () => {
      for (let i = 1; i <= 5; i++) await append(entry(i));
    });
    const entryDoc = async (seq: number): Promise<Record<string, unknown>> => {
      const doc = await store.get('audit', auditDocId('e1', seq));
      if (!doc) throw new Error('missing');
      return Object.fromEntries(Object.entries(doc).filter(([k]) => k !== '_id'));
    };

    it('reports the seq whose data was edited', async () => {
      await store.set('audit', auditDocId('e1', 3), { ...(await entryDoc(3)), data: { n: 3, note: '改过' } });
      expect(await verifyAuditChain(store, 'e1')).toMatchObject({ ok: false, brokenAtSeq: 3, why: expect.stringMatching(/hash/) });
    });

    it('reports the seq whose hash was rewritten to match an edit (the next link breaks)', async () => {
      const doc = await entryDoc(2);
      const body: Record<string, unknown> = Object.fromEntries(Object.entries(doc).filter(([k]) => k !== 'prevHash' && k !== 'hash'));
      body.actor = 'someone-else';
      const forged = auditHash(String(doc.prevHash), body);
      await store.set('audit', auditDocId('e1', 2), { ...body, prevHash: doc.prevHash, hash: forged });
      expect(await verifyAuditChain(store, 'e1')).toMatchObject({ ok: false, brokenAtSeq: 3, why: expect.stringMatching(/prevHash/) });
    });

    it('reports the seq whose stored hash was altered', async () => {
      await store.set('audit', auditDocId('e1', 4), { ...(await entryDoc(4)), hash: 'f'.repeat(64) });
      expect(await verifyAuditChain(store, 'e1')).toMatchObject({ ok: false, brokenAtSeq: 4 });
    });

    it('reports a deleted entry in the middle', async () => {
      await store.remove('audit', auditDocId('e1', 2));
      expect(await verifyAuditChain(store, 'e1')).toMatchObject({ ok: false, brokenAtSeq: 2, why: expect.stringMatching(/missing/) });
    });

    it('reports a deleted last entry against the head', async () => {
      await store.remove('audit', auditDocId('e1', 5));
      expect(await verifyAuditChain(store, 'e1')).toMatchObject({ ok: false, brokenAtSeq: 5, why: expect.stringMatching(/missing/) });
    });

    it('reports an added field', async () => {
      await store.set('audit', auditDocId('e1', 1), { ...(await entryDoc(1)), extra: 'sneaked in' });
      expect(await verifyAuditChain(store, 'e1')).toMatchObject({ ok: false, brokenAtSeq: 1 });
    });

    it('reports a head that was moved or lost', async () => {
      await store.update('auditHead', 'e1', { hash: 'a'.repeat(64) });
      expect(await verifyAuditChain(store, 'e1')).toMatchObject({ ok: false, brokenAtSeq: 5, why: expect.stringMatching(/head/) });
      await store.remove('auditHead', 'e1');
      expect(await verifyAuditChain(store, 'e1')).toMatchObject({ ok: false, why: expect.stringMatching(/head is missing/) });
    });
  });
});

describe('verifyAuditChain paging', () => {
  it('verifies a chain longer than one page of 1,000', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxt-audit-'));
    dirs.push(dir);
    const store = openSqliteStore({ file: join(dir, 'audit.db') });
    await store.runTransaction(async (tx) => {
      for (let i = 1; i <= 1005; i++) await appendAudit(tx, entry(i, 'long'));
    });
    expect(await verifyAuditChain(store, 'long')).toMatchObject({ ok: true, length: 1005 });
    await store.remove('audit', auditDocId('long', 1003));
    expect(await verifyAuditChain(store, 'long')).toMatchObject({ ok: false, brokenAtSeq: 1003 });
    await store.close();
  });
});
