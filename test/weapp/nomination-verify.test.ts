/** 核验回执 (sub-package village, anyone): a code it is opened with is checked at once; an altered record says so. */
import * as nominations from '../../src/contracts/nomination.contract';
import { bootApp, type Harness, type PageHandle } from './harness';
import * as fx from './fixtures';
import * as nx from './nomination-fixtures';

let h: Harness;
let page: PageHandle;
const flat = () => page.text().replace(/\s+/g, '');
const checks = () => h.calls.cloud.filter((c) => c.data.action === 'verifyReceipt');

beforeAll(async () => {
  h = bootApp((name, data) => {
    if (name === 'identity') return { ok: true, data: fx.whoamiUnbound };
    if (name === 'nominations' && data.action === 'verifyReceipt') {
      if (data.code === nx.submitted.receipt.code) return { ok: true, data: nx.verified };
      if (data.code === 'NM7K-0000-0000') return { ok: false, code: 'NOT_FOUND', reason: 'NO_SUCH_RECEIPT', message: '没有找到这个回执编号，请核对后再输入' };
      return { ok: true, data: nx.altered };
    }
    return { ok: false, code: 'INTERNAL', message: `test has no reply for ${name}.${String(data.action)}` };
  });
  page = await h.renderPage('subpackages/village/pages/verify/index', { code: nx.submitted.receipt.code });
  await h.settle(60);
});
afterAll(() => page.unload());

it('uses replies the contract accepts', () => {
  expect(() => nominations.verifyReceipt.output.parse(nx.verified)).not.toThrow();
  expect(() => nominations.verifyReceipt.output.parse(nx.altered)).not.toThrow();
});

it('checks the code it was opened with, once, without a second tap', () => {
  expect(checks()).toEqual([{ name: 'nominations', data: { action: 'verifyReceipt', code: 'NM7K-3QPA-X9TR' } }]);
  const text = flat();
  expect(text).toContain('✓回执真实有效');
  expect(text).toContain('清溪村·清溪村第十二届村民委员会换届选举');
  expect(text).toContain('这张提名票提名了：主任1人');
  // Never whom: the nominee's name is not on the page.
  expect(text).not.toContain('王秀英');
  expect(text).toContain('提名统计还没有公布');
});

it('says plainly when a record does not match its receipt', async () => {
  await page.input('receipt-input', 'NM7K-3QPA-XXXX');
  await page.tap('verify-receipt');
  expect(checks().at(-1)?.data.code).toBe('NM7K-3QPA-XXXX');
  expect(flat()).toContain('✗回执核验不通过');
  expect(flat()).toContain('可能被改动过');
});

it('shows the server’s words for a code that does not exist', async () => {
  await page.input('receipt-input', 'NM7K-0000-0000');
  await page.tap('verify-receipt');
  expect(flat()).toContain('没有找到这个回执编号，请核对后再输入');
  expect(flat()).not.toContain('回执真实有效');
});
