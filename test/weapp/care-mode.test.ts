/**
 * 关怀模式 and WeChat's own 字体大小 in the mini-program: the page root carries the size factor
 * `--k` every size of app.scss goes through. WeChat here reports a larger font (factor 1.2, as
 * getAppBaseInfo().fontSizeScaleFactor does); 关怀模式 multiplies it by 1.25, capped at 1.5.
 */
import { bootApp, cloudTable, type Harness, type PageHandle } from './harness';
import * as fx from './fixtures';

let h: Harness;
let page: PageHandle;

beforeAll(async () => {
  // miniprogram-simulate installs the global wx (bootApp requires the same cached module); set
  // before bootApp, because Taro binds the wx.* functions when taro.js first runs.
  require('miniprogram-simulate');
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  wx.getAppBaseInfo = () => ({ SDKVersion: '3.5.0', language: 'zh_CN', fontSizeScaleFactor: 1.2, fontSizeSetting: 20 });
  h = bootApp(cloudTable({ 'identity.whoami': { ok: true, data: fx.whoamiBound }, 'registration.mine': { ok: true, data: fx.mine } }));
  page = await h.renderPage('pages/me/index');
});
afterAll(() => page?.unload());

const root = () => page.root.dom.firstElementChild as HTMLElement;
const factor = () => /--k:\s*([\d.]+)/.exec(root().getAttribute('style') ?? '')?.[1];

describe('关怀模式 with WeChat set to a larger font', () => {
  it('scales the page by WeChat’s own factor in normal mode', () => {
    expect(root().className).not.toMatch(/\bcare\b/);
    expect(factor()).toBe('1.2');
  });

  it('multiplies it by 关怀模式 (capped at 1.5) and back', async () => {
    await page.tap('care-switch');
    expect(root().className).toMatch(/\bcare\b/);
    expect(factor()).toBe('1.5');
    await page.tap('care-switch');
    expect(factor()).toBe('1.2');
  });
});
