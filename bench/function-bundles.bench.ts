/**
 * Issue 12 figures for the cloud functions, measured on the bundles `npm run build:functions`
 * uploads (same esbuild options, scripts/function-bundle-options.ts):
 * - `size.functions.<name>_kb`: index.js in KiB (wx-server-sdk is external, zod carries only the
 *   zh-CN locale); target ≤ 300 KB;
 * - `coldstart.functions.<name>.ms`: the require time of the function's own code in a fresh Node
 *   process with wx-server-sdk already loaded (what a cold start adds to the SDK), median of
 *   COLD_RUNS processes; target ≤ 60 ms.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildFunctions } from '../scripts/build-functions';

const ROOT = resolve(__dirname, '..');
const COLD_RUNS = 7;

/** One fresh process: preload the SDK, then time require() of the bundle (ms, sub-ms precision). */
function requireMs(bundle: string): number {
  const script = [
    "require('wx-server-sdk');",
    'const t = process.hrtime.bigint();',
    `require(${JSON.stringify(bundle)});`,
    'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));',
    // The SDK keeps no handle open after a bare require; exit at once regardless.
    'process.exit(0);',
  ].join('\n');
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  const ms = Number(r.stdout);
  if (r.status !== 0 || !Number.isFinite(ms)) throw new Error(`cold start of ${bundle} failed: ${r.stderr.slice(0, 500)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function functionBundleFigures(log: (line: string) => void = () => undefined): Promise<Record<string, number>> {
  const built = await buildFunctions();
  const out: Record<string, number> = {};
  for (const b of built) {
    const bundle = join(ROOT, 'cloudfunctions', b.name, 'index.js');
    const ms = median(Array.from({ length: COLD_RUNS }, () => requireMs(bundle)));
    out[`size.functions.${b.name}_kb`] = Math.round(b.bytes / 102.4) / 10;
    out[`coldstart.functions.${b.name}.ms`] = Number(ms.toFixed(1));
    log(`function ${b.name}: ${(b.bytes / 1024).toFixed(1)} KiB, require ${ms.toFixed(1)} ms (median of ${COLD_RUNS})`);
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
