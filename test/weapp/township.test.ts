/** 乡镇工作台 (township sub-package): every village at a glance, overdue objections first and in red. */
import { township } from '../../src/contracts';
import { bootApp, cloudTable, type Harness, type PageHandle } from './harness';
import * as tx from './township-fixtures';

let h: Harness;
let page: PageHandle;

beforeAll(async () => {
  h = bootApp(
    cloudTable({
      'identity.whoami': { ok: true, data: tx.whoamiTownship },
      'township.overview': { ok: true, data: tx.overview },
      'township.duplicates': { ok: true, data: tx.duplicatesOpen },
    }),
  );
  page = await h.renderPage('subpackages/township/pages/overview/index');
});
afterAll(() => page?.unload());

const textOf = (id: string) => (page.byId(id)?.dom.textContent ?? '').replace(/\s+/g, '');

describe('乡镇工作台', () => {
  it('uses replies that match the contracts', () => {
    expect(township.overview.output.safeParse(tx.overview).success).toBe(true);
    expect(township.duplicates.output.safeParse(tx.duplicatesOpen).success).toBe(true);
  });

  it('puts the overdue objections at the top, naming the village', () => {
    const t = page.text();
    expect(textOf('overdue-alert')).toContain('有2件申诉没有在法定期限内处理：松林村2件');
    expect(t.indexOf('有2件申诉没有在法定期限内处理')).toBeLessThan(t.indexOf('全乡镇'));
  });

  it('lists the village with overdue objections first, marked in red', () => {
    const t = page.text();
    // The server sends 清溪村 first (oldest village); 松林村 has the overdue objections.
    expect(t.indexOf('松林村（村）')).toBeLessThan(t.indexOf('清溪村（村）'));
    expect(t.indexOf('清溪村（村）')).toBeLessThan(t.indexOf('新河社区（社区）'));
    expect(textOf('village-overdue-v-songlin')).toContain('2件申诉超过法定期限');
    expect(page.byId('village-overdue-v-songlin')?.dom.className).toContain('error');
    expect(page.byId('village-overdue-v-qingxi')).toBeNull();
  });

  it('shows each village’s phase, next deadline, counts, registration rate and voter list', () => {
    const qingxi = textOf('village-v-qingxi');
    expect(qingxi).toContain('清溪村（村）');
    expect(qingxi).toContain('当前阶段选民登记');
    expect(qingxi).toContain('下一个截止：选民登记，2026年5月9日（星期六）23:59');
    expect(qingxi).toContain('2700名册人数');
    expect(qingxi).toContain('2160已登记选民');
    expect(qingxi).toContain('80%已登记占名册');
    expect(qingxi).toContain('选民名单还没有公布');
    const songlin = textOf('village-v-songlin');
    expect(songlin).toContain('2026年5月1日（星期五）公布，1100人');
    expect(songlin).toContain('待处理3件，已处理4件');
  });

  it('says so for a community without an election', () => {
    expect(textOf('village-v-xinhe')).toContain('还没有创建本届选举');
  });

  it('shows the township totals and the number of duplicates, and opens the duplicates list', async () => {
    const totals = textOf('township-totals');
    expect(totals).toContain('3村（社区）');
    expect(totals).toContain('3260已登记选民');
    expect(totals).toContain('2申诉超期');
    expect(totals).toContain('重复登记（1人）');
    await page.tap('open-duplicates');
    expect(h.calls.navigateTo).toContain('/subpackages/township/pages/duplicates/index');
  });
});
