/** 我的: masked identity, 关怀模式 (persisted), privacy notice. */
import { bootApp, cloudTable, type PageHandle, type Harness } from './harness';
import * as fx from './fixtures';

let h: Harness;
let page: PageHandle;

beforeAll(async () => {
  h = bootApp(cloudTable({ 'identity.whoami': { ok: true, data: fx.whoamiBound }, 'registration.mine': { ok: true, data: fx.mine } }));
  page = await h.renderPage('pages/me/index');
});
afterAll(() => page?.unload());

const rootClass = () => (page.root.dom.firstElementChild as HTMLElement).className;

describe('我的', () => {
  it('shows who is bound, with the ID number masked', () => {
    const text = page.text();
    expect(text).toContain('我的身份');
    expect(text).toContain('姓名王秀英');
    expect(text).toContain('身份证号码已核验');
    expect(text).toContain('身份：选民');
  });

  it('shows the privacy notice', () => {
    expect(page.text()).toContain('个人信息说明');
    expect(page.text()).toContain('不提供给其他单位和个人');
  });

  it('switches 关怀模式 on, scales the page and remembers it on the phone', async () => {
    expect(rootClass()).not.toMatch(/\bcare\b|--care\b/);
    expect(page.text()).toContain('关怀模式（大字）');
    await page.tap('care-switch');
    expect(rootClass()).toMatch(/care/);
    expect(h.storage.get('cxt.careMode')).toBe(true);
    await page.tap('care-switch');
    expect(rootClass()).not.toMatch(/care/);
    expect(h.storage.get('cxt.careMode')).toBe(false);
  });

  it('offers 解除绑定 to a bound user', () => {
    expect(page.byId('me-unbind')).not.toBeNull();
  });
});
