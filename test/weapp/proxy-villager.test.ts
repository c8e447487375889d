/** 委托投票 for villagers (sub-package village): the principal's status and certificate, the proxy's answer, the form's guards. */
import { bootApp, cloudTable, type Harness, type PageHandle } from './harness';
import * as fx from './fixtures';
import * as px from './proxy-fixtures';

let h: Harness;
/** What proxies.mine answers: the approved authorization, then (for the form) nothing filed yet. */
let mineReply: unknown = px.mineApproved;

/** The pad's Canvas 2d node query (miniprogram-simulate has none): answer "no node", as before layout. */
function stubSelectorQuery(): void {
  // miniprogram-simulate defines the global wx when it is first required (bootApp requires it again, cached).
  require('miniprogram-simulate');
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  const q = { select: () => q, fields: (_o: unknown, cb: (r: null) => void) => (cb(null), q), exec: () => undefined };
  wx.createSelectorQuery = () => q;
}

/** Compiled WXML keeps ids but drops data-* attributes: assert on text, ids and drawn modules. */
const flat = (p: PageHandle) => p.text().replace(/\s+/g, '');

beforeAll(() => {
  stubSelectorQuery();
  h = bootApp(
    cloudTable({
      'identity.whoami': { ok: true, data: px.whoamiPrincipal },
      'registration.mine': { ok: true, data: fx.mine },
      'proxies.mine': () => ({ ok: true, data: mineReply }),
      'proxies.revoke': { ok: true, data: { authorization: { ...px.approved, status: 'revoked', statusLabel: '已撤销' } } },
      'proxies.incoming': { ok: true, data: px.incoming },
      'proxies.respond': (d: Record<string, unknown>) => ({ ok: true, data: { authorization: { ...px.requested, status: 'declined', statusLabel: '已拒绝', answeredAt: '2026-06-03T01:00:00.000Z', reason: d.reason ?? null }, holds: 1, max: 3 } }),
      'nominations.searchNominees': { ok: true, data: { results: [px.proxyPerson], more: false } },
    }),
  );
});

describe('委托投票 — principal with an approved authorization', () => {
  let page: PageHandle;
  beforeAll(async () => {
    page = await h.renderPage('subpackages/village/pages/proxy-mine/index');
  });
  afterAll(() => page.unload());

  it('says in one sentence who may be a proxy, the per-proxy maximum and the deadline', () => {
    const text = flat(page);
    expect(text).toContain('可以书面委托一位本村登记的近亲属');
    expect(text).toContain('每人最多接受3人的委托');
    expect(text).toContain('要在2026年6月17日（星期三）23:59前办完');
  });

  it('shows the status line at 已批准 and the 委托投票证 with its number and a QR code', () => {
    expect(flat(page)).toContain('✓待受托人确认✓待选举委员会审核✓已批准');
    expect(flat(page)).toContain('委托投票证WT-2026-0007');
    // The QR code: one black view per dark run, dozens for even the smallest version.
    const dark = page.root.dom.innerHTML.match(/background: (#000|rgb\(0, 0, 0\))/g) ?? [];
    expect(dark.length).toBeGreaterThan(40);
  });

  it('revokes only after a dialog that says what revoking does, then shows one finish screen', async () => {
    await page.tap('proxy-revoke');
    expect(h.calls.modals.at(-1)?.content).toContain('李志刚就不能替您投票了，委托投票证作废');
    expect(h.calls.cloud.at(-1)).toEqual({ name: 'proxies', data: { action: 'revoke', id: 'px-1', requestId: expect.any(String) } });
    expect(flat(page)).toContain('委托已撤销');
    expect(flat(page)).toContain('也可以重新委托一位近亲属');
    expect(page.byId('finish-back')).not.toBeNull();
  });
});

describe('别人委托我投票 — the proxy declines with a reason', () => {
  let page: PageHandle;
  beforeAll(async () => {
    page = await h.renderPage('subpackages/village/pages/proxy-incoming/index');
  });
  afterAll(() => page.unload());

  it('shows the principal, the relation and how many the proxy holds of the maximum', () => {
    const text = page.text();
    expect(text).toContain('您已接受1人的委托，最多可以接受3人');
    expect(text).toContain('李志强（第五村民小组，男，1991年生）');
    expect(text).toContain('兄弟姐妹');
    expect(text).toContain('广东深圳');
  });

  it('declines with the typed reason and shows the finish screen', async () => {
    await page.tap('decline-px-2');
    await page.input('decline-reason-px-2', '选举日我也不在村里');
    await page.tap('confirm-px-2');
    expect(h.calls.cloud.at(-1)).toEqual({ name: 'proxies', data: { action: 'respond', id: 'px-2', accept: false, reason: '选举日我也不在村里', requestId: expect.any(String) } });
    expect(flat(page)).toContain('您已拒绝委托');
    expect(flat(page)).toContain('他可以在截止前另请别人');
  });
});

describe('书面委托 — the form', () => {
  let page: PageHandle;
  beforeAll(async () => {
    // The form is offered only while nothing is in force (the page checks proxies.mine first).
    mineReply = { ...px.mineApproved, authorizations: [] };
    page = await h.renderPage('subpackages/village/pages/proxy-request/index');
  });
  afterAll(() => page.unload());

  it('finds the proxy by name, showing group, sex and birth year', async () => {
    await page.input('proxy-search-name', '李志刚');
    await page.tap('proxy-search-go');
    expect(h.calls.cloud.at(-1)).toEqual({ name: 'nominations', data: { action: 'searchNominees', name: '李志刚' } });
    await page.tap('pick-vt-0003');
    expect(flat(page)).toContain('受托人李志刚（第五村民小组，男，1987年生）换一个人');
  });

  it('does not send a request without the principal’s signature', async () => {
    const before = h.calls.cloud.length;
    await page.tap('relation-sibling');
    await page.input('proxy-away', '广东深圳');
    await page.tap('proxy-submit');
    expect(h.calls.cloud.length).toBe(before);
    expect(page.text()).toContain('请先在框里签上您的名字');
  });
});
