/** 首页 for someone not bound and not on a committee: how to get an election. */
import { bootApp, cloudTable, type PageHandle, type Harness } from './harness';
import * as fx from './fixtures';

let h: Harness;
let page: PageHandle;

beforeAll(async () => {
  h = bootApp(cloudTable({ 'identity.whoami': { ok: true, data: fx.whoamiUnbound } }));
  page = await h.renderPage('pages/index/index');
});
afterAll(() => page?.unload());

describe('首页 (not bound)', () => {
  it('explains in three steps how to get one’s election', () => {
    const text = page.text();
    expect(text).toContain('欢迎使用村选通');
    expect(text).toContain('《选民登记告知书》');
    expect(text).toContain('绑定码');
    expect(text).not.toContain('下一个截止');
  });

  it('does not call registration.mine for an unbound user', () => {
    expect(h.calls.cloud.map((c) => `${c.name}.${String(c.data.action)}`)).toEqual(['identity.whoami']);
  });

  it('sends the user to 我的登记 with the big 先绑定选民身份 button', async () => {
    expect(page.text()).toContain('先绑定选民身份');
    await page.tap('go-bind');
    expect(h.calls.switchTab).toEqual(['/pages/registration/index']);
  });
});
