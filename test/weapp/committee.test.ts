/** The role-gated committee sub-package: a minimal dashboard for a committee member. */
import { bootApp, cloudTable, type PageHandle, type Harness } from './harness';
import * as fx from './fixtures';

let h: Harness;
let page: PageHandle;

beforeAll(async () => {
  h = bootApp(cloudTable({ 'identity.whoami': { ok: true, data: fx.whoamiCommittee } }));
  page = await h.renderPage('subpackages/committee/pages/dashboard/index');
});
afterAll(() => page?.unload());

describe('选举委员会工作台', () => {
  it('shows the election of the committee’s village with posts and seats', () => {
    const text = page.text();
    expect(text).toContain('清溪村第十二届村民委员会换届选举');
    expect(text).toContain('当前阶段选民登记');
    expect(text).toContain('职位和名额');
    expect(text).toContain('主任1名');
    expect(text).toContain('委员3名');
    expect(text).toContain('适用规则：浙江省村民委员会选举办法（2026）');
  });

  it('shows the countdown and the timeline', () => {
    expect(page.text()).toContain('距离“选民登记”截止还有3天4小时6分');
    expect(page.text()).toContain('选举日程');
  });

  it('never calls registration.mine for a committee member who is not a voter', () => {
    expect(h.calls.cloud.map((c) => c.data.action)).not.toContain('mine');
  });
});
