/**
 * 公告 (issue 4): the committee publishes the voter-list notice through the compose page
 * (公布选民名单); the villager, bound and subscribed, sees it with an unread badge, opens and
 * reads it; a second villager subscribed twice and does not read; the committee sees the
 * 知晓率 move and reminds the rest — the second villager gets the reminder push, the others go
 * on the call list, which is fetched again without pushing; 开发模式 → 推送记录 lists it all.
 */
import type { Page } from 'playwright-core';
import { bindAs, confirmModal, confirmStep, fail, finishBox, openAs, persona, shot, shown, tab, type Flow, type FlowCtx, type Step } from '../lib';

const STATS = 'subpackages/committee/pages/notices-stats/index';

async function text(page: Page, selector: string): Promise<string> {
  return (await shown(page, selector).innerText()).replace(/\s+/g, '');
}

type Recorded = { persona: string | null; reminder: boolean; outcome: string; message: { openid: string; page: string } };

/** What the local host's recording notifier "sent" (GET /dev/deliveries). */
async function deliveries(c: FlowCtx): Promise<Recorded[]> {
  return ((await (await fetch(`${c.base}/dev/deliveries`)).json()) as { deliveries: Recorded[] }).deliveries;
}

/** The pushes of this notice to one persona. */
async function pushesTo(c: FlowCtx, key: string): Promise<Recorded[]> {
  const openid = persona(c, key).openid;
  const id = String(c.state.noticeId);
  return (await deliveries(c)).filter((d) => d.message.openid === openid && d.message.page.includes(id));
}

/** 首页 → 订阅消息提醒 → accept the simulated WeChat dialog, until the card says `owed`. */
async function subscribeOnce(page: Page, owed: number): Promise<void> {
  await shown(page, '#notice-subscribe-btn').click();
  await shown(page, '[data-testid=consent-dialog]').waitFor();
  await shown(page, '#consent-accept').click();
  await page.waitForFunction((want) => Array.from(document.querySelectorAll('[data-testid=pushes-owed]')).some((e) => (e as HTMLElement).innerText.includes(want)), `还能提醒您${owed}次`, {
    timeout: 0,
  });
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
    name: 'before any notice, 公告 says there is none yet (not 公告都读过了)',
    async run(c) {
      await openAs(c, 'villager', 'pages/notices/index');
      const empty = shown(c.page, '[data-testid=notices-empty]');
      await empty.waitFor();
      const body = await c.page.locator('body').innerText();
      if (body.includes('公告都读过了') || !(await empty.innerText()).includes('还没有公告')) fail(`the empty notice list reads: ${body.slice(0, 200)}`);
      await shot(c.page, 'notices-00-empty', true);
    },
  },
  {
    name: '首页 offers 订阅消息提醒; the simulated WeChat dialog records one consent',
    async run(c) {
      const { page } = c;
      await tab(page, '首页');
      const owed = shown(page, '[data-testid=pushes-owed]');
      await owed.waitFor();
      if (!(await owed.innerText()).includes('不会收到')) fail(`before subscribing the card says "${await owed.innerText()}"`);
      await shown(page, '#notice-subscribe-btn').click();
      const dialog = shown(page, '[data-testid=consent-dialog]');
      await dialog.waitFor();
      if (!(await dialog.innerText()).includes('模拟')) fail('the simulated consent dialog is not labelled as a simulation');
      await shot(page, 'notices-01-consent-dialog');
      await shown(page, '#consent-accept').click();
      await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid=pushes-owed]')).some((e) => (e as HTMLElement).innerText.includes('还能提醒您1次')), undefined, {
        timeout: 0,
      });
      await shot(page, 'notices-02-home-subscribed', true);
    },
  },
  {
    name: 'a second villager (受托人) binds and subscribes twice: one push for the notice, one for a reminder',
    async run(c) {
      const { page } = c;
      await bindAs(c, 'proxy');
      await tab(page, '首页');
      await shown(page, '[data-testid=pushes-owed]').waitFor();
      await subscribeOnce(page, 1);
      await subscribeOnce(page, 2);
    },
  },
  {
    name: 'the committee composes, previews and publishes the voter-list notice (公布选民名单)',
    timeoutMs: 45_000,
    async run(c) {
      const { page } = c;
      await openAs(c, 'committee', 'pages/index/index');
      await shown(page, '#go-committee').click();
      await shown(page, '#go-committee-notices').click();
      await shown(page, '#notice-new').click();
      await shown(page, '[data-testid=notice-types]').waitFor();
      const refused = await page.locator('[data-testid=notice-type][data-allowed=no] >> visible=true').count();
      if (refused === 0) fail('no notice type is shown as not publishable (data not ready / not yet open)');
      await shown(page, '[data-testid=notice-type][data-type=voterList]').click();
      await shown(page, '#compose-preview').click();
      const preview = shown(page, '[data-testid=notice-preview]');
      await preview.waitFor();
      const p = await preview.innerText();
      if (!p.includes('选民名单公告') || !/附件名单：共\d+条/.test(p)) fail(`preview reads "${p.slice(0, 200)}"`);
      await shot(page, 'notices-03-compose-preview', true);
      await shown(page, '#compose-publish').click();
      await confirmStep(page, 'publishVoterList');
      await shown(page, '[data-testid=awareness-overall]').waitFor({ timeout: 20_000 });
      const id = /[?&]id=([^&]+)/.exec(page.url().split('#')[1] ?? '')?.[1] ?? fail(`no notice id in ${page.url()}`);
      c.state.noticeId = decodeURIComponent(id);
      const overall = await text(page, '[data-testid=awareness]');
      if (!overall.includes('已读0人')) fail(`a fresh notice reads "${overall}"`);
      c.state.registered = /登记选民(\d+)人/.exec(overall)?.[1];
      await shot(page, 'notices-04-stats-published', true);
    },
  },
  {
    name: 'the push reached both subscribed villagers, once each (recorded by the local notifier)',
    async run(c) {
      for (const key of ['villager', 'proxy']) {
        let mine: Recorded[] = [];
        for (let i = 0; i < 20 && mine.length === 0; i++) {
          mine = await pushesTo(c, key);
          if (mine.length === 0) await new Promise((r) => setTimeout(r, 250));
        }
        if (mine.length !== 1) fail(`${key} got ${mine.length} pushes for one notice`);
        if (mine[0]!.reminder || mine[0]!.outcome !== 'sent') fail(`${key}'s push reads ${JSON.stringify(mine[0])}`);
      }
    },
  },
  {
    name: 'the villager sees the unread badge on 首页 and the notice first in 公告',
    async run(c) {
      const { page } = c;
      await openAs(c, 'villager', 'pages/index/index');
      const badge = shown(page, '[data-testid=home-unread]');
      await badge.waitFor();
      if ((await badge.innerText()).trim() !== '1') fail(`home badge reads "${await badge.innerText()}"`);
      await shot(page, 'notices-05-home-unread', true);
      await shown(page, '#go-notices').click();
      const item = shown(page, '[data-testid=notice-item]');
      await item.waitFor();
      if ((await item.getAttribute('data-read')) !== 'no') fail('the new notice is not marked unread');
      if (!(await item.locator('[data-testid=unread-dot]').count())) fail('no unread dot');
      const t = await item.innerText();
      if (!t.includes('选民名单公告') || !t.includes('未读')) fail(`list item reads "${t}"`);
      await shot(page, 'notices-06-list-unread', true);
    },
  },
  {
    name: 'the villager opens the notice (frozen list, 校验码, pages) and taps 我已阅读',
    async run(c) {
      const { page } = c;
      await shown(page, '[data-testid=notice-item]').click();
      await shown(page, '[data-testid=notice-detail]').waitFor();
      const hash = (await shown(page, '[data-testid=attachment-hash]').innerText()).trim();
      if (!/^[0-9A-F]{8}…[0-9A-F]{4}$/.test(hash)) fail(`校验码 reads "${hash}"`);
      const pageInfo = (await shown(page, '[data-testid=attachment-page]').innerText()).replace(/\s+/g, '');
      if (!/^第1页，共\d+页$/.test(pageInfo)) fail(`pager reads "${pageInfo}"`);
      await shot(page, 'notices-07-detail');
      await shown(page, '#attachment-next').click();
      await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid=attachment-page]')).some((e) => (e as HTMLElement).innerText.replace(/\s+/g, '').startsWith('第2页')));
      // Dates are written in words in the notice (2027年1月8日（星期五）), never 2027-01-08.
      const body = (await shown(page, '[data-testid=notice-detail]').innerText()).replace(/\s+/g, ' ');
      if (/\d{4}-\d{2}-\d{2}/.test(body) || !/选举日为\d{4}年\d{1,2}月\d{1,2}日（星期.）/.test(body)) fail(`the voter list notice writes dates as: ${body.slice(0, 300)}`);
      // A long list: the villager's own name is filled in, found, and its page opened.
      await shown(page, '#finder-search').click();
      const hit = shown(page, '[data-testid=finder-hit]');
      await hit.waitFor({ timeout: 30_000 });
      const no = Number(await hit.getAttribute('data-no'));
      if (!(await hit.innerText()).includes(persona(c, 'villager').bindWith!.name)) fail(`the finder found: ${await hit.innerText()}`);
      await hit.locator('taro-button-core, button').first().click();
      await page.waitForFunction((n) => Array.from(document.querySelectorAll('[data-testid=attachment-row][data-found=yes] .notice-list-no')).some((e) => e.textContent?.trim() === String(n)), no, { timeout: 20_000 });
      await shot(page, 'notices-07b-finder', true);
      await shown(page, '#notice-read').click();
      const box = await finishBox(page, 'read-done');
      if (!box.what.includes('选民名单公告')) fail(`the read finish box reads: ${JSON.stringify(box)}`);
      await shown(page, '[data-testid=notice-subscribe]').waitFor();
      await shot(page, 'notices-08-detail-read');
      await page.goBack();
      await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid=notice-item]')).some((e) => (e as HTMLElement).offsetParent && e.getAttribute('data-read') === 'yes'));
      if (await page.locator('[data-testid=notices-unread] >> visible=true').count()) fail('the list still counts an unread notice');
      await shot(page, 'notices-09-list-read', true);
    },
  },
  {
    name: 'after publication every calendar row in progress is a way into its task; 对选民名单提出申诉 opens the 申诉 with a hint that fits',
    async run(c) {
      const { page } = c;
      await openAs(c, 'villager', 'pages/index/index');
      await shown(page, '[data-testid=timeline] [data-key=objectionFiling][data-mark=now]').waitFor();
      // 办理委托投票 进行中 used to have no way in: now no row in progress is without one.
      const dead = await page.$$eval('[data-testid=timeline] [data-mark=now]', (rows) => rows.filter((r) => !r.querySelector('taro-button-core, button')).map((r) => r.getAttribute('data-key')));
      if (dead.length) fail(`calendar rows in progress with no way in: ${dead.join(', ')}`);
      await shown(page, '[data-testid=timeline]').scrollIntoViewIfNeeded();
      await shot(page, 'notices-08b-home-calendar-links', true);
      await shown(page, '#timeline-go-objectionFiling').click();
      await shown(page, '#go-object').waitFor();
      const hint = (await shown(page, '[data-testid=fix-hint]').innerText()).replace(/\s+/g, ' ');
      if (hint.includes('公布名单后') || !/\d{4}年\d{1,2}月\d{1,2}日（星期.）以前/.test(hint)) fail(`after publication the hint reads: ${hint}`);
      await shot(page, 'notices-08c-registration-after-publication', true);
    },
  },
  {
    name: 'the committee sees the 知晓率 move and reminds the rest (call list)',
    timeoutMs: 45_000,
    async run(c) {
      const { page } = c;
      await openAs(c, 'committee', `${STATS}?id=${encodeURIComponent(String(c.state.noticeId))}`);
      await shown(page, '[data-testid=awareness-overall]').waitFor();
      const overall = await text(page, '[data-testid=awareness]');
      if (!overall.includes('已读1人')) fail(`after one read the stats read "${overall}"`);
      const groups = await page.locator('[data-testid=group-chart] [data-testid=bar] >> visible=true').count();
      if (groups < 2) fail(`only ${groups} group bars`);
      await shot(page, 'notices-10-stats-read', true);
      await shown(page, '#notice-remind').click();
      await confirmModal(page);
      await shown(page, '[data-testid=call-list]').waitFor({ timeout: 20_000 });
      const count = await text(page, '[data-testid=call-count]');
      const n = Number(/共(\d+)人/.exec(count)?.[1] ?? 0);
      if (n < 100) fail(`call list reads "${count}"`);
      c.state.callCount = n;
      const row = await shown(page, '[data-testid=call-row]').innerText();
      if (/\d{11}/.test(row.replace(/\s+/g, ''))) fail(`a call-list row shows a full phone number: "${row}"`);
      const pushed = await text(page, '[data-testid=remind-pushed]');
      if (!pushed.includes('已送达1人')) fail(`the reminder result reads "${pushed}"`);
      await shown(page, '[data-testid=remind-result]').scrollIntoViewIfNeeded();
      await page.waitForTimeout(2200); // the 已提醒 toast fades
      await shot(page, 'notices-11-remind-call-list');
    },
  },
  {
    name: 'the reminder pushed the unread subscribed villager, and nobody else',
    async run(c) {
      const proxy = await pushesTo(c, 'proxy');
      if (proxy.length !== 2 || proxy.filter((d) => d.reminder).length !== 1) fail(`the second villager's pushes: ${JSON.stringify(proxy)}`);
      const villager = await pushesTo(c, 'villager');
      if (villager.length !== 1) fail(`the villager who read got ${villager.length} pushes`);
      c.state.recorded = (await deliveries(c)).length;
    },
  },
  {
    name: '重新获取电话通知名单 shows the same call list again without pushing',
    timeoutMs: 45_000,
    async run(c) {
      const { page } = c;
      await openAs(c, 'committee', `${STATS}?id=${encodeURIComponent(String(c.state.noticeId))}`);
      await shown(page, '[data-testid=awareness-overall]').waitFor();
      const unread = await text(page, '[data-testid=unread]');
      if (!unread.includes(`电话通知名单${String(c.state.callCount)}人`) || !unread.includes('推送情况不明0人')) fail(`the unread card reads "${unread}"`);
      await shown(page, '#call-list-fetch').click();
      await shown(page, '[data-testid=remind-result][data-fetched=yes] [data-testid=call-list]').waitFor({ timeout: 20_000 });
      const count = await text(page, '[data-testid=call-count]');
      if (Number(/共(\d+)人/.exec(count)?.[1] ?? -1) !== c.state.callCount) fail(`the fetched call list reads "${count}", the reminder's had ${String(c.state.callCount)}`);
      if ((await deliveries(c)).length !== c.state.recorded) fail('fetching the call list pushed again');
      await shown(page, '[data-testid=remind-result]').scrollIntoViewIfNeeded();
      await page.waitForTimeout(2200);
      await shot(page, 'notices-12-call-list-fetched');
    },
  },
  {
    name: '开发模式 → 切换 → 推送记录 lists the recorded pushes (persona, notice, page, outcome)',
    async run(c) {
      const { page } = c;
      await shown(page, '.devbar-switch').click();
      await shown(page, '#dev-deliveries').click();
      await shown(page, '[data-testid=dev-delivery]').waitFor();
      const total = await text(page, '[data-testid=dev-deliveries-total]');
      if (!total.includes(`共${String(c.state.recorded)}条`)) fail(`the panel reads "${total}"`);
      const reminder = shown(page, '[data-testid=dev-delivery][data-persona=proxy]');
      const t = (await reminder.innerText()).replace(/\s+/g, '');
      if (!t.includes('受托人') || !t.includes('【提醒】') || !t.includes('已送达') || !t.includes('subpackages/notice/pages/detail/index')) fail(`the newest row reads "${t}"`);
      await shot(page, 'notices-13-dev-deliveries');
      await shown(page, '#dev-deliveries-close').click();
      if (await page.locator('[data-testid=dev-deliveries] >> visible=true').count()) fail('the 推送记录 panel did not close');
    },
  },
];

export const noticesFlow: Flow = { name: 'notices', steps };
