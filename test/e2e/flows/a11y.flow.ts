/**
 * Accessibility of every village-facing page (issue 11), in normal mode and in 关怀模式, at 375 px:
 *  - axe-core: any serious or critical violation fails;
 *  - measured: the smallest visible text (text boxes included) against the mode's minimum, the
 *    page's body size, every clickable element's box (≥ 60 px both ways) and every visible text's
 *    contrast against what it is drawn on (WCAG 2, ≥ 4.5:1) — test/e2e/a11y-probe.browser.js;
 *  - one line per page with the figures, and a full-page screenshot a11y-<mode>-<page>.png.
 * Each page step records its violations and goes on, so one run shows them all; the last step
 * fails when any page had one. Taro's own dialog (showModal, here 解除绑定) is measured open.
 * Seeded in the campaign phase (voter list out, candidates known, 委托投票 open); the committee
 * publishes one notice so that 公告 and its detail page have content.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { api, bindAs, fail, openAs, ROOT, SHOTS, shown, type Flow, type FlowCtx, type Step } from '../lib';
import { screenProblems } from '../screens';

const WIDTH = 375;
const HEIGHT = 812;
const PROBE = join(ROOT, 'test/e2e/a11y-probe.browser.js');
/** Project large-text standard (README 关怀模式): smallest text and body size in CSS px per mode. */
const MIN = {
  normal: { text: 17, body: 18 },
  care: { text: 20, body: 20 },
} as const;
const MIN_TARGET_PX = 60;
const MIN_CONTRAST = 4.5;

type Mode = keyof typeof MIN;
interface Probe {
  bodyPx: number;
  texts: { text: string; px: number; ratio: number | null }[];
  targets: { label: string; w: number; h: number }[];
}
interface AxeHit {
  id: string;
  impact: string;
  nodes: string[];
}

const VILLAGE = 'subpackages/village/pages';
/** Every village-facing page; `query` adds what the page needs (the notice to show). */
const PAGES: { name: string; path: string; query?: (c: FlowCtx) => string }[] = [
  { name: 'index', path: 'pages/index/index' },
  { name: 'notices', path: 'pages/notices/index' },
  { name: 'notice-detail', path: 'subpackages/notice/pages/detail/index', query: (c) => `id=${encodeURIComponent(String(c.state.noticeId))}` },
  { name: 'registration', path: 'pages/registration/index' },
  { name: 'me', path: 'pages/me/index' },
  { name: 'nominate', path: `${VILLAGE}/nominate/index` },
  { name: 'verify', path: `${VILLAGE}/verify/index` },
  { name: 'proxy-mine', path: `${VILLAGE}/proxy-mine/index` },
  { name: 'proxy-request', path: `${VILLAGE}/proxy-request/index` },
  { name: 'proxy-incoming', path: `${VILLAGE}/proxy-incoming/index` },
];
/** The routes this flow photographs in both modes (the screens flow photographs the rest). */
export const A11Y_ROUTES: readonly string[] = PAGES.map((p) => p.path);

function axePath(): string {
  try {
    return createRequire(join(ROOT, 'package.json')).resolve('axe-core/axe.min.js');
  } catch {
    return fail('axe-core is not installed: it is a devDependency, run `npm install`');
  }
}

function problems(c: FlowCtx): string[] {
  return (c.state.problems ??= []) as string[];
}

/** Loaded, no loading card left, no request in flight. */
async function settle(page: Page): Promise<void> {
  await shown(page, '.page').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('[data-testid=loading]')).some((e) => (e as HTMLElement).offsetParent !== null), undefined, { timeout: 0 });
}

async function runAxe(page: Page): Promise<AxeHit[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ path: axePath() });
  return (await page.evaluate(`axe.run({ exclude: [['.devbar']] }, { resultTypes: ['violations'] }).then((r) => r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`)) as AxeHit[];
}

async function probe(page: Page): Promise<Probe> {
  if (!(await page.evaluate('typeof window.__a11yProbe === "function"'))) await page.addScriptTag({ path: PROBE });
  return (await page.evaluate('window.__a11yProbe()')) as Probe;
}

async function screenshot(page: Page, name: string): Promise<void> {
  const h = await shown(page, '.page').evaluate((e) => e.scrollHeight);
  await page.setViewportSize({ width: WIDTH, height: Math.min(12_000, Math.max(HEIGHT, Math.ceil(h) + 60)) });
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
}

/** Measure what is on screen now; print one line; record every violation. */
async function check(c: FlowCtx, mode: Mode, name: string): Promise<void> {
  const { page } = c;
  const p = await probe(page);
  const axe = await runAxe(page);
  const min = MIN[mode];
  const where = `${mode} ${name}`;
  const smallest = p.texts.reduce((a, t) => (t.px < a.px ? t : a), { text: '', px: Infinity, ratio: null as number | null });
  const ratios = p.texts.filter((t) => t.ratio !== null);
  const dimmest = ratios.reduce((a, t) => ((t.ratio ?? 99) < (a.ratio ?? 99) ? t : a), { text: '', px: 0, ratio: 99 as number | null });
  const tap = p.targets.reduce((a, t) => (Math.min(t.w, t.h) < Math.min(a.w, a.h) ? t : a), { label: '', w: Infinity, h: Infinity });
  console.log(
    `  a11y ${where}: body ${p.bodyPx.toFixed(1)}px, smallest text ${smallest.px.toFixed(1)}px "${smallest.text}" (${p.texts.length} texts), ` +
      `smallest target ${Math.min(tap.w, tap.h)}px "${tap.label}" (${p.targets.length} targets), ` +
      `lowest contrast ${(dimmest.ratio ?? 0).toFixed(2)}:1 "${dimmest.text}", axe serious/critical ${axe.length}`,
  );
  const out = problems(c);
  if (p.bodyPx < min.body) out.push(`${where}: body text ${p.bodyPx}px < ${min.body}px`);
  for (const t of p.texts) if (t.px < min.text) out.push(`${where}: text ${t.px}px < ${min.text}px: "${t.text}"`);
  for (const t of p.texts) if (t.ratio !== null && t.ratio < MIN_CONTRAST) out.push(`${where}: contrast ${t.ratio.toFixed(2)}:1 < ${MIN_CONTRAST}:1: "${t.text}"`);
  for (const t of p.targets) if (t.w < MIN_TARGET_PX || t.h < MIN_TARGET_PX) out.push(`${where}: target ${t.w}×${t.h}px < ${MIN_TARGET_PX}px: "${t.label}"`);
  for (const a of axe) out.push(`${where}: axe ${a.impact} ${a.id} at ${a.nodes.join(' | ')}`);
  // The screenshot pass's checks too: nothing past the window's edge, no raw date, no error box.
  out.push(...(await screenProblems(page, where)));
}

async function pageStep(c: FlowCtx, mode: Mode, name: string, route: string, persona = 'migrant'): Promise<void> {
  await openAs(c, persona, route);
  await settle(c.page);
  if ((await c.page.evaluate('document.documentElement.classList.contains("care")')) !== (mode === 'care')) fail(`${name}: the page is not in ${mode} mode`);
  await check(c, mode, name);
  await screenshot(c.page, `a11y-${mode}-${name}`);
}

/** 我的 → 解除绑定 opens Taro's showModal: measure it open, then 取消. */
async function dialogStep(c: FlowCtx, mode: Mode): Promise<void> {
  await openAs(c, 'migrant', 'pages/me/index');
  await settle(c.page);
  await shown(c.page, '#me-unbind').click();
  await shown(c.page, '.taro-modal__content').waitFor();
  await c.page.waitForTimeout(300); // the modal fades in (opacity transition)
  await check(c, mode, 'unbind-dialog');
  await c.page.screenshot({ path: join(SHOTS, `a11y-${mode}-unbind-dialog.png`) });
  await shown(c.page, '.taro-model__cancel').click();
  await c.page.locator('.taro-modal__content >> visible=true').waitFor({ state: 'detached' }).catch(() => undefined);
}

/** 我的登记 before binding → one of its forms (`go` opens it): text boxes, a textarea, a picker. */
async function formStep(c: FlowCtx, mode: Mode, name: string, go: string, form: string, must: string): Promise<void> {
  // As from the QR code on the posted notice: the election comes with the link.
  await openAs(c, 'villager', `pages/registration/index?electionId=${encodeURIComponent(String(c.state.electionId))}`);
  await settle(c.page);
  await shown(c.page, `#${go}`).click();
  await shown(c.page, form).waitFor();
  await shown(c.page, must).waitFor();
  await check(c, mode, name);
  await screenshot(c.page, `a11y-${mode}-${name}`);
}

/** 申请登记 → 居住开始日期: the picker Taro draws over the page, measured open, then 取消. */
async function pickerStep(c: FlowCtx, mode: Mode): Promise<void> {
  await formStep(c, mode, 'apply', 'go-apply', '[data-testid=apply-form]', '[data-testid=apply-form] taro-picker-core');
  await shown(c.page, '[data-testid=apply-form] taro-picker-core').click();
  await shown(c.page, '.weui-picker').waitFor();
  await c.page.waitForTimeout(400); // the wheel slides up
  await check(c, mode, 'apply-picker');
  await c.page.screenshot({ path: join(SHOTS, `a11y-${mode}-apply-picker.png`) });
  await shown(c.page, '.weui-picker__action').click();
}

function modeSteps(mode: Mode): Step[] {
  return [
    { name: `${mode}: 我的登记 before binding (the bind form's text boxes)`, run: (c) => pageStep(c, mode, 'registration-unbound', 'pages/registration/index', 'villager') },
    { name: `${mode}: 我不在名单上 form (a textarea)`, run: (c) => formStep(c, mode, 'self-objection', 'go-self-object', '[data-testid=self-objection-form]', '#self-objection-details') },
    { name: `${mode}: the date picker open (Taro H5 wheel)`, run: (c) => pickerStep(c, mode) },
    ...PAGES.map((pg) => ({ name: `${mode}: ${pg.name}`, run: (c: FlowCtx) => pageStep(c, mode, pg.name, pg.query ? `${pg.path}?${pg.query(c)}` : pg.path) })),
    { name: `${mode}: the 解除绑定 dialog (Taro showModal)`, run: (c: FlowCtx) => dialogStep(c, mode) },
  ];
}

const steps: Step[] = [
  {
    name: 'the migrant binds at 375 px; a notice to open is found',
    async run(c) {
      await c.page.setViewportSize({ width: WIDTH, height: HEIGHT });
      await c.page.goto(c.base + '/');
      await bindAs(c, 'migrant');
      // The campaign seed has no notice yet: the committee publishes one (wording by the village helper's pages, not measured here).
      const who = await api<{ elections: Array<{ id: string }> }>(c, 'committee', 'identity', { action: 'whoami' });
      const electionId = (who.elections[0] ?? fail('the committee persona has no election')).id;
      c.state.electionId = electionId;
      const body = '本村选民登记已经结束。选举日当天请带上身份证，到村委会参加投票。不能到场的，可以办理委托投票。';
      await api(c, 'committee', 'committee', { action: 'publishNotice', electionId, type: 'freeText', title: '关于投票的通知', body });
      await openAs(c, 'migrant', 'pages/notices/index');
      const first = shown(c.page, '[data-testid=notice-item]');
      await first.waitFor();
      c.state.noticeId = (await first.getAttribute('data-id')) ?? fail('a notice item without data-id');
    },
  },
  ...modeSteps('normal'),
  {
    name: '我的 → 关怀模式 on (the switch itself)',
    async run(c) {
      await openAs(c, 'migrant', 'pages/me/index');
      await shown(c.page, '#care-switch').click();
      await shown(c.page, '.page.care #care-switch[aria-checked=true]').waitFor();
    },
  },
  ...modeSteps('care'),
  {
    name: 'no page has an accessibility violation in either mode',
    async run(c) {
      const out = problems(c);
      if (out.length) fail(`${out.length} violations:\n${out.slice(0, 60).join('\n')}${out.length > 60 ? `\n… and ${out.length - 60} more` : ''}`);
    },
  },
];

export const a11yFlow: Flow = { name: 'a11y', seedPhase: 'campaign', steps };
