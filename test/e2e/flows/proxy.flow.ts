/**
 * 委托投票 (issue 9), seeded in the campaign phase (voter list out, before E−3): the migrant
 * opens 委托投票 from 首页, finds his brother, states the relation and where he will be, signs and
 * files; the brother accepts with his signature; the committee approves and publishes the list;
 * the migrant's 委托投票证 shows with its QR code; on election day (host restarted on that date)
 * the desk registers the proxy's ballot by the certificate number and refuses a second use, and
 * 首页 no longer links to 委托投票.
 */
import type { Page } from 'playwright-core';
import { api, bindAs, confirmStep, fail, finishBox, openAs, shot, shown, tab, type Flow, type Step } from '../lib';

const MINE = 'subpackages/village/pages/proxy-mine/index';
const INCOMING = 'subpackages/village/pages/proxy-incoming/index';
const QUEUE = 'subpackages/committee/pages/proxies/index';
const CHECK_IN = 'subpackages/committee/pages/check-in/index';

/** Write two strokes on the SignaturePad `id` (pointer events on the H5 canvas), then 写好了. */
async function sign(page: Page, id: string): Promise<void> {
  // The mouse only reaches what is inside the window: bring the pad into view first.
  const canvas = shown(page, `#${id}-canvas`);
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox()) ?? fail(`no signature pad #${id}`);
  for (const row of [0.35, 0.65]) {
    await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * row);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + box.width * (0.15 + i * 0.035), box.y + box.height * (row + (i % 2 ? 0.08 : -0.08)));
    await page.mouse.up();
  }
  await shown(page, `#${id}-confirm`).click();
  await shown(page, `[data-testid=signature-field][data-signed=yes]`).waitFor();
}

async function fill(page: Page, id: string, value: string): Promise<void> {
  await shown(page, `#${id} input`).fill(value);
}

const steps: Step[] = [
  {
    name: 'the migrant binds; 首页 offers 办理委托投票 while the window is open',
    async run(c) {
      await c.page.goto(c.base + '/');
      await bindAs(c, 'migrant');
      await tab(c.page, '首页');
      await shown(c.page, '[data-testid=proxy-home]').waitFor();
      await shown(c.page, '#timeline-go-proxyDeadline').waitFor();
      await shot(c.page, 'proxy-01-home', true);
      await shown(c.page, '#go-proxy').click();
      const intro = await shown(c.page, '[data-testid=proxy-intro]').innerText();
      if (!intro.includes('近亲属')) fail(`the intro reads "${intro}"`);
    },
  },
  {
    name: 'the migrant finds his brother, picks 兄弟姐妹, says where he will be, signs and files',
    timeoutMs: 45_000,
    async run(c) {
      const { page } = c;
      await shown(page, '#proxy-start').click();
      await fill(page, 'proxy-search-name', '李志刚');
      await shown(page, '#proxy-search-go').click();
      await page.locator('.choice >> visible=true', { hasText: '李志刚' }).first().click();
      await shown(page, '#relation-sibling').click();
      await fill(page, 'proxy-away', '广东深圳');
      await sign(page, 'principal-sign');
      await shot(page, 'proxy-02-form', true);
      await shown(page, '#proxy-submit').click();
      const finish = shown(page, '[data-testid=request-finish]');
      await finish.waitFor();
      if (!(await finish.innerText()).includes('委托已提交')) fail('no finish screen after filing');
      // The shared finish box: what, when (2027年1月8日（星期五）14:05), what next.
      await finishBox(page, 'request-finish');
      await shot(page, 'proxy-03-filed', true);
    },
  },
  {
    name: 'the brother sees the request, accepts and signs',
    timeoutMs: 45_000,
    async run(c) {
      const { page } = c;
      await bindAs(c, 'proxy');
      await openAs(c, 'proxy', INCOMING);
      const holds = await shown(page, '[data-testid=proxy-holds]').innerText();
      if (!/已接受0人的委托，最多可以接受\d人/.test(holds.replace(/\s+/g, ''))) fail(`holds read "${holds}"`);
      const id = (await shown(page, '[data-request][data-status=requested]').getAttribute('data-request')) ?? fail('no request');
      await shown(page, `#accept-${id}`).click();
      await sign(page, `proxy-sign-${id}`);
      await shown(page, `#confirm-${id}`).click();
      await finishBox(page, 'respond-finish');
      await shot(page, 'proxy-04-accepted', true);
    },
  },
  {
    name: 'the committee sees both signatures, approves, and publishes the list',
    timeoutMs: 45_000,
    async run(c) {
      const { page } = c;
      await openAs(c, 'committee', QUEUE);
      const item = shown(page, '[data-proxy][data-status=accepted]');
      await item.waitFor();
      if ((await item.locator('img').count()) < 2) fail('the queue item does not show both signatures');
      await shot(page, 'proxy-05-queue', true);
      await shown(page, '[id^=approve-]').click();
      await page.waitForFunction(() => !document.querySelector('[data-proxy][data-status=accepted]'), undefined, { timeout: 0 });
      await shown(page, '#proxy-publish').click();
      await confirmStep(page, 'publishProxyList');
      await shown(page, '[data-testid=proxy-published]').waitFor();
      await shot(page, 'proxy-06-published', true);
    },
  },
  {
    name: 'the migrant sees 已批准 and the 委托投票证 with its QR code',
    async run(c) {
      const { page } = c;
      await openAs(c, 'migrant', MINE);
      await shown(page, '[data-testid=proxy-status][data-status=approved]').waitFor();
      const no = (await shown(page, '[data-testid=certificate-no]').innerText()).trim();
      if (!no) fail('no certificate number');
      await shown(page, '[data-testid=receipt-qr]').waitFor();
      c.state.certificateNo = no;
      await shot(page, 'proxy-07-certificate', true);
    },
  },
  {
    name: 'on election day the desk registers the proxy ballot once and refuses a second use',
    timeoutMs: 90_000,
    async run(c) {
      const who = await api<{ elections: Array<{ electionDay: string }> }>(c, 'committee', 'identity', { action: 'whoami' });
      const day = who.elections[0]?.electionDay ?? fail('no election');
      // 09:00 Beijing on election day.
      await c.restartHostAt(`${day}T01:00:00.000Z`);
      const { page } = c;
      await openAs(c, 'committee', CHECK_IN);
      await shown(page, '#mode-proxy').click();
      await fill(page, 'checkin-code', String(c.state.certificateNo));
      await shown(page, '#checkin-code-go').click();
      const outcome = shown(page, '[data-testid=checkin-outcome][data-outcome=ballotIssued]');
      await outcome.waitFor();
      if (!(await outcome.innerText()).includes('再次使用会被拒绝')) fail('the outcome does not warn about a second use');
      await shot(page, 'proxy-08-check-in', true);
      await shown(page, '#checkin-code-go').click();
      const refused = shown(page, '[data-testid=checkin-refused]');
      await refused.waitFor();
      if ((await refused.getAttribute('data-code')) !== 'ALREADY_USED') fail(`second use refused as ${await refused.getAttribute('data-code')}`);
      await shot(page, 'proxy-09-second-use-refused', true);
      // The window has closed: 首页 no longer sends the migrant to 委托投票, neither card nor calendar row.
      await openAs(c, 'migrant', 'pages/index/index');
      await shown(page, '[data-testid=timeline]').waitFor();
      for (const sel of ['[data-testid=proxy-home]', '#go-proxy', '#timeline-go-proxyDeadline']) {
        if (await shown(page, sel).count()) fail(`on election day 首页 still shows ${sel}`);
      }
      await shot(page, 'proxy-10-home-election-day', true);
    },
  },
];

export const proxyFlow: Flow = { name: 'proxy', seedPhase: 'campaign', steps };
