/** 我的登记: bind form → errors → bind → entry (no ID digits: 已核验) → unbind, on the compiled pages. */
import { bootApp, type PageHandle, type Harness } from './harness';
import * as fx from './fixtures';

let h: Harness;
let page: PageHandle;
let bound = false;
const binds: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  h = bootApp((name, data) => {
    const key = `${name}.${String(data.action)}`;
    if (key === 'identity.whoami') return { ok: true, data: bound ? fx.whoamiBound : fx.whoamiUnbound };
    if (key === 'registration.mine') return { ok: true, data: fx.mine };
    if (key === 'identity.bind') {
      binds.push(data);
      if (data.bindingCode !== 'K7PM3QXA') {
        return { ok: false, code: 'NOT_FOUND', reason: 'BIND_MISMATCH', message: '姓名、身份证号码和绑定码对不上，请对照告知书再填一次' };
      }
      bound = true;
      return { ok: true, data: { voter: fx.voter, election: fx.election } };
    }
    if (key === 'identity.unbind') {
      bound = false;
      return { ok: true, data: { unbound: true } };
    }
    return { ok: false, code: 'INTERNAL', message: `unexpected ${key}` };
  });
  page = await h.renderPage('pages/registration/index');
});
afterAll(() => page?.unload());

const calls = () => h.calls.cloud.map((c) => `${c.name}.${String(c.data.action)}`);

describe('我的登记 (not bound)', () => {
  it('shows the bind form with the three fields, the consent and the purpose statement', () => {
    const text = page.text();
    expect(text).toContain('绑定选民身份');
    for (const label of ['姓名', '身份证号码', '绑定码']) expect(text).toContain(label);
    expect(text).toContain('身份证号码属于敏感个人信息');
    expect(text).toContain('只用它核对您是否在本村选民名单上');
    expect(page.byId('bind-submit')).not.toBeNull();
    expect(page.byId('bind-id-number')).not.toBeNull();
  });

  it('has no dev-mode demo button in the mini-program', () => {
    expect(page.text()).not.toContain('填入演示数据');
  });

  it('shows the contract’s field messages inline, without calling the server', async () => {
    await page.tap('bind-submit');
    const text = page.text();
    expect(text).toContain('身份证号码应为18位');
    expect(text).toContain('绑定码是告知书上的8位字母和数字');
    expect(text).toContain('请先阅读并同意个人信息处理说明');
    expect(binds).toHaveLength(0);
  });

  it('clears a field’s message as soon as that field is edited', async () => {
    await page.input('bind-code', 'ZZZZ2222');
    expect(page.text()).not.toContain('绑定码是告知书上的8位字母和数字');
    expect(page.text()).toContain('身份证号码应为18位');
  });

  it('shows the server’s message when the binding code does not match', async () => {
    await page.input('bind-name', '王秀英');
    await page.input('bind-id-number', '33010219580315002X');
    await page.tap('bind-consent');
    await page.tap('bind-submit');
    expect(binds).toHaveLength(1);
    expect(page.text()).toContain('姓名、身份证号码和绑定码对不上，请对照告知书再填一次');
    expect(page.text()).toContain('绑定选民身份');
  });

  it('binds with the right code (typed in lower case) and shows the entry without any ID digit', async () => {
    await page.input('bind-code', 'k7pm3qxa');
    await page.tap('bind-submit');
    await h.settle(60);
    expect(binds[1]).toEqual({ action: 'bind', name: '王秀英', idNumber: '33010219580315002X', bindingCode: 'K7PM3QXA', consent: true, requestId: expect.stringMatching(/^r[A-Za-z0-9_-]{21}$/) });
    // The finish box first: what was done, when (in words), what next; then the entry.
    expect(page.text()).toContain('绑定好了');
    expect(page.text()).toMatch(/什么时候\d{4}年\d{1,2}月\d{1,2}日（星期.）/);
    expect(page.text()).toContain('接下来');
    await page.tap('finish-back');
    await h.settle(20);
    const text = page.text();
    expect(text).toContain('我的选民登记');
    expect(text).toContain('身份证号码已核验');
    expect(text).not.toMatch(/330102|002X/);
    expect(text).toContain('村民小组第三村民小组');
    expect(text).toContain('选举日年龄68岁');
    expect(text).toContain('登记状态已登记');
    expect(text).toContain('本人核对信息还没有核对');
    expect(text).toContain('登记类别：户籍在本村、居住在本村');
    expect(text).toContain('还需要办的事核对并确认本人的登记信息');
    expect(calls().slice(-2)).toEqual(['identity.whoami', 'registration.mine']);
  });
});

describe('我的登记 (bound): 解除绑定', () => {
  it('asks first and does nothing when the user cancels', async () => {
    h.setModalAnswer(false);
    const before = h.calls.cloud.length;
    await page.tap('unbind');
    expect(h.calls.modals.at(-1)?.title).toBe('解除绑定');
    expect(h.calls.cloud.length).toBe(before);
    expect(page.text()).toContain('我的选民登记');
  });

  it('unbinds after confirmation and shows the bind form again', async () => {
    h.setModalAnswer(true);
    await page.tap('unbind');
    await h.settle(60);
    expect(calls()).toContain('identity.unbind');
    expect(h.calls.toasts).toContain('已解除绑定');
    expect(page.text()).toContain('绑定选民身份');
    expect(page.text()).not.toContain('已核验');
  });
});
