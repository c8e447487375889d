/** The township sub-package is role-gated in the UI: someone who is not township staff sees why, and nothing is asked of the township functions. */
import { bootApp, cloudTable, type Harness, type PageHandle } from './harness';
import * as fx from './fixtures';

let h: Harness;
let page: PageHandle;

beforeAll(async () => {
  h = bootApp(cloudTable({ 'identity.whoami': { ok: true, data: fx.whoamiCommittee } }));
  page = await h.renderPage('subpackages/township/pages/overview/index');
});
afterAll(() => page?.unload());

describe('乡镇工作台 for someone else', () => {
  it('says the page is for township staff only', () => {
    expect(page.byId('not-township')).not.toBeNull();
    expect(page.text()).toContain('只有乡镇（街道）工作人员可以使用');
  });
  it('never calls the township functions', () => {
    expect(h.calls.cloud.map((c) => c.name)).not.toContain('township');
  });
});
