/**
 * 我的登记 for someone not on the roll: 申请登记（外来人口，C类） from the poster's QR code
 * (?electionId=…) — the 村民小组 picked from the village's list (identity.whoami with that
 * electionId), inline errors without a call, the server's refusal, then the pending entry with
 * what happens next (the meeting decides). The unbound self-申诉 picks the group the same way.
 */
import { identity, registration } from '../../src/contracts';
import { bootApp, type Harness, type PageHandle } from './harness';
import * as fx from './fixtures';

let h: Harness;
let page: PageHandle;
const applications: Array<Record<string, unknown>> = [];
const objections: Array<Record<string, unknown>> = [];
const whoamiAsked: Array<Record<string, unknown>> = [];
let applied = false;
const GROUPS = ['第一村民小组', '第二村民小组', '第三村民小组'];

const applicant = {
  ...fx.voter,
  id: 'vt-c9',
  name: '周新来',
  sex: 'M' as const,
  ageOnElectionDay: 41,
  group: '第二村民小组',
  category: 'C' as const,
  categoryLabel: '户籍不在本村、在本村居住（需申请并经村民会议同意）',
  status: 'pending' as const,
  statusLabel: '待确认参加选举',
  confirmed: false,
};
const mine = {
  voter: applicant,
  election: fx.election,
  todo: [
    { key: 'awaitMeeting', label: '您的登记申请等村民会议或村民代表会议决定，同意后才列入选民名单；结果可以问村选举委员会', deadline: null },
    { key: 'confirm', label: '核对选民名单上的本人信息，有误可以申诉', deadline: '2026-05-31T16:00:00.000Z' },
  ],
  groups: ['第一村民小组', '第二村民小组'],
};
const asked = { id: fx.election.id, villageName: '清溪村', groups: GROUPS };
/** A synthetic ID (area 990101 does not exist) with a valid check character. */
const ID = '990101198503070041';

beforeAll(async () => {
  h = bootApp((name, data) => {
    const key = `${name}.${String(data.action)}`;
    if (key === 'identity.whoami' && data.electionId) {
      whoamiAsked.push(data);
      return { ok: true, data: { ...fx.whoamiUnbound, askedElection: asked } };
    }
    if (key === 'identity.whoami') return { ok: true, data: applied ? { ...fx.whoamiBound, voter: applicant } : fx.whoamiUnbound };
    if (key === 'registration.fileObjection') {
      objections.push(data);
      return { ok: false, code: 'WINDOW_CLOSED', reason: 'OBJECTION_WINDOW', message: '现在不在申诉期限内' };
    }
    if (key === 'registration.mine') return { ok: true, data: mine };
    if (key === 'registration.applyResidence') {
      applications.push(data);
      if (data.residenceSince === '2026-01-01') {
        return { ok: false, code: 'NOT_ELIGIBLE', reason: 'RESIDENCE_TOO_SHORT', message: '到选举日（2026-06-20）在本村居住不满1年，不能申请登记' };
      }
      applied = true;
      return { ok: true, data: { voter: applicant, election: fx.election } };
    }
    return { ok: false, code: 'INTERNAL', message: `unexpected ${key}` };
  });
  page = await h.renderPage('pages/registration/index', { electionId: fx.election.id });
});
afterAll(() => page?.unload());

/** The residence date comes from the system date picker: answer it as WeChat would. */
async function pickSince(day: string): Promise<void> {
  const picker = page.root.querySelector('picker') ?? page.byId('apply-since');
  if (!picker) throw new Error('no date picker on the application form');
  picker.dispatchEvent('change', { detail: { value: day } });
  await h.settle(30);
}

/** The texts of a ChoiceChipsField's chips (ids `<field>-0`, `<field>-1`, …). */
function chipTexts(field: string): string[] {
  const out: string[] = [];
  for (let i = 0; page.byId(`${field}-${i}`); i++) out.push(page.byId(`${field}-${i}`)!.dom.textContent ?? '');
  return out;
}

describe('我的登记: 申请登记（外来人口）', () => {
  it('uses replies that match the contracts', () => {
    expect(registration.mine.output.safeParse(mine).success).toBe(true);
    expect(registration.applyResidence.output.safeParse({ voter: applicant, election: fx.election }).success).toBe(true);
    expect(identity.whoami.output.safeParse({ ...fx.whoamiUnbound, askedElection: asked }).success).toBe(true);
  });

  it('lets the unbound 申诉 pick the 村民小组 from the village list, and files the one picked', async () => {
    await page.tap('go-self-object');
    expect(whoamiAsked).toEqual([{ action: 'whoami', electionId: fx.election.id }]);
    expect(chipTexts('self-objection-group')).toEqual(GROUPS);
    expect(page.byId('self-objection-group-loading')).toBeNull();
    await page.input('self-objection-name', '周新来');
    await page.input('bind-id-number', ID);
    await page.tap('self-objection-group-2');
    await page.input('self-objection-details', '我在外地打工，要参加这次选举');
    await page.tap('self-objection-consent');
    await page.tap('self-objection-submit');
    expect(objections).toHaveLength(1);
    expect(objections[0]).toMatchObject({ identity: { electionId: fx.election.id, group: '第三村民小组' } });
    await page.tap('self-objection-cancel');
  });

  it('offers the application to someone not on the roll', async () => {
    expect(page.text()).toContain('我不在名单上');
    await page.tap('go-apply');
    const t = page.text();
    expect(t).toContain('申请登记（外来人口）');
    expect(t).toContain('经村民会议或村民代表会议同意后才算登记');
    // The ID number's format is a hint that wraps (as a placeholder it was cut off in 关怀模式).
    expect(t).toContain('共18位，最后一位可能是X');
    for (const id of ['apply-name', 'bind-id-number', 'apply-group', 'apply-since', 'apply-consent', 'apply-submit']) expect(page.byId(id)).not.toBeNull();
  });

  it('offers the village’s 村民小组 as choices, not a box to type in', () => {
    expect(chipTexts('apply-group')).toEqual(GROUPS);
    // Typing would put the id on the text box itself (GroupField's fallback): the field is the chip group.
    expect(page.byId('apply-group-0')).not.toBeNull();
    expect(page.byId('apply-group')!.dom.tagName.toLowerCase()).not.toBe('wx-input');
  });

  it('shows the contract’s messages next to the fields, without calling the server', async () => {
    await page.tap('apply-submit');
    const t = page.text();
    expect(t).toContain('姓名至少两个字');
    expect(t).toContain('身份证号码应为18位');
    expect(t).toContain('请选择村民小组');
    expect(t).toContain('请先阅读并同意个人信息处理说明');
    expect(applications).toHaveLength(0);
  });

  it('shows the server’s refusal (residence too short) in plain words', async () => {
    await page.input('apply-name', '周新来');
    await page.input('bind-id-number', ID);
    await page.tap('apply-group-1');
    await pickSince('2026-01-01');
    expect(page.text()).toContain('2026年1月1日');
    expect(page.text()).toContain('请先阅读并同意个人信息处理说明');
    await page.tap('apply-consent');
    // Ticked: the consent's refusal no longer applies, so it goes before the next submit.
    expect(page.text()).not.toContain('请先阅读并同意个人信息处理说明');
    await page.tap('apply-submit');
    expect(applications).toEqual([{ action: 'applyResidence', electionId: fx.election.id, name: '周新来', idNumber: ID, group: '第二村民小组', residenceSince: '2026-01-01', consent: true, requestId: expect.any(String) }]);
    expect(page.text()).toContain('在本村居住不满1年，不能申请登记');
  });

  it('submits, then shows the pending entry and that the meeting decides', async () => {
    await pickSince('2024-03-01');
    await page.tap('apply-submit');
    await h.settle(90);
    expect(applications.at(-1)).toMatchObject({ residenceSince: '2024-03-01' });
    expect(page.text()).toContain('登记申请已提交');
    expect(page.text()).toContain('要等村民会议或村民代表会议同意');
    await page.tap('finish-back');
    await h.settle(20);
    const t = page.text();
    expect(t).toContain('我的选民登记');
    expect(t).toContain('周新来');
    expect(t).toContain('等村民会议或村民代表会议决定');
    expect(t).not.toContain('申请参加选举，经村民会议');
  });

  it('never shows the ID number in clear once submitted', () => {
    expect(page.text()).not.toContain(ID);
  });
});
