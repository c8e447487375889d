/**
 * `npm run audit:verify` (scripts/audit-verify.ts main) on a data directory built by the real
 * local app and actions, then tampered with directly in the SQLite file, as someone holding the
 * database (not the signing key) would.
 */
import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../scripts/audit-verify';
import { auditDocId } from '../../../server/audit/audit-log';
import { ROUTES } from '../../../server/functions/routes';
import { DATABASE_FILE, openLocalApp } from '../../../server/local/local-app';
import { dispatch } from '../../../server/runtime/dispatch';
import { DEMO_OPENIDS, seedDemo } from '../../../server/seed/demo-seed';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

let pristine = '';
let electionId = '';
let length = 0;
let noticeSeq = 0;
let noticeId = '';

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'cxt-verify-'));
  roots.push(root);
  pristine = join(root, 'pristine');
  // The interval is off so the test decides when the chain writer runs; close() links the rest.
  const local = openLocalApp({ dataDir: pristine, env: { APP_MODE: 'dev' }, log: 'silent', auditLinkIntervalMs: null });
  const seeded = await seedDemo(local.app);
  electionId = seeded.electionId;
  const publish = async (title: string) => {
    const r = await dispatch('committee', ROUTES.committee!, { action: 'publishNotice', electionId, type: 'freeText', title, body: '请各位村民留意本村选举的有关安排。' }, { ...local.app, openid: DEMO_OPENIDS.committee, requestId: title });
    if (!r.ok) throw new Error(`publishNotice refused: ${r.code} ${r.reason ?? ''}`);
    return (r.data as { notice: { id: string } }).notice.id;
  };
  await publish('选举工作安排通知');
  // The notice whose checkpoint the cut below is checked against: it pins the first publication.
  noticeId = await publish('选举工作补充通知');
  await publish('选举工作第三次通知');
  await local.close();
  const db = new Database(join(pristine, DATABASE_FILE), { readonly: true });
  const row = db.prepare("SELECT data FROM docs WHERE collection = 'notice' AND id = ?").get(noticeId) as { data: string };
  noticeSeq = (JSON.parse(row.data) as { checkpoint: { seq: number } }).checkpoint.seq;
  length = (db.prepare("SELECT count(*) AS n FROM docs WHERE collection = 'audit' AND json_extract(data, '$.scope') = ?").get(electionId) as { n: number }).n;
  db.close();
}, 60_000);

/** A fresh copy of the pristine data dir, tampered with by `edit` on its SQLite file. */
function tampered(edit: (db: Database.Database) => void): string {
  const dir = join(roots[0]!, `copy-${Math.random().toString(36).slice(2)}`);
  cpSync(pristine, dir, { recursive: true });
  const db = new Database(join(dir, DATABASE_FILE));
  edit(db);
  db.close();
  return dir;
}

async function verify(dir: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(['--data-dir', dir], (l) => lines.push(l), {});
  return { code, lines };
}

const id = (seq: number) => auditDocId(electionId, seq);
const removeAudit = (db: Database.Database, from: number, to: number) => {
  for (let s = from; s <= to; s++) db.prepare("DELETE FROM docs WHERE collection = 'audit' AND id = ?").run(id(s));
};
const rewriteHead = (db: Database.Database, seq: number) => {
  const last = JSON.parse((db.prepare("SELECT data FROM docs WHERE collection = 'audit' AND id = ?").get(id(seq)) as { data: string }).data) as { hash: string };
  db.prepare("UPDATE docs SET data = json_set(data, '$.seq', ?, '$.hash', ?) WHERE collection = 'auditHead' AND id = ?").run(seq, last.hash, electionId);
};

describe('npm run audit:verify', () => {
  it('prints the public key and ok for every scope of an untouched store, exit 0', async () => {
    const { code, lines } = await verify(pristine);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^public key ed25519:[0-9a-f]{16} \(current\):/);
    expect(lines).toContain(`ok ${electionId}: ${length} entries, 4 checkpoints`);
    expect(noticeSeq).toBeGreaterThan(1);
    expect(noticeSeq).toBeLessThan(length);
  });

  it('names the record after a direct SQL edit of an entry', async () => {
    const dir = tampered((db) => db.prepare("UPDATE docs SET data = json_set(data, '$.actor', 'someone-else') WHERE collection = 'audit' AND id = ?").run(id(2)));
    const { code, lines } = await verify(dir);
    expect(code).toBe(1);
    expect(lines).toContain(`BROKEN ${electionId}: record audit/${id(2)} — content does not match its hash (edited)`);
  });

  it('names the record after a deletion of the last entries', async () => {
    const dir = tampered((db) => removeAudit(db, length - 1, length));
    const { code, lines } = await verify(dir);
    expect(code).toBe(1);
    expect(lines.find((l) => l.startsWith('BROKEN'))).toMatch(new RegExp(`^BROKEN ${electionId}: record audit/${id(length - 1)} — entries ${length - 1}–${length} are missing`));
  });

  it('catches a deletion of the last entries with the head rewritten, by the signed checkpoint', async () => {
    const dir = tampered((db) => {
      removeAudit(db, length - 1, length);
      rewriteHead(db, length - 2);
    });
    const { code, lines } = await verify(dir);
    expect(code).toBe(1);
    expect(lines.find((l) => l.startsWith('BROKEN'))).toMatch(new RegExp(`record audit/${id(length - 1)} — .*signed checkpoint auditCheckpoint/`));
  });

  it('catches a cut below a published notice even with every checkpoint document deleted, by the notice', async () => {
    const dir = tampered((db) => {
      removeAudit(db, noticeSeq, length);
      rewriteHead(db, noticeSeq - 1);
      db.prepare("DELETE FROM docs WHERE collection = 'auditCheckpoint'").run();
    });
    const { code, lines } = await verify(dir);
    expect(code).toBe(1);
    expect(lines.find((l) => l.startsWith('BROKEN'))).toMatch(new RegExp(`record audit/${id(noticeSeq)} — .*signed checkpoint notice/n_`));
  });

  it('names the record after a swapped pair', async () => {
    const dir = tampered((db) => {
      const get = (s: number) => (db.prepare("SELECT data FROM docs WHERE collection = 'audit' AND id = ?").get(id(s)) as { data: string }).data;
      const [a, b] = [get(3), get(4)];
      db.prepare("UPDATE docs SET data = ? WHERE collection = 'audit' AND id = ?").run(b, id(3));
      db.prepare("UPDATE docs SET data = ? WHERE collection = 'audit' AND id = ?").run(a, id(4));
    });
    const { code, lines } = await verify(dir);
    expect(code).toBe(1);
    // The walk goes by seq: entry 3 is found under the id of 4 (or 4 under 3's id, whichever comes first).
    expect(lines.find((l) => l.startsWith('BROKEN'))).toMatch(new RegExp(`^BROKEN ${electionId}: record audit/(${id(3)}|${id(4)}) — .*(wrong id|hash)`));
  });
});
