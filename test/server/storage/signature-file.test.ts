/** Signatures in private storage: the strokes (hashed) and a drawing the committee's screens can show. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFolderStorage } from '../../../server/adapters/local/folder.storage';
import { signatureDigest, signatureImageUrl, signatureSvg, storeSignatureAt, storedSignatureDigest } from '../../../server/use-cases/shared/signature-file.records';

const SIG = { width: 300, height: 120, strokes: [[10, 10, 20, 20, 30, 25, 40, 30, 50, 32], [60, 60]] };

describe('signature files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cxt-sig-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('draws every stroke as a polyline and a single point as a dot, at the pad size', () => {
    const svg = signatureSvg(SIG);
    expect(svg).toContain('viewBox="0 0 300 120"');
    expect(svg).toContain('<polyline points="10,10 20,20 30,25 40,30 50,32"/>');
    expect(svg).toContain('<circle cx="60" cy="60"');
  });

  it('stores the strokes (their digest is the record) and the drawing beside them, served as a short-lived link', async () => {
    const storage = createFolderStorage(join(dir, 'files'), 'test-url-key', { now: () => new Date('2026-03-01T00:00:00Z') });
    const { fileId, digest } = await storeSignatureAt({ storage }, 'private/signatures/a/b.json', SIG);
    expect(digest).toBe(signatureDigest(SIG));
    expect(await storedSignatureDigest({ storage }, fileId)).toBe(digest);
    const url = await signatureImageUrl({ storage }, fileId, 600);
    const svgId = storage.fileOfToken(url.replace(/^\/files\//, ''));
    expect(svgId).toBe(fileId.replace(/\.json$/, '.svg'));
    expect((await storage.read(svgId!))!.toString('utf8')).toBe(signatureSvg(SIG));
  });

  it('refuses a path that is not a .json strokes file', async () => {
    const storage = createFolderStorage(join(dir, 'files'), 'test-url-key', { now: () => new Date() });
    await expect(storeSignatureAt({ storage }, 'private/x.svg', SIG)).rejects.toThrow('.json');
  });
});
