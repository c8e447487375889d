import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFolderStorage } from '../../../server/adapters/local/folder.storage';

describe('folder storage (local host)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cxt-folder-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes files into folders it makes, and makes a folder again when it was removed since', async () => {
    const storage = createFolderStorage(root, 'url-key', { now: () => new Date('2026-03-01T00:00:00.000Z') });
    const first = await storage.put('signatures/v1/e1/a.json', Buffer.from('{"a":1}'));
    expect((await storage.read(first))?.toString()).toBe('{"a":1}');
    rmSync(join(root, 'signatures'), { recursive: true, force: true });
    const second = await storage.put('signatures/v1/e1/b.json', Buffer.from('{"b":2}'));
    expect(readFileSync(join(root, 'signatures/v1/e1/b.json'), 'utf8')).toBe('{"b":2}');
    expect(await storage.read(second)).not.toBeNull();
    await expect(storage.put('../outside.json', Buffer.from('x'))).rejects.toThrow(/bad path/);
  });
});
