/**
 * Each cloud-function folder must upload on its own (WeChat uploads every first-level folder of
 * cloudfunctions/ alone): the generated index.js inlines the shared code and requires only
 * wx-server-sdk and Node built-ins.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildFunctions, checkFolder, functionFolders } from '../../scripts/build-functions';

const ROOT = resolve(__dirname, '../..');

describe('cloud function bundles', () => {
  let built: { name: string; bytes: number }[];
  beforeAll(async () => {
    built = await buildFunctions();
  }, 60_000);

  it('bundles every folder, each standing alone', () => {
    expect(built.map((b) => b.name).sort()).toEqual(functionFolders().sort());
    expect(built.map((b) => b.name)).toEqual(expect.arrayContaining(['identity', 'township', 'committee', 'registration']));
    for (const b of built) expect(checkFolder(b.name)).toEqual([]);
  });

  it('makes the whole bundle strict with one directive at the top (none repeated per lazily loaded module)', () => {
    for (const b of built) {
      const code = readFileSync(join(ROOT, 'cloudfunctions', b.name, 'index.js'), 'utf8');
      expect([b.name, code.split('\n')[1]]).toEqual([b.name, '"use strict";']);
      expect([b.name, code.match(/["']use strict["']/g)?.length]).toEqual([b.name, 1]);
    }
  });

  it('flags a bundle that still requires ../ or a package that is not uploaded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxt-fn-'));
    writeFileSync(join(dir, 'index.js'), 'const a = require("../../server/x"); const b = require("zod"); const c = require("node:crypto");');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ main: 'index.js', dependencies: { 'wx-server-sdk': '~4', zod: '4' } }));
    const problems = checkFolder('broken', dir);
    expect(problems).toEqual([
      'broken: bundle still requires ../../server/x',
      'broken: bundle requires zod, which is not uploaded',
      'broken: package.json depends on wx-server-sdk, zod; only wx-server-sdk is allowed',
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads from a copy of the folder with only wx-server-sdk installed, and fails closed without secrets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxt-upload-'));
    cpSync(join(ROOT, 'cloudfunctions/identity'), dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(ROOT, 'node_modules/wx-server-sdk'), join(dir, 'node_modules/wx-server-sdk'));
    const saved = process.env.ID_HMAC_KEY;
    delete process.env.ID_HMAC_KEY;
    const mod = jest.requireActual(join(dir, 'index.js')) as { main: (e: unknown, c?: unknown) => Promise<unknown> };
    const reply = await mod.main({ action: 'whoami' }, { request_id: 'r-1' });
    expect(reply).toMatchObject({ ok: false, code: 'INTERNAL', requestId: 'r-1' });
    if (saved !== undefined) process.env.ID_HMAC_KEY = saved;
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});
