/**
 * 直接提名 end to end: a villager nominates (one post by name search), signs with mouse strokes,
 * gets the receipt (code + QR) and verifies it; the committee sees the tally, closes, resolves a
 * tie when one is surfaced, reviews a candidate, publishes (list in stroke order) and the
 * 正式候选人名单 notice reaches the villager.
 *
 * Seeded in the nomination phase (the seed leaves a tie at the 副主任 cut line); the committee
 * steps run on a host restarted one hour after the window's end (closeNominations refuses
 * WINDOW_STILL_OPEN before that, which the flow checks too).
 */
import type { Page } from 'playwright-core';
import { api, bindAs, confirmModal, confirmStep, fail, openAs, persona, shot, shown, tab, type Flow, type Step } from '../lib';

const NOMINATIONS = 'subpackages/committee/pages/nominations/index';

/** Writes a name-like scribble with the mouse: three strokes of many small moves. */
async function signWithMouse(page: Page, canvasSelector: string): Promise<void> {
  const box = await shown(page, canvasSelector).boundingBox();
  if (!box) fail('signature pad not laid out');
  for (let s = 0; s < 3; s++) {
    const x0 = box.x + 30 + s * 90;
    const y0 = box.y + box.height / 2;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let i = 1; i <= 25; i++) await page.mouse.move(x0 + i * 3, y0 + Math.round(25 * Math.sin(i / 3)), { steps: 2 });
    await page.mouse.up();
  }
}

const steps: Step[] = [
  {
    name: 'the villager binds and 首页 offers 去提名 (also on the calendar row)',
    async run(c) {
      await bindAs(c, 'villager');
      await tab(c.page, '首页');
      await shown(c.page, '#go-nominate').waitFor();
      await shown(c.page, '#timeline-nominate').waitFor();
      await shot(c.page, 'nomination-home-entry');
    },
  },
  {
    name: 'the villager picks a nominee by name, reviews, signs with the mouse and gets the receipt',
    timeoutMs: 60_000,
    async run(c) {
      const { page } = c;
      await shown(page, '#go-nominate').click();
      await shown(page, '#start-nominate').click();
      const self = persona(c, 'villager').bindWith?.name ?? fail('villager persona has no name');
      await shown(page, '#nominee-name input').fill(self);
      await shown(page, '#nominee-search').click();
      const first = shown(page, '[data-testid=nominee-result] [id^=pick-]');
      await first.waitFor();
      const meta = await shown(page, '[data-testid=nominee-result] .nominee-meta').innerText();
      if (!/组.*·.*[男女].*·.*\d{4}年生/.test(meta)) fail(`namesake line reads "${meta}"`);
      await shot(page, 'nomination-search');
      await first.click();
      // Through the remaining posts to the review.
      while (await page.locator('#step-next >> visible=true').count()) await shown(page, '#step-next').click();
      await shown(page, '[data-testid=nominate-review]').waitFor();
      await shot(page, 'nomination-review', true);
      await shown(page, '#review-next').click();
      await signWithMouse(page, '#nom-sign-canvas');
      const status = await shown(page, '[data-testid=nom-sign-status]').innerText();
      if (!status.includes('3 笔')) fail(`pad status reads "${status}"`);
      await shot(page, 'nomination-signed');
      await shown(page, '#nom-sign-confirm').click();
      await shown(page, '[data-testid=nomination-done]').waitFor({ timeout: 20_000 });
      const code = (await shown(page, '[data-testid=receipt-code]').innerText()).trim();
      if (code.length < 6) fail(`receipt code "${code}"`);
      await shown(page, '[data-testid=receipt-qr]').waitFor();
      c.state.receipt = code;
      await shot(page, 'nomination-done', true);
    },
  },
  {
    name: '核验回执 confirms the receipt and what it covers',
    async run(c) {
      const { page } = c;
      await shown(page, '#go-verify').click();
      const result = shown(page, '[data-testid=verify-result]');
      await result.waitFor({ timeout: 15_000 });
      if ((await result.getAttribute('data-valid')) !== 'yes') fail(`receipt ${String(c.state.receipt)} not valid: ${await result.innerText()}`);
      await shot(page, 'nomination-verify', true);
    },
  },
  {
    name: 'the committee sees the live tally (counts only); closing inside the window is refused',
    async run(c) {
      const { page } = c;
      await openAs(c, 'committee', NOMINATIONS);
      const chart = shown(page, '[data-testid=tally-chart]');
      await chart.waitFor();
      // The villager's own ballot is in the live count (she nominated herself for 主任).
      const self = persona(c, 'villager').bindWith?.name ?? fail('villager persona has no name');
      await page.locator('[data-testid=tally-chart] [data-post=director]', { hasText: `${self}（` }).first().waitFor();
      await shot(page, 'nomination-tally', true);
      await shown(page, '#close-nominations').click();
      await confirmStep(page, 'closeNominations');
      const refused = shown(page, '[data-testid=close-error]');
      await refused.waitFor({ timeout: 20_000 });
      if (!(await refused.innerText()).includes('提名')) fail(`early close refused with "${await refused.innerText()}"`);
    },
  },
  {
    name: 'after the window (host clock moved on) 首页 no longer offers 去提名',
    timeoutMs: 90_000,
    async run(c) {
      const who = await api<{ elections: Array<{ calendar: Array<{ key: string; deadline: string }> }> }>(c, 'committee', 'identity', { action: 'whoami' });
      const row = who.elections[0]?.calendar.find((x) => x.key === 'nomination') ?? fail('no 提名 row on the calendar');
      // One hour after the window's last second (Asia/Shanghai), the day the committee closes.
      await c.restartHostAt(new Date(Date.parse(row.deadline) + 3_600_000).toISOString());
      await openAs(c, 'villager', 'pages/index/index');
      await shown(c.page, '[data-testid=countdown]').waitFor();
      if (await c.page.locator('#go-nominate >> visible=true').count()) fail('去提名 still offered after the window');
      await shot(c.page, 'nomination-home-after-window');
    },
  },
  {
    name: 'the committee closes, resolves the tie at the cut line and reviews every candidate',
    timeoutMs: 180_000,
    async run(c) {
      const { page } = c;
      await openAs(c, 'committee', NOMINATIONS);
      await shown(page, '[data-testid=tally-chart]').waitFor();
      await shown(page, '#close-nominations').click();
      await confirmStep(page, 'closeNominations');
      await shown(page, '[data-testid=selection]').waitFor({ timeout: 20_000 });
      // The seed leaves a tie at the 副主任 cut line; others (the 妇女 place) may follow it.
      if (!(await page.locator('[data-testid=tie-resolver][data-post=deputy] >> visible=true').count())) fail('no tie surfaced at the 副主任 cut line');
      if (await page.locator('#publish-candidates:not(.disabled) >> visible=true').count()) fail('publication offered while a tie is open');
      for (let guard = 0; guard < 4 && (await page.locator('[data-testid=tie-resolver] >> visible=true').count()); guard++) {
        const tie = shown(page, '[data-testid=tie-resolver]');
        const post = (await tie.getAttribute('data-post')) ?? fail('tie without post');
        const options = tie.locator('[id^=tie-]:not([id^=tie-method]):not([id^=tie-record]):not([id^=tie-save])');
        const slots = Number(/请选出 (\d+) 人/.exec(await tie.innerText())?.[1] ?? '1');
        for (let i = 0; i < slots; i++) await options.nth(i).click();
        await tie.locator('#tie-method-draw').click();
        await tie.locator('#tie-record textarea').fill('选举委员会会议，7人到会，当场抽签决定');
        await shot(page, `nomination-tie-${post}`, true);
        await tie.locator('#tie-save').click();
        await page.locator(`[data-testid=tie-resolver][data-post=${post}]`).waitFor({ state: 'detached', timeout: 20_000 });
      }
      await shown(page, '.btn#publish-candidates:not(.disabled)').waitFor();
      await shot(page, 'nomination-selection', true);
      await shown(page, '#go-candidates').click();
      await shown(page, '#load-selection').click();
      await shown(page, '[data-testid=candidate]').waitFor({ timeout: 20_000 });
      // Publication needs every listed candidate reviewed: each item 通过, saved, then recorded.
      const voters = await page.locator('[data-testid=candidate] >> visible=true').evaluateAll((els) => els.map((e) => e.getAttribute('data-voter') ?? ''));
      for (const v of voters) {
        const card = shown(page, `[data-testid=candidate][data-voter="${v}"]`);
        const passes = card.locator('[id$=-pass]');
        for (let i = 0, n = await passes.count(); i < n; i++) await passes.nth(i).click();
        await card.locator('[id^=review-save-]').click();
        await shown(page, `[data-testid=candidate][data-voter="${v}"][data-reviewed=yes]`).waitFor();
      }
      await shot(page, 'nomination-review-candidate', true);
    },
  },
  {
    name: 'the committee publishes; the list is in stroke order; the notice reaches the villager',
    timeoutMs: 90_000,
    async run(c) {
      const { page } = c;
      await openAs(c, 'committee', NOMINATIONS);
      await shown(page, '#show-selection').click();
      await shown(page, '#publish-candidates').click();
      await confirmStep(page, 'publishCandidates');
      const list = shown(page, '[data-testid=published-list]');
      await list.waitFor({ timeout: 20_000 });
      if (!(await list.innerText()).includes('按姓氏笔画排列')) fail('published list not in stroke order');
      const names = await list.locator('.published-name').allInnerTexts();
      // The server's stroke table is the authority (order 'stroke' above); the 公告 must list the
      // same names in the same order.
      await shot(page, 'nomination-published', true);
      // The list settles the notice's source; the committee then issues the 公告 from it.
      await shown(page, '#go-candidates-notice').click();
      await page.locator('[data-testid=notice-type-picked] >> visible=true', { hasText: '正式候选人名单' }).first().waitFor();
      await shown(page, '#compose-preview').click();
      const preview = shown(page, '[data-testid=notice-preview]');
      await preview.waitFor();
      await shot(page, 'nomination-notice-preview', true);
      await shown(page, '#compose-publish').click();
      await confirmModal(page);
      await shown(page, '[data-testid=awareness-overall]').waitFor({ timeout: 20_000 });
      await openAs(c, 'villager', 'pages/notices/index');
      const notice = page.locator('[data-testid=notice-item] >> visible=true').filter({ hasText: '正式候选人' }).first();
      await notice.waitFor({ timeout: 20_000 });
      await shot(page, 'nomination-notices-list');
      await notice.click();
      // The names are the notice's attachment (one page for ten names), in the published order.
      await shown(page, '[data-testid=attachment] [data-testid=attachment-row]').waitFor();
      const body = await shown(page, '[data-testid=attachment]').innerText();
      let at = -1;
      for (const n of names) {
        const i = body.indexOf(n, at + 1);
        if (i < 0) fail(`notice lacks ${n}`);
        at = i;
      }
      await shot(page, 'nomination-notice', true);
    },
  },
];

export const nominationFlow: Flow = { name: 'nomination', seedPhase: 'nomination', steps };
