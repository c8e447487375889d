/**
 * The bind flow in the real WeChat DevTools simulator, driven by miniprogram-automator.
 * The cloud is replaced inside the app service by a small fake (the same fixtures as the
 * simulate tests), so no cloud environment or AppID with cloud access is needed.
 */
import assert from 'node:assert/strict';
import type { MiniProgramLike, PageLike } from './run';
import * as fx from '../weapp/fixtures';

const DEMO = { name: '王秀英', idNumber: '33010219580315002X', bindingCode: 'K7PM3QXA' };

/** Runs inside the mini-program: a fake `wx.cloud.callFunction` (Taro.cloud is the same object). */
function installFakeCloud(data: { unbound: unknown; bound: unknown; mine: unknown; voter: unknown; election: unknown; code: string }) {
  const g = globalThis as unknown as { wx: { cloud: Record<string, unknown> }; __fakeBound?: boolean; __fakeCalls?: string[] };
  g.__fakeBound = false;
  g.__fakeCalls = [];
  g.wx.cloud.callFunction = (opts: { name: string; data: Record<string, unknown> }) => {
    const key = opts.name + '.' + String(opts.data.action);
    g.__fakeCalls!.push(key);
    let result: unknown;
    if (key === 'identity.whoami') result = { ok: true, data: g.__fakeBound ? data.bound : data.unbound };
    else if (key === 'registration.mine') result = { ok: true, data: data.mine };
    else if (key === 'identity.bind' && opts.data.bindingCode === data.code) {
      g.__fakeBound = true;
      result = { ok: true, data: { voter: data.voter, election: data.election } };
    } else if (key === 'identity.bind') result = { ok: false, code: 'NOT_FOUND', reason: 'BIND_MISMATCH', message: '姓名、身份证号码和绑定码对不上' };
    else if (key === 'identity.unbind') {
      g.__fakeBound = false;
      result = { ok: true, data: { unbound: true } };
    } else result = { ok: false, code: 'INTERNAL', message: 'fake cloud: ' + key };
    return Promise.resolve({ result, errMsg: 'cloud.callFunction:ok' });
  };
}

async function pageText(page: PageLike): Promise<string> {
  const root = await page.$('.page');
  assert.ok(root, 'page root .page not found');
  return (await root.wxml()).replace(/<[^>]+>/g, '').replace(/\s+/g, '');
}

async function waitForText(page: PageLike, text: string, ms = 8000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = await pageText(page).catch(() => '');
    if (last.includes(text)) return last;
    await page.waitFor(250);
  }
  throw new Error(`"${text}" did not appear; page shows: ${last.slice(0, 300)}`);
}

export const specs: Array<{ name: string; run: (mp: MiniProgramLike) => Promise<void> }> = [
  {
    name: '我的登记 shows the bind form to an unbound user',
    async run(mp) {
      await mp.evaluate(installFakeCloud, {
        unbound: fx.whoamiUnbound,
        bound: fx.whoamiBound,
        mine: fx.mine,
        voter: fx.voter,
        election: fx.election,
        code: DEMO.bindingCode,
      });
      const page = await mp.reLaunch('/pages/registration/index');
      assert.ok(page);
      await waitForText(page, '绑定选民身份');
      assert.ok(await page.$('#bind-id-number'));
    },
  },
  {
    name: 'a wrong binding code shows the server message',
    async run(mp) {
      const page = (await mp.currentPage())!;
      await (await page.$('#bind-name'))!.input!(DEMO.name);
      await (await page.$('#bind-id-number'))!.input!(DEMO.idNumber);
      await (await page.$('#bind-code'))!.input!('ABCDEFGH');
      await (await page.$('#bind-consent'))!.tap();
      await (await page.$('#bind-submit'))!.tap();
      await waitForText(page, '姓名、身份证号码和绑定码对不上');
    },
  },
  {
    name: 'the right code binds and shows the masked entry',
    async run(mp) {
      const page = (await mp.currentPage())!;
      await (await page.$('#bind-code'))!.input!(DEMO.bindingCode);
      await (await page.$('#bind-submit'))!.tap();
      const text = await waitForText(page, '我的选民登记');
      assert.ok(text.includes('330102********002X'));
      assert.ok(!text.includes(DEMO.idNumber));
    },
  },
  {
    name: '首页 shows the phase and the countdown',
    async run(mp) {
      const page = await mp.switchTab('/pages/index/index');
      assert.ok(page);
      const text = await waitForText(page, '当前阶段选民登记');
      assert.match(text, /截止还有\d+天\d+小时\d+分/);
    },
  },
];
