/** What ships in dist/: structure, sub-package, WeChat-only inputs, no dev-only code, size. */
import fs from 'node:fs';
import path from 'node:path';
import { assertBuilt, DIST } from './harness';

beforeAll(() => assertBuilt());

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('weapp build output', () => {
  it('has the four tabs in the main package and the committee, village, township and notice sub-packages', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
    expect(app.pages).toEqual(['pages/index/index', 'pages/notices/index', 'pages/registration/index', 'pages/me/index']);
    expect(app.tabBar.list.map((t: { text: string }) => t.text)).toEqual(['首页', '公告', '我的登记', '我的']);
    for (const t of app.tabBar.list) {
      expect(fs.existsSync(path.join(DIST, t.iconPath))).toBe(true);
      expect(fs.statSync(path.join(DIST, t.iconPath)).size).toBeLessThan(40 * 1024);
    }
    expect(app.subPackages).toEqual([
      expect.objectContaining({ root: 'subpackages/committee', pages: expect.arrayContaining(['pages/dashboard/index', 'pages/roll/index', 'pages/import/index', 'pages/objections/index']) }),
      expect.objectContaining({ root: 'subpackages/village', pages: expect.arrayContaining(['pages/nominate/index', 'pages/verify/index', 'pages/proxy-mine/index', 'pages/proxy-request/index', 'pages/proxy-incoming/index']) }),
      expect.objectContaining({ root: 'subpackages/township', pages: ['pages/overview/index', 'pages/duplicates/index', 'pages/members/index'] }),
      expect.objectContaining({ root: 'subpackages/notice', pages: ['pages/detail/index'] }),
    ]);
    // The notice sub-package is fetched while 首页 or 公告 is open, before a notice is tapped.
    expect(app.preloadRule['pages/notices/index']).toEqual({ network: 'all', packages: ['notice'] });
    expect(app.preloadRule['pages/index/index']).toEqual({ network: 'all', packages: ['notice'] });
    expect(fs.existsSync(path.join(DIST, 'subpackages/notice/pages/detail/index.js'))).toBe(true);
    expect(fs.existsSync(path.join(DIST, 'subpackages/committee/pages/dashboard/index.js'))).toBe(true);
    expect(fs.existsSync(path.join(DIST, 'subpackages/township/pages/overview/index.js'))).toBe(true);
  });

  it('uses the WeChat ID-card keyboard for the ID number', () => {
    // The ID-number field is shared by several pages, so the bundler may place it in a common chunk.
    const mainJs = filesUnder(DIST).filter((f) => f.endsWith('.js') && !path.relative(DIST, f).startsWith('subpackages'));
    expect(mainJs.some((f) => fs.readFileSync(f, 'utf8').includes('"idcard"'))).toBe(true);
  });

  it('contains none of the H5 dev-mode code (persona picker, X-Dev-Openid, fetch to the local host)', () => {
    const js = filesUnder(DIST).filter((f) => f.endsWith('.js'));
    for (const f of js) {
      const src = fs.readFileSync(f, 'utf8');
      for (const marker of ['/dev/personas', 'X-Dev-Openid', '开发模式', '填入演示数据', '/api/']) {
        if (src.includes(marker)) throw new Error(`${path.relative(DIST, f)} contains dev-only "${marker}"`);
      }
    }
  });

  it('bundles only the contracts the pages call (not the committee or township ones)', () => {
    const main = ['app.js', 'common.js', 'vendors.js'].map((f) => fs.readFileSync(path.join(DIST, f), 'utf8')).join('\n');
    // Summaries of actions no page calls yet; as \u escapes because the build escapes non-ASCII.
    const esc = (t: string) => Array.from(t).map((ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0')).join('');
    // Whole summaries (UI text may say 还没有创建本届选举 and must not trip this).
    for (const summary of ['创建本届选举：职位和名额', '新建村或社区，指定适用的选举规则', '公布正式候选人名单（按姓氏笔画', '委托投票审核队列']) {
      expect(main.includes(summary) || main.includes(esc(summary))).toBe(false);
    }
    expect(main.includes(esc('绑定选民身份')) || main.includes('绑定选民身份')).toBe(true);
  });

  it('keeps the main package well under WeChat’s 2 MB limit', () => {
    const mainBytes = filesUnder(DIST)
      .filter((f) => !path.relative(DIST, f).startsWith('subpackages'))
      .reduce((s, f) => s + fs.statSync(f).size, 0);
    expect(mainBytes).toBeLessThan(1024 * 1024);
  });
});
