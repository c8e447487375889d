/**
 * `size.weapp.blank_kb` for issue 12: a blank Taro 4 React app (one page with one <View>, Taro's
 * template config and browserslist), built for weapp in this run with the same Taro, React and
 * webpack as the app, in a temporary project whose node_modules is this checkout's. The app's main
 * package budget is ≤ 1.6 × this figure (and ≤ 512 KB); bench/run.ts prints both next to
 * `size.weapp.main_kb`, and scripts/report-size.mjs enforces it (with a recorded figure, or this
 * run's: `npx tsx bench/blank-app.bench.ts --check` builds the blank, then checks dist/ with it).
 *
 * `size.weapp.blank_same_target_kb`: the same blank built for the app's own browserslist
 * (package.json). The app's newer target also shrinks Taro's runtime; this figure shows the ratio
 * with that gain taken out (printed, not a budget).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
/** What `taro init` writes into a new project's package.json. */
const TEMPLATE_BROWSERSLIST = ['last 3 versions', 'Android >= 4.1', 'ios >= 8'];

const FILES: Record<string, string> = {
  'babel.config.js': "module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] };\n",
  'tsconfig.json': JSON.stringify({ compilerOptions: { jsx: 'react-jsx', module: 'esnext', moduleResolution: 'node', target: 'es2017', strict: true, skipLibCheck: true } }),
  'project.config.json': JSON.stringify({ miniprogramRoot: 'dist/', appid: 'touristappid', projectname: 'blank', compileType: 'miniprogram' }),
  'config/index.ts': [
    "import { defineConfig } from '@tarojs/cli';",
    'export default defineConfig<\'webpack5\'>(() => ({',
    "  projectName: 'blank', date: '2026-01-01', designWidth: 750, deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },",
    "  sourceRoot: 'src', outputRoot: 'dist', plugins: [], framework: 'react', compiler: { type: 'webpack5', prebundle: { enable: false } },",
    '  cache: { enable: false }, mini: {},',
    '}));',
    '',
  ].join('\n'),
  'src/app.config.ts': "export default defineAppConfig({ pages: ['pages/index/index'] });\n",
  'src/app.ts': "import type { PropsWithChildren } from 'react';\nexport default function App({ children }: PropsWithChildren) {\n  return children;\n}\n",
  'src/pages/index/index.tsx': "import { View } from '@tarojs/components';\nexport default function Index() {\n  return <View>blank</View>;\n}\n",
  'src/pages/index/index.config.ts': "export default definePageConfig({ navigationBarTitleText: 'blank' });\n",
};

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return total;
}

/** Builds the blank app for that browserslist; returns its weapp output size in bytes. */
export function blankAppBytes(browserslist: readonly string[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-blank-'));
  try {
    const files = { ...FILES, 'package.json': JSON.stringify({ name: 'blank', private: true, browserslist }) };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const cli = join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');
    const r = spawnSync(process.execPath, [cli, 'build', '--type', 'weapp'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) throw new Error(`blank app build failed: ${(r.stderr || r.stdout).slice(-800)}`);
    return dirBytes(join(dir, 'dist'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function appBrowserslist(): string[] {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { browserslist: string[] }).browserslist;
}

/** Builds the blank app twice (template target, the app's target); sizes in KiB (one decimal). */
export function blankAppFigures(log: (line: string) => void = () => undefined): Record<string, number> {
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  const template = blankAppBytes(TEMPLATE_BROWSERSLIST);
  log(`blank Taro React app (weapp): ${template} B`);
  const sameTarget = blankAppBytes(appBrowserslist());
  log(`blank Taro React app (weapp, the app's browserslist): ${sameTarget} B`);
  return { 'size.weapp.blank_kb': kb(template), 'size.weapp.blank_same_target_kb': kb(sameTarget) };
}

/** `--check`: the package budget of dist/ against the blank built now (scripts/report-size.mjs). */
function checkWithBlank(): number {
  const bytes = blankAppBytes(TEMPLATE_BROWSERSLIST);
  console.log(`blank Taro React app (weapp): ${bytes} B`);
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'report-size.mjs'), 'dist', `--blank-bytes=${bytes}`], { cwd: ROOT, stdio: 'inherit' });
  return r.status ?? 1;
}

if (require.main === module) {
  if (process.argv.includes('--check')) process.exitCode = checkWithBlank();
  else console.log(blankAppFigures(console.log));
}
