import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteFileStorage } from '../../../server/adapters/embedded/sqlite.storage';

const clock = { now: () => new Date('2026-03-01T00:00:00.000Z') };

describe('embedded file storage (SQLite, local host)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cxt-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores, replaces, reads and removes files by local:// id, and keeps them across a reopen', async () => {
    const file = join(dir, 'files.db');
    const storage = openSqliteFileStorage({ file, urlKey: 'url-key', clock });
    const id = await storage.put('signatures/v1/e1/a.json', Buffer.from('{"a":1}'));
    expect(id).toBe('local://signatures/v1/e1/a.json');
    await storage.put('signatures/v1/e1/a.json', Buffer.from('{"a":2}'));
    expect((await storage.read(id))?.toString()).toBe('{"a":2}');
    expect(await storage.read('local://signatures/v1/e1/none.json')).toBeNull();
    storage.close();
    const again = openSqliteFileStorage({ file, urlKey: 'url-key', clock });
    expect((await again.read(id))?.toString()).toBe('{"a":2}');
    await again.remove(id);
    await again.remove(id);
    expect(await again.read(id)).toBeNull();
    again.close();
  });

  it('refuses paths that leave the store or are not plain, and reads nothing for foreign ids', async () => {
    const storage = openSqliteFileStorage({ file: join(dir, 'files.db'), urlKey: 'url-key', clock });
    for (const bad of ['../outside.json', 'a//b.json', './a.json', '']) await expect(storage.put(bad, Buffer.from('x'))).rejects.toThrow(/bad path/);
    expect(await storage.read('cloud://env.bucket/a.json')).toBeNull();
    await expect(storage.url('cloud://env.bucket/a.json', 60)).rejects.toThrow(/not a local file id/);
    storage.close();
  });

  it('putAll writes every file or, when one path is bad, none', async () => {
    const storage = openSqliteFileStorage({ file: join(dir, 'files.db'), urlKey: 'url-key', clock });
    const ids = await storage.putAll([
      { path: 'signatures/v1/a.json', content: Buffer.from('{}') },
      { path: 'signatures/v1/a.svg', content: Buffer.from('<svg/>') },
    ]);
    expect(ids).toEqual(['local://signatures/v1/a.json', 'local://signatures/v1/a.svg']);
    expect((await storage.read(ids[1]!))?.toString()).toBe('<svg/>');
    await expect(
      storage.putAll([
        { path: 'signatures/v1/b.json', content: Buffer.from('{}') },
        { path: '../b.svg', content: Buffer.from('<svg/>') },
      ]),
    ).rejects.toThrow(/bad path/);
    expect(await storage.read('local://signatures/v1/b.json')).toBeNull();
    storage.close();
  });

  it('leaves no byte of a removed file on disk: database, its log and all', async () => {
    const file = join(dir, 'files.db');
    const storage = openSqliteFileStorage({ file, urlKey: 'url-key', clock });
    const secret = '身份证110101195001010011电话13712345678';
    await storage.put('signatures/v1/keep.json', Buffer.from('{"keep":true}'));
    const id = await storage.put('roll-imports/v1/sheet.csv', Buffer.from(`姓名,身份证\n${secret.repeat(2000)}`));
    await storage.remove(id);
    const onDisk = readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('utf8')).join('');
    expect(onDisk).not.toContain('110101195001010011');
    expect(onDisk).not.toContain('13712345678');
    expect((await storage.read('local://signatures/v1/keep.json'))?.toString()).toBe('{"keep":true}');
    storage.close();
  });

  it('keeps a 5 MB roll sheet byte for byte', async () => {
    const storage = openSqliteFileStorage({ file: join(dir, 'files.db'), urlKey: 'url-key', clock });
    const bytes = Buffer.alloc(5 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    const id = await storage.put('roll-imports/v1/sheet.xlsx', bytes);
    expect((await storage.read(id))!.equals(bytes)).toBe(true);
    storage.close();
  });

  it('still reads and removes the files an earlier version kept in DATA_DIR/files', async () => {
    const legacy = join(dir, 'files');
    mkdirSync(join(legacy, 'signatures/v1'), { recursive: true });
    writeFileSync(join(legacy, 'signatures/v1/old.json'), '{"old":true}');
    const storage = openSqliteFileStorage({ file: join(dir, 'files.db'), urlKey: 'url-key', clock, legacyFolder: legacy });
    expect((await storage.read('local://signatures/v1/old.json'))?.toString()).toBe('{"old":true}');
    await storage.put('signatures/v1/new.json', Buffer.from('{}'));
    expect(existsSync(join(legacy, 'signatures/v1/new.json'))).toBe(false);
    await storage.remove('local://signatures/v1/old.json');
    expect(existsSync(join(legacy, 'signatures/v1/old.json'))).toBe(false);
    expect(await storage.read('local://signatures/v1/old.json')).toBeNull();
    storage.close();
  });

  it('signs short-lived URLs that name the file until they expire, and no forged or altered token', async () => {
    let now = clock.now().getTime();
    const storage = openSqliteFileStorage({ file: join(dir, 'files.db'), urlKey: 'url-key', clock: { now: () => new Date(now) } });
    const id = await storage.put('signatures/v1/a.svg', Buffer.from('<svg/>'));
    const token = (await storage.url(id, 600)).replace(/^\/files\//, '');
    expect(storage.fileOfToken(token)).toBe(id);
    const [payload, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ f: 'local://signatures/v1/b.svg', e: now + 600_000 })).toString('base64url');
    expect(storage.fileOfToken(`${forged}.${mac}`)).toBeNull();
    expect(storage.fileOfToken(`${payload}.${mac}x`)).toBeNull();
    expect(openSqliteFileStorage({ file: ':memory:', urlKey: 'other-key', clock }).fileOfToken(token)).toBeNull();
    now += 601_000;
    expect(storage.fileOfToken(token)).toBeNull();
    storage.close();
  });
});
