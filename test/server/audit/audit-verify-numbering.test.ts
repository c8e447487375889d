/**
 * A deleted proof is named (docs/decisions/0001-audit-chain.md): numbered checkpoints, the head's
 * last checkpoint, notices' copies against the stored checkpoints, publications against their
 * notices — and a store linked before numbering existed still verifies and continues.
 */
import { createKeyring } from '../../../server/adapters/crypto/ed25519.keyring';
import { createEd25519Signer, generateEd25519KeyPem } from '../../../server/adapters/crypto/ed25519.signer';
import { checkpointDocId } from '../../../server/audit/audit-checkpoint';
import { linkAuditScope } from '../../../server/audit/audit-linker';
import { verifyAuditChain, verifyAuditStore } from '../../../server/audit/audit-verify';
import { fixedClock } from '../../../server/ports/clock.port';
import type { DocData, Store } from '../../../server/ports/store.port';
import { CLERK, describeEachStore, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';
import { append, AUDIT_STORES, entry } from './audit-stores';

const signer = createEd25519Signer(generateEd25519KeyPem());
const keyring = createKeyring(signer);
const clock = fixedClock('2026-05-01T08:00:05.000Z');
const cpRec = (seq: number) => `auditCheckpoint/${checkpointDocId('e1', seq)}`;
const strip = (doc: DocData | null, ...keys: string[]): DocData => Object.fromEntries(Object.entries(doc ?? {}).filter(([k]) => k !== '_id' && !keys.includes(k)));

/** Three link runs: checkpoints at seq 2, 4 and 6, numbered 1–3. */
async function threeCheckpoints(store: Store): Promise<void> {
  for (let i = 1; i <= 6; i++) {
    await append(store, entry(i));
    if (i % 2 === 0) await linkAuditScope(store, 'e1', signer, clock);
  }
}

/** What the linker wrote before numbering existed: checkpoints and a head without it. */
async function asLinkedBeforeNumbering(store: Store): Promise<void> {
  for (const cp of await store.find('auditCheckpoint', { scope: 'e1' }, { limit: 100 })) {
    await store.set('auditCheckpoint', cp._id, strip(cp, 'n', 'prevSeq', 'linkSignature'));
  }
  await store.set('auditHead', 'e1', strip(await store.get('auditHead', 'e1'), 'lastCheckpoint'));
}

describe.each(AUDIT_STORES)('checkpoint numbering on %s', (_name, make) => {
  let store: Store;
  beforeEach(async () => {
    store = make();
    await threeCheckpoints(store);
  });
  afterEach(() => store.close());

  it('numbers checkpoints 1, 2, 3, each naming the one before, and the head records the last', async () => {
    const cps = await store.find('auditCheckpoint', { scope: 'e1' }, { limit: 10, orderBy: { field: '_id', direction: 'asc' } });
    expect(cps.map((c) => [c.n, c.prevSeq, c.seq])).toEqual([[1, 0, 2], [2, 2, 4], [3, 4, 6]]);
    expect(await store.get('auditHead', 'e1')).toMatchObject({ seq: 6, lastCheckpoint: { n: 3, seq: 6 } });
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: true, length: 6, checkpoints: 3 });
  });

  it.each([2, 4, 6])('names a deleted checkpoint (at %i)', async (seq) => {
    await store.remove('auditCheckpoint', checkpointDocId('e1', seq));
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, brokenAtSeq: seq, record: cpRec(seq), why: expect.stringMatching(/missing \(deleted\)/) });
  });

  it('names the head when its record of the last checkpoint is edited or removed', async () => {
    const head = strip(await store.get('auditHead', 'e1'));
    for (const lastCheckpoint of [{ n: 4, seq: 6 }, { n: 3, seq: 5 }, { n: 2, seq: 6 }, null]) {
      await store.set('auditHead', 'e1', { ...head, lastCheckpoint });
      expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, record: 'auditHead/e1', why: expect.stringMatching(/checkpoint/) });
    }
  });

  it('names a checkpoint whose numbering was edited (the link signature) or stripped', async () => {
    const cp = strip(await store.get('auditCheckpoint', checkpointDocId('e1', 4)));
    await store.set('auditCheckpoint', checkpointDocId('e1', 4), { ...cp, prevSeq: 0 });
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, record: cpRec(4), why: expect.stringMatching(/numbering signature/) });
    await store.set('auditCheckpoint', checkpointDocId('e1', 4), strip(cp, 'n'));
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, record: cpRec(4), why: expect.stringMatching(/incomplete/) });
    // Without a keyring, signatures are not checked: the sequence alone still names it.
    await store.set('auditCheckpoint', checkpointDocId('e1', 4), strip(cp, 'n', 'prevSeq', 'linkSignature'));
    expect(await verifyAuditChain(store, 'e1')).toMatchObject({ ok: false, record: cpRec(4), why: expect.stringMatching(/no number/) });
  });
});

describe.each(AUDIT_STORES)('a store linked before checkpoints were numbered, on %s', (_name, make) => {
  let store: Store;
  beforeEach(async () => {
    store = make();
    await threeCheckpoints(store);
    await asLinkedBeforeNumbering(store);
  });
  afterEach(() => store.close());

  it('still verifies as it is', async () => {
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: true, length: 6, checkpoints: 3 });
  });

  it('accepts a notice without a copy published before any checkpoint was signed, not one published after', async () => {
    const publication = (subject: string, at: string) => ({ ...entry(0), action: 'committee.publishNotice', subject, at });
    await store.set('notice', 'n_old', { electionId: 'e1', title: '早先的通知' });
    await append(store, publication('n_old', '2026-05-01T07:00:00.000Z'));
    await linkAuditScope(store, 'e1', signer, clock);
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: true, length: 7 });
    await store.set('notice', 'n_new', { electionId: 'e1', title: '后来的通知' });
    await append(store, publication('n_new', '2026-05-01T09:00:00.000Z'));
    await linkAuditScope(store, 'e1', signer, clock);
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, record: 'notice/n_new', why: expect.stringMatching(/carries no checkpoint/) });
  });

  it('continues: the first numbered checkpoint names the newest unnumbered one, and the store verifies', async () => {
    await append(store, entry(7));
    await linkAuditScope(store, 'e1', signer, clock);
    expect(await store.get('auditCheckpoint', checkpointDocId('e1', 7))).toMatchObject({ n: 1, prevSeq: 6 });
    expect(await store.get('auditHead', 'e1')).toMatchObject({ seq: 7, lastCheckpoint: { n: 1, seq: 7 } });
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: true, length: 7, checkpoints: 4 });
    // The newest unnumbered checkpoint is now named when deleted; the ones before it are not (decision 0001).
    await store.remove('auditCheckpoint', checkpointDocId('e1', 6));
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, record: cpRec(6), why: expect.stringMatching(/missing \(deleted\)/) });
  });
});

describeEachStore('notices against the checkpoints they carry', (kind) => {
  let t: TestApp;
  let f: VillageFixture;
  let noticeId: string;
  const verify = async () => (await verifyAuditStore(t.app.store, createKeyring(t.app.signer))).find((r) => r.scope === f.electionId)!.result;
  const noticeDoc = async () => strip(await t.app.store.get('notice', noticeId));

  beforeEach(async () => {
    t = makeTestApp({ store: kind, latency: { latencyMs: 1, jitterMs: 1 } });
    f = await villageWithElection(t);
    await t.linkAudit();
    // The chain writer signed the election's entries; the notice is published a minute later.
    t.setNow('2026-03-01T02:01:00.000Z');
    const r = await t.ok<{ notice: { id: string } }>('committee', { action: 'publishNotice', electionId: f.electionId, type: 'freeText', title: '召开选民会议的通知', body: '定于3月5日召开选民会议。' }, CLERK);
    noticeId = r.notice.id;
    await t.linkAudit();
  });
  afterEach(() => t.close());

  it('verifies untouched', async () => {
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('names a notice whose checkpoint copy was removed or set to null', async () => {
    const doc = await noticeDoc();
    await t.app.store.set('notice', noticeId, strip(doc, 'checkpoint'));
    expect(await verify()).toMatchObject({ ok: false, record: `notice/${noticeId}`, why: expect.stringMatching(/carries no checkpoint/) });
    await t.app.store.set('notice', noticeId, { ...doc, checkpoint: null });
    expect(await verify()).toMatchObject({ ok: false, record: `notice/${noticeId}` });
  });

  it('names a notice whose copy lost a numbering field, and a deleted notice', async () => {
    const doc = await noticeDoc();
    const cp = doc.checkpoint as Record<string, unknown>;
    expect(cp).toMatchObject({ n: expect.any(Number), prevSeq: expect.any(Number) });
    await t.app.store.set('notice', noticeId, { ...doc, checkpoint: strip(cp, 'n', 'prevSeq', 'linkSignature') });
    expect(await verify()).toMatchObject({ ok: false, record: `notice/${noticeId}`, why: expect.stringMatching(/differs from the stored one in n, prevSeq, linkSignature/) });
    await t.app.store.remove('notice', noticeId);
    expect(await verify()).toMatchObject({ ok: false, record: `notice/${noticeId}`, why: expect.stringMatching(/notice is missing/) });
  });

  it('names the stored checkpoint a notice carries when it is deleted', async () => {
    const cp = (await noticeDoc()).checkpoint as { seq: number };
    await t.app.store.remove('auditCheckpoint', checkpointDocId(f.electionId, cp.seq));
    expect(await verify()).toMatchObject({ ok: false, record: `auditCheckpoint/${checkpointDocId(f.electionId, cp.seq)}`, why: expect.stringMatching(/missing \(deleted\)/) });
  });
});
