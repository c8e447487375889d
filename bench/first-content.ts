/**
 * First screen under a throttled phone profile (issue 11): 4× CPU slowdown, 400 ms latency,
 * 400 kbps both ways — Chromium's own throttling over CDP (Emulation.setCPUThrottlingRate,
 * Network.emulateNetworkConditions), on the built H5 app (dist-h5/) served by the local host.
 *
 * For 首页 as the demo villager, cold (empty cache) and warm (second visit, same profile):
 * - `paint_ms`: first contentful paint (the loading state painted from the HTML);
 * - `content_ms`: the home page's own content on screen (a `.page .card` that is not the
 *   loading card), stamped in the page by a MutationObserver, so polling adds nothing;
 * - `kib`: bytes over the wire (encoded, headers included) and `requests`.
 * Printed, and merged into bench/results.json under `metrics` as `firstcontent.*`.
 * `npx tsx bench/first-content.ts` runs it alone; `npm run bench` calls it. No test asserts it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(__dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PROFILE = { cpuSlowdown: 4, latencyMs: 400, kbps: 400 };

interface Visit {
  paint_ms: number | null;
  content_ms: number | null;
  kib: number;
  requests: number;
}

async function startHost(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, APP_MODE: 'dev', LOG: 'silent' };
  delete env.PORT;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/local/start.ts', '--port', '0', '--data-dir', dataDir, '--no-build'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise<number>((ok, ko) => {
    const timer = setTimeout(() => ko(new Error('local host did not start in 180 s')), 180_000);
    child.stdout!.on('data', (b: Buffer) => {
      const m = /LISTENING (\d+)/.exec(b.toString('utf8'));
      if (!m) return;
      clearTimeout(timer);
      ok(Number(m[1]));
    });
    child.once('exit', (code) => ko(new Error(`local host exited (code ${code})`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** Stamps, inside the page, when the home page's own content first shows. */
const STAMP = `(() => {
  const seen = () => Array.from(document.querySelectorAll('.page .card')).some((e) => e.getAttribute('data-testid') !== 'loading' && e.getBoundingClientRect().height > 0);
  const watch = new MutationObserver(() => { if (!window.__firstContent && seen()) { window.__firstContent = performance.now(); watch.disconnect(); } });
  document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true, attributes: true }));
})();`;

async function visit(context: BrowserContext, url: string, clearCache: boolean): Promise<Visit> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (clearCache) await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PROFILE.latencyMs, downloadThroughput: (PROFILE.kbps * 1000) / 8, uploadThroughput: (PROFILE.kbps * 1000) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __firstContent?: number }).__firstContent, undefined, { timeout: 120_000, polling: 250 });
  const times = await page.evaluate(() => ({
    content: (window as unknown as { __firstContent?: number }).__firstContent ?? null,
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  // Let late requests (the page's data) finish before counting bytes.
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
  await page.close();
  const ms = (v: number | null) => (v === null ? null : Math.round(v));
  return { paint_ms: ms(times.paint), content_ms: ms(times.content), kib: Math.round(bytes / 102.4) / 10, requests };
}

/** Runs the measurement; returns flat `firstcontent.*` metrics (empty when there is no build or browser). */
export async function firstContentFigures(log: (line: string) => void = console.log): Promise<Record<string, number | null>> {
  const missing = !existsSync(join(ROOT, 'dist-h5', 'index.html')) ? 'no dist-h5/ (run npx taro build --type h5 first)' : !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : null;
  if (missing) {
    log(`firstcontent: ${missing}; skipped`);
    return {};
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'cxt-firstcontent-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'cxt-firstcontent-chromium-'));
  const host = await startHost(dataDir);
  let context: BrowserContext | null = null;
  try {
    const personas = JSON.parse(readFileSync(join(dataDir, 'dev-personas.json'), 'utf8')) as { personas: { key: string }[] };
    const villager = JSON.stringify(personas.personas.find((p) => p.key === 'villager'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
    });
    await context.addInitScript(`try { localStorage.setItem('cxt.dev.persona', ${JSON.stringify(villager)}); } catch (e) {} ${STAMP}`);
    const url = `${host.base}/#/pages/index/index`;
    const cold = await visit(context, url, true);
    const warm = await visit(context, url, false);
    const out = {
      'firstcontent.cold.paint_ms': cold.paint_ms,
      'firstcontent.cold.content_ms': cold.content_ms,
      'firstcontent.cold.kib': cold.kib,
      'firstcontent.cold.requests': cold.requests,
      'firstcontent.warm.paint_ms': warm.paint_ms,
      'firstcontent.warm.content_ms': warm.content_ms,
      'firstcontent.warm.kib': warm.kib,
      'firstcontent.warm.requests': warm.requests,
    };
    log(`firstcontent (首页, ${PROFILE.cpuSlowdown}× CPU, ${PROFILE.latencyMs} ms, ${PROFILE.kbps} kbps):`);
    for (const [k, v] of Object.entries(out)) log(`  ${k.padEnd(32)} ${v}`);
    return out;
  } finally {
    await context?.close();
    host.child.kill('SIGTERM');
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Measures and merges the figures into bench/results.json (`metrics`), keeping what is there. */
export async function mergeFirstContent(file = join(__dirname, 'results.json')): Promise<void> {
  const figures = await firstContentFigures();
  if (!Object.keys(figures).length) return;
  const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { metrics?: Record<string, unknown> }) : {};
  writeFileSync(file, JSON.stringify({ ...current, metrics: { ...(current.metrics ?? {}), ...figures } }, null, 2) + '\n');
}

if (require.main === module) {
  mergeFirstContent().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
