/**
 * Pages that left the main package: a subscribe-message card sent before the move still names
 * pages/notices/detail, and WeChat reports it as not found; the compiled app sends it to the notice
 * sub-package with the same query, and any other missing entry page to 首页.
 */
import { bootApp, cloudTable, type Harness } from './harness';

let h: Harness;

beforeAll(() => {
  h = bootApp(cloudTable({}));
});

describe('moved pages', () => {
  it('redirects an old notice card to the notice sub-package, keeping the notice id', () => {
    h.pageNotFound({ path: 'pages/notices/detail', query: { id: 'n_7' }, isEntryPage: true });
    expect(h.calls.redirectTo).toEqual(['/subpackages/notice/pages/detail/index?id=n_7']);
  });

  it('sends any other missing entry page to 首页 and leaves an in-app miss alone', () => {
    h.pageNotFound({ path: 'pages/nowhere/index', query: {}, isEntryPage: true });
    h.pageNotFound({ path: 'pages/nowhere/index', query: {}, isEntryPage: false });
    expect(h.calls.reLaunch).toEqual(['/pages/index/index']);
    expect(h.calls.redirectTo).toHaveLength(1);
  });
});
