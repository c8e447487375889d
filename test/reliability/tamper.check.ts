/**
 * tamper: a data directory seeded by the real local app (the demo village, then notices that the
 * audit chain records and checkpoints), then random single-field edits and whole-record deletions
 * made directly in its SQLite file — as someone holding the database but not the signing key
 * would — each checked by `npm run audit:verify` (scripts/audit-verify.ts main) and undone.
 * Detected = exit code 1; named = a BROKEN line names the edited record.
 *
 * Targets are the records the verifier protects: chain entries, chain heads (seq, hash and the
 * last checkpoint they record), signed checkpoints (deletions included: numbering and the head
 * name them), the checkpoint printed on each notice (removal included: the publication entry
 * names the notice), and nomination ballots. A head's lease fields are the chain writer's
 * bookkeeping, not a claim about the chain (docs/reliability.md), and are not edited.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as auditVerify } from '../../scripts/audit-verify';
import { ROUTES } from '../../server/functions/routes';
import { DATABASE_FILE, openLocalApp } from '../../server/local/local-app';
import { dispatch } from '../../server/runtime/dispatch';
import { DEMO_OPENIDS, seedDemo } from '../../server/seed/demo-seed';
import { mulberry32, type Rng } from './fuzz-events';
import type { CheckResult, Profile } from './profile';
import type { PiiLedger } from './pii-scan';
import { scanFiles } from './scan-files';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Row = { collection: string; id: string; data: string };

async function seeded(dir: string): Promise<void> {
  const local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'dev' }, log: 'silent', auditLinkIntervalMs: null });
  const { electionId } = await seedDemo(local.app);
  // The host's linker signs the seeded entries within a second, before anything is published.
  await local.linkAudit();
  for (const title of Array.from({ length: 12 }, (_, i) => `选举工作第${'一二三四五六七八九十'[i % 10]}${i >= 10 ? '补' : ''}号通知`)) {
    const event = { action: 'publishNotice', electionId, type: 'freeText', title, body: '请各位村民留意本村选举的有关安排。' };
    const r = await dispatch('committee', ROUTES.committee!, event, { ...local.app, openid: DEMO_OPENIDS.committee, requestId: title });
    if (!r.ok) throw new Error(`publishNotice refused: ${r.code} ${r.reason ?? ''}`);
    await local.linkAudit();
  }
  await local.close();
}

function leaves(v: Json, path: string[], out: string[][]): void {
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
    if (path.length) out.push(path);
  } else out.push(path);
}

const get = (v: Json, path: string[]): Json => path.reduce<Json>((n, k) => (n as Record<string, Json>)[k]!, v);

/** Changes one field (never to an equal value) or removes it; returns a description. */
function editOne(data: Json, rng: Rng, under: string[] = []): { data: Json; what: string } {
  const paths: string[][] = [];
  leaves(get(data, under), under, paths);
  const path = paths[rng.int(paths.length)]!;
  const copy = structuredClone(data) as Record<string, Json>;
  const parent = get(copy, path.slice(0, -1)) as Record<string, Json>;
  const key = path[path.length - 1]!;
  const old = parent[key]!;
  const what = path.join('.');
  if (rng.int(5) === 0) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
    return { data: copy, what: `removed ${what}` };
  }
  if (typeof old === 'string') {
    const i = rng.int(Math.max(old.length, 1));
    const c = old[i] === 'a' ? 'b' : 'a';
    parent[key] = old.slice(0, i) + c + old.slice(i + 1);
  } else if (typeof old === 'number') parent[key] = old + (rng.int(2) ? 1 : -1);
  else if (typeof old === 'boolean') parent[key] = !old;
  else if (old === null) parent[key] = 'x';
  else parent[key] = Array.isArray(old) ? [] : {};
  return { data: copy, what: `edited ${what}` };
}

const TARGETS = ['audit', 'auditHead', 'auditCheckpoint', 'notice', 'nomination'] as const;
/**
 * Where a record's protected content sits when not the whole record: a notice pins only its
 * checkpoint; a head's seq, hash and last checkpoint are the chain's claim, its lease fields
 * (leaseOwner, leaseUntil) and `at` are the chain writer's bookkeeping, so edits go to those three.
 */
const PROTECTED_PART: Readonly<Record<string, string[]>> = { notice: ['checkpoint'] };
const HEAD_FIELDS = ['seq', 'hash', 'lastCheckpoint'] as const;

type Db = Database.Database;
/** One tampering: what was done, and whether it removed the record (undone by re-inserting). */
type Tampering = { what: string; deletion: boolean };

/** A random single-field edit or whole-record deletion of `row`, applied to the database. */
function tamperRandomly(db: Db, row: Row, rng: Rng): Tampering {
  if (row.collection !== 'notice' && rng.int(4) === 0) return removeRow(db, row);
  const update = db.prepare('UPDATE docs SET data = ? WHERE collection = ? AND id = ?');
  if (row.collection === 'auditHead') {
    const data = JSON.parse(row.data) as Record<string, Json>;
    const field = HEAD_FIELDS[rng.int(HEAD_FIELDS.length)]!;
    const e = editOne({ [field]: data[field] ?? null }, rng);
    const rest = Object.fromEntries(Object.entries(data).filter(([k]) => k !== field));
    update.run(JSON.stringify({ ...rest, ...(e.data as object) }), row.collection, row.id);
    return { what: e.what, deletion: false };
  }
  const e = editOne(JSON.parse(row.data) as Json, rng, PROTECTED_PART[row.collection] ?? []);
  update.run(JSON.stringify(e.data), row.collection, row.id);
  return { what: e.what, deletion: false };
}

function removeRow(db: Db, row: Row): Tampering {
  db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?').run(row.collection, row.id);
  return { what: 'deleted', deletion: true };
}

/** Removes the checkpoint copy a notice carries. */
function removeCopy(db: Db, row: Row): Tampering {
  const { checkpoint: _removed, ...rest } = JSON.parse(row.data) as Record<string, Json>;
  db.prepare('UPDATE docs SET data = ? WHERE collection = ? AND id = ?').run(JSON.stringify(rest), row.collection, row.id);
  return { what: 'removed checkpoint', deletion: false };
}

function undo(db: Db, row: Row, t: Tampering): void {
  if (t.deletion) db.prepare('INSERT INTO docs (collection, id, data) VALUES (?, ?, ?)').run(row.collection, row.id, row.data);
  else db.prepare('UPDATE docs SET data = ? WHERE collection = ? AND id = ?').run(row.data, row.collection, row.id);
}

interface Tally {
  passed: number;
  failed: number;
  readonly findings: string[];
  readonly kinds: { edits: number; deletions: number; checkpointDeletions: number };
}

/** Tampers once, runs `npm run audit:verify`, undoes; detected and named = passed. */
async function trial(dir: string, db: Db, row: Row, tamper: () => Tampering, tally: Tally): Promise<void> {
  const t = tamper();
  const lines: string[] = [];
  const code = await auditVerify(['--data-dir', dir], (l) => lines.push(l), {});
  undo(db, row, t);
  const record = `${row.collection}/${row.id}`;
  // A head that claims more entries than exist reads the same as entries deleted: the verifier
  // names the first missing entry and says where the head is.
  const named = lines.some((l) => l.startsWith('BROKEN') && (l.includes(`record ${record} `) || (row.collection === 'auditHead' && l.includes('(the head is at'))));
  if ((t.deletion && row.collection === 'auditCheckpoint') || t.what === 'removed checkpoint') tally.kinds.checkpointDeletions += 1;
  else if (t.deletion) tally.kinds.deletions += 1;
  else tally.kinds.edits += 1;
  if (code === 1 && named) tally.passed += 1;
  else {
    tally.failed += 1;
    if (tally.findings.length < 30) tally.findings.push(`${record} ${t.what}: ${code === 1 ? `detected but named ${lines.find((l) => l.startsWith('BROKEN'))?.slice(0, 160)}` : 'NOT detected'}`);
  }
}

export async function tamperCheck(profile: Profile, ledger: PiiLedger): Promise<CheckResult> {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-tamper-'));
  const tally: Tally = { passed: 0, failed: 0, findings: [], kinds: { edits: 0, deletions: 0, checkpointDeletions: 0 } };
  try {
    await seeded(dir);
    const db = new Database(join(dir, DATABASE_FILE));
    const rows = db.prepare(`SELECT collection, id, data FROM docs WHERE collection IN (${TARGETS.map(() => '?').join(',')})`).all(...TARGETS) as Row[];
    const candidates = rows.filter((r) => r.collection !== 'notice' || (JSON.parse(r.data) as { checkpoint?: unknown }).checkpoint);
    if ((await auditVerify(['--data-dir', dir], () => undefined, {})) !== 0) throw new Error('the untouched store does not verify');
    const rng = mulberry32(profile.seed);
    for (let i = 0; i < profile.tamperEdits; i++) {
      const row = candidates[rng.int(candidates.length)]!;
      await trial(dir, db, row, () => tamperRandomly(db, row, rng), tally);
    }
    // Every checkpoint deleted once, and every notice's copy removed once, on top of the random ones.
    for (const row of candidates) {
      if (row.collection === 'auditCheckpoint') await trial(dir, db, row, () => removeRow(db, row), tally);
      if (row.collection === 'notice') await trial(dir, db, row, () => removeCopy(db, row), tally);
    }
    db.close();
    scanFiles(dir, ledger);
    const { edits, deletions, checkpointDeletions } = tally.kinds;
    const figures = [
      `${candidates.length} protected records (${TARGETS.join(', ')}) in the seeded store`,
      `${edits} field edits, ${deletions} record deletions, ${checkpointDeletions} checkpoint deletions (from auditCheckpoint or a notice's copy; each one once, plus the random ones)`,
    ];
    const note = `${profile.tamperEdits} random single-field edits and deletions, then every checkpoint deleted once; each verified then undone`;
    return { name: 'tamper', passed: tally.passed, failed: tally.failed, note, findings: tally.findings, figures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
