/** 委托投票审核 and 选举日登记 (committee sub-package). */
import { bootApp, cloudTable, type Harness, type PageHandle } from './harness';
import * as fx from './fixtures';
import * as px from './proxy-fixtures';

let h: Harness;
const approvedNow = { ...px.accepted, status: 'approved', statusLabel: '已批准', certificateNo: 'WT-2026-0008', certificateQr: 'CXT1.WT-2026-0008.sig' };

beforeAll(() => {
  h = bootApp(
    cloudTable({
      'identity.whoami': { ok: true, data: fx.whoamiCommittee },
      'committee.listProxies': { ok: true, data: px.queue },
      'committee.decideProxy': { ok: true, data: { authorization: approvedNow } },
      'committee.publishProxyList': { ok: true, data: { publishedAt: '2026-06-10T02:00:00.000Z', version: 1, rows: [{ principal: { name: '李志强', group: '第五村民小组' }, proxy: { name: '李志刚', group: '第五村民小组' } }] } },
      'committee.checkIn': { ok: true, data: { outcome: 'ballotIssued', message: '已登记李志刚代李志强领取选票', voter: px.principal, authorization: approvedNow } },
    }),
  );
});

describe('委托投票审核', () => {
  let page: PageHandle;
  beforeAll(async () => {
    page = await h.renderPage('subpackages/committee/pages/proxies/index');
  });
  afterAll(() => page.unload());

  it('shows the figures, rejections by reason, and the queue waiting for a decision', () => {
    const text = page.text().replace(/\s+/g, '');
    expect(text).toContain('4委托人3受托人2已批准1已驳回1已撤销0选举日已使用');
    expect(text).toContain('不是近亲属1件');
    expect(h.calls.cloud.find((c) => c.data.action === 'listProxies')?.data).toEqual({ action: 'listProxies', electionId: fx.election.id, status: 'accepted' });
  });

  it('shows relation, away place and both signatures from their short-lived links', () => {
    const text = page.text().replace(/\s+/g, '');
    expect(text).toContain('受托人是委托人的兄弟姐妹');
    expect(text).toContain('选举日委托人在广东深圳');
    // Both signatures are images (the compiled DOM does not expose their src).
    expect(page.root.dom.querySelectorAll('wx-image').length).toBe(2);
    expect(text).not.toContain('还没有签名');
  });

  it('approves', async () => {
    await page.tap('approve-px-3');
    expect(h.calls.cloud.find((c) => c.data.action === 'decideProxy')?.data).toEqual({ action: 'decideProxy', electionId: fx.election.id, id: 'px-3', approve: true, requestId: expect.any(String) });
  });

  it('publishes only after a dialog naming what it would leave out and the statutory date, ticked', async () => {
    await page.tap('proxy-publish');
    const dialog = () => (page.byId('irreversible-dialog')?.dom.textContent ?? '').replace(/\s+/g, '');
    expect(dialog()).toContain('公布委托投票名单（不能撤回）');
    expect(dialog()).toContain('选举日（须在这天之前公布）2026年6月20日（星期六）');
    // The counts come from committee.listProxies (requested, accepted), read when the dialog opens.
    expect(h.calls.cloud.filter((c) => c.data.action === 'listProxies' && c.data.limit === 1).map((c) => c.data.status)).toEqual(['requested', 'accepted']);
    expect(dialog()).toContain('委托还在等受托人确认1件');
    // Someone would be left out: the button does nothing until the clerk ticks the confirmation.
    await page.tap('step-confirm');
    expect(h.calls.cloud.some((c) => c.data.action === 'publishProxyList')).toBe(false);
    expect(dialog()).toContain('请先勾选确认');
    await page.tap('step-tick');
    await page.tap('step-confirm');
    expect(h.calls.cloud.some((c) => c.data.action === 'publishProxyList')).toBe(true);
    expect(page.text()).toContain('共1对委托');
  });
});

describe('选举日登记', () => {
  let page: PageHandle;
  beforeAll(async () => {
    page = await h.renderPage('subpackages/committee/pages/check-in/index');
  });
  afterAll(() => page.unload());

  it('registers a proxy ballot by a typed certificate number and says it cannot be used again', async () => {
    await page.tap('mode-proxy');
    await page.input('checkin-code', 'WT-2026-0008');
    await page.tap('checkin-code-go');
    expect(h.calls.cloud.at(-1)?.data).toEqual({ action: 'checkIn', electionId: fx.election.id, kind: 'proxyBallot', certificate: 'WT-2026-0008', requestId: expect.any(String) });
    expect(page.text()).toContain('受托人代领 → 已登记，再次使用会被拒绝');
    expect(page.text()).toContain('已登记李志刚代李志强领取选票');
  });

  it('shows a second use refused, in large text, with the server’s reason', async () => {
    h.setCloud(cloudTable({ 'committee.checkIn': { ok: false, code: 'CONFLICT', reason: 'ALREADY_USED', message: '这张委托投票证已经用过了，不能再领选票' } }));
    await page.tap('checkin-code-go');
    expect(page.text().replace(/\s+/g, '')).toContain('不能登记这张委托投票证已经用过了，不能再领选票');
    expect(page.text()).not.toContain('再次使用会被拒绝');
  });
});
