/**
 * `npm run audit:verify` names a nomination ballot edited in the database (issue 8): the chain
 * still verifies, but the ballot no longer hashes to what its audit entry recorded.
 */
import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../scripts/audit-verify';
import { DATABASE_FILE, openLocalApp } from '../../../server/local/local-app';
import { seedDemo } from '../../../server/seed/demo-seed';

let root = '';
let pristine = '';
let ballotId = '';
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cxt-verify-ballots-'));
  pristine = join(root, 'pristine');
  const local = openLocalApp({ dataDir: pristine, env: { APP_MODE: 'dev' }, log: 'silent', auditLinkIntervalMs: null });
  await seedDemo(local.app, { phase: 'nomination' });
  await local.close();
  const db = new Database(join(pristine, DATABASE_FILE), { readonly: true });
  ballotId = (db.prepare("SELECT id FROM docs WHERE collection = 'nomination' ORDER BY id LIMIT 1").get() as { id: string }).id;
  db.close();
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function verify(dir: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(['--data-dir', dir], (l) => lines.push(l), {});
  return { code, lines };
}

function copyWith(edit: (db: Database.Database) => void): string {
  const dir = join(root, `copy-${Math.random().toString(36).slice(2)}`);
  cpSync(pristine, dir, { recursive: true });
  const db = new Database(join(dir, DATABASE_FILE));
  edit(db);
  db.close();
  return dir;
}

describe('audit:verify and the nomination ballots', () => {
  it('reports ok on the seeded nomination store, ballots included', async () => {
    expect(ballotId).not.toBe('');
    const r = await verify(pristine);
    expect(r.lines.filter((l) => l.startsWith('BROKEN'))).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('names a ballot whose nominees were changed in the database', async () => {
    const dir = copyWith((db) => {
      const row = db.prepare("SELECT data FROM docs WHERE collection = 'nomination' AND id = ?").get(ballotId) as { data: string };
      const doc = JSON.parse(row.data) as { names: Record<string, string[]> };
      const [post] = Object.keys(doc.names).filter((p) => (doc.names[p] ?? []).length > 0);
      doc.names[post!] = ['someone-else'];
      db.prepare("UPDATE docs SET data = ? WHERE collection = 'nomination' AND id = ?").run(JSON.stringify(doc), ballotId);
    });
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(r.lines).toContain(`BROKEN ballots: record nomination/${ballotId} — ballot content does not match the hash recorded in the audit log`);
  });

  it('names a ballot turned invalid, or whose hash was rewritten to match', async () => {
    const dir = copyWith((db) => {
      const row = db.prepare("SELECT data FROM docs WHERE collection = 'nomination' AND id = ?").get(ballotId) as { data: string };
      const doc = JSON.parse(row.data) as { valid: boolean; hash: string };
      doc.valid = !doc.valid;
      doc.hash = 'f'.repeat(64);
      db.prepare("UPDATE docs SET data = ? WHERE collection = 'nomination' AND id = ?").run(JSON.stringify(doc), ballotId);
    });
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(r.lines.some((l) => l.startsWith(`BROKEN ballots: record nomination/${ballotId}`))).toBe(true);
  });
});
