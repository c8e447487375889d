#!/usr/bin/env node
/**
 * Prints the size of a build folder: total bytes, then each top-level file or folder, largest
 * first. Usage: node scripts/report-size.mjs dist [--json]
 * WeChat limits: main package ≤ 2 MB, whole app ≤ 20 MB (with sub-packages).
 *
 * For a weapp build (dist/app.json present) it also enforces the package budget of issue 12 and
 * exits 1 when it is broken (`npm run build:weapp`, hence `npm test`, fails):
 * - the main package (everything outside the sub-package roots) ≤ MAIN_BUDGET_BYTES (issue 12's
 *   512 KiB) AND ≤ BLANK_RATIO × a blank Taro React app's weapp build. The blank figure is the one
 *   measured in the same run when given (`--blank-bytes=N` or WEAPP_BLANK_BYTES; `npx tsx
 *   bench/blank-app.bench.ts --check` builds the blank and runs this check with it), else
 *   RECORDED_BLANK (measured with the Taro version it names; a different installed Taro is
 *   reported, so the record gets re-measured). 463,615 B on 2026-12-06 (1.52 × the blank).
 * - the main package holds only the villager tab pages in MAIN_PAGES: any other page listed in
 *   app.json `pages` fails the check — new pages go to a sub-package, or into MAIN_PAGES on purpose.
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

const MAIN_BUDGET_BYTES = 512 * 1024;
const BLANK_RATIO = 1.6;
/**
 * bench/blank-app.bench.ts's blank app (Taro's own template: one page, one <View>, the template's
 * browserslist) built on 2026-12-06. Re-measure it when Taro, React or webpack change.
 */
const RECORDED_BLANK = { bytes: 304_761, taro: '4.2.1', measured: '2026-12-06' };
const MAIN_PAGES = ['pages/index/index', 'pages/notices/index', 'pages/registration/index', 'pages/me/index'];

/** The blank app's size: measured in this run when given, else the record (with a note). */
function blankFigure() {
  const arg = args.find((a) => a.startsWith('--blank-bytes='))?.slice('--blank-bytes='.length) ?? process.env.WEAPP_BLANK_BYTES;
  if (arg !== undefined && arg !== '') {
    const bytes = Number(arg);
    if (!Number.isInteger(bytes) || bytes <= 0) {
      console.error(`report-size: blank size "${arg}" is not a byte count`);
      process.exit(1);
    }
    return { bytes, source: 'measured in this run', notes: [] };
  }
  const notes = [];
  let installed = null;
  try {
    installed = JSON.parse(fs.readFileSync(path.resolve('node_modules/@tarojs/cli/package.json'), 'utf8')).version;
  } catch {
    // Not run from the project root: nothing to compare.
  }
  if (installed && installed !== RECORDED_BLANK.taro) notes.push(`the recorded blank size is from Taro ${RECORDED_BLANK.taro}, Taro ${installed} is installed: re-measure it (npx tsx bench/blank-app.bench.ts)`);
  return { bytes: RECORDED_BLANK.bytes, source: `recorded ${RECORDED_BLANK.measured} (Taro ${RECORDED_BLANK.taro})`, notes };
}

/** Main and sub-package sizes of a weapp build, and the budget problems; null for other builds. */
function weappBudget() {
  const appJson = path.join(dir, 'app.json');
  if (!fs.existsSync(appJson)) return null;
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8'));
  const subs = (app.subPackages ?? app.subpackages ?? []).map((s) => ({ name: s.name ?? s.root, root: s.root.replace(/\/+$/, ''), bytes: 0 }));
  for (const s of subs) s.bytes = fs.existsSync(path.join(dir, s.root)) ? sizeOf(path.join(dir, s.root)).bytes : 0;
  const main = sizeOf(dir).bytes - subs.reduce((n, s) => n + s.bytes, 0);
  const blank = blankFigure();
  const ratioBudget = Math.floor(BLANK_RATIO * blank.bytes);
  const problems = [];
  if (main > MAIN_BUDGET_BYTES) problems.push(`main package ${main} B exceeds its budget of ${MAIN_BUDGET_BYTES} B`);
  if (main > ratioBudget) problems.push(`main package ${main} B is ${(main / blank.bytes).toFixed(3)} × the blank Taro app (${blank.bytes} B, ${blank.source}); the budget is ${BLANK_RATIO} × = ${ratioBudget} B`);
  for (const page of app.pages ?? []) {
    if (!MAIN_PAGES.includes(page)) problems.push(`page ${page} is in the main package; put it in a sub-package (or add it to MAIN_PAGES on purpose)`);
  }
  return {
    mainBytes: main,
    mainBudgetBytes: Math.min(MAIN_BUDGET_BYTES, ratioBudget),
    blankBytes: blank.bytes,
    blankSource: blank.source,
    mainOverBlank: Number((main / blank.bytes).toFixed(3)),
    subpackages: Object.fromEntries(subs.map((s) => [s.name, s.bytes])),
    notes: blank.notes,
    problems,
  };
}

const entries = fs
  .readdirSync(dir)
  .map((name) => {
    const full = path.join(dir, name);
    return { name: fs.statSync(full).isDirectory() ? name + '/' : name, ...sizeOf(full) };
  })
  .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
const total = entries.reduce((s, e) => ({ bytes: s.bytes + e.bytes, files: s.files + e.files }), { bytes: 0, files: 0 });

const budget = weappBudget();

if (asJson) {
  console.log(JSON.stringify({ dir: path.relative(process.cwd(), dir), total, entries, budget }, null, 2));
} else {
  const kb = (b) => (b / 1024).toFixed(1).padStart(8) + ' KiB';
  const rel = path.relative(process.cwd(), dir) || '.';
  console.log(`size of ${rel}/: ${total.bytes} bytes (${(total.bytes / 1024).toFixed(1)} KiB) in ${total.files} files`);
  for (const e of entries) console.log(`${String(e.bytes).padStart(10)}  ${kb(e.bytes)}  ${e.name}${e.files > 1 ? `  (${e.files} files)` : ''}`);
}
if (budget) {
  if (!asJson) {
    console.log(`main package: ${budget.mainBytes} B of ${budget.mainBudgetBytes} B budget; ` + Object.entries(budget.subpackages).map(([n, b]) => `${n} ${b} B`).join(', '));
    console.log(`main package / blank Taro app: ${budget.mainOverBlank} × (blank ${budget.blankBytes} B, ${budget.blankSource}; budget ${BLANK_RATIO} ×)`);
  }
  for (const n of budget.notes) console.error(`report-size: note: ${n}`);
  for (const p of budget.problems) console.error(`report-size: ${p}`);
  if (budget.problems.length > 0) process.exit(1);
}
