/**
 * Bundles each cloudfunctions/<name>/index.ts into a standalone index.js (esbuild; shared code
 * inlined, wx-server-sdk external), then checks that every folder can be uploaded on its own:
 * no `require("../…")`, no dependency other than wx-server-sdk and Node built-ins.
 * Exit 1 with the reasons when a check fails.
 */
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { functionBuildOptions } from './function-bundle-options';

const ROOT = resolve(__dirname, '..');
const FUNCTIONS = join(ROOT, 'cloudfunctions');
const BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

export function functionFolders(): string[] {
  return readdirSync(FUNCTIONS).filter((n) => statSync(join(FUNCTIONS, n)).isDirectory() && existsSync(join(FUNCTIONS, n, 'index.ts')));
}

/** Problems that would stop the folder from working once uploaded alone. */
export function checkFolder(name: string, dir = join(FUNCTIONS, name)): string[] {
  const problems: string[] = [];
  const bundle = join(dir, 'index.js');
  if (!existsSync(bundle)) return [`${name}: index.js missing`];
  const code = readFileSync(bundle, 'utf8');
  for (const m of code.matchAll(/require\((["'`])([^"'`]+)\1\)/g)) {
    const spec = m[2]!;
    if (spec.startsWith('.')) problems.push(`${name}: bundle still requires ${spec}`);
    else if (spec !== 'wx-server-sdk' && !BUILTINS.has(spec)) problems.push(`${name}: bundle requires ${spec}, which is not uploaded`);
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { main?: string; dependencies?: Record<string, string> };
  const deps = Object.keys(pkg.dependencies ?? {});
  if (deps.some((d) => d !== 'wx-server-sdk')) problems.push(`${name}: package.json depends on ${deps.join(', ')}; only wx-server-sdk is allowed`);
  if (!deps.includes('wx-server-sdk')) problems.push(`${name}: package.json must depend on wx-server-sdk`);
  if (pkg.main !== 'index.js') problems.push(`${name}: package.json main must be index.js`);
  return problems;
}

export async function buildFunctions(): Promise<{ name: string; bytes: number }[]> {
  const out: { name: string; bytes: number }[] = [];
  for (const name of functionFolders()) {
    const outfile = join(FUNCTIONS, name, 'index.js');
    await build(functionBuildOptions(join(FUNCTIONS, name, 'index.ts'), outfile));
    out.push({ name, bytes: statSync(outfile).size });
  }
  return out;
}

if (require.main === module) {
  buildFunctions()
    .then((built) => {
      const problems = built.flatMap((b) => checkFolder(b.name));
      for (const b of built) console.log(`cloudfunctions/${b.name}/index.js  ${(b.bytes / 1024).toFixed(1)} KB`);
      if (problems.length) {
        console.error('云函数目录不能单独上传：\n' + problems.map((p) => '  - ' + p).join('\n'));
        process.exit(1);
      }
      console.log(`${built.length} 个云函数已打包，均可单独上传`);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
