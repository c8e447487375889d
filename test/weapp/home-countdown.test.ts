/** The countdown stops at zero and reloads the election (the phase moves on). */
import { bootApp, type PageHandle, type Harness } from './harness';
import * as fx from './fixtures';

let h: Harness;
let page: PageHandle;
let whoamiCalls = 0;

function electionAt(nowMs: number, first: boolean) {
  const serverNow = new Date(nowMs).toISOString();
  return {
    ...fx.election,
    serverNow,
    phaseLabel: first ? '选民登记' : '公布选民名单',
    next: first
      ? { key: 'registration', label: '选民登记', deadline: new Date(nowMs + 1500).toISOString() }
      : { key: 'voterListPublication', label: '公布选民名单', deadline: new Date(nowMs + 5 * 86400_000).toISOString() },
  };
}

beforeAll(async () => {
  // A server clock two years ahead of the phone: the countdown must still hit zero on time.
  const skew = 2 * 365 * 86400_000;
  h = bootApp((name, data) => {
    if (name === 'identity' && data.action === 'whoami') {
      whoamiCalls += 1;
      return { ok: true, data: { ...fx.whoamiCommittee, elections: [electionAt(Date.now() + skew, whoamiCalls === 1)] } };
    }
    return { ok: false, code: 'INTERNAL', message: 'unexpected' };
  });
  page = await h.renderPage('pages/index/index');
});
afterAll(() => page?.unload());

describe('首页 countdown', () => {
  it('shows under a minute as 1 分 before the deadline', () => {
    expect(page.text()).toContain('截止还有0天0小时1分');
    expect(whoamiCalls).toBe(1);
  });

  it('reaches zero, reloads once and shows the next deadline', async () => {
    await h.settle(2600);
    expect(whoamiCalls).toBe(2);
    const text = page.text();
    expect(text).toContain('当前阶段公布选民名单');
    expect(text).toContain('截止还有5天0小时0分');
    await h.settle(1200);
    expect(whoamiCalls).toBe(2);
  });
});
