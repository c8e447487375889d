/**
 * 选举设置 (committee.updateElection): the clerk finds the 选举委员会成员公告 and the 投票站公告
 * refused for want of data, fills the roster (first too short: a Chinese refusal) and the voting
 * arrangements (hours, 中心会场, a 投票站, a 流动票箱 with three monitors), publishes both
 * notices from the compose page with a preview, and a villager reads them.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bindAs, confirmModal, fail, pickDate, pickTime, openAs, SHOTS, shot, shown, tab, type Flow, type Step } from '../lib';

const COMPOSE = 'subpackages/committee/pages/notices-compose/index';

const allowed = (page: Page, type: string) => shown(page, `[data-testid=notice-type][data-type=${type}]`).getAttribute('data-allowed');

/** Pick one group in a GroupPick (opens, then chooses). */
async function pickGroup(page: Page, id: string, group: string): Promise<void> {
  await shown(page, `#${id}`).click();
  await shown(page, `#${id} ~ .setup-group-list [data-group=${group}]`).click();
}

/** A screenshot of one part of the page (a card or a row), readable at full size. */
async function partShot(page: Page, selector: string, name: string): Promise<void> {
  await shown(page, selector).screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function fill(page: Page, selector: string, value: string): Promise<void> {
  await shown(page, `${selector} input`).fill(value);
}

const ROSTER = [
  { name: '陈国华', group: '第一村民小组' },
  { name: '林美玲', group: '第三村民小组' },
  { name: '何志明', group: '第五村民小组' },
];
const MONITORS = [
  { name: '吴建平', group: '第二村民小组' },
  { name: '郑丽华', group: '第四村民小组' },
  { name: '许文强', group: '第六村民小组' },
];

/** Publish one typed notice from the compose page: pick, preview (check it), publish, confirm. */
async function publishFromCompose(page: Page, type: string, expect: RegExp, shotName: string): Promise<void> {
  await shown(page, `[data-testid=notice-type][data-type=${type}]`).click();
  await shown(page, '#compose-preview').click();
  const preview = shown(page, '[data-testid=notice-preview]');
  await preview.waitFor();
  const text = await preview.innerText();
  if (!expect.test(text.replace(/\s+/g, ''))) fail(`${type} preview reads "${text.slice(0, 300)}"`);
  await shot(page, shotName, true);
  await shown(page, '#compose-publish').click();
  await confirmModal(page);
  await shown(page, '[data-testid=awareness-overall]').waitFor({ timeout: 20_000 });
}

const steps: Step[] = [
  {
    name: 'the villager binds with 填入演示数据',
    async run(c) {
      await c.page.goto(c.base + '/');
      await bindAs(c, 'villager');
    },
  },
  {
    name: 'the dashboard links to 选举设置; the compose page refuses the committee-members and polling-station notices, linking to it',
    async run(c) {
      const { page } = c;
      await openAs(c, 'committee', 'subpackages/committee/pages/dashboard/index');
      await shown(page, '#go-election-setup').waitFor();
      await partShot(page, '[data-testid=posts]', 'setup-00-dashboard-link');
      await openAs(c, 'committee', COMPOSE);
      await shown(page, '[data-testid=notice-types]').waitFor();
      for (const type of ['committeeMembers', 'pollingStations', 'electionDayPlaces']) {
        if ((await allowed(page, type)) !== 'no') fail(`${type} is publishable before any setup`);
      }
      const members = await shown(page, '[data-testid=notice-type][data-type=committeeMembers]').innerText();
      if (!members.includes('还没有录入选举委员会成员名单')) fail(`committeeMembers reads "${members}"`);
      await shot(page, 'setup-01-compose-refused', true);
      await shown(page, '[data-testid=notice-type][data-type=committeeMembers] [data-action=go-setup]').click();
      await shown(page, '[data-testid=election-setup]').waitFor();
    },
  },
  {
    name: 'the clerk fills the roster: two members are refused in Chinese, three are saved',
    timeoutMs: 45_000,
    async run(c) {
      const { page } = c;
      await shot(page, 'setup-02-empty', true);
      await shown(page, '#chosen-by-representativeMeeting').click();
      // Dates are picked, never typed; the H5 picker's rows are a usable size.
      await pickDate(page, '#roster-chosen-on', '2026-02-20');
      for (const [i, m] of ROSTER.entries()) {
        await fill(page, `#member-name-${i}`, m.name);
        await pickGroup(page, `member-group-${i}`, m.group);
      }
      await shown(page, '[data-testid=roster-member][data-index="2"] [data-action=remove-member]').click();
      await shown(page, '#roster-save').click();
      const error = shown(page, '[data-testid=roster-error]');
      await error.waitFor();
      if (!(await error.innerText()).includes('选举委员会至少要有3名成员，现在只有2名')) fail(`roster error reads "${await error.innerText()}"`);
      await shot(page, 'setup-03-roster-refused', true);
      await partShot(page, '[data-testid=roster-error]', 'setup-03b-roster-error');
      await shown(page, '#roster-add').click();
      await fill(page, '#member-name-2', ROSTER[2]!.name);
      await pickGroup(page, 'member-group-2', ROSTER[2]!.group);
      await shown(page, '#roster-save').click();
      await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid=roster-card]')).some((e) => (e as HTMLElement).innerText.includes('已保存3人')), undefined, { timeout: 0 });
      if (await page.locator('[data-testid=roster-error] >> visible=true').count()) fail('the roster error is still shown after saving');
      await page.waitForTimeout(2200); // the 已保存 toast fades
      await shot(page, 'setup-04-roster-saved', true);
      await shown(page, '[data-testid=roster-card]').scrollIntoViewIfNeeded();
      await shot(page, 'setup-04b-roster-saved-top');
    },
  },
  {
    name: 'the clerk fills hours, 中心会场, a 投票站 and a 流动票箱 with three monitors',
    timeoutMs: 45_000,
    async run(c) {
      const { page } = c;
      await pickTime(page, '#voting-opens', '08:00');
      await pickTime(page, '#voting-closes', '07:30');
      await fill(page, '#voting-central', '村民委员会大院');
      await shown(page, '#station-add').click();
      await fill(page, '#station-name-0', '第一投票站');
      await fill(page, '#station-place-0', '村小学操场');
      await shown(page, '[data-testid=station][data-index="0"] [data-group=第七村民小组]').click();
      await shown(page, '[data-testid=station][data-index="0"] [data-group=第八村民小组]').click();
      await shown(page, '#box-add').click();
      await shown(page, '[data-testid=mobile-box][data-index="0"] [data-start=第一投票站]').click();
      for (const [k, m] of MONITORS.entries()) {
        await fill(page, `#box-0-monitor-${k}`, m.name);
        await pickGroup(page, `box-0-monitor-${k}-group`, m.group);
      }
      await shown(page, '#voting-save').click();
      const error = shown(page, '[data-testid=voting-error]');
      await error.waitFor();
      if (!(await error.innerText()).includes('投票结束时间应当晚于开始时间')) fail(`voting error reads "${await error.innerText()}"`);
      await shot(page, 'setup-05-voting-refused', true);
      await partShot(page, '[data-testid=station]', 'setup-05b-station');
      await partShot(page, '[data-testid=mobile-box]', 'setup-05c-mobile-box');
      await partShot(page, '[data-testid=voting-error]', 'setup-05d-voting-error');
      await pickTime(page, '#voting-closes', '17:00');
      await shown(page, '#voting-save').click();
      await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid=voting-card]')).some((e) => (e as HTMLElement).innerText.includes('在中心会场投票的小组')), undefined, { timeout: 0 });
      if (await page.locator('[data-testid=voting-error] >> visible=true').count()) fail('the voting error is still shown after saving');
      const card = (await shown(page, '[data-testid=voting-card]').innerText()).replace(/\s+/g, '');
      if (card.includes('第七村民小组、第八村民小组、')) fail('the groups of the station are counted at the central place');
      await page.waitForTimeout(2200);
      await shot(page, 'setup-06-voting-saved', true);
      await shown(page, '#voting-central').scrollIntoViewIfNeeded();
      await shot(page, 'setup-06b-voting-saved-top');
    },
  },
  {
    name: 'the compose page now offers both notices; the clerk previews and publishes them',
    timeoutMs: 60_000,
    async run(c) {
      const { page } = c;
      await shown(page, '#setup-go-compose').click();
      await shown(page, '[data-testid=notice-types]').waitFor();
      await shown(page, '[data-testid=notice-type][data-type=committeeMembers][data-allowed=yes]').waitFor({ timeout: 0 });
      if ((await allowed(page, 'pollingStations')) !== 'yes') fail('pollingStations is still refused after the setup');
      await shot(page, 'setup-07-compose-allowed', true);
      await publishFromCompose(page, 'committeeMembers', /主任：陈国华.*副主任：林美玲.*委员：何志明.*附件名单：共3条/, 'setup-08-members-preview');
      await shot(page, 'setup-09-members-published', true);
      await openAs(c, 'committee', COMPOSE);
      await shown(page, '[data-testid=notice-types]').waitFor();
      await publishFromCompose(page, 'pollingStations', /第一投票站.*村小学操场.*第1号流动票箱.*吴建平（第二村民小组）.*附件名单：共2条/, 'setup-10-stations-preview');
    },
  },
  {
    name: 'a villager reads both notices: roster with roles, stations and monitors',
    async run(c) {
      const { page } = c;
      await openAs(c, 'villager', 'pages/index/index');
      await tab(page, '公告');
      const items = page.locator('[data-testid=notice-item] >> visible=true');
      await items.first().waitFor();
      const titles = (await items.allInnerTexts()).join('|');
      if (!titles.includes('投票站和流动票箱公告') || !titles.includes('村民选举委员会成员公告')) fail(`the list reads "${titles}"`);
      await shot(page, 'setup-11-villager-list', true);
      await items.filter({ hasText: '村民选举委员会成员公告' }).first().click();
      const detail = page.locator('[data-testid=notice-detail] >> visible=true', { hasText: '村民代表会议推选' }).first();
      await detail.waitFor();
      await page.waitForTimeout(600);
      const body = (await detail.innerText()).replace(/\s+/g, '');
      if (!/主任：陈国华/.test(body) || !body.includes('村民代表会议推选')) fail(`the roster notice reads "${body.slice(0, 300)}"`);
      const rows = await page.locator('[data-testid=attachment-row] >> visible=true').count();
      if (rows !== 3) fail(`the roster attachment has ${rows} rows`);
      const first = (await page.locator('[data-testid=attachment-row] >> visible=true').first().innerText()).replace(/\s+/g, '');
      if (!first.includes('陈国华') || !first.includes('主任')) fail(`the roster's first row reads "${first}" (the role is missing)`);
      await shown(page, '#notice-read').click();
      await shown(page, '[data-testid=read-done]').waitFor();
      await shot(page, 'setup-12-villager-members', true);
      await page.goBack();
      await items.filter({ hasText: '投票站和流动票箱公告' }).first().click();
      // The detail slides in over the list: read the attachment card of this notice, not a page leaving.
      const card = page.locator('[data-testid=attachment] >> visible=true', { hasText: '第1号流动票箱' }).first();
      await card.waitFor();
      await page.waitForTimeout(600);
      const attachment = (await card.innerText()).replace(/\s+/g, '');
      if (!attachment.includes('第1号流动票箱') || !attachment.includes('许文强（第六村民小组）')) fail(`the station attachment reads "${attachment}"`);
      if (/\d{11}/.test(attachment)) fail('the station list shows a long number');
      await shot(page, 'setup-13-villager-stations', true);
    },
  },
];

export const electionSetupFlow: Flow = { name: 'election-setup', steps };
