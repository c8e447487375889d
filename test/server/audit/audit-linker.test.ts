import { generateEd25519KeyPem, createEd25519Signer } from '../../../server/adapters/crypto/ed25519.signer';
import { checkpointDocId } from '../../../server/audit/audit-checkpoint';
import { latestCheckpoint, linkAllScopes, linkAuditScope } from '../../../server/audit/audit-linker';
import { auditDocId, auditHash, GENESIS_HASH } from '../../../server/audit/audit-log';
import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { createKeyring } from '../../../server/adapters/crypto/ed25519.keyring';
import { manualClock } from '../../../server/ports/clock.port';
import type { Store } from '../../../server/ports/store.port';
import { gate, gated } from '../gated-store';
import { append, AUDIT_STORES, entry } from './audit-stores';

const signer = createEd25519Signer(generateEd25519KeyPem());
const keyring = createKeyring(signer);

/** Counts the transactions a store runs. */
function counting(store: Store): { store: Store; txs: () => number } {
  let n = 0;
  return { store: { ...store, runTransaction: (fn) => (n++, store.runTransaction(fn)) }, txs: () => n };
}

describe.each(AUDIT_STORES)('linkAuditScope on %s', (_name, make) => {
  let store: Store;
  let clock = manualClock('2026-05-01T08:00:05.000Z');
  beforeEach(() => {
    store = make();
    clock = manualClock('2026-05-01T08:00:05.000Z');
  });
  afterEach(() => store.close());

  describe('ordering', () => {
    it('links pending entries by instant, then append order, with the hash formula of the chain', async () => {
      await append(store, entry(3, 'e1', '2026-05-01T08:00:03.000Z'));
      await append(store, entry(1, 'e1', '2026-05-01T08:00:01.000Z'));
      await append(store, entry(2, 'e1', '2026-05-01T08:00:03.000Z'));
      const r = await linkAuditScope(store, 'e1', signer, clock);
      expect(r).toMatchObject({ scope: 'e1', linked: 3, head: { seq: 3 }, stoppedBy: null });
      const chain = await store.find('audit', { scope: 'e1' }, { orderBy: { field: 'seq', direction: 'asc' } });
      expect(chain.map((d) => d.subject)).toEqual(['voter-1', 'voter-3', 'voter-2']);
      const e1 = entry(1, 'e1', '2026-05-01T08:00:01.000Z');
      const h1 = auditHash(GENESIS_HASH, { ...e1, seq: 1 });
      expect(chain[0]).toMatchObject({ _id: auditDocId('e1', 1), seq: 1, prevHash: GENESIS_HASH, hash: h1 });
      expect(chain[1]).toMatchObject({ prevHash: h1 });
      expect(await store.count('auditPending', { scope: 'e1' })).toBe(0);
      expect(await store.get('auditHead', 'e1')).toMatchObject({ seq: 3, hash: r.head.hash, leaseOwner: null, leaseUntil: null });
      expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: true, length: 3, checkpoints: 1, pending: 0 });
    });

    it('keeps scopes apart and links every scope with pending entries', async () => {
      await append(store, entry(1, 'e1'));
      await append(store, entry(1, 'village:v1'));
      await append(store, entry(2, 'village:v1'));
      const { reports, failed } = await linkAllScopes(store, signer, clock);
      expect(failed).toEqual([]);
      expect(reports.map((r) => [r.scope, r.linked]).sort()).toEqual([['e1', 1], ['village:v1', 2]]);
      expect(await verifyAuditChain(store, 'village:v1', { keyring })).toMatchObject({ ok: true, length: 2 });
      expect(await verifyAuditChain(store, 'township', { keyring })).toEqual({ ok: true, length: 0, head: GENESIS_HASH, checkpoints: 0, pending: 0 });
    });

    it('continues an existing chain and head written before pending entries existed', async () => {
      const old = { scope: 'e1', action: 'old.step', actor: 'system', at: '2026-04-01T00:00:00.000Z' };
      const hash = auditHash(GENESIS_HASH, { ...old, seq: 1 });
      await store.set('audit', auditDocId('e1', 1), { ...old, seq: 1, prevHash: GENESIS_HASH, hash });
      await store.set('auditHead', 'e1', { scope: 'e1', seq: 1, hash, at: old.at });
      await append(store, entry(2));
      expect(await linkAuditScope(store, 'e1', signer, clock)).toMatchObject({ linked: 1, head: { seq: 2 } });
      expect(await store.get('audit', auditDocId('e1', 2))).toMatchObject({ prevHash: hash, subject: 'voter-2' });
      expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: true, length: 2 });
    });
  });

  describe('batching', () => {
    it('links in transactions of batchSize entries and stops at the budget, leaving the rest pending', async () => {
      for (let i = 1; i <= 7; i++) await append(store, entry(i));
      const c = counting(store);
      // acquire + 4 batches (2+2+2+1) + checkpoint-and-release
      expect(await linkAuditScope(c.store, 'e1', signer, clock, { batchSize: 2 })).toMatchObject({ linked: 7, stoppedBy: null });
      expect(c.txs()).toBe(6);
      for (let i = 8; i <= 12; i++) await append(store, entry(i));
      let t = 0;
      const r = await linkAuditScope(store, 'e1', signer, clock, { batchSize: 2, budgetMs: 10, elapsed: () => (t += 6) });
      expect(r).toMatchObject({ linked: 2, stoppedBy: 'budget', head: { seq: 9 } });
      expect(r.checkpoint).toMatchObject({ seq: 9, hash: r.head.hash });
      expect(await store.count('auditPending', { scope: 'e1' })).toBe(3);
      expect(await linkAuditScope(store, 'e1', signer, clock)).toMatchObject({ linked: 3, head: { seq: 12 } });
      expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: true, length: 12, checkpoints: 3 });
    });

    it('writes nothing when nothing is pending and the head is signed, and returns that checkpoint', async () => {
      await append(store, entry(1));
      const first = await linkAuditScope(store, 'e1', signer, clock);
      const c = counting(store);
      const again = await linkAuditScope(c.store, 'e1', signer, clock);
      expect(c.txs()).toBe(0);
      expect(again.checkpoint).toEqual(first.checkpoint);
      expect(await latestCheckpoint(store, 'e1')).toEqual(first.checkpoint);
      expect(await store.get('auditCheckpoint', checkpointDocId('e1', 1))).toMatchObject({ seq: 1, keyId: signer.keyId });
    });
  });

  describe('lease', () => {
    it('returns at once when another writer holds an unexpired lease, and takes over an expired one', async () => {
      await append(store, entry(1));
      await store.set('auditHead', 'e1', { scope: 'e1', seq: 0, hash: GENESIS_HASH, at: '2026-05-01T08:00:00.000Z', leaseOwner: 'crashed-writer', leaseUntil: '2026-05-01T08:01:00.000Z' });
      expect(await linkAuditScope(store, 'e1', signer, clock)).toMatchObject({ linked: 0, stoppedBy: 'leased', checkpoint: null });
      expect(await store.count('auditPending', { scope: 'e1' })).toBe(1);
      clock.set('2026-05-01T08:01:00.001Z');
      expect(await linkAuditScope(store, 'e1', signer, clock)).toMatchObject({ linked: 1, stoppedBy: null });
    });

    /** Writer A pauses at `pause` (after taking the lease), its lease runs out, B links everything, A wakes up. */
    async function pausedWriter(pauseAt: 'betweenCalls' | 'insideBatchTx') {
      for (let i = 1; i <= 4; i++) await append(store, entry(i));
      const g = gated(store);
      const hold = gate();
      let finds = 0;
      let headReads = 0;
      // betweenCalls: after A read its first page (the second auditPending query; the first is the fast path).
      if (pauseAt === 'betweenCalls') g.hooks.find = async (c) => void (c === 'auditPending' && ++finds === 2 && (await hold.stop()));
      // insideBatchTx: after A's first batch transaction read the head (the first read is the lease's).
      else g.hooks.txGet = async (c) => void (c === 'auditHead' && ++headReads === 2 && (await hold.stop()));
      const slow = linkAuditScope(g.store, 'e1', signer, clock, { leaseMs: 1_000, batchSize: 2 });
      await hold.reached;
      clock.advance(2_000);
      const fast = await linkAuditScope(store, 'e1', signer, clock);
      hold.release();
      const a = await slow;
      expect(fast).toMatchObject({ linked: 4, stoppedBy: null });
      expect(a).toMatchObject({ linked: 0, stoppedBy: 'leaseLost' });
      expect(await store.count('auditPending', { scope: 'e1' })).toBe(0);
      expect(await store.count('audit', { scope: 'e1' })).toBe(4);
      expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: true, length: 4 });
    }

    it('never forks when a writer paused past its lease between calls wakes up after another took over', async () => {
      await pausedWriter('betweenCalls');
    });

    if (_name.includes('CloudBase')) {
      // Only a store whose transactions run side by side can pause one inside a transaction.
      it('never forks when a writer paused inside its batch transaction commits after another took over', async () => {
        await pausedWriter('insideBatchTx');
      });
    }
  });

  describe('two linkers at once', () => {
    it('link every entry exactly once into one chain while appends keep coming', async () => {
      const appends = Array.from({ length: 30 }, (_, i) => append(store, entry(i, 'e1', `2026-05-01T08:00:${String(i % 60).padStart(2, '0')}.000Z`)));
      const linkers = Array.from({ length: 4 }, () => linkAuditScope(store, 'e1', signer, clock, { batchSize: 3 }));
      await Promise.all([...appends, ...linkers]);
      // Whatever was committed after a linker's last page waits for the next run.
      while ((await store.count('auditPending', { scope: 'e1' })) > 0) await linkAuditScope(store, 'e1', signer, clock, { batchSize: 3 });
      const chain = await store.find('audit', { scope: 'e1' }, { limit: 100, orderBy: { field: 'seq', direction: 'asc' } });
      expect(chain.map((d) => d.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(new Set(chain.map((d) => d.subject)).size).toBe(30);
      expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: true, length: 30, pending: 0 });
    });
  });
});
