/**
 * The screenshot pass (issue 11 "Done when"): every committee and township page of
 * src/app.config.ts, photographed as the persona who can open it — whole at 375 px in normal
 * mode and in 关怀模式, and the first screen at 1280×800 — each one settled (no loading card) and checked
 * (test/e2e/screens.ts: nothing past the window's edge, no raw date, no error box; at 1280 px the
 * console's width capped). Village pages are photographed and measured by the a11y flow in both
 * modes; the first step here fails when a route of the app is in neither list, so a new page
 * cannot go unphotographed. Screenshots: screen-<phone|wide>-<mode>-<route>.png.
 * Seeded in the campaign phase (voter list out, candidates known, 委托投票 open) with one notice
 * published, so the pages have content.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { api, fail, openAs, SHOTS, shown, VIEWPORT, type Flow, type FlowCtx, type Step } from '../lib';
import { appRoutes, failOn, inMode, screenProblems, settle, wholeShot, type Mode } from '../screens';
import { A11Y_ROUTES } from './a11y.flow';

const PHONE = { width: 375, height: 812 };
const WIDE = { width: 1280, height: 800 };
const CARE_KEY = 'cxt.careMode';

/** Who can open a route, and the query it needs (a notice to show, a village to list). */
function visit(c: FlowCtx, route: string): { persona: string; url: string } {
  const persona = route.startsWith('subpackages/committee/') ? 'committee' : route.startsWith('subpackages/township/') ? 'township' : fail(`${route} is not a committee or township page`);
  const query: Record<string, string> = {
    'subpackages/committee/pages/notices-stats/index': `id=${encodeURIComponent(String(c.state.noticeId))}`,
    'subpackages/township/pages/members/index': `villageId=${encodeURIComponent(String(c.state.villageId))}`,
  };
  return { persona, url: query[route] ? `${route}?${query[route]}` : route };
}

/** `subpackages/committee/pages/roll/index` → `committee-roll`. */
const shortName = (route: string) => route.replace(/^subpackages\//, '').replace('/pages/', '-').replace(/\/index$/, '');

function routes(c: FlowCtx): string[] {
  return (c.state.routes as string[] | undefined) ?? fail('no routes: the first step did not run');
}

/** Store 关怀模式 as the 我的 switch does (Taro H5 keeps storage as {"data": value}). */
async function setMode(page: Page, mode: Mode): Promise<void> {
  await page.evaluate(([k, on]) => localStorage.setItem(k as string, JSON.stringify({ data: on })), [CARE_KEY, mode === 'care'] as const);
}

/** One pass over every committee and township page at one size in one mode. */
async function pass(c: FlowCtx, label: 'phone' | 'wide', mode: Mode): Promise<void> {
  const size = label === 'phone' ? PHONE : WIDE;
  await c.page.setViewportSize(size);
  if (!c.page.url().startsWith(c.base)) await c.page.goto(`${c.base}/`);
  await setMode(c.page, mode);
  const problems: string[] = [];
  for (const route of routes(c)) {
    const { persona, url } = visit(c, route);
    await openAs(c, persona, url);
    await settle(c.page);
    const where = `${label} ${mode} ${shortName(route)}`;
    if (!(await inMode(c.page, mode))) problems.push(`${where}: the page is not in ${mode} mode`);
    problems.push(...(await screenProblems(c.page, where)));
    if (label === 'wide') {
      const width = await shown(c.page, '.page').evaluate((e) => e.getBoundingClientRect().width);
      if (width > 1200) problems.push(`${where}: content ${Math.round(width)} px wide on a 1280 px screen`);
    }
    // Phones: the whole page. The PC: the 1280×800 screen the clerk sees (the checks above cover
    // the whole page; a whole 2560 px-wide photograph per page cost more time than it showed).
    if (label === 'phone') await wholeShot(c.page, `screen-${label}-${mode}-${shortName(route)}`, size);
    else await c.page.screenshot({ path: join(SHOTS, `screen-${label}-${mode}-${shortName(route)}.png`) });
  }
  await setMode(c.page, 'normal');
  await c.page.setViewportSize(VIEWPORT);
  failOn(problems);
}

const steps: Step[] = [
  {
    name: 'every route of app.config.ts is photographed by this flow or by the a11y flow; a notice is published',
    async run(c) {
      const all = await appRoutes();
      const mine = all.filter((r) => /^subpackages\/(committee|township)\//.test(r));
      const a11y = new Set(A11Y_ROUTES);
      const missing = all.filter((r) => !mine.includes(r) && !a11y.has(r));
      if (missing.length) fail(`routes no flow photographs: ${missing.join(', ')}`);
      c.state.routes = mine;
      const who = await api<{ elections: Array<{ id: string }>; committeeOf: Array<{ villageId: string }> }>(c, 'committee', 'identity', { action: 'whoami' });
      const electionId = (who.elections[0] ?? fail('the committee persona has no election')).id;
      c.state.villageId = (who.committeeOf[0] ?? fail('the committee persona has no village')).villageId;
      const out = await api<{ notice: { id: string } }>(c, 'committee', 'committee', {
        action: 'publishNotice',
        electionId,
        type: 'freeText',
        title: '关于投票的通知',
        body: '本村选民登记已经结束。选举日当天请带上身份证，到村委会参加投票。不能到场的，可以办理委托投票。',
      });
      c.state.noticeId = (out.notice ?? fail('publishNotice answered no notice')).id;
    },
  },
  {
    name: 'the roll writes its dates in words: an opened entry with a declaration and one with a meeting',
    async run(c) {
      await c.page.setViewportSize(PHONE);
      const problems: string[] = [];
      for (const [category, what] of [
        ['B', /（\d{4}年\d{1,2}月\d{1,2}日（星期[日一二三四五六]））/],
        ['C', /（\d{4}年\d{1,2}月\d{1,2}日（星期[日一二三四五六]），/],
      ] as const) {
        await openAs(c, 'committee', `subpackages/committee/pages/roll/index?category=${category}&status=registered`);
        await shown(c.page, '[data-testid=roll-list] .roll-row').waitFor();
        await shown(c.page, '[data-testid=roll-list] .roll-row').click();
        const details = await shown(c.page, '[data-testid=entry-details]').innerText();
        if (!what.test(details)) problems.push(`category ${category}: the opened entry reads "${details}"`);
        problems.push(...(await screenProblems(c.page, `roll category ${category}, entry open`)));
        await wholeShot(c.page, `screen-phone-normal-committee-roll-entry-${category}`, PHONE);
      }
      await c.page.setViewportSize(VIEWPORT);
      failOn(problems);
    },
  },
  { name: 'every committee and township page at 375 px, normal mode', timeoutMs: 120_000, run: (c) => pass(c, 'phone', 'normal') },
  { name: 'every committee and township page at 375 px, 关怀模式', timeoutMs: 120_000, run: (c) => pass(c, 'phone', 'care') },
  { name: 'every committee and township page at 1280×800', timeoutMs: 120_000, run: (c) => pass(c, 'wide', 'normal') },
];

export const screensFlow: Flow = { name: 'screens', seedPhase: 'campaign', steps };
