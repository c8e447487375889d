/**
 * Issue 12 figures for the cloud functions, measured on the bundles `npm run build:functions`
 * uploads (same esbuild options, scripts/function-bundle-options.ts).
 *
 * - `size.functions.<name>_kb`: bytes of cloudfunctions/<name>/index.js / 1024 (wx-server-sdk is
 *   external, zod carries only the zh-CN locale); target ≤ 300.
 * - `coldstart.functions.<name>.ms`: the require time of the function's own code. Method: a fresh
 *   `node` process (NODE_ENV=production) requires wx-server-sdk first, then times
 *   `require(index.js)` with process.hrtime (file read, compile and module evaluation); the
 *   figure is the median of COLD_RUNS such processes; target ≤ 60.
 * - `coldstart.functions.<name>.all_actions_ms` (no target, for honesty): the same, plus loading
 *   every action's contract and use case. Actions are loaded on their first call
 *   (server/functions/lazy-route.ts), so `.ms` does not include them; a real cold start pays
 *   `.ms` plus one action's share, this figure bounds it from above. Measured on a bench copy
 *   of the bundle built from the same modules with the function's routes exported.
 *
 * The machine is shared: medians of ≥ 15 fresh processes, sizes are exact.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { buildFunctions } from '../scripts/build-functions';
import { functionBuildOptions } from '../scripts/function-bundle-options';

const ROOT = resolve(__dirname, '..');
const COLD_RUNS = 15;

/** Child script: preload the SDK, time require(); with `all`, also load every route. */
function childScript(bundle: string, all: boolean): string {
  return [
    "require('wx-server-sdk');",
    'const t = process.hrtime.bigint();',
    `const m = require(${JSON.stringify(bundle)});`,
    all ? 'for (const r of Object.values(m.__routes)) void r.contract;' : '',
    'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));',
    // The SDK keeps no handle open after a bare require; exit at once regardless.
    'process.exit(0);',
  ].join('\n');
}

/** One fresh process; ms with sub-ms precision. */
function coldMs(bundle: string, all: boolean): number {
  const r = spawnSync(process.execPath, ['-e', childScript(bundle, all)], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  const ms = Number(r.stdout);
  if (r.status !== 0 || !Number.isFinite(ms)) throw new Error(`cold start of ${bundle} failed: ${r.stderr.slice(0, 500)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The function's bundle with its routes exported as `__routes` (bench only, never uploaded). */
async function buildWithRoutes(name: string, outfile: string): Promise<void> {
  const dir = join(ROOT, 'cloudfunctions', name);
  const { entryPoints: _entry, ...options } = functionBuildOptions(join(dir, 'index.ts'), outfile);
  const contents = `export * from './index';\nimport * as r from '../../server/functions/${name}.routes';\nexport const __routes = Object.values(r)[0];\n`;
  await build({ ...options, stdin: { contents, resolveDir: dir, loader: 'ts', sourcefile: 'bench-entry.ts' } });
}

export async function functionBundleFigures(log: (line: string) => void = () => undefined): Promise<Record<string, number>> {
  const built = await buildFunctions();
  // Inside the repository, so the bench copy resolves wx-server-sdk from node_modules; removed after.
  const tmp = mkdtempSync(join(ROOT, '.fn-bench-'));
  const out: Record<string, number> = {};
  try {
    for (const b of built) {
      const bundle = join(ROOT, 'cloudfunctions', b.name, 'index.js');
      const withRoutes = join(tmp, `${b.name}.js`);
      await buildWithRoutes(b.name, withRoutes);
      // Interleaved, so a burst of load on the shared machine hits both figures alike.
      const ms: number[] = [];
      const all: number[] = [];
      for (let i = 0; i < COLD_RUNS; i++) {
        ms.push(coldMs(bundle, false));
        all.push(coldMs(withRoutes, true));
      }
      out[`size.functions.${b.name}_kb`] = Math.round(b.bytes / 102.4) / 10;
      out[`coldstart.functions.${b.name}.ms`] = Number(median(ms).toFixed(1));
      out[`coldstart.functions.${b.name}.all_actions_ms`] = Number(median(all).toFixed(1));
      log(`function ${b.name}: ${(b.bytes / 1024).toFixed(1)} KiB, require ${median(ms).toFixed(1)} ms, with every action loaded ${median(all).toFixed(1)} ms (medians of ${COLD_RUNS})`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

if (require.main === module) {
  functionBundleFigures(console.log)
    .then((f) => console.table(Object.entries(f).map(([metric, value]) => ({ metric, value }))))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
