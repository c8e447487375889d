/** 选举委员会成员 (township sub-package): seats, terms, statuses; 撤销 with a reason after a confirmation. */
import { township } from '../../src/contracts';
import type { OutputOf } from '../../src/contracts';
import { bootApp, type Harness, type PageHandle } from './harness';
import * as tx from './township-fixtures';

type Members = OutputOf<typeof township.members>;
type Member = Members['members'][number];
const TERM = { electionId: 'el-qingxi-2026', title: '清溪村第十二届村民委员会换届选举', ended: false };
const director: Member = { ref: 'wx:1111aaaa2222bbbb', role: 'director', roleLabel: '主任', joinedAt: '2026-04-01T02:00:00.000Z', status: 'active', term: TERM, voter: { name: '王建国', group: '第一村民小组' }, revoked: null };
const clerk: Member = { ref: 'wx:3333cccc4444dddd', role: 'clerk', roleLabel: '办事员', joinedAt: '2026-04-02T02:00:00.000Z', status: 'active', term: TERM, voter: null, revoked: null };
const candidate: Member = {
  ref: 'wx:5555eeee6666ffff',
  role: 'member',
  roleLabel: '委员',
  joinedAt: '2026-04-01T03:00:00.000Z',
  status: 'revoked',
  term: TERM,
  voter: { name: '李秀英', group: '第二村民小组' },
  revoked: { at: '2026-05-03T02:00:00.000Z', reason: 'CANDIDATE', reasonLabel: '被提名为候选人，退出选举委员会', note: null },
};
const revokedClerk: Member = { ...clerk, status: 'revoked', revoked: { at: '2026-05-06T03:00:00.000Z', reason: 'TOWNSHIP', reasonLabel: '乡镇撤销', note: '本人辞职' } };

let h: Harness;
let page: PageHandle;
let list: Members = { village: { id: 'v-qingxi', name: '清溪村' }, members: [director, clerk, candidate] };
const revokes: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  h = bootApp((name, data) => {
    const key = `${name}.${String(data.action)}`;
    if (key === 'identity.whoami') return { ok: true, data: tx.whoamiTownship };
    if (key === 'township.members') return { ok: true, data: list };
    if (key === 'township.revokeMember') {
      revokes.push(data);
      list = { ...list, members: [director, candidate, revokedClerk] };
      return { ok: true, data: { member: revokedClerk } };
    }
    return { ok: false, code: 'INTERNAL', message: `unexpected ${key}` };
  });
  page = await h.renderPage('subpackages/township/pages/members/index', { villageId: 'v-qingxi' });
});
afterAll(() => page?.unload());

const text = () => page.text().replace(/\s+/g, '');

describe('选举委员会成员', () => {
  it('uses replies that match the contract', () => {
    expect(township.members.output.safeParse(list).success).toBe(true);
    expect(township.revokeMember.output.safeParse({ member: revokedClerk }).success).toBe(true);
  });

  it('lists each seat with its term, status and linked voter (name and group only)', () => {
    const t = text();
    expect(t).toContain('清溪村选举委员会成员');
    expect(t).toContain('主任王建国（第一村民小组）');
    expect(t).toContain('办事员（未关联选民登记）');
    expect(t).toContain('任期：清溪村第十二届村民委员会换届选举');
    expect(t).toContain('在任');
    expect(t).toContain('已撤销');
    expect(t).toContain('被提名为候选人，退出选举委员会');
  });

  it('offers 撤销 only for serving members', () => {
    expect(page.byId('revoke-open-0')).not.toBeNull();
    expect(page.byId('revoke-open-1')).not.toBeNull();
    expect(page.byId('revoke-open-2')).toBeNull();
  });

  it('asks for a reason before anything else, without calling the server', async () => {
    await page.tap('revoke-open-1');
    const modals = h.calls.modals.length;
    await page.tap('revoke-submit');
    expect(text()).toContain('请写明撤销原因（至少两个字）');
    expect(h.calls.modals).toHaveLength(modals);
    expect(revokes).toHaveLength(0);
  });

  it('says the step cannot be undone, and does nothing when cancelled', async () => {
    await page.input('revoke-reason', '本人辞职');
    h.setModalAnswer(false);
    await page.tap('revoke-submit');
    const ask = h.calls.modals.at(-1)!;
    expect(ask.title).toBe('撤销选举委员会成员');
    expect(ask.content).toContain('办事员（未关联选民登记）马上就不能再使用选举委员会的任何功能');
    expect(ask.content).toContain('不能恢复');
    expect(revokes).toHaveLength(0);
  });

  it('revokes with the reason when confirmed and shows the member as revoked', async () => {
    h.setModalAnswer(true);
    await page.tap('revoke-submit');
    expect(revokes).toEqual([{ action: 'revokeMember', villageId: 'v-qingxi', memberRef: clerk.ref, reason: '本人辞职', requestId: expect.any(String) }]);
    expect(h.calls.toasts).toContain('已撤销');
    expect(text()).toContain('原因：本人辞职');
    expect(page.byTestId('revoke-form')).toBeNull();
  });
});
