/**
 * The screenshot pass of issue 11 ("every page in both modes at 375 px, the committee pages at
 * 1280 px, looked at"): the app's routes read from src/app.config.ts, a page settled before it is
 * photographed, and the checks every photographed page must pass (screen-probe.browser.js): no
 * overflow past the window's edges, no text spilling out of its box, no raw date, no error box; in 关怀模式 the page really is in
 * 关怀模式. Used by the a11y flow (village pages, with the full accessibility probe) and the
 * screens flow (committee and township pages).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fail, ROOT, SHOTS, shown } from './lib';

const PROBE = join(ROOT, 'test/e2e/screen-probe.browser.js');

export type Mode = 'normal' | 'care';

interface AppConfigShape {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
}

/** Every route of the app, as Taro's router names it (`pages/index/index`, `subpackages/committee/pages/roll/index`). */
export async function appRoutes(): Promise<string[]> {
  // app.config.ts calls Taro's build-time global; here it only has to hand the object back.
  (globalThis as unknown as { defineAppConfig: (c: AppConfigShape) => AppConfigShape }).defineAppConfig = (c) => c;
  const config = ((await import('../../src/app.config')) as unknown as { default: AppConfigShape }).default;
  return [...config.pages, ...(config.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
}

/** Loaded: the page is on screen, no loading card or 正在加载 text left. Waits on state only. */
export async function settle(page: Page): Promise<void> {
  await shown(page, '.page').waitFor();
  await page.waitForFunction(
    () => {
      const pageEl = Array.from(document.querySelectorAll('.page')).find((e) => (e as HTMLElement).offsetParent !== null) as HTMLElement | undefined;
      if (!pageEl || !Array.from(pageEl.querySelectorAll('.card, .notice')).some((e) => !e.closest('.devbar'))) return false;
      if (Array.from(pageEl.querySelectorAll('[data-testid=loading]')).some((e) => (e as HTMLElement).offsetParent !== null)) return false;
      return !/正在加载/.test(pageEl.innerText);
    },
    undefined,
    { timeout: 0 },
  );
}

/** Whether the page on screen is in the mode it should be (the care root class is set from storage). */
export async function inMode(page: Page, mode: Mode): Promise<boolean> {
  return (await page.evaluate('document.documentElement.classList.contains("care")')) === (mode === 'care');
}

/** What is wrong with the page on screen, one line each (empty: nothing). */
export async function screenProblems(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate('typeof window.__screenProbe === "function"'))) await page.addScriptTag({ path: PROBE });
  const p = (await page.evaluate('window.__screenProbe()')) as { overflow: string[]; spilled: string[]; rawDates: string[]; errors: string[]; widthPx: number };
  const out: string[] = [];
  for (const o of p.overflow) out.push(`${where}: past the window's edge: ${o}`);
  for (const o of p.spilled) out.push(`${where}: text spills out of its box: ${o}`);
  if (p.rawDates.length) out.push(`${where}: raw dates on screen: ${p.rawDates.join(', ')}`);
  for (const e of p.errors) out.push(`${where}: an error box: ${e}`);
  return out;
}

/** A whole-page photograph at `size` (the window grows to the page's height: Taro H5 scrolls inside the page). */
export async function wholeShot(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  await page.evaluate('document.fonts.ready');
  // A taller window can change the layout (a card that loads as it comes into view, text
  // reflowing): grow until the height holds, so the photograph is never cut off.
  let height = 0;
  for (let round = 0; round < 4; round++) {
    const h = Math.min(12_000, Math.max(size.height, Math.ceil(await shown(page, '.page').evaluate((e) => e.scrollHeight)) + 60));
    if (h === height) break;
    height = h;
    await page.setViewportSize({ width: size.width, height });
    // Layout follows the resize in the next frames: wait for two animation frames, not a fixed time.
    await page.evaluate('new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))');
  }
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.setViewportSize(size);
}

/** Fails with every problem found, or passes. */
export function failOn(problems: string[]): void {
  if (problems.length) fail(`${problems.length} problems:\n${problems.slice(0, 40).join('\n')}${problems.length > 40 ? `\n… and ${problems.length - 40} more` : ''}`);
}
