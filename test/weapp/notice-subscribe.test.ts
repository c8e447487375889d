/**
 * 订阅消息提醒 in the compiled mini-program: the template asked for is the deployment's notice
 * template from notices.list (setting NOTICE_TEMPLATE_ID), never a constant built into the app,
 * and what WeChat accepted goes to notices.subscribe.
 */
import { bootApp, cloudTable, type Harness, type PageHandle } from './harness';
import * as fx from './fixtures';
import * as nx from './notice-fixtures';

const CONFIGURED = 'Deployment_notice_tmpl_7';
const asked: string[][] = [];

let h: Harness;
let page: PageHandle;

beforeAll(async () => {
  // Taro binds wx.* when taro.js runs: the stand-in must exist before bootApp(), on the wx
  // global that miniprogram-simulate installs when it loads.
  require('miniprogram-simulate');
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  wx.requestSubscribeMessage = (o: { tmplIds: string[]; success?: (r: unknown) => void; complete?: (r: unknown) => void }) => {
    asked.push(o.tmplIds);
    const res = { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(o.tmplIds.map((t) => [t, 'accept'])) };
    o.success?.(res);
    o.complete?.(res);
    return Promise.resolve(res);
  };
  h = bootApp(
    cloudTable({
      'identity.whoami': { ok: true, data: fx.whoamiBound },
      'registration.mine': { ok: true, data: fx.mine },
      'notices.list': { ok: true, data: { ...nx.noticeList, subscribeTemplateId: CONFIGURED } },
      'notices.subscribe': { ok: true, data: { recorded: 1, pushesOwed: 3, templates: [{ templateId: CONFIGURED, unused: 3 }] } },
    }),
  );
  page = await h.renderPage('pages/notices/index');
});
afterAll(() => page?.unload());

describe('订阅消息提醒', () => {
  it('asks WeChat for the template notices.list gave, and reports it to notices.subscribe', async () => {
    await page.tap('notice-subscribe-btn');
    await h.settle(60);
    expect(asked).toEqual([[CONFIGURED]]);
    expect(h.calls.cloud).toContainEqual({ name: 'notices', data: expect.objectContaining({ action: 'subscribe', templateIds: [CONFIGURED], accepted: [CONFIGURED] }) });
    expect(page.text()).toContain('新公告发布时，还能提醒您3次。');
  });
});
