import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, FILES_DATABASE_FILE, SECRETS_FILE, openLocalApp } from '../../../server/local/local-app';
import { prepareData } from '../../../server/local/start';
import { DEMO_OPENIDS } from '../../../server/seed/demo-seed';

const modeOf = (p: string) => statSync(p).mode & 0o777;

describe('deployment hygiene of the local host', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cxt-deploy-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('production mode seeds no demo village and writes no personas file', async () => {
    const local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'production' }, log: 'silent', auditLinkIntervalMs: null });
    try {
      await prepareData(local);
      expect(existsSync(local.personasFile)).toBe(false);
      expect(await local.app.store.count('voter', {})).toBe(0);
      expect(await local.app.store.count('village', {})).toBe(0);
      expect(await local.app.store.get('meta', 'seed')).toBeNull();
    } finally {
      await local.close();
    }
  });

  it('keeps the data directory 0700 and both databases, their WALs and secrets 0600', async () => {
    const local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'production' }, log: 'silent', auditLinkIntervalMs: null });
    try {
      await local.app.store.set('meta', 'probe', { at: 'now' });
      await local.app.storage.put('signatures/v/e/p.json', Buffer.from('{}'));
      expect(modeOf(dir)).toBe(0o700);
      for (const f of [DATABASE_FILE, `${DATABASE_FILE}-wal`, FILES_DATABASE_FILE, `${FILES_DATABASE_FILE}-wal`, SECRETS_FILE]) expect([f, modeOf(join(dir, f))]).toEqual([f, 0o600]);
    } finally {
      await local.close();
    }
  });

  it('in dev mode, a configured TOWNSHIP_ADMIN_OPENIDS keeps the demo township persona and the seed works', async () => {
    const local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'dev', TOWNSHIP_ADMIN_OPENIDS: 'o-real-admin' }, log: 'silent', auditLinkIntervalMs: null });
    try {
      expect([...local.app.settings.townshipAdmins].sort()).toEqual([DEMO_OPENIDS.township, 'o-real-admin'].sort());
      const lines = await prepareData(local);
      expect(lines.join('\n')).toContain('已生成演示数据');
      expect(modeOf(local.personasFile)).toBe(0o600);
    } finally {
      await local.close();
    }
  });

  it('in production mode, only the configured administrators are township administrators', () => {
    const local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'production', TOWNSHIP_ADMIN_OPENIDS: 'o-real-admin' }, log: 'silent', auditLinkIntervalMs: null });
    try {
      expect([...local.app.settings.townshipAdmins]).toEqual(['o-real-admin']);
    } finally {
      void local.close();
    }
  });

  it('stops a roll import left idle past IMPORT_IDLE_HOURS and deletes its sheet (sweepImports, also run every minute)', async () => {
    let now = Date.parse('2026-03-01T02:00:00Z');
    const local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'production', IMPORT_IDLE_HOURS: '2' }, log: 'silent', auditLinkIntervalMs: null, clock: { now: () => new Date(now) } });
    try {
      const fileId = await local.app.storage.put('roll-imports/v1/ri-1.csv', Buffer.from('姓名,身份证号码\n'));
      const at = new Date(now).toISOString();
      await local.app.store.set('rollImport', 'ri-1', { electionId: 'e1', villageId: 'v1', fileName: 'a.csv', format: 'csv', total: 900, created: 500, updated: 0, unchanged: 0, rejected: 0, actor: 'a', at, status: 'running', fileId, encoding: null, headerRow: 1, ignoredColumns: [], nextRow: 500, batches: 1, warned: 0, rejectedByReason: {}, codesUntil: null, updatedAt: at });
      now += 2 * 3_600_000 - 1;
      expect(await local.sweepImports()).toEqual([]);
      now += 1;
      expect(await local.sweepImports()).toEqual(['ri-1']);
      expect(await local.app.storage.read(fileId)).toBeNull();
    } finally {
      await local.close();
    }
  });
});
