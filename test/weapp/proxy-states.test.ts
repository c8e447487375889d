/**
 * The 委托投票 pages behind the one page-state gate (StateGate): while the first reply is on its
 * way the loading card and nothing else; a failed reply its message, 问题编号 and 重试; 重试
 * asks again and shows the page. Villager pages here, the committee queue in
 * proxy-committee-states.test.ts (a committee session).
 */
import { bootApp, cloudTable, type Harness, type PageHandle } from './harness';
import * as fx from './fixtures';
import * as px from './proxy-fixtures';

let h: Harness;
const flat = (p: PageHandle) => p.text().replace(/\s+/g, '');
const LOADING = '正在加载，请稍等…';
const FAILED = { ok: false, code: 'INTERNAL', message: '服务器出了点问题，请稍后再试。', requestId: 'req-proxy-1' };

/** A reply the test releases when it wants (the page stays in its loading state until then). */
function held(): { reply: Promise<unknown>; release: (v: unknown) => void } {
  let release!: (v: unknown) => void;
  const reply = new Promise<unknown>((ok) => (release = ok));
  return { reply, release };
}

let mine: () => unknown = () => ({ ok: true, data: px.mineApproved });
let incoming: () => unknown = () => ({ ok: true, data: px.incoming });

beforeAll(() => {
  h = bootApp(
    cloudTable({
      'identity.whoami': { ok: true, data: px.whoamiPrincipal },
      'registration.mine': { ok: true, data: fx.mine },
      'proxies.mine': () => mine(),
      'proxies.incoming': () => incoming(),
    }),
  );
});

describe('我的委托 (proxy-mine)', () => {
  let page: PageHandle;
  const first = held();
  beforeAll(async () => {
    mine = () => first.reply;
    page = await h.renderPage('subpackages/village/pages/proxy-mine/index');
  });
  afterAll(() => page.unload());

  it('shows only the loading card while the first reply is on its way', () => {
    expect(page.text()).toContain(LOADING);
    expect(flat(page)).not.toContain('选举日回不了村');
  });

  it('shows the failure with its 问题编号 and 重试, not the page', async () => {
    first.release(FAILED);
    await h.settle(60);
    expect(page.text()).toContain(FAILED.message);
    expect(flat(page)).toContain('问题编号：req-proxy-1');
    expect(page.byId('state-retry')).not.toBeNull();
    expect(page.text()).not.toContain(LOADING);
  });

  it('asks again on 重试 and shows the page', async () => {
    mine = () => ({ ok: true, data: px.mineApproved });
    await page.tap('state-retry');
    await h.settle(60);
    expect(flat(page)).toContain('选举日回不了村');
    expect(page.byId('state-retry')).toBeNull();
  });
});

describe('书面委托 (proxy-request)', () => {
  let page: PageHandle;
  beforeAll(async () => {
    mine = () => FAILED;
    page = await h.renderPage('subpackages/village/pages/proxy-request/index');
  });
  afterAll(() => page.unload());

  it('does not offer the form when it cannot tell whether one may file', () => {
    expect(page.text()).toContain(FAILED.message);
    expect(page.byId('proxy-submit')).toBeNull();
  });

  it('after 重试, says an authorization is already in force instead of offering a second one', async () => {
    mine = () => ({ ok: true, data: px.mineApproved });
    await page.tap('state-retry');
    await h.settle(60);
    expect(flat(page)).toContain('您已经有一份委托');
    expect(flat(page)).toContain('您已请李志刚代您投票');
    expect(page.byId('proxy-submit')).toBeNull();
  });
});

describe('别人请我代他投票 (proxy-incoming)', () => {
  let page: PageHandle;
  const first = held();
  beforeAll(async () => {
    incoming = () => first.reply;
    page = await h.renderPage('subpackages/village/pages/proxy-incoming/index');
  });
  afterAll(() => page.unload());

  it('shows only the loading card, then the requests once they arrive', async () => {
    expect(page.text()).toContain(LOADING);
    expect(flat(page)).not.toContain('您已接受');
    first.release({ ok: true, data: px.incoming });
    await h.settle(60);
    expect(page.text()).not.toContain(LOADING);
    expect(flat(page)).toContain('您已接受1人的委托，最多可以接受3人。');
  });
});
