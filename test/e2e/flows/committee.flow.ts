/**
 * The clerk's console (issue 11): a PC at 1280 px gets normal-size text, a dense roll table with
 * sort, search by name or group and filters, 50 a page; a phone gets one roll row in ≤ 120 px;
 * pages have 返回 in the browser (every committee page is photographed by the screens flow).
 * And the first screen: a loading state in the HTML, compressed scripts from the local host.
 */
import { get } from 'node:http';
import type { Page } from 'playwright-core';
import { fail, openAs, shot, shown, type Flow, type FlowCtx } from '../lib';

const ROOT_PATH = 'subpackages/committee/pages';
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };

/** Font size and box height of what is on screen (the persona bar is dev-only chrome). */
async function measure(page: Page): Promise<{ minFont: number; bodyFont: number; maxButton: number }> {
  // A string: tsx would wrap named helpers inside an evaluated function in __name().
  return page.evaluate(`(() => {
    function visible(e) {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && !e.closest('.devbar');
    }
    const all = (sel) => Array.from(document.querySelectorAll(sel)).filter(visible);
    const sizes = all('.page .text, .page .row-key, .page .field-label, .page .card-title, .page .rc').map((e) => parseFloat(getComputedStyle(e).fontSize));
    const body = all('.page .text:not(.small)').map((e) => parseFloat(getComputedStyle(e).fontSize));
    const buttons = all('.page .btn').map((e) => e.getBoundingClientRect().height);
    return { minFont: Math.min(...sizes), bodyFont: body.length ? Math.max(...body) : 0, maxButton: buttons.length ? Math.max(...buttons) : 0 };
  })()`);
}

function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((ok, ko) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }));
    }).on('error', ko);
  });
}

async function openRoll(c: FlowCtx): Promise<void> {
  await openAs(c, 'committee', `${ROOT_PATH}/roll/index`);
  await shown(c.page, '[data-testid=roll-list] .roll-row').waitFor({ timeout: 20_000 });
}

export const committeeFlow: Flow = {
  name: 'committee',
  steps: [
    {
      name: 'the HTML paints a loading state before any script, and the scripts come compressed',
      async run(c) {
        const html = await rawGet(`${c.base}/`, { 'accept-encoding': 'identity' });
        if (!html.body.includes('id="boot"')) fail('index.html has no loading state of its own');
        const script = /src="(\/js\/app\.[0-9a-f]+\.js)"/.exec(html.body)?.[1] ?? fail('no app script in index.html');
        const js = await rawGet(`${c.base}${script}`, { 'accept-encoding': 'gzip, deflate, br' });
        if (js.headers['content-encoding'] !== 'br') fail(`app.js is sent with content-encoding ${String(js.headers['content-encoding'])}`);
        if (!String(js.headers['cache-control']).includes('immutable')) fail(`app.js is cached as ${String(js.headers['cache-control'])}`);
      },
    },
    {
      name: 'on a 1280 px PC the console has normal-size text, a capped width and a dense roll',
      timeoutMs: 60_000,
      async run(c) {
        await c.page.setViewportSize(WIDE);
        await openAs(c, 'committee', `${ROOT_PATH}/dashboard/index`);
        await shown(c.page, '[data-testid=reg-stats] .figures').waitFor();
        await shot(c.page, 'committee-wide-dashboard-top');
        const dash = await measure(c.page);
        // Nothing measured would pass every bound below: the dashboard has text, body text and buttons.
        if (!Number.isFinite(dash.minFont) || dash.bodyFont === 0 || dash.maxButton === 0) fail(`dashboard measured nothing: ${JSON.stringify(dash)}`);
        if (dash.bodyFont > 20) fail(`dashboard body text is ${dash.bodyFont} px at 1280 px`);
        if (dash.minFont < 13) fail(`dashboard text as small as ${dash.minFont} px`);
        if (dash.maxButton > 64) fail(`dashboard buttons ${dash.maxButton} px tall at 1280 px`);
        const width = await shown(c.page, '.page').evaluate((e) => e.getBoundingClientRect().width);
        if (width > 1200) fail(`content ${width} px wide on a 1280 px screen`);
        await openRoll(c);
        await shot(c.page, 'committee-wide-roll');
        const rows = await c.page.locator('[data-testid=roll-list] .roll-row >> visible=true').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, h: r.height })));
        if (rows.length !== 50) fail(`the roll shows ${rows.length} rows a page, not 50`);
        if (rows[0]!.top > 600) fail(`the roll starts ${Math.round(rows[0]!.top)} px down`);
        const onScreen = rows.filter((r) => r.top + r.h <= WIDE.height).length;
        if (onScreen < 10) fail(`only ${onScreen} roll rows fit on a 1280×800 screen`);
      },
    },
    {
      name: 'the clerk sorts the roll by age and finds people by part of a group’s name',
      timeoutMs: 60_000,
      async run(c) {
        await shown(c.page, '#sort-age').click();
        await shown(c.page, '#sort-age').click();
        await c.page.waitForFunction(() => document.querySelector('#sort-age')?.getAttribute('aria-sort') === 'descending');
        // Wait on the re-sorted rows themselves (bounded by the step), not on a fixed pause.
        const agesShown = () =>
          Array.from(document.querySelectorAll('.roll-row'))
            .filter((e) => (e as HTMLElement).offsetParent !== null)
            .slice(0, 10)
            .map((e) => Number(/(\d+)岁/.exec((e.querySelector('.rc-age') as HTMLElement | null)?.innerText ?? '')?.[1]));
        const oldestFirst = (ages: number[]) => ages.length > 1 && ages.every((a, i) => Number.isFinite(a) && (i === 0 || a <= ages[i - 1]!));
        await c.page.waitForFunction(`(${oldestFirst.toString()})((${agesShown.toString()})())`);
        const ages = await c.page.evaluate(agesShown);
        if (!oldestFirst(ages)) fail(`sorted by age, oldest first, the roll reads ${ages.join(',')}`);
        await shown(c.page, '#roll-name input').fill('第三');
        await shown(c.page, '#roll-search').click();
        await c.page.waitForFunction(() => {
          const groups = Array.from(document.querySelectorAll('.roll-row .rc-group')).map((e) => (e as HTMLElement).innerText);
          return groups.length > 0 && groups.every((g) => g.includes('第三'));
        }, undefined, { timeout: 15_000 });
        await shot(c.page, 'committee-wide-roll-search-group');
      },
    },
    {
      name: 'on a 375 px phone one roll row fits in 120 px, and 返回 leads back to the dashboard',
      timeoutMs: 60_000,
      async run(c) {
        await c.page.setViewportSize(PHONE);
        await openRoll(c);
        const heights = await c.page.locator('.roll-row >> visible=true').evaluateAll((els) => els.slice(0, 20).map((e) => e.getBoundingClientRect().height));
        const tallest = Math.max(...heights);
        if (tallest > 120) fail(`a roll row is ${tallest} px tall on a 375 px phone`);
        await shot(c.page, 'committee-phone-roll');
        await openAs(c, 'committee', `${ROOT_PATH}/dashboard/index`);
        await shown(c.page, '#open-roll').click();
        await shown(c.page, '[data-testid=roll-list]').waitFor();
        await shown(c.page, '#back').click();
        await shown(c.page, '#open-roll').waitFor({ timeout: 0 });
        if (!c.page.url().includes('dashboard')) fail(`返回 led to ${c.page.url()}`);
      },
    },
    {
      name: 'the date picker has rows a finger can hit',
      async run(c) {
        await openAs(c, 'committee', `${ROOT_PATH}/election-setup/index`);
        await shown(c.page, '#roster-chosen-on').click();
        const picker = c.page.locator('.weui-picker >> visible=true').first();
        await picker.waitFor();
        await c.page.waitForTimeout(400);
        const row = await picker.locator('.weui-picker__item').first().evaluate((e) => e.getBoundingClientRect().height);
        if (row < 30) fail(`picker rows are ${row} px tall`);
        await shot(c.page, 'committee-phone-date-picker');
        await picker.locator('.weui-picker__action', { hasText: '取消' }).click();
      },
    },
  ],
};
