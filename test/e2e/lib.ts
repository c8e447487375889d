/** Shared pieces of the browser e2e: the flow/step types and small page helpers. */
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const SHOTS = join(ROOT, 'test-results/e2e');
export const VIEWPORT = { width: 390, height: 844 };

export interface Persona {
  key: string;
  label: string;
  role: string;
  openid: string;
  hint: string;
  bindWith: { name: string; idNumber: string; bindingCode: string } | null;
}

export interface FlowCtx {
  base: string;
  page: Page;
  personas: Persona[];
  /** The local host's data directory (already seeded when the flow starts). */
  dataDir: string;
  /** Values one step leaves for the next. */
  state: Record<string, unknown>;
  /** Restart the local host on the same data with its clock starting at `clockAt` (ISO); `base` changes. */
  restartHostAt(clockAt: string): Promise<void>;
}

export interface Step {
  name: string;
  run: (c: FlowCtx) => Promise<void>;
  /** Default 30 s. */
  timeoutMs?: number;
}

/** A flow runs on its own host, data directory and browser profile. */
export interface Flow {
  name: string;
  steps: Step[];
  /** Seed so that today falls in this election phase (default: the host's own seed, registration). */
  seedPhase?: 'registration' | 'objections' | 'nomination' | 'candidates' | 'campaign' | 'electionDay';
}

export function fail(message: string): never {
  throw new Error(message);
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
    }),
  ]);
}

/** Only what is on screen: Taro keeps visited tab pages in the DOM, hidden. */
export function shown(page: Page, selector: string): Locator {
  return page.locator(`${selector} >> visible=true`).first();
}

/** `whole`: grow the window to the page's height first (Taro H5 scrolls inside the page). */
export async function shot(page: Page, name: string, whole = false): Promise<void> {
  if (whole) {
    const h = await shown(page, '.page').evaluate((e) => e.scrollHeight);
    await page.setViewportSize({ width: VIEWPORT.width, height: Math.min(12_000, Math.max(VIEWPORT.height, Math.ceil(h) + 60)) });
    await page.waitForTimeout(150);
  }
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  if (whole) await page.setViewportSize(VIEWPORT);
}

export async function tab(page: Page, label: string): Promise<void> {
  await page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${label}$`) }).first().click();
}

export function persona(c: FlowCtx, key: string): Persona {
  return c.personas.find((p) => p.key === key) ?? fail(`no dev persona "${key}"`);
}

let loads = 0;
/** Open a page of the app as a persona (stored as the persona picker stores it), with a full load. */
export async function openAs(c: FlowCtx, key: string, route: string): Promise<void> {
  const p = persona(c, key);
  // localStorage belongs to the app's origin: a fresh tab is still on about:blank.
  if (!c.page.url().startsWith(c.base)) await c.page.goto(`${c.base}/`);
  await c.page.evaluate((v) => localStorage.setItem('cxt.dev.persona', v), JSON.stringify(p));
  await c.page.goto(`${c.base}/?load=${++loads}#/${route.replace(/^\//, '')}`);
  await c.page.waitForFunction(
    (label) => Array.from(document.querySelectorAll('.devbar-text')).some((e) => (e as HTMLElement).innerText.includes(label)),
    p.label,
    { timeout: 0 },
  );
}

/** Call a cloud function on the local host as a persona (setup reads only). */
export async function api<T>(c: FlowCtx, key: string, fn: string, event: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${c.base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-Openid': persona(c, key).openid },
    body: JSON.stringify(event),
  });
  const body = (await res.json()) as { ok: boolean; data?: T; message?: string };
  if (!body.ok) fail(`${fn}.${String(event.action)} refused: ${body.message}`);
  return body.data as T;
}

/** 我的登记 → 填入演示数据 → agree → 绑定, as the dev persona `key`; waits for the bound entry. */
export async function bindAs(c: FlowCtx, key: string): Promise<void> {
  await openAs(c, key, 'pages/registration/index');
  await shown(c.page, '[data-testid=bind-form]').waitFor();
  await shown(c.page, '[data-testid=demo-fill]').click();
  if ((await shown(c.page, '#bind-consent').getAttribute('aria-checked')) !== 'true') await shown(c.page, '#bind-consent').click();
  await shown(c.page, '#bind-submit').click();
  // Every task ends on its finish box (what was done, when, what next); closing it shows the entry.
  await shown(c.page, '[data-testid=bind-done]').waitFor();
  await shown(c.page, '#finish-back').click();
  await shown(c.page, '[data-testid=entry]').waitFor();
}

/** The finish box of a task: its three parts, the date written in words (2027年1月8日（星期五）). */
export async function finishBox(page: Page, testId: string): Promise<{ what: string; when: string; next: string }> {
  const box = shown(page, `[data-testid=${testId}]`);
  await box.waitFor();
  const part = async (p: string) => (await box.locator(`[data-testid=task-done-${p}]`).innerText()).replace(/\s+/g, ' ');
  const out = { what: await part('what'), when: await part('when'), next: await part('next') };
  if (!/\d{4}年\d{1,2}月\d{1,2}日（星期[日一二三四五六]）/.test(out.when)) fail(`${testId}: 什么时候 reads "${out.when}"`);
  if (!out.what.trim() || !out.next.trim()) fail(`${testId}: a part is empty: ${JSON.stringify(out)}`);
  return out;
}

/** Taro H5's showModal: press its confirm button. */
export async function confirmModal(page: Page): Promise<void> {
  const ok = page.locator('.taro-model__confirm >> visible=true').first();
  await ok.waitFor();
  await ok.click();
}

/**
 * An irreversible committee step's dialog: waits for the counts the server gave, returns the
 * dialog's text, ticks the explicit confirmation when it is asked for, then confirms.
 */
export async function confirmStep(page: Page, step: string): Promise<string> {
  const dialog = shown(page, `[data-testid=irreversible-dialog][data-step=${step}]`);
  await dialog.waitFor();
  await shown(page, '[data-testid=step-cutoffs]').waitFor();
  const said = await dialog.innerText();
  if (await page.locator('#step-tick >> visible=true').count()) await shown(page, '#step-tick').click();
  await shown(page, '#step-confirm').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=irreversible-dialog]'), undefined, { timeout: 0 });
  return said;
}

/** Rows of Taro H5's picker: each column is dragged to the row whose text is wanted, then 确定. */
async function pickColumns(page: Page, trigger: string, wanted: string[]): Promise<void> {
  await shown(page, trigger).click();
  const picker = page.locator('.weui-picker >> visible=true').first();
  await picker.waitFor();
  await page.waitForTimeout(400); // the sheet slides in
  for (let col = 0; col < wanted.length; col++) {
    const group = picker.locator('.weui-picker__group').nth(col);
    // Long moves go in gestures of at most three rows, centred on the column, so the pointer stays
    // on the sheet (a long drag from the centre leaves the screen and the picker never sees it).
    for (let gesture = 0; gesture < 16; gesture++) {
      const state = await group.evaluate((g, want) => {
        const items = Array.from(g.querySelectorAll('.weui-picker__item')).map((e) => (e as HTMLElement).innerText.trim());
        const content = g.querySelector('.weui-picker__content') as HTMLElement;
        const y = Number(/translate3d\([^,]+,\s*(-?[\d.]+)px/.exec(content.style.transform)?.[1] ?? '0');
        return { target: items.indexOf(want), y };
      }, wanted[col]!);
      if (state.target < 0) fail(`picker column ${col} has no row "${wanted[col]}"`);
      // The component's own geometry: rows 34 px, the selected row 102 px from the top.
      const current = Math.round((102 - state.y) / 34);
      const rows = Math.max(-3, Math.min(3, current - state.target));
      if (rows === 0) break;
      const delta = rows * 34;
      const box = (await group.boundingBox()) ?? fail('picker column not on screen');
      const x = box.x + box.width / 2;
      const y0 = box.y + box.height / 2 - delta / 2;
      await page.mouse.move(x, y0);
      await page.mouse.down();
      await page.mouse.move(x, y0 + delta, { steps: 8 });
      await page.mouse.up();
      await page.waitForTimeout(200);
    }
  }
  await picker.locator('.weui-picker__action', { hasText: '确定' }).click();
  await page.waitForTimeout(350);
}

/** A civil date through the picker (never typed): `2026-02-20`. */
export async function pickDate(page: Page, trigger: string, day: string): Promise<void> {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // Taro's H5 picker writes months and days with two digits (09月, 06日).
  await pickColumns(page, trigger, [`${y}年`, `${String(m).padStart(2, '0')}月`, `${String(d).padStart(2, '0')}日`]);
  const got = await shown(page, trigger).getAttribute('data-value');
  if (got !== day) fail(`picked ${day} in ${trigger}, the field holds ${got}`);
}

/** A time of day through the picker: `08:00`. */
export async function pickTime(page: Page, trigger: string, hhmm: string): Promise<void> {
  const [h, m] = hhmm.split(':') as [string, string];
  await pickColumns(page, trigger, [h, m]);
  const got = await shown(page, trigger).getAttribute('data-value');
  if (got !== hhmm) fail(`picked ${hhmm} in ${trigger}, the field holds ${got}`);
}
