/** 选民名册 once the voter list is published: changes go through objections, so only a new binding code is offered. */
import { bootApp, cloudTable, type Harness, type PageHandle } from './harness';
import * as rx from './roll-fixtures';

let h: Harness;
let page: PageHandle;

beforeAll(async () => {
  h = bootApp(
    cloudTable({
      'identity.whoami': { ok: true, data: rx.whoamiWith({ presetId: 'national', phase: 'objections', phaseLabel: '选民名单公布和申诉', calendar: rx.publishedCalendar }) },
      'committee.listVoters': { ok: true, data: rx.listOf(rx.rows) },
      'committee.setVoterStatus': (d: Record<string, unknown>) =>
        d.op === 'reissueBindingCode' ? { ok: true, data: { voter: rx.migrant, bindingCode: 'W3RT9KZP' } } : { ok: false, code: 'INTERNAL', message: 'unexpected op' },
    }),
  );
  page = await h.renderPage('subpackages/committee/pages/roll/index');
});
afterAll(() => page?.unload());

describe('选民名册 after publication', () => {
  it('offers only a new binding code on a pending migrant, and says why', async () => {
    await page.tap('open-vt-b1');
    expect(page.byId('mode-reissue')).not.toBeNull();
    for (const m of ['declare', 'flag', 'restore', 'release', 'approve', 'reject']) expect(page.byId(`mode-${m}`)).toBeNull();
    expect(page.text()).toContain('选民名单已经公布，名单上的改动要通过申诉处理');
  });
  it('prints a pending migrant’s new code telling them they are not on the list and may object', async () => {
    await page.tap('entry-save');
    const slip = (page.byId('reissued')?.dom.textContent ?? '').replace(/\s+/g, '');
    expect(slip).toContain('绑定码：W3RT9KZP');
    expect(slip).toContain('您没有列入清溪村第十二届村民委员会换届选举的选民名单');
    expect(slip).toContain('可以在申诉期内向村选举委员会提出申诉');
    expect(slip).not.toContain('表示参加');
  });
});
