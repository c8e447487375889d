/** 首页 of the compiled mini-program, for a bound villager. */
import { bootApp, cloudTable, type PageHandle, type Harness } from './harness';
import * as fx from './fixtures';

let h: Harness;
let page: PageHandle;

beforeAll(async () => {
  h = bootApp(cloudTable({ 'identity.whoami': { ok: true, data: fx.whoamiBound }, 'registration.mine': { ok: true, data: fx.mine } }));
  page = await h.renderPage('pages/index/index');
});
afterAll(() => page?.unload());

describe('首页 (bound villager)', () => {
  it('asks the identity function who the user is', () => {
    expect(h.calls.cloud[0]).toEqual({ name: 'identity', data: { action: 'whoami' } });
  });

  it('shows the village, the election title and the current phase label', () => {
    const text = page.text();
    expect(text).toContain('清溪村');
    expect(text).toContain('清溪村第十二届村民委员会换届选举');
    expect(text).toContain('当前阶段选民登记');
    expect(text).toContain('选举日：2026年6月20日（星期六）');
  });

  it('counts down to the next deadline on the server clock, not the phone clock', () => {
    // The phone clock (this machine) is far from the fixtures' serverNow; the offset corrects it:
    // 2026-05-09T16:00Z − 2026-05-06T11:54Z = 3 天 4 小时 6 分.
    const text = page.text();
    expect(text).toContain('距离“选民登记”截止还有');
    expect(text).toContain('距离“选民登记”截止还有3天4小时6分');
    expect(text).toContain('截止时间：2026年5月9日（星期六）23:59');
  });

  it('marks the statutory timeline done / in progress / next (the nearest step not started) / not started', () => {
    const text = page.text();
    expect(text).toContain('选举日程');
    expect(text).toContain('已结束发布选举公告');
    expect(text).toContain('进行中选民登记5月1日 至 5月9日');
    expect(text).toContain('下一步公布选民名单2026年5月31日（星期日）');
    expect(text).toContain('未开始提名候选人6月1日 至 6月5日');
    expect(text).toContain('（暂定）');
  });

  it('does not offer binding to someone already bound', () => {
    expect(page.text()).not.toContain('先绑定选民身份');
    expect(page.byId('go-bind')).toBeNull();
  });
});
