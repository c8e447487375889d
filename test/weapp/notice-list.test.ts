/** 公告 tab of the compiled mini-program: unread first, unread dot, type label, pushes owed. */
import { list, get } from '../../src/contracts/notice.contract';
import { bootApp, cloudTable, type Harness, type PageHandle } from './harness';
import * as fx from './fixtures';
import * as nx from './notice-fixtures';

let h: Harness;
let page: PageHandle;

beforeAll(async () => {
  h = bootApp(
    cloudTable({
      'identity.whoami': { ok: true, data: fx.whoamiBound },
      'registration.mine': { ok: true, data: fx.mine },
      'notices.list': { ok: true, data: nx.noticeList },
    }),
  );
  page = await h.renderPage('pages/notices/index');
});
afterAll(() => page?.unload());

describe('公告 list (bound villager)', () => {
  it('uses fixtures that match the contract', () => {
    expect(list.output.safeParse(nx.noticeList).success).toBe(true);
    expect(get.output.safeParse(nx.noticeGet).success).toBe(true);
  });

  it('asks the notices function for the list', () => {
    expect(h.calls.cloud).toContainEqual({ name: 'notices', data: { action: 'list' } });
  });

  // Compiled WXML keeps classes (prefixed by the page, e.g. main--notice-item), not data-* attributes.
  const items = () => Array.from(page.root.dom.querySelectorAll('[class~="main--notice-item"]'));

  it('puts the unread notice first, then the rest newest first', () => {
    expect(items().map((e) => e.querySelector('[class~="main--notice-item-title"]')?.textContent)).toEqual(['清溪村选民名单公告', '清溪村选举日公告', '关于换届选举工作安排的公告']);
  });

  it('marks only the unread notice with a dot and 未读', () => {
    expect(items().map((e) => e.querySelector('[class~="main--notice-dot"]:not([class~="main--read"])') !== null)).toEqual([true, false, false]);
    expect(items().map((e) => e.className.includes('main--unread'))).toEqual([true, false, false]);
    expect(items()[0]!.textContent).toContain('未读');
    expect(items()[1]!.textContent).toContain('已读');
  });

  it('shows the type label of each notice and the unread count', () => {
    const text = page.text();
    expect(text).toContain('选民名单公告');
    expect(text).toContain('选举日、时间和地点公告');
    expect(page.root.dom.querySelector('[class~="main--notice-badge"]')?.textContent?.trim()).toBe('1');
  });

  it('shows how many pushes are still owed', () => {
    expect(page.text()).toContain('新公告发布时，还能提醒您2次。');
    expect(page.byId('notice-subscribe-btn')).not.toBeNull();
  });

  it('opens the detail page of a tapped notice', async () => {
    await page.tap('notice-n-voters');
    expect(h.calls.navigateTo).toContain('/subpackages/notice/pages/detail/index?id=n-voters');
  });
});
