/**
 * Browser end-to-end run of the H5 build against the real local host (all cloud functions on
 * the embedded store, dev mode). Expects dist-h5/ (`npm run build:h5`); builds nothing itself.
 *
 *   npm run test:e2e            (node --import tsx test/e2e/run.ts)
 *
 * Env: CHROMIUM_PATH (default /usr/bin/chromium). Screenshots go to test-results/e2e/.
 * The last line is `e2e: <n> passed, <m> failed`; the exit code is non-zero on any failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../..');
const SHOTS = join(ROOT, 'test-results/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 30_000;
const HOST_START_TIMEOUT_MS = 60_000;
const WATCHDOG_MS = 4 * 60_000;

interface Persona {
  key: string;
  label: string;
  role: string;
  openid: string;
  hint: string;
  bindWith: { name: string; idNumber: string; bindingCode: string } | null;
}

interface Ctx {
  base: string;
  page: Page;
  persona: Persona;
}

function fail(message: string): never {
  throw new Error(message);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
    }),
  ]);
}

/** Only what is on screen: Taro keeps visited tab pages in the DOM, hidden. */
function shown(page: Page, selector: string): Locator {
  return page.locator(`${selector} >> visible=true`).first();
}

const VIEWPORT = { width: 390, height: 844 };

/** `whole`: grow the window to the page's height first (Taro H5 scrolls inside the page). */
async function shot(page: Page, name: string, whole = false): Promise<void> {
  if (whole) {
    const h = await shown(page, '.page').evaluate((e) => e.scrollHeight);
    await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, Math.ceil(h) + 60) });
    await page.waitForTimeout(150);
  }
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  if (whole) await page.setViewportSize(VIEWPORT);
}

async function tab(page: Page, label: string): Promise<void> {
  await page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${label}$`) }).first().click();
}

async function startHost(dataDir: string): Promise<{ child: ChildProcess; base: string; logs: string[] }> {
  const logs: string[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env, APP_MODE: 'dev', LOG: 'silent' };
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

const steps: Array<{ name: string; run: (c: Ctx) => Promise<void> }> = [
  {
    name: 'opens the app; the dev persona bar is offered',
    async run({ base, page }) {
      await page.goto(base + '/');
      await shown(page, '[data-testid=devbar]').waitFor();
      const bar = await shown(page, '.devbar-text').innerText();
      if (!bar.includes('开发模式：当前身份')) fail(`persona bar says "${bar}"`);
      await shown(page, '#go-bind').waitFor();
      await shot(page, '01-start', true);
    },
  },
  {
    name: 'picks the villager persona',
    async run({ page, persona }) {
      await shown(page, '.devbar-switch').click();
      await shown(page, `[data-persona="${persona.key}"]`).click();
      await page.waitForFunction(
        (label) => Array.from(document.querySelectorAll('.devbar-text')).some((e) => (e as HTMLElement).innerText.includes(label)),
        persona.label,
        { timeout: 10_000 },
      );
      const stored = await page.evaluate(() => localStorage.getItem('cxt.dev.persona'));
      if (!stored?.includes(persona.openid)) fail('the chosen persona was not stored');
      await shown(page, '#go-bind').waitFor();
      await shot(page, '02-persona-villager', true);
    },
  },
  {
    name: 'a wrong binding code is refused with a plain message',
    async run({ page, persona }) {
      const demo = persona.bindWith!;
      await shown(page, '#go-bind').click();
      await shown(page, '[data-testid=bind-form]').waitFor();
      await shown(page, '#bind-name input').fill(demo.name);
      await shown(page, '#bind-id-number input').fill(demo.idNumber);
      const wrong = demo.bindingCode === 'ABCDEFGH' ? 'HGFEDCBA' : 'ABCDEFGH';
      await shown(page, '#bind-code input').fill(wrong);
      await shown(page, '#bind-consent').click();
      await shown(page, '#bind-submit').click();
      const err = shown(page, '[data-testid=bind-error]');
      await err.waitFor();
      const message = (await err.innerText()).trim();
      if (!/[\u4e00-\u9fff]/.test(message)) fail(`error message is not Chinese: "${message}"`);
      if (await page.locator('[data-testid=entry] >> visible=true').count()) fail('an entry is shown after a wrong code');
      console.log(`      server said: ${message}`);
      await shot(page, '03-wrong-code', true);
    },
  },
  {
    name: '填入演示数据 fills the form; binding shows the masked entry',
    async run({ page, persona }) {
      const demo = persona.bindWith!;
      await shown(page, '[data-testid=demo-fill]').click();
      const values = await Promise.all(['#bind-name', '#bind-id-number', '#bind-code'].map((s) => shown(page, `${s} input`).inputValue()));
      if (values.join('|') !== [demo.name, demo.idNumber, demo.bindingCode].join('|')) fail(`demo fill gave ${values.join(' / ')}`);
      if ((await shown(page, '#bind-consent').getAttribute('aria-checked')) !== 'true') await shown(page, '#bind-consent').click();
      await shown(page, '#bind-submit').click();
      const entry = shown(page, '[data-testid=entry]');
      await entry.waitFor();
      const text = await entry.innerText();
      if (!text.includes(demo.name)) fail('entry does not show the name');
      if (!/\*{4,}/.test(text)) fail('entry does not show a masked ID number');
      if (text.includes(demo.idNumber)) fail('entry shows the full ID number');
      await shown(page, '[data-testid=todo]').waitFor();
      await shot(page, '04-bound-entry', true);
    },
  },
  {
    name: '首页 shows the phase and a live countdown',
    async run({ page }) {
      await tab(page, '首页');
      const phase = shown(page, '[data-testid=phase]');
      await phase.waitFor();
      const label = (await phase.innerText()).trim();
      if (!label) fail('no phase label');
      const countdown = (await shown(page, '[data-testid=countdown-value]').innerText()).replace(/\s+/g, '');
      if (!/^\d+天\d+小时\d+分$/.test(countdown)) fail(`countdown reads "${countdown}"`);
      await shown(page, '[data-testid=timeline]').waitFor();
      if (await page.locator('#go-bind >> visible=true').count()) fail('still asks to bind after binding');
      console.log(`      phase ${label}, ${countdown}`);
      await shot(page, '05-home-bound', true);
    },
  },
  {
    name: '关怀模式 enlarges everything and is remembered',
    async run({ base, page }) {
      await tab(page, '我的');
      const title = shown(page, '#care-switch .card-title');
      await title.waitFor();
      const size = () => title.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      const before = await size();
      await shown(page, '#care-switch').click();
      await page.waitForTimeout(200);
      const after = await size();
      const ratio = after / before;
      if (ratio < 1.2 || ratio > 1.3) fail(`text grew ${before}px → ${after}px (×${ratio.toFixed(2)}), expected ×1.25`);
      await shot(page, '06-me-care', true);
      await tab(page, '首页');
      await shown(page, '.page.care [data-testid=phase]').waitFor();
      await page.goto(base + '/');
      await shown(page, '.page.care [data-testid=countdown-value]').waitFor();
      const button = await shown(page, '.page.care [data-testid=countdown]').boundingBox();
      if (!button) fail('countdown not on screen after reload');
      await shot(page, '07-home-care-after-reload', true);
    },
  },
];

async function main(): Promise<number> {
  if (!existsSync(join(ROOT, 'dist-h5/index.html'))) {
    console.error('e2e: dist-h5/ is missing — run `npm run build:h5` first.');
    console.log(`e2e: 0 passed, ${steps.length} failed`);
    return 1;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`e2e: no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-wqy-zenhei, or set CHROMIUM_PATH).`);
    console.log(`e2e: 0 passed, ${steps.length} failed`);
    return 1;
  }
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'cxt-e2e-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'cxt-e2e-chromium-'));

  let passed = 0;
  let failed = 0;
  let host: Awaited<ReturnType<typeof startHost>> | null = null;
  let context: BrowserContext | null = null;
  try {
    host = await startHost(dataDir);
    const personas = ((await (await fetch(`${host.base}/dev/personas`)).json()) as { personas: Persona[] }).personas;
    const persona = personas.find((p) => p.role === 'villager' && p.bindWith) ?? fail('no villager persona with demo data');
    console.log(`e2e: local host ${host.base}, persona ${persona.label}`);

    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: VIEWPORT,
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    context.setDefaultTimeout(15_000);
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    let broken = false;
    for (const step of steps) {
      if (broken) {
        failed += 1;
        console.log(`  ✗ ${step.name} (not run: an earlier step failed)`);
        continue;
      }
      const t0 = Date.now();
      try {
        await withTimeout(step.run({ base: host.base, page, persona }), STEP_TIMEOUT_MS, step.name);
        if (pageErrors.length) fail(`page error: ${pageErrors.splice(0).join(' | ')}`);
        passed += 1;
        console.log(`  ✓ ${step.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed += 1;
        broken = true;
        console.log(`  ✗ ${step.name}\n      ${(e instanceof Error ? e.message : String(e)).split('\n').join('\n      ')}`);
        const safe = step.name.replace(/[^\w\u4e00-\u9fff]+/g, '-');
        await page.screenshot({ path: join(SHOTS, `FAILED-${safe}.png`), fullPage: true }).catch(() => undefined);
      }
    }
  } catch (e) {
    console.error(`e2e: setup failed: ${e instanceof Error ? e.message : String(e)}`);
    failed = steps.length - passed;
  } finally {
    await context?.close().catch(() => undefined);
    if (host && host.child.exitCode === null) {
      host.child.kill('SIGTERM');
      await withTimeout(new Promise((ok) => host!.child.once('exit', ok)), 5_000, 'stopping the host').catch(() => host!.child.kill('SIGKILL'));
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
  console.log(`e2e: screenshots in ${SHOTS}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed === steps.length ? 0 : 1;
}

const watchdog = setTimeout(() => {
  console.log(`e2e: gave up after ${WATCHDOG_MS / 1000} s`);
  console.log(`e2e: 0 passed, ${steps.length} failed`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    console.log(`e2e: 0 passed, ${steps.length} failed`);
    process.exit(1);
  },
);
