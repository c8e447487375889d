/**
 * tamper: a data directory seeded by the real local app (the demo village, then notices that the
 * audit chain records and checkpoints), then random single-field edits and whole-record deletions
 * made directly in its SQLite file — as someone holding the database but not the signing key
 * would — each checked by `npm run audit:verify` (scripts/audit-verify.ts main) and undone.
 * Detected = exit code 1; named = a BROKEN line names the edited record.
 *
 * Targets are the records the verifier protects: chain entries, chain heads, signed checkpoints,
 * the checkpoint printed on each notice, and nomination ballots. Deleting a checkpoint alone is
 * outside the verifier's promise (docs/decisions/0001-audit-chain.md: a lost proof, not a changed
 * record); those deletions are tried and reported as a figure, not counted.
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
 * checkpoint; a head's seq and hash are the chain's claim, its lease fields are the chain
 * writer's bookkeeping (docs/decisions/0001-audit-chain.md), so edits go to `seq` or `hash`.
 */
const PROTECTED_PART: Readonly<Record<string, string[]>> = { notice: ['checkpoint'] };
const HEAD_FIELDS = ['seq', 'hash'] as const;

export async function tamperCheck(profile: Profile, ledger: PiiLedger): Promise<CheckResult> {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-tamper-'));
  const findings: string[] = [];
  let passed = 0;
  let failed = 0;
  const cpDeletions = { tried: 0, detected: 0 };
  try {
    await seeded(dir);
    const db = new Database(join(dir, DATABASE_FILE));
    const rows = db.prepare(`SELECT collection, id, data FROM docs WHERE collection IN (${TARGETS.map(() => '?').join(',')})`).all(...TARGETS) as Row[];
    const candidates = rows.filter((r) => r.collection !== 'notice' || (JSON.parse(r.data) as { checkpoint?: unknown }).checkpoint);
    const update = db.prepare('UPDATE docs SET data = ? WHERE collection = ? AND id = ?');
    const remove = db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?');
    const insert = db.prepare('INSERT INTO docs (collection, id, data) VALUES (?, ?, ?)');
    const rng = mulberry32(profile.seed);
    const verify = async () => {
      const lines: string[] = [];
      const code = await auditVerify(['--data-dir', dir], (l) => lines.push(l), {});
      return { code, lines };
    };
    if ((await verify()).code !== 0) throw new Error('the untouched store does not verify');
    while (passed + failed < profile.tamperEdits) {
      const row = candidates[rng.int(candidates.length)]!;
      const record = `${row.collection}/${row.id}`;
      const deletion = row.collection !== 'notice' && rng.int(4) === 0;
      let what = 'deleted';
      if (deletion) remove.run(row.collection, row.id);
      else if (row.collection === 'auditHead') {
        const data = JSON.parse(row.data) as Record<string, Json>;
        const field = HEAD_FIELDS[rng.int(HEAD_FIELDS.length)]!;
        const e = editOne({ [field]: data[field]! }, rng);
        what = e.what;
        update.run(JSON.stringify({ ...data, ...(e.data as object) }), row.collection, row.id);
        if (!(field in (e.data as object))) update.run(JSON.stringify(Object.fromEntries(Object.entries(data).filter(([k]) => k !== field))), row.collection, row.id);
      } else {
        const e = editOne(JSON.parse(row.data) as Json, rng, PROTECTED_PART[row.collection] ?? []);
        what = e.what;
        update.run(JSON.stringify(e.data), row.collection, row.id);
      }
      const { code, lines } = await verify();
      if (deletion) insert.run(row.collection, row.id, row.data);
      else update.run(row.data, row.collection, row.id);
      // A head that claims more entries than exist reads the same as entries deleted: the verifier
      // names the first missing entry and says where the head is.
      const named = lines.some((l) => l.startsWith('BROKEN') && (l.includes(`record ${record} `) || (row.collection === 'auditHead' && l.includes('(the head is at'))));
      if ((deletion && row.collection === 'auditCheckpoint') || what === 'removed checkpoint') {
        cpDeletions.tried += 1;
        if (code === 1) cpDeletions.detected += 1;
        continue;
      }
      if (code === 1 && named) passed += 1;
      else {
        failed += 1;
        if (findings.length < 30) findings.push(`${record} ${what}: ${code === 1 ? `detected but named ${lines.find((l) => l.startsWith('BROKEN'))?.slice(0, 160)}` : 'NOT detected'}`);
      }
    }
    db.close();
    scanFiles(dir, ledger);
    const figures = [
      `${candidates.length} protected records (${TARGETS.join(', ')}) in the seeded store`,
      `checkpoint deletions, from auditCheckpoint or from a notice (not counted, outside the verifier's promise): ${cpDeletions.detected} of ${cpDeletions.tried} detected`,
    ];
    return { name: 'tamper', passed, failed, note: 'single-field edits and deletions, each verified then undone', findings, figures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
