/**
 * Browser end-to-end run of the H5 build against the real local host (all cloud functions on
 * the embedded store, dev mode). Expects dist-h5/ (`npm run build:h5`); builds nothing itself.
 *
 *   npm run test:e2e            (node --import tsx test/e2e/run.ts)
 *
 * Each flow (test/e2e/flows/*.flow.ts) runs on its own host, freshly seeded data directory and
 * browser profile; within a flow a failed step stops the rest. Add a flow to `flows` below.
 *
 * Env: CHROMIUM_PATH (default /usr/bin/chromium). Screenshots go to test-results/e2e/.
 * E2E_DATA_ROOT=<dir>: each flow's data directory is <dir>/<flow> and is kept after the run
 * (scripts/test-all.sh then runs `npm run audit:verify` on each); otherwise a temp dir, removed.
 * The last line is `e2e: <n> passed, <m> failed`; the exit code is non-zero on any failure.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { bindFlow } from './flows/bind.flow';
import { registrationFlow } from './flows/registration.flow';
import { noticesFlow } from './flows/notices.flow';
import { townshipFlow } from './flows/township.flow';
import { electionSetupFlow } from './flows/election-setup.flow';
import { nominationFlow } from './flows/nomination.flow';
import { proxyFlow } from './flows/proxy.flow';
import { a11yFlow } from './flows/a11y.flow';
import { committeeFlow } from './flows/committee.flow';
import { screensFlow } from './flows/screens.flow';
import { fail, ROOT, SHOTS, VIEWPORT, withTimeout, type Flow, type FlowCtx, type Persona } from './lib';

const allFlows: Flow[] = [bindFlow, registrationFlow, noticesFlow, townshipFlow];
allFlows.push(electionSetupFlow);
allFlows.push(nominationFlow);
allFlows.push(proxyFlow);
allFlows.push(a11yFlow);
allFlows.push(committeeFlow);
allFlows.push(screensFlow);
/** E2E_FLOWS=registration,notices runs only those flows. */
const only = (process.env.E2E_FLOWS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const flows = only.length ? allFlows.filter((f) => only.includes(f.name)) : allFlows;

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 60_000;
const HOST_START_TIMEOUT_MS = 60_000;
const WATCHDOG_MS = 10 * 60_000;
const totalSteps = flows.reduce((n, f) => n + f.steps.length, 0);

/** Seed the data directory so that today falls in `phase` (the host then keeps that seed). */
function seedPhase(dataDir: string, phase: string): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/local/seed-cli.ts', '--phase', phase, '--data-dir', dataDir], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) fail(`seeding phase ${phase} failed: ${r.stderr || r.stdout}`);
}

async function startHost(dataDir: string, clockAt?: string): Promise<{ child: ChildProcess; base: string; logs: string[] }> {
  const logs: string[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env, APP_MODE: 'dev', LOG: 'silent', ...(clockAt ? { DEV_CLOCK_AT: clockAt } : {}) };
  delete env.PORT;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/local/start.ts', '--port', '0', '--data-dir', dataDir, '--no-build'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await withTimeout(
    new Promise<number>((ok, ko) => {
      const onData = (buf: Buffer) => {
        const text = buf.toString('utf8');
        logs.push(text);
        const m = /LISTENING (\d+)/.exec(text);
        if (m) ok(Number(m[1]));
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (b: Buffer) => logs.push(b.toString('utf8')));
      child.once('exit', (code) => ko(new Error(`local host exited early (code ${code}):\n${logs.join('').slice(-2000)}`)));
    }),
    HOST_START_TIMEOUT_MS,
    'starting the local host',
  );
  const base = `http://127.0.0.1:${port}`;
  const health = await fetch(`${base}/healthz`);
  if (health.status !== 200) fail(`GET /healthz answered ${health.status}`);
  return { child, base, logs };
}

async function stopHost(host: Awaited<ReturnType<typeof startHost>> | null): Promise<void> {
  if (!host || host.child.exitCode !== null) return;
  host.child.kill('SIGTERM');
  await withTimeout(new Promise((ok) => host.child.once('exit', ok)), 5_000, 'stopping the host').catch(() => host.child.kill('SIGKILL'));
}

/** Runs one flow; returns [passed, failed]. */
async function runFlow(flow: Flow): Promise<[number, number]> {
  const keepRoot = process.env.E2E_DATA_ROOT;
  const dataDir = keepRoot ? join(keepRoot, flow.name) : mkdtempSync(join(tmpdir(), 'cxt-e2e-data-'));
  if (keepRoot) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
  }
  const profileDir = mkdtempSync(join(tmpdir(), 'cxt-e2e-chromium-'));
  let passed = 0;
  let failed = 0;
  let host: Awaited<ReturnType<typeof startHost>> | null = null;
  let context: BrowserContext | null = null;
  console.log(`e2e: flow ${flow.name}`);
  try {
    if (flow.seedPhase) seedPhase(dataDir, flow.seedPhase);
    host = await startHost(dataDir);
    const personas = ((await (await fetch(`${host.base}/dev/personas`)).json()) as { personas: Persona[] }).personas;
    console.log(`e2e: local host ${host.base}, ${personas.length} personas`);

    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: VIEWPORT,
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    // No per-call limit: every wait is on state and bounded by its step's timeout (a loaded 2-core
    // machine can take more than 15 s for a first page load that takes 2 s alone).
    context.setDefaultTimeout(0);
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const ctx: FlowCtx = {
      base: host.base,
      page,
      personas,
      dataDir,
      state: {},
      // Same data, another "now" (election day for check-in): a new host on a new port.
      async restartHostAt(clockAt: string) {
        await stopHost(host);
        host = await startHost(dataDir, clockAt);
        ctx.base = host.base;
      },
    };

    let broken = false;
    for (const step of flow.steps) {
      if (broken) {
        failed += 1;
        console.log(`  ✗ ${step.name} (not run: an earlier step failed)`);
        continue;
      }
      const t0 = Date.now();
      try {
        await withTimeout(step.run(ctx), step.timeoutMs ?? STEP_TIMEOUT_MS, step.name);
        if (pageErrors.length) fail(`page error: ${pageErrors.splice(0).join(' | ')}`);
        // Taro H5 writes disabled={false} as disabled="false", and its stylesheet then dims the button.
        const dimmed = await page.locator('taro-button-core[disabled="false"]').evaluateAll((els) => els.map((e) => e.id || (e as HTMLElement).innerText.trim()));
        if (dimmed.length) fail(`enabled buttons rendered as disabled="false" (dimmed text): ${dimmed.join(', ')}; pass disabled={x || undefined}`);
        passed += 1;
        console.log(`  ✓ ${step.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed += 1;
        broken = true;
        console.log(`  ✗ ${step.name}\n      ${(e instanceof Error ? e.message : String(e)).split('\n').join('\n      ')}`);
        const safe = `${flow.name}-${step.name}`.replace(/[^\w\u4e00-\u9fff]+/g, '-');
        await page.screenshot({ path: join(SHOTS, `FAILED-${safe}.png`), fullPage: true }).catch(() => undefined);
      }
    }
  } catch (e) {
    console.error(`e2e: flow ${flow.name}: setup failed: ${e instanceof Error ? e.message : String(e)}`);
    failed = flow.steps.length - passed;
  } finally {
    await context?.close().catch(() => undefined);
    // SIGTERM: the host links every pending audit entry before it exits (server/local/local-app.ts).
    await stopHost(host);
    if (!keepRoot) rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
  return [passed, failed];
}

async function main(): Promise<number> {
  if (!existsSync(join(ROOT, 'dist-h5/index.html'))) {
    console.error('e2e: dist-h5/ is missing — run `npm run build:h5` first.');
    console.log(`e2e: 0 passed, ${totalSteps} failed`);
    return 1;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`e2e: no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-wqy-zenhei, or set CHROMIUM_PATH).`);
    console.log(`e2e: 0 passed, ${totalSteps} failed`);
    return 1;
  }
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });

  let passed = 0;
  let failed = 0;
  for (const flow of flows) {
    const [p, f] = await runFlow(flow);
    passed += p;
    failed += f;
  }
  console.log(`e2e: screenshots in ${SHOTS}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed === totalSteps ? 0 : 1;
}

const watchdog = setTimeout(() => {
  console.log(`e2e: gave up after ${WATCHDOG_MS / 1000} s`);
  console.log(`e2e: 0 passed, ${totalSteps} failed`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    console.log(`e2e: 0 passed, ${totalSteps} failed`);
    process.exit(1);
  },
);
