/** 重复登记 (township sub-package): people refused as registered elsewhere, ID numbers masked. */
import { township } from '../../src/contracts';
import { bootApp, type Harness, type PageHandle } from './harness';
import * as tx from './township-fixtures';

let h: Harness;
let page: PageHandle;
const asked: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  h = bootApp((name, data) => {
    const key = `${name}.${String(data.action)}`;
    if (key === 'identity.whoami') return { ok: true, data: tx.whoamiTownship };
    if (key === 'township.duplicates') {
      asked.push(data);
      return { ok: true, data: data.includeResolved ? tx.duplicatesAll : tx.duplicatesOpen };
    }
    return { ok: false, code: 'INTERNAL', message: `unexpected ${key}` };
  });
  page = await h.renderPage('subpackages/township/pages/duplicates/index');
});
afterAll(() => page?.unload());

const text = () => page.text().replace(/\s+/g, '');

describe('重复登记', () => {
  it('uses replies that match the contract', () => {
    expect(township.duplicates.output.safeParse(tx.duplicatesAll).success).toBe(true);
  });

  it('asks for the unresolved ones first', () => {
    expect(asked[0]).toEqual({ action: 'duplicates', includeResolved: false });
  });

  it('names the person (birth date, no ID digits), the refusing village, where they are registered and the source row', () => {
    const t = text();
    expect(t).toContain('共1人');
    // The birth date in words (date-words.ts), never the stored 1958-01-01.
    expect(t).toContain('张秀兰·1958年1月1日出生');
    expect(t).not.toMatch(/\d{4}-\d{1,2}-\d{1,2}/);
    expect(t).toContain('松林村不能登记：已在清溪村登记');
    expect(t).toContain('来源：导入名册《松林村选民登记表.xlsx》第2行');
    expect(t).toContain('共2次');
    expect(t).toContain('还没解决');
  });

  it('explains what the two villages should do', () => {
    expect(text()).toContain('由已登记的村在选民名册上“释放登记”');
  });

  it('shows the resolved ones too when asked', async () => {
    await page.tap('dups-all');
    expect(asked.at(-1)).toEqual({ action: 'duplicates', includeResolved: true });
    const t = text();
    expect(t).toContain('共3人');
    expect(t).toContain('周新来');
    expect(t).toContain('来源：本人在小程序上申请登记（C类）');
    expect(t).toContain('来源：本人在小程序上表示参加选举（B类）');
    expect(t).toMatch(/已于2026年5月6日（星期三）11:00解决/);
  });

  it('never shows an ID number in clear', () => {
    expect(page.text()).not.toMatch(/\d{17}[\dXx]/);
  });
});
