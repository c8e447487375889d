/** 我的登记 while binding is locked after repeated failures (whoami.bindLockedUntil). */
import { bootApp, cloudTable, type PageHandle, type Harness } from './harness';
import * as fx from './fixtures';

let h: Harness;
let page: PageHandle;

beforeAll(async () => {
  // Locked until 2026-05-06 20:24 Beijing time; the server clock says it is 19:54.
  h = bootApp(
    cloudTable({
      'identity.whoami': { ok: true, data: { ...fx.whoamiUnbound, elections: [fx.election], bindLockedUntil: '2026-05-06T12:24:00.000Z' } },
    }),
  );
  page = await h.renderPage('pages/registration/index');
});
afterAll(() => page?.unload());

describe('我的登记 (locked out)', () => {
  it('says when binding can be tried again, in Beijing time', () => {
    expect(page.text()).toContain('填写错误次数太多，已暂时锁定。请在 2026年5月6日（星期三）20:24 以后再试');
  });

  it('does not send a bind while locked', async () => {
    await page.input('bind-name', '王秀英');
    await page.input('bind-id-number', '33010219580315002X');
    await page.input('bind-code', 'K7PM3QXA');
    await page.tap('bind-consent');
    await page.tap('bind-submit');
    expect(h.calls.cloud.filter((c) => c.data.action === 'bind')).toHaveLength(0);
  });
});
