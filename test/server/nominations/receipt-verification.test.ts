/**
 * Receipts: verifyReceipt for anyone, failing for any edited record (names, time, channel, the
 * signature strokes file); the Merkle inclusion after close; the offline verifier with only the
 * public key.
 */
import { pathOfFileId } from '../../../server/ports/storage.port';
import { createPublicKey } from 'node:crypto';
import { checkReceipt } from '../../../scripts/receipt-verify';
import { verifyInclusion } from '../../../server/audit/merkle-tree';
import { buildChunkedTree, inclusionPath } from '../../../server/audit/merkle-tree';
import { makeTestApp, type TestApp } from '../harness';
import { afterWindow, close, intoWindow, nominationVillage, submit, type NominationVillage } from './nomination-fixture';

type Verify = { valid: boolean; problem: string | null; covers: { postsNamed: { label: string; count: number }[] } | null; inclusion: { root: string; index: number; path: string[] } | null; receipt: Record<string, string> | null };

describe('nomination receipts', () => {
  let t: TestApp;
  let v: NominationVillage;
  let code: string;
  const ballotId = () => `${v.electionId}:${v.people[0]!.id}`;
  const verify = (c = code) => t.ok<Verify>('nominations', { action: 'verifyReceipt', code: c });
  beforeEach(async () => {
    t = makeTestApp();
    v = await nominationVillage(t, 8);
    intoWindow(t, v);
    const r = await submit(t, v, 0, { director: [v.people[1]!.id], member: [v.people[2]!.id, v.people[3]!.id] });
    if (!r.ok) throw new Error('submit failed');
    code = r.data.receipt.code;
  });
  afterEach(() => t.close());

  it('confirms a receipt typed in lower case, with what it covers and no names', async () => {
    const r = await verify(code.toLowerCase().replace(/-/g, ' '));
    expect(r).toMatchObject({ valid: true, covers: { postsNamed: [{ label: '主任', count: 1 }, { label: '委员', count: 2 }] }, inclusion: null });
    expect(JSON.stringify(r)).not.toContain(v.people[1]!.doc.name);
  });

  it('refuses an unknown code', async () => {
    expect(await t.call('nominations', { action: 'verifyReceipt', code: 'ZZZZ-ZZZZ-ZZZZ' })).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'NO_SUCH_RECEIPT' });
  });

  it.each([
    ['a name', { names: { director: [`p_forged`] } }],
    ['the time', { submittedAt: '2026-01-01T00:00:00.000Z' }],
    ['the channel', { channel: 'paper' }],
    ['the stored hash', { hash: 'f'.repeat(64) }],
  ])('fails when %s of the stored ballot is edited', async (_what, patch) => {
    await t.app.store.update('nomination', ballotId(), patch);
    expect(await verify()).toMatchObject({ valid: false, problem: expect.any(String) });
  });

  it('fails when the signature strokes file is edited', async () => {
    const ballot = await t.app.store.get('nomination', ballotId());
    const fileId = (ballot!.signature as { fileId: string }).fileId;
    const path = pathOfFileId(fileId);
    expect(path).not.toBeNull();
    // Overwrite the private file in place, as someone with access to the bucket could.
    await t.app.storage.put(path!, Buffer.from('{"height":200,"strokes":[[1,2,3,4]],"width":300}'));
    expect(await t.app.storage.read(fileId)).not.toBeNull();
    expect(await verify()).toMatchObject({ valid: false, problem: expect.stringContaining('签名') });
  });

  it('proves inclusion after close against the root, checkable offline with only the public key', async () => {
    for (let i = 3; i < 8; i++) await submit(t, v, i, { director: [v.people[1]!.id] });
    afterWindow(t, v);
    const closed = await close(t, v);
    expect(closed.ok).toBe(true);
    const r = await verify();
    expect(r.valid).toBe(true);
    expect(verifyInclusion(r.receipt!.hash!, r.inclusion!.path, r.inclusion!.root)).toBe(true);
    const pem = createPublicKey(t.app.signer.publicKeyPem).export({ type: 'spki', format: 'pem' }).toString();
    expect(checkReceipt(JSON.stringify(r), pem, r.inclusion!.root)).toMatchObject({ ok: true });
    expect(checkReceipt(JSON.stringify(r), pem, '0'.repeat(64)).ok).toBe(false);
    const forged = { ...r, receipt: { ...r.receipt, hash: 'a'.repeat(64) } };
    expect(checkReceipt(JSON.stringify(forged), pem).ok).toBe(false);
    // The CLI flags an edited ballot too: the recomputed hash no longer carries the signature.
    await t.app.store.update('nomination', ballotId(), { names: { director: [v.people[2]!.id] } });
    expect(await verify()).toMatchObject({ valid: false });
  });
});

describe('Merkle tree in chunks', () => {
  it('gives every leaf a path to the same root across chunk boundaries', () => {
    const hashes = Array.from({ length: 37 }, (_, i) => i.toString(16).padStart(64, '0'));
    const tree = buildChunkedTree(hashes, 8);
    for (const [ci, chunk] of tree.chunks.entries()) {
      for (const h of chunk) {
        const p = inclusionPath(h, chunk, ci, 8, tree.chunkRoots)!;
        expect(verifyInclusion(h, p.path, tree.root)).toBe(true);
      }
    }
    expect(buildChunkedTree(hashes, 64).root).toBe(tree.root);
    expect(verifyInclusion('f'.repeat(64), inclusionPath(hashes[0]!, tree.chunks[0]!, 0, 8, tree.chunkRoots)!.path, tree.root)).toBe(false);
  });
});
