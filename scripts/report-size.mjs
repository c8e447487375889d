#!/usr/bin/env node
/**
 * Prints the size of a build folder: total bytes, then each top-level file or folder, largest
 * first. Usage: node scripts/report-size.mjs dist [--json]
 * WeChat limits: main package ≤ 2 MB, whole app ≤ 20 MB (with sub-packages).
 */
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
const asJson = args.includes('--json');

if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
  console.error(`report-size: ${path.relative(process.cwd(), dir) || dir} does not exist; build it first.`);
  process.exit(1);
}

function sizeOf(p) {
  const st = fs.lstatSync(p);
  if (!st.isDirectory()) return { bytes: st.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const name of fs.readdirSync(p)) {
    const s = sizeOf(path.join(p, name));
    bytes += s.bytes;
    files += s.files;
  }
  return { bytes, files };
}

const entries = fs
  .readdirSync(dir)
  .map((name) => {
    const full = path.join(dir, name);
    return { name: fs.statSync(full).isDirectory() ? name + '/' : name, ...sizeOf(full) };
  })
  .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
const total = entries.reduce((s, e) => ({ bytes: s.bytes + e.bytes, files: s.files + e.files }), { bytes: 0, files: 0 });

if (asJson) {
  console.log(JSON.stringify({ dir: path.relative(process.cwd(), dir), total, entries }, null, 2));
} else {
  const kb = (b) => (b / 1024).toFixed(1).padStart(8) + ' KiB';
  const rel = path.relative(process.cwd(), dir) || '.';
  console.log(`size of ${rel}/: ${total.bytes} bytes (${(total.bytes / 1024).toFixed(1)} KiB) in ${total.files} files`);
  for (const e of entries) console.log(`${String(e.bytes).padStart(10)}  ${kb(e.bytes)}  ${e.name}${e.files > 1 ? `  (${e.files} files)` : ''}`);
}
