import { createKeyring, parseRetiredKeys } from '../../../server/adapters/crypto/ed25519.keyring';
import { createEd25519Signer, generateEd25519KeyPem } from '../../../server/adapters/crypto/ed25519.signer';
import { checkpointDocId } from '../../../server/audit/audit-checkpoint';
import { linkAuditScope } from '../../../server/audit/audit-linker';
import { appendAudit, auditDocId, auditHash } from '../../../server/audit/audit-log';
import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { fixedClock } from '../../../server/ports/clock.port';
import type { Store } from '../../../server/ports/store.port';
import { append, AUDIT_STORES, entry, sqliteStore } from './audit-stores';

const oldSigner = createEd25519Signer(generateEd25519KeyPem());
const signer = createEd25519Signer(generateEd25519KeyPem());
const keyring = createKeyring(signer, [oldSigner.publicKeyPem]);
const clock = fixedClock('2026-05-01T08:00:05.000Z');

describe.each(AUDIT_STORES)('verifyAuditChain on %s', (_name, make) => {
  let store: Store;
  beforeEach(async () => {
    store = make();
    for (let i = 1; i <= 5; i++) await append(store, entry(i));
    await linkAuditScope(store, 'e1', signer, clock);
  });
  afterEach(() => store.close());
  const entryDoc = async (seq: number): Promise<Record<string, unknown>> => {
    const doc = await store.get('audit', auditDocId('e1', seq));
    if (!doc) throw new Error('missing');
    return Object.fromEntries(Object.entries(doc).filter(([k]) => k !== '_id'));
  };
  const rec = (seq: number) => `audit/${auditDocId('e1', seq)}`;

  it('accepts the linked chain with its checkpoint', async () => {
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: true, length: 5, checkpoints: 1, pending: 0 });
  });

  it('reports an edited entry by its record', async () => {
    await store.set('audit', auditDocId('e1', 3), { ...(await entryDoc(3)), data: { n: 3, note: '改过' } });
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, brokenAtSeq: 3, record: rec(3), why: expect.stringMatching(/hash/) });
  });

  it('reports an entry whose hash was rewritten to match an edit (the next link breaks)', async () => {
    const doc = await entryDoc(2);
    const body = Object.fromEntries(Object.entries(doc).filter(([k]) => k !== 'prevHash' && k !== 'hash'));
    body.actor = 'someone-else';
    await store.set('audit', auditDocId('e1', 2), { ...body, prevHash: doc.prevHash, hash: auditHash(String(doc.prevHash), body) });
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, brokenAtSeq: 3, record: rec(3), why: expect.stringMatching(/prevHash/) });
  });

  it('reports a deleted entry in the middle', async () => {
    await store.remove('audit', auditDocId('e1', 2));
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, brokenAtSeq: 2, record: rec(2), why: expect.stringMatching(/missing/) });
  });

  it('reports an inserted entry', async () => {
    await store.set('audit', 'e1:0000000002x', { ...(await entryDoc(2)) });
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, brokenAtSeq: 2, why: expect.stringMatching(/second entry|wrong id/) });
  });

  it('reports a swapped pair', async () => {
    const [a, b] = [await entryDoc(2), await entryDoc(3)];
    await store.set('audit', auditDocId('e1', 2), { ...b, seq: 2 });
    await store.set('audit', auditDocId('e1', 3), { ...a, seq: 3 });
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, brokenAtSeq: 2, record: rec(2) });
  });

  it('reports a cut tail against the head', async () => {
    await store.remove('audit', auditDocId('e1', 5));
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, brokenAtSeq: 5, record: rec(5), why: expect.stringMatching(/missing/) });
  });

  it('reports a cut tail whose head was rewritten, against the signed checkpoint', async () => {
    await store.remove('audit', auditDocId('e1', 5));
    await store.remove('audit', auditDocId('e1', 4));
    const last = await entryDoc(3);
    await store.set('auditHead', 'e1', { scope: 'e1', seq: 3, hash: last.hash, at: last.at });
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, brokenAtSeq: 4, record: rec(4), why: expect.stringMatching(/missing.*signed checkpoint/) });
  });

  it('reports a forged checkpoint and one by a key outside the keyring', async () => {
    const cp = await store.get('auditCheckpoint', checkpointDocId('e1', 5));
    const { _id: _ignored, ...signed } = cp ?? {};
    await store.set('auditCheckpoint', checkpointDocId('e1', 5), { ...signed, at: '2030-01-01T00:00:00.000Z' });
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, record: `auditCheckpoint/${checkpointDocId('e1', 5)}`, why: expect.stringMatching(/signature/) });
    const stranger = createEd25519Signer(generateEd25519KeyPem());
    await store.remove('auditCheckpoint', checkpointDocId('e1', 5));
    await append(store, entry(6));
    await linkAuditScope(store, 'e1', stranger, clock);
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, why: expect.stringMatching(/not in the keyring/) });
  });

  it('reports a head that was moved or lost', async () => {
    await store.update('auditHead', 'e1', { hash: 'a'.repeat(64) });
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, brokenAtSeq: 5, record: 'auditHead/e1', why: expect.stringMatching(/head/) });
    await store.remove('auditHead', 'e1');
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: false, why: expect.stringMatching(/head is missing/) });
  });

  it('counts pending entries without calling them broken', async () => {
    await append(store, entry(6));
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: true, length: 5, pending: 1 });
  });
});

describe('keyring rotation', () => {
  it('still verifies checkpoints signed by a retired key, and refuses them once the key is dropped', async () => {
    const store = sqliteStore();
    await append(store, entry(1));
    await linkAuditScope(store, 'e1', oldSigner, clock);
    await append(store, entry(2));
    await linkAuditScope(store, 'e1', signer, clock);
    expect(await verifyAuditChain(store, 'e1', { keyring })).toMatchObject({ ok: true, length: 2, checkpoints: 2 });
    expect(await verifyAuditChain(store, 'e1', { keyring: createKeyring(signer) })).toMatchObject({ ok: false, brokenAtSeq: 1, why: expect.stringMatching(/not in the keyring/) });
    await store.close();
  });

  it('parses SIGNING_KEYRING as an array of PEMs or an object by key id, refusing a mislabelled key', () => {
    expect(parseRetiredKeys(JSON.stringify([oldSigner.publicKeyPem]))).toEqual([oldSigner.publicKeyPem]);
    expect(parseRetiredKeys(JSON.stringify({ [oldSigner.keyId]: oldSigner.publicKeyPem }))).toEqual([oldSigner.publicKeyPem]);
    expect(() => parseRetiredKeys(JSON.stringify({ [signer.keyId]: oldSigner.publicKeyPem }))).toThrow(/不符/);
    expect(() => parseRetiredKeys('not json')).toThrow(/JSON/);
    expect(parseRetiredKeys(undefined)).toEqual([]);
  });
});

describe('verifyAuditChain paging', () => {
  it('verifies a chain longer than one page of 1,000', async () => {
    const store = sqliteStore();
    await store.runTransaction(async (tx) => {
      for (let i = 1; i <= 1005; i++) await appendAudit(tx, entry(i, 'long'));
    });
    await linkAuditScope(store, 'long', signer, clock, { batchSize: 500 });
    expect(await verifyAuditChain(store, 'long', { keyring })).toMatchObject({ ok: true, length: 1005 });
    await store.remove('audit', auditDocId('long', 1003));
    expect(await verifyAuditChain(store, 'long', { keyring })).toMatchObject({ ok: false, brokenAtSeq: 1003 });
    await store.close();
  });
});
