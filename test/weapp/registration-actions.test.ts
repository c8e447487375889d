/** 我的登记 additions on the compiled page: a migrant declares, confirms, and follows an objection. */
import { bootApp, type Harness, type PageHandle } from './harness';
import * as fx from './fixtures';

let h: Harness;
let page: PageHandle;
const events: Array<Record<string, unknown>> = [];

/** The list is out and the 申诉 window open: the calendar says so, as the server's does. */
const election = {
  ...fx.election,
  phase: 'objections' as const,
  phaseLabel: '选民名单公布和申诉',
  calendar: [
    ...fx.election.calendar.map((c) => (c.key === 'voterListPublication' ? { ...c, doneOn: '2026-05-05' } : c)),
    { key: 'objectionFiling', label: '对选民名单提出申诉', opensOn: '2026-05-05', lastDay: '2026-05-10', deadline: '2026-05-10T16:00:00.000Z' },
  ],
};
let voter = {
  ...fx.voter,
  id: 'vt-0002',
  name: '李志强',
  sex: 'M' as const,
  ageOnElectionDay: 35,
  group: '第五村民小组',
  category: 'B' as const,
  categoryLabel: '户籍在本村、外出居住',
  status: 'pending' as const,
  statusLabel: '待本人表示参加',
  confirmed: false,
};

const objection = {
  id: 'ob-1',
  no: 1,
  kind: 'missingPerson' as const,
  kindLabel: '漏登',
  subject: { name: '欧阳小燕', group: '第三村民小组' },
  wrongFields: [],
  details: '她一直住在本组，名单上没有她',
  filedAt: '2026-05-06T02:00:00.000Z',
  receivedOn: '2026-05-06',
  status: 'upheld' as const,
  statusLabel: '申诉成立',
  decisionLastDay: '2026-05-09',
  decisionDeadline: '2026-05-09T16:00:00.000Z',
  decision: {
    outcome: 'upheld' as const,
    outcomeLabel: '申诉成立',
    reason: '经核实已满十八周岁，列入选民名单',
    decidedAt: '2026-05-07T03:00:00.000Z',
    late: false,
    change: { kind: 'addVoter' as const, label: '列入选民名单' },
    noticeId: 'n-2',
  },
};

beforeAll(async () => {
  h = bootApp((name, data) => {
    events.push(data);
    const key = `${name}.${String(data.action)}`;
    if (key === 'identity.whoami') return { ok: true, data: { ...fx.whoamiBound, voter, elections: [election] } };
    if (key === 'registration.mine') return { ok: true, data: { voter, election, todo: [], groups: ['第一村民小组'] } };
    if (key === 'registration.declareParticipation') {
      voter = { ...voter, status: 'registered', statusLabel: '已登记' } as unknown as typeof voter;
      return { ok: true, data: { voter, declaredOn: '2026-05-06', alreadyDeclared: false } };
    }
    if (key === 'registration.confirm') {
      voter = { ...voter, confirmed: true };
      return { ok: true, data: { voter, confirmedAt: '2026-05-06T12:00:00.000Z', alreadyConfirmed: false } };
    }
    if (key === 'registration.myObjections') return { ok: true, data: { objections: [objection], subscribeTemplateId: 'dev-notice-template-local', pushesOwed: 0 } };
    return { ok: false, code: 'INTERNAL', message: `unexpected ${key}` };
  });
  page = await h.renderPage('pages/registration/index');
});
afterAll(() => page?.unload());

const actions = () => h.calls.cloud.map((c) => `${c.name}.${String(c.data.action)}`);

describe('我的登记: migrant (category B, pending)', () => {
  it('offers 表示参加选举 and 核对登记信息', () => {
    const text = page.text();
    expect(text).toContain('表示参加选举');
    expect(text).toContain('我要参加本届选举');
    expect(text).toContain('信息无误，确认');
    expect(page.byId('declare-submit')).not.toBeNull();
    expect(page.byId('confirm-entry')).not.toBeNull();
  });

  it('declares with the place of residence and shows the entry as registered', async () => {
    await page.input('declare-lives-in', '广东省深圳市');
    await page.tap('declare-submit');
    await h.settle(60);
    expect(events.find((e) => e.action === 'declareParticipation')).toEqual({ action: 'declareParticipation', livesIn: '广东省深圳市', requestId: expect.stringMatching(/^r[A-Za-z0-9_-]{21}$/) });
    expect(page.text()).toContain('已表示参加本届选举');
    expect(page.text()).toContain('接下来');
    await page.tap('finish-back');
    await h.settle(20);
    expect(page.text()).toContain('登记状态已登记');
    expect(page.byId('declare-submit')).toBeNull();
  });

  it('confirms the entry', async () => {
    await page.tap('confirm-entry');
    await h.settle(60);
    expect(actions()).toContain('registration.confirm');
    expect(page.text()).toContain('登记信息已确认');
    await page.tap('finish-back');
    await h.settle(20);
    expect(page.text()).toContain('本人核对信息已核对，无误');
    expect(page.byId('confirm-entry')).toBeNull();
  });
});

describe('我的登记: 我的申诉', () => {
  it('lists the objection with the committee’s decision and reason', () => {
    expect(actions()).toContain('registration.myObjections');
    const text = page.text();
    expect(text).toContain('我的申诉');
    expect(text).toContain('第1号 · 漏登：欧阳小燕（第三村民小组）');
    expect(text).toContain('处理结果：申诉成立');
    expect(text).toContain('理由：经核实已满十八周岁，列入选民名单');
    expect(text).toContain('名单已更正：列入选民名单');
  });

  it('opens the objection form with the three kinds', async () => {
    await page.tap('go-object');
    const text = page.text();
    for (const k of ['漏登了某人', '不应登记某人', '登记信息有误']) expect(text).toContain(k);
    expect(page.byId('objection-submit')).not.toBeNull();
  });

  it('never shows an ID number in clear', () => {
    expect(page.text()).not.toMatch(/\d{17}[\dX]/);
  });
});
