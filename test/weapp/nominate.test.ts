/** 直接提名 for villagers (sub-package village): steps, seat limit, signature, one 完成 screen with the receipt. */
import * as nominations from '../../src/contracts/nomination.contract';
import { bootApp, cloudTable, type Harness, type PageHandle } from './harness';
import * as fx from './fixtures';
import * as nx from './nomination-fixtures';

let h: Harness;
let page: PageHandle;

/**
 * miniprogram-simulate has no canvas node and makes DOM Touch objects (clientX/clientY); the
 * WeChat canvas reports x/y relative to itself. Stand-ins that carry both, so the pad's touch
 * handlers see what the client would send.
 */
function touchStandIns(): void {
  require('miniprogram-simulate');
  const g = globalThis as unknown as Record<string, unknown>;
  const wx = g.wx as Record<string, unknown>;
  const q = { select: () => q, fields: (_o: unknown, cb: (r: null) => void) => (cb(null), q), exec: () => undefined };
  wx.createSelectorQuery = () => q;
  g.Touch = class {
    constructor(init: { clientX: number; clientY: number }) {
      Object.assign(this, init, { x: init.clientX, y: init.clientY });
    }
  };
  g.TouchEvent = class extends Event {
    touches: unknown[];
    changedTouches: unknown[];
    constructor(type: string, init: EventInit & { touches: unknown[]; changedTouches: unknown[] }) {
      super(type, init);
      this.touches = init.touches;
      this.changedTouches = init.changedTouches;
    }
  };
}

/** One stroke of `points` touch moves across the pad. */
async function stroke(p: PageHandle, x0: number): Promise<void> {
  const canvas = p.byId('nom-sign-canvas');
  if (!canvas) throw new Error('no signature canvas');
  canvas.dispatchEvent('touchstart', { touches: [{ x: x0, y: 60 }], changedTouches: [{ x: x0, y: 60 }] });
  for (let i = 1; i <= 8; i++) canvas.dispatchEvent('touchmove', { touches: [{ x: x0 + i * 6, y: 60 + (i % 2) * 20 }], changedTouches: [{ x: x0 + i * 6, y: 60 + (i % 2) * 20 }] });
  canvas.dispatchEvent('touchend', { touches: [], changedTouches: [{ x: x0 + 48, y: 60 }] });
  await h.settle(60);
}

const flat = () => page.text().replace(/\s+/g, '');
const submits = () => h.calls.cloud.filter((c) => c.data.action === 'submit');

beforeAll(async () => {
  touchStandIns();
  h = bootApp(
    cloudTable({
      'identity.whoami': { ok: true, data: fx.whoamiBound },
      'registration.mine': { ok: true, data: fx.mine },
      'nominations.form': { ok: true, data: nx.form },
      'nominations.searchNominees': { ok: true, data: { results: [nx.wangA, nx.wangB], more: false } },
      'nominations.submit': { ok: true, data: nx.submitted },
    }),
  );
  page = await h.renderPage('subpackages/village/pages/nominate/index', { electionId: nx.ELECTION_ID });
});
afterAll(() => page.unload());

it('uses replies the contracts accept', () => {
  expect(() => nominations.form.output.parse(nx.form)).not.toThrow();
  expect(() => nominations.submit.output.parse(nx.submitted)).not.toThrow();
});

it('starts with the window, what a seat limit means and how many steps there are', () => {
  expect(h.calls.cloud).toContainEqual({ name: 'nominations', data: { action: 'form', electionId: nx.ELECTION_ID } });
  const text = flat();
  expect(text).toContain('提名时间：2026年6月1日（星期一）至2026年6月5日（星期五）');
  expect(text).toContain('每个职位最多提名的人数就是这个职位的名额');
  expect(text).toContain('一共5步');
  expect(text).toContain('开始1.主任2.副主任3.委员4.核对5.签名');
});

it('finds namesakes by name and tells them apart by group, sex and birth year', async () => {
  await page.tap('start-nominate');
  expect(flat()).toContain('主任：最多提名1人');
  await page.input('nominee-name', '王秀英');
  await page.tap('nominee-search');
  expect(h.calls.cloud.at(-1)).toEqual({ name: 'nominations', data: { action: 'searchNominees', electionId: nx.ELECTION_ID, name: '王秀英' } });
  expect(flat()).toContain('王秀英第一村民小组·女·1968年生');
  expect(flat()).toContain('王秀英第七村民小组·女·1979年生');
});

it('stops at the seat limit: once 主任 has one name the search is gone until one is taken off', async () => {
  await page.tap('pick-vt-0102');
  expect(flat()).toContain('已选1人');
  expect(flat()).toContain('这个职位已选满1人。要换人，先点“去掉”。');
  expect(page.byId('nominee-search')).toBeNull();
  await page.tap('remove-vt-0102');
  expect(page.byId('nominee-search')).not.toBeNull();
  await page.input('nominee-name', '王秀英');
  await page.tap('nominee-search');
  await page.tap('pick-vt-0102');
  expect(page.byId('nominee-search')).toBeNull();
});

it('walks the other posts (none chosen is allowed) to a review of every post', async () => {
  await page.tap('step-next');
  expect(flat()).toContain('副主任：最多提名1人');
  await page.tap('step-next');
  expect(flat()).toContain('委员：最多提名3人');
  await page.tap('step-next');
  const text = flat();
  expect(text).toContain('主任（1/1人）王秀英第七村民小组');
  expect(text).toContain('副主任（0/1人）');
  expect(text).toContain('委员（0/3人）');
});

it('sends nothing until the villager has signed', async () => {
  await page.tap('review-next');
  expect(flat()).toContain('请本人在下面的框里写上自己的名字');
  expect(flat()).toContain('还没有写');
  await page.tap('nom-sign-confirm');
  expect(flat()).toContain('请先在框里写上您的名字');
  expect(submits()).toHaveLength(0);
});

it('submits the names and the strokes, then shows one 完成 screen with the receipt code and its QR', async () => {
  await stroke(page, 20);
  await stroke(page, 120);
  expect(flat()).toContain('已写2笔');
  await page.tap('nom-sign-confirm');
  const sent = submits();
  expect(sent).toHaveLength(1);
  const data = sent[0]!.data as { electionId: string; names: Record<string, string[]>; signature: { strokes: number[][] }; requestId: string };
  expect(data.electionId).toBe(nx.ELECTION_ID);
  expect(data.names).toEqual({ director: ['vt-0102'] });
  expect(data.signature.strokes).toHaveLength(2);
  expect(data.requestId).toEqual(expect.any(String));
  const text = flat();
  expect(text).toContain('✓提名已提交办了什么');
  expect(text).toContain('回执编号（请拍照或抄下来）NM7K-3QPA-X9TR');
  expect(text).toContain('提名到2026年6月5日');
  // The QR code: one black view per dark run, dozens for even the smallest version.
  const dark = page.root.dom.innerHTML.match(/background: (#000|rgb\(0, 0, 0\))/g) ?? [];
  expect(dark.length).toBeGreaterThan(40);
  // One screen: the steps and the pad are gone.
  expect(page.byId('nom-sign-canvas')).toBeNull();
  expect(text).not.toContain('5.签名');
});

it('核验回执 opens the verify page with the code', async () => {
  await page.tap('go-verify');
  expect(h.calls.navigateTo.at(-1)).toContain('subpackages/village/pages/verify/index');
  expect(h.calls.navigateTo.at(-1)).toContain('code=NM7K-3QPA-X9TR');
});
