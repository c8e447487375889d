/**
 * 选民名册 (committee sub-package) under the national preset: a category B declaration made in
 * person or by phone, a reissued binding code printed as a 告知书, releasing a registration
 * (人户分离) after a confirmation, and no 无法行使选举权 flag (the national preset has none).
 */
import { roll } from '../../src/contracts';
import { bootApp, type Harness, type PageHandle } from './harness';
import * as rx from './roll-fixtures';

let h: Harness;
let page: PageHandle;
const statusCalls: Array<Record<string, unknown>> = [];
let releaseReply: unknown = { ok: false, code: 'CONFLICT', reason: 'NOT_HELD', message: '此人的登记不在本村（可能已经释放过），无需释放' };

const declared: rx.Entry = {
  ...rx.migrant,
  status: 'registered',
  statusLabel: '已登记',
  declaration: { channel: 'phone', channelLabel: '本人电话向选举委员会表示', on: '2026-05-06', livesIn: null },
};

beforeAll(async () => {
  h = bootApp((name, data) => {
    const key = `${name}.${String(data.action)}`;
    if (key === 'identity.whoami') return { ok: true, data: rx.whoamiWith({ presetId: 'national', presetName: '全国默认' }) };
    if (key === 'committee.listVoters') return { ok: true, data: rx.listOf(rx.rows) };
    if (key === 'committee.setVoterStatus') {
      statusCalls.push(data);
      if (data.op === 'recordDeclaration') return { ok: true, data: { voter: declared } };
      if (data.op === 'reissueBindingCode') return { ok: true, data: { voter: rx.villager, bindingCode: 'K7PM3QXA' } };
      if (data.op === 'releaseRegistration') return releaseReply;
    }
    return { ok: false, code: 'INTERNAL', message: `unexpected ${key}` };
  });
  page = await h.renderPage('subpackages/committee/pages/roll/index');
});
afterAll(() => page?.unload());

const textOf = (id: string) => (page.byId(id)?.dom.textContent ?? '').replace(/\s+/g, '');

describe('选民名册: a migrant’s declaration made in person or by phone (category B)', () => {
  it('uses replies that match the contracts', () => {
    expect(roll.listVoters.output.safeParse(rx.listOf(rx.rows)).success).toBe(true);
    expect(roll.setVoterStatus.output.safeParse({ voter: declared }).success).toBe(true);
  });

  it('offers 记录本人表示参加 on a pending migrant, first', async () => {
    await page.tap('open-vt-b1');
    expect(page.byId('mode-declare')).not.toBeNull();
    expect(textOf('voter-vt-b1')).toContain('本人当面或打电话向选举委员会表示参加选举');
    expect(page.byId('channel-inPerson')).not.toBeNull();
    expect(page.byId('channel-phone')).not.toBeNull();
    // Today (Beijing, server clock) is the default day of the declaration.
    expect(textOf('declared-on')).toBe('2026年5月6日（星期三）');
  });

  it('records a declaration by phone and shows the entry as registered', async () => {
    await page.tap('channel-phone');
    await page.tap('entry-save');
    expect(statusCalls.at(-1)).toEqual({ action: 'setVoterStatus', electionId: 'el-qingxi-2026', voterId: 'vt-b1', op: 'recordDeclaration', channel: 'phone', declaredOn: '2026-05-06', requestId: expect.stringMatching(/^r[A-Za-z0-9_-]{21}$/) });
    expect(h.calls.toasts).toContain('已保存');
    const row = textOf('voter-vt-b1');
    expect(row).toContain('已登记');
    // The day in words (date-words.ts), never the stored 2026-05-06.
    expect(row).toContain('本人电话向选举委员会表示（2026年5月6日（星期三））');
    expect(row).not.toMatch(/\d{4}-\d{1,2}-\d{1,2}/);
  });

  it('never offers it on a villager (category A) or a category C applicant', async () => {
    await page.tap('open-vt-a1');
    expect(page.byId('mode-declare')).toBeNull();
    await page.tap('open-vt-c1');
    expect(page.byId('mode-declare')).toBeNull();
    expect(page.byId('mode-approve')).not.toBeNull();
  });
});

describe('选民名册: flags the national preset allows', () => {
  it('offers the three statutory flags and not 无法行使选举权', async () => {
    await page.tap('open-vt-a1');
    await page.tap('mode-flag');
    for (const f of ['deprived', 'deceased', 'movedAway']) expect(page.byId(`flag-${f}`)).not.toBeNull();
    expect(page.byId('flag-unableToExercise')).toBeNull();
  });
});

describe('选民名册: a new binding code', () => {
  it('asks first, saying the old code stops working', async () => {
    await page.tap('mode-reissue');
    h.setModalAnswer(false);
    await page.tap('entry-save');
    expect(h.calls.modals.at(-1)?.content).toContain('张秀兰原来的绑定码马上作废');
    expect(h.calls.modals.at(-1)?.content).toContain('已经绑定的微信不受影响');
    expect(statusCalls.filter((c) => c.op === 'reissueBindingCode')).toHaveLength(0);
  });

  it('shows the new code once, on a printable 选民登记告知书', async () => {
    h.setModalAnswer(true);
    await page.tap('entry-save');
    expect(statusCalls.at(-1)).toEqual({ action: 'setVoterStatus', electionId: 'el-qingxi-2026', voterId: 'vt-a1', op: 'reissueBindingCode', requestId: expect.stringMatching(/^r[A-Za-z0-9_-]{21}$/) });
    const sheet = textOf('reissued');
    expect(sheet).toContain('新的绑定码只显示这一次');
    expect(sheet).toContain('选民登记告知书');
    expect(sheet).toContain('张秀兰（清溪村第三村民小组）');
    expect(sheet).toContain('您已登记为清溪村第十二届村民委员会换届选举的选民');
    expect(sheet).toContain('绑定码：K7PM3QXA');
    // The mini-program cannot print: it says how to get it printed.
    expect(sheet).toContain('手机上不能直接打印');
  });

  it('forgets the code when going back to the roll', async () => {
    await page.tap('close-reissued');
    expect(page.byId('reissued')).toBeNull();
    expect(page.text()).not.toContain('K7PM3QXA');
    expect(page.text()).toContain('共3人');
  });
});

describe('选民名册: releasing a registration (人户分离)', () => {
  it('asks for a reason before anything else, without calling the server', async () => {
    await page.tap('open-vt-a1');
    await page.tap('mode-release');
    const modals = h.calls.modals.length;
    await page.tap('entry-save');
    expect(page.text()).toContain('理由至少写两个字');
    expect(h.calls.modals).toHaveLength(modals);
    expect(statusCalls.filter((c) => c.op === 'releaseRegistration')).toHaveLength(0);
  });

  it('says what releasing does, and does nothing when cancelled', async () => {
    await page.input('entry-reason', '本人长期住在松林村，要求在松林村登记');
    h.setModalAnswer(false);
    await page.tap('entry-save');
    const ask = h.calls.modals.at(-1)!;
    expect(ask.title).toBe('释放登记');
    expect(ask.content).toContain('张秀兰在本村的选民登记作废（标为“已迁出”）');
    expect(ask.content).toContain('另一个村（社区）就可以给此人登记选民');
    expect(statusCalls.filter((c) => c.op === 'releaseRegistration')).toHaveLength(0);
  });

  it('shows the server’s answer when the entry does not hold the registration', async () => {
    h.setModalAnswer(true);
    await page.tap('entry-save');
    expect(statusCalls.at(-1)).toEqual({ action: 'setVoterStatus', electionId: 'el-qingxi-2026', voterId: 'vt-a1', op: 'releaseRegistration', reason: '本人长期住在松林村，要求在松林村登记', requestId: expect.stringMatching(/^r[A-Za-z0-9_-]{21}$/) });
    expect(textOf('entry-error')).toContain('此人的登记不在本村');
  });

  it('shows the entry as moved away once released', async () => {
    releaseReply = { ok: true, data: { voter: { ...rx.villager, status: 'movedAway', statusLabel: '已迁出', statusReason: '人户分离，登记已释放：本人长期住在松林村，要求在松林村登记' } } };
    await page.tap('entry-save');
    expect(h.calls.toasts).toContain('登记已释放');
    const row = textOf('voter-vt-a1');
    expect(row).toContain('已迁出');
    expect(row).toContain('人户分离，登记已释放');
  });
});
