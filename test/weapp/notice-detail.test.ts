/** 公告详情 of the compiled mini-program: body, frozen list with 校验码, correction banner, 我已阅读 once. */
import { bootApp, cloudTable, type Harness, type PageHandle } from './harness';
import * as fx from './fixtures';
import * as nx from './notice-fixtures';

let h: Harness;
let page: PageHandle;
const markReads = () => h.calls.cloud.filter((c) => c.name === 'notices' && c.data.action === 'markRead');

beforeAll(async () => {
  h = bootApp(
    cloudTable({
      'identity.whoami': { ok: true, data: fx.whoamiBound },
      'registration.mine': { ok: true, data: fx.mine },
      'notices.list': { ok: true, data: nx.noticeList },
      'notices.get': { ok: true, data: nx.noticeGet },
      'notices.markRead': { ok: true, data: { noticeId: 'n-voters', firstRead: true, readAt: '2026-05-20T03:00:00.000Z', unread: 0 } },
    }),
  );
  page = await h.renderPage('subpackages/notice/pages/detail/index', { id: 'n-voters' });
});
afterAll(() => page?.unload());

describe('公告详情', () => {
  it('loads the notice named in the page query, first page', () => {
    expect(h.calls.cloud).toContainEqual({ name: 'notices', data: { action: 'get', noticeId: 'n-voters', page: 1 } });
  });

  it('shows the title, type, body and the frozen list with a shortened 校验码', () => {
    const text = page.text();
    expect(text).toContain('清溪村选民名单公告');
    expect(text).toContain('选民名单公告');
    expect(text).toContain('根据有关规定，现予公布。');
    expect(text).toContain('附件名单（共250人）');
    expect(text).toContain('校验码：00D29222…6C0B');
    expect(text).toContain('王秀英');
    expect(text).toContain('第1页，共3页');
  });

  it('warns that the notice was corrected', () => {
    expect(page.text()).toContain('这份公告已经更正，请以更正后的公告为准。');
    expect(page.byId('open-correction')).not.toBeNull();
  });

  it('我已阅读 calls markRead once and then ends on the finish box (what, when, what next)', async () => {
    expect(markReads()).toHaveLength(0);
    expect(page.byId('notice-read')?.dom.textContent).toContain('我已阅读');
    await page.tap('notice-read');
    expect(markReads()).toEqual([{ name: 'notices', data: { action: 'markRead', noticeId: 'n-voters', requestId: expect.any(String) } }]);
    expect(page.byId('notice-read')).toBeNull();
    expect(page.text()).toContain('已记下您读过这份公告');
    expect(page.text()).toMatch(/什么时候\d{4}年\d{1,2}月\d{1,2}日（星期.）/);
    expect(page.text()).toContain('接下来');
    expect(markReads()).toHaveLength(1);
  });

  it('after reading, offers the subscribe button again (a natural moment to ask)', () => {
    expect(page.byId('notice-subscribe-btn')).not.toBeNull();
    expect(page.text()).toContain('以后有新公告时，想在微信里收到提醒吗？');
  });
});
