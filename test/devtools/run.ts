/**
 * WeChat DevTools suite (miniprogram-automator). Needs the DevTools CLI, so it runs only when
 * WECHAT_DEVTOOLS_CLI points at it (e.g. "/Applications/wechatwebdevtools.app/Contents/MacOS/cli"
 * or "C:/Program Files (x86)/Tencent/微信web开发者工具/cli.bat"), with 服务端口 enabled in
 * DevTools settings. Expects dist/ (`npm run build:weapp`). Not part of `npm test`.
 *
 *   WECHAT_DEVTOOLS_CLI=... npm run test:devtools
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ElementLike {
  tap(): Promise<void>;
  input?(value: string): Promise<void>;
  wxml(): Promise<string>;
  text(): Promise<string>;
}
export interface PageLike {
  $(selector: string): Promise<ElementLike | null>;
  waitFor(condition: string | number): Promise<void>;
}
export interface MiniProgramLike {
  reLaunch(url: string): Promise<PageLike | undefined>;
  switchTab(url: string): Promise<PageLike | undefined>;
  currentPage(): Promise<PageLike | undefined>;
  evaluate(fn: (...args: never[]) => unknown, ...args: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

const ROOT = resolve(__dirname, '../..');
const STEP_TIMEOUT_MS = 60_000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
    }),
  ]);
}

async function main(): Promise<number> {
  const cliPath = process.env.WECHAT_DEVTOOLS_CLI;
  if (!cliPath) {
    console.log('devtools: skipped — set WECHAT_DEVTOOLS_CLI to the WeChat DevTools CLI to run this suite.');
    return 0;
  }
  if (!existsSync(resolve(ROOT, 'dist/app.js'))) {
    console.error('devtools: dist/ is missing — run `npm run build:weapp` first.');
    return 1;
  }
  const { specs } = await import('./bind-flow.spec');
  const automator = require('miniprogram-automator') as { launch(o: Record<string, unknown>): Promise<MiniProgramLike> };
  let passed = 0;
  let failed = 0;
  let mp: MiniProgramLike | null = null;
  try {
    mp = await withTimeout(automator.launch({ cliPath, projectPath: ROOT, trustProject: true, timeout: 90_000 }), 120_000, 'launching DevTools');
    let broken = false;
    for (const spec of specs) {
      if (broken) {
        failed += 1;
        console.log(`  ✗ ${spec.name} (not run: an earlier step failed)`);
        continue;
      }
      try {
        await withTimeout(spec.run(mp), STEP_TIMEOUT_MS, spec.name);
        passed += 1;
        console.log(`  ✓ ${spec.name}`);
      } catch (e) {
        failed += 1;
        broken = true;
        console.log(`  ✗ ${spec.name}\n      ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  } catch (e) {
    console.error(`devtools: ${e instanceof Error ? e.message : String(e)}`);
    failed = specs.length - passed;
  } finally {
    await mp?.close().catch(() => undefined);
  }
  console.log(`devtools: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
