/**
 * Scans every file of a data directory (the SQLite database, its WAL, uploaded files, logs) for
 * personal data in clear. Two files are left out on purpose: secrets.json holds keys, not
 * people, and dev-personas.json is the dev-mode cheat sheet of synthetic demo personas that the
 * local host writes for testers (production mode must not write it; the host's own test checks that).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PiiLedger } from './pii-scan';

const SKIPPED = new Set(['secrets.json', 'dev-personas.json']);
const CHUNK = 1 << 20;
/** Chunks overlap by more than the longest obfuscated number, so none is cut in two. */
const OVERLAP = 256;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else if (entry.isFile() && !SKIPPED.has(entry.name)) yield p;
  }
}

/** Returns how many files were scanned. */
export function scanFiles(dir: string, ledger: PiiLedger): number {
  let n = 0;
  for (const file of files(dir)) {
    if (statSync(file).size === 0) continue;
    const text = readFileSync(file).toString('utf8');
    const name = `file ${relative(dir, file)}`;
    for (let at = 0; at < text.length; at += CHUNK) ledger.scan(text.slice(at, at + CHUNK + OVERLAP), name);
    n += 1;
  }
  return n;
}
