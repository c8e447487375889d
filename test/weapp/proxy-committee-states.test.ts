/** 委托投票审核 behind the page-state gate: loading card, then the failure with 重试, then the queue. */
import { bootApp, cloudTable, type Harness, type PageHandle } from './harness';
import * as fx from './fixtures';
import * as px from './proxy-fixtures';

let h: Harness;
const flat = (p: PageHandle) => p.text().replace(/\s+/g, '');
const FAILED = { ok: false, code: 'INTERNAL', message: '服务器出了点问题，请稍后再试。', requestId: 'req-queue-1' };

let release!: (v: unknown) => void;
let list: () => unknown = () => new Promise<unknown>((ok) => (release = ok));

beforeAll(() => {
  h = bootApp(
    cloudTable({
      'identity.whoami': { ok: true, data: fx.whoamiCommittee },
      'committee.listProxies': () => list(),
    }),
  );
});

describe('委托投票审核 (committee proxies)', () => {
  let page: PageHandle;
  beforeAll(async () => {
    page = await h.renderPage('subpackages/committee/pages/proxies/index');
  });
  afterAll(() => page.unload());

  it('shows the loading card in place of the queue while the first reply is on its way', () => {
    expect(page.text()).toContain('正在加载，请稍等…');
    expect(flat(page)).not.toContain('委托人');
    // Publishing does not depend on the queue: its card is there already.
    expect(page.byId('proxy-publish')).not.toBeNull();
  });

  it('shows the failure with 重试 instead of figures', async () => {
    release(FAILED);
    await h.settle(60);
    expect(page.text()).toContain(FAILED.message);
    expect(flat(page)).toContain('问题编号：req-queue-1');
    expect(flat(page)).not.toContain('选举日已使用');
  });

  it('asks again on 重试 and shows the figures and the queue', async () => {
    list = () => ({ ok: true, data: px.queue });
    await page.tap('state-retry');
    await h.settle(60);
    expect(flat(page)).toContain('4委托人3受托人2已批准1已驳回1已撤销0选举日已使用');
    expect(page.byId('state-retry')).toBeNull();
  });
});
