/**
 * 乡镇 and 人户分离 end to end: a second village (松林村) imports a person already registered in
 * 清溪村 and is refused (不重登); the township sees every village and the duplicate; 清溪村's
 * committee records a migrant's phone declaration, reissues a binding code and releases the
 * person's registration after a confirmation; 松林村 imports her again and the township sees the
 * duplicate resolved; last, the township revokes 松林村's clerk from 选举委员会成员 and the clerk is
 * refused from the next call on.
 */
import { api, fail, openAs, persona, shot, shown, tab, type Flow, type FlowCtx, type Step } from '../lib';

const ROLL = 'subpackages/committee/pages/roll/index';
const OVERVIEW = 'subpackages/township/pages/overview/index';
const DUPLICATES = 'subpackages/township/pages/duplicates/index';
const SONGLIN_CLERK = 'e2e-songlin-clerk';

interface Whoami {
  elections: Array<{ id: string; electionDay: string }>;
}
interface ImportReport {
  rejected: number;
  created: number;
  rows: Array<{ row: number; status: string; reason?: string }>;
}

/** Call a function as an openid no persona has (the second village's clerk), failing on a refusal. */
async function callAs<T>(c: FlowCtx, openid: string, fn: string, event: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${c.base}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Dev-Openid': openid }, body: JSON.stringify(event) });
  const body = (await res.json()) as { ok: boolean; data?: T; message?: string };
  if (!body.ok) fail(`${fn}.${String(event.action)} as ${openid} refused: ${body.message}`);
  return body.data as T;
}

async function text(c: FlowCtx, selector: string): Promise<string> {
  return (await shown(c.page, selector).innerText()).replace(/\s+/g, '');
}

/** The 清溪村 villager persona, as a row of 松林村's sheet. */
function villagerRow(c: FlowCtx) {
  const v = persona(c, 'villager').bindWith ?? fail('the villager persona has no demo data');
  return { name: v.name, idNumber: v.idNumber, group: '第一村民小组', category: 'A' };
}

async function importIntoSonglin(c: FlowCtx): Promise<ImportReport> {
  return callAs<ImportReport>(c, SONGLIN_CLERK, 'committee', { action: 'importRoll', electionId: c.state.songlinElection, rows: [villagerRow(c)] });
}

async function openRollAt(c: FlowCtx, name: string): Promise<void> {
  await openAs(c, 'committee', ROLL);
  await shown(c.page, '[data-testid=roll-list]').waitFor();
  await shown(c.page, '#roll-name input').fill(name);
  await shown(c.page, '#roll-search').click();
  await c.page.waitForFunction((n) => Array.from(document.querySelectorAll('[data-testid=roll-list]')).some((e) => (e as HTMLElement).innerText.includes('共1人') && (e as HTMLElement).innerText.includes(n)), name, { timeout: 0 });
  await shown(c.page, '[data-voter] [data-action=open]').click();
  await shown(c.page, '[data-testid=entry-actions]').waitFor();
}

const steps: Step[] = [
  {
    name: 'a second village imports a person registered in 清溪村 and is refused (DOUBLE_REGISTRATION)',
    async run(c) {
      const { village } = await api<{ village: { id: string } }>(c, 'township', 'township', { action: 'createVillage', name: '松林村', kind: 'village', presetId: 'national', groups: ['第一村民小组', '第二村民小组'] });
      const invite = await api<{ code: string }>(c, 'township', 'township', { action: 'inviteCommittee', villageId: village.id });
      await callAs(c, SONGLIN_CLERK, 'identity', { action: 'redeemInvite', code: invite.code });
      const qingxi = (await api<Whoami>(c, 'committee', 'identity', { action: 'whoami' })).elections[0] ?? fail('清溪村 has no election');
      const { election } = await callAs<{ election: { id: string } }>(c, SONGLIN_CLERK, 'committee', {
        action: 'createElection',
        villageId: village.id,
        electionDay: qingxi.electionDay,
        posts: [
          { post: 'director', seats: 1 },
          { post: 'member', seats: 2 },
        ],
      });
      c.state.songlinElection = election.id;
      c.state.songlinVillage = village.id;
      const report = await importIntoSonglin(c);
      if (report.rejected !== 1 || report.rows[0]?.reason !== 'DOUBLE_REGISTRATION') fail(`松林村's import: ${JSON.stringify(report.rows)}`);
    },
  },
  {
    name: 'the township opens 乡镇工作台 from 首页 and sees every village',
    async run(c) {
      await openAs(c, 'township', 'pages/index/index');
      await shown(c.page, '#go-township').click();
      await shown(c.page, '[data-testid=township-totals]').waitFor();
      // A fresh load of the page for the checks and the whole-page screenshot (no 首页 behind it).
      await openAs(c, 'township', OVERVIEW);
      await shown(c.page, '[data-testid=township-totals]').waitFor();
      await shown(c.page, '[data-testid=village]').waitFor();
      const villages = await c.page.locator('[data-testid=village] >> visible=true').count();
      if (villages !== 2) fail(`${villages} villages on the overview, expected 清溪村 and 松林村`);
      const qingxi = await text(c, '[data-testid=village]:has-text("清溪村")');
      for (const want of ['当前阶段选民登记', '名册人数', '已登记占名册', '选民名单还没有公布', '待处理0件']) if (!qingxi.includes(want)) fail(`清溪村's card lacks “${want}”: ${qingxi}`);
      const totals = await text(c, '[data-testid=township-totals]');
      if (!totals.includes('重复登记（1人）')) fail(`the totals read: ${totals}`);
      // No objection is overdue in fresh demo data: no red alert.
      if ((await c.page.locator('[data-testid=overdue-alert] >> visible=true').count()) !== 0) fail('an overdue alert without overdue objections');
      await shot(c.page, 'township-01-overview', true);
    },
  },
  {
    name: 'the township opens the duplicates list: the person (name and birth date, no ID digit) and both villages',
    async run(c) {
      await shown(c.page, '#open-duplicates').click();
      await shown(c.page, '[data-duplicate]').waitFor();
      await openAs(c, 'township', DUPLICATES);
      await shown(c.page, '[data-duplicate]').waitFor();
      const name = villagerRow(c).name;
      const row = await text(c, '[data-duplicate]');
      for (const want of [name, '松林村不能登记：已在清溪村登记', '来源：导入名册', '还没解决']) if (!row.includes(want)) fail(`the duplicate reads: ${row}`);
      if (!row.includes('出生')) fail(`the duplicate does not give the birth date: ${row}`);
      if (/9901|\*{4}/.test(row)) fail(`the duplicate shows ID digits: ${row}`);
      if (/990101\d{11}/.test(await c.page.locator('body').innerText())) fail('an ID number is shown in clear');
      await shot(c.page, 'township-02-duplicates', true);
    },
  },
  {
    name: '我的 offers 乡镇工作台 to the township',
    async run(c) {
      await openAs(c, 'township', 'pages/index/index');
      await tab(c.page, '我的');
      await shown(c.page, '#me-township').waitFor();
    },
  },
  {
    name: 'the committee records a migrant’s declaration made by phone',
    async run(c) {
      const name = persona(c, 'migrant').bindWith?.name ?? fail('no migrant persona');
      await openRollAt(c, name);
      await shown(c.page, '#mode-declare').click();
      await shown(c.page, '#channel-phone').click();
      await shot(c.page, 'township-03-roll-declare-by-phone', true);
      await shown(c.page, '#entry-save').click();
      await c.page.waitForFunction(() => !document.querySelector('[data-testid=entry-actions]'), undefined, { timeout: 0 });
      const row = await text(c, '[data-voter]');
      if (!row.includes('已登记') || !row.includes('电话')) fail(`after recording, the entry reads: ${row}`);
    },
  },
  {
    name: 'the committee reissues the migrant’s binding code and gets a printable 告知书',
    async run(c) {
      await shown(c.page, '[data-voter] [data-action=open]').click();
      await shown(c.page, '#mode-reissue').click();
      await shown(c.page, '#entry-save').click();
      await shown(c.page, '.taro-modal__foot').waitFor();
      await c.page.locator('.taro-modal__foot >> text=生成').first().click();
      await shown(c.page, '[data-testid=reissued]').waitFor();
      // Let the 已生成新绑定码 toast go before the screenshot.
      await c.page.waitForTimeout(2200);
      const slip = await text(c, '[data-testid=notice-slip]');
      if (!/绑定码：[A-Z2-9]{8}/.test(slip) || !slip.includes('您已登记为')) fail(`the slip reads: ${slip}`);
      await shot(c.page, 'township-04-reissued-code', true);
      await shown(c.page, '#close-reissued').click();
      await shown(c.page, '[data-testid=roll-list]').waitFor();
    },
  },
  {
    name: '清溪村 releases the person’s registration (人户分离) after a confirmation that says what it does',
    async run(c) {
      const name = villagerRow(c).name;
      await openRollAt(c, name);
      await shown(c.page, '#mode-release').click();
      await shown(c.page, '#entry-reason textarea').fill('本人长期住在松林村，要求在松林村登记');
      await shot(c.page, 'township-05-release-form', true);
      await shown(c.page, '#entry-save').click();
      const modal = shown(c.page, '.taro-modal__foot');
      await modal.waitFor();
      const ask = (await c.page.locator('.taro-modal__content >> visible=true').first().innerText()).replace(/\s+/g, '');
      if (!ask.includes('另一个村（社区）就可以给此人登记选民')) fail(`the confirmation reads: ${ask}`);
      await c.page.waitForTimeout(400);
      await shot(c.page, 'township-06-release-confirm');
      await c.page.locator('.taro-modal__foot >> text=释放').first().click();
      await c.page.waitForFunction(() => !document.querySelector('[data-testid=entry-actions]'), undefined, { timeout: 0 });
      const row = await text(c, '[data-voter]');
      if (!row.includes('已迁出') || !row.includes('人户分离，登记已释放')) fail(`after release, the entry reads: ${row}`);
      await c.page.waitForTimeout(2200);
      await shot(c.page, 'township-07-released', true);
    },
  },
  {
    name: '松林村 imports her again; the township sees the duplicate resolved',
    async run(c) {
      const report = await importIntoSonglin(c);
      if (report.created !== 1) fail(`the second import: ${JSON.stringify(report.rows)}`);
      await openAs(c, 'township', DUPLICATES);
      await shown(c.page, '[data-testid=duplicates]').waitFor();
      await c.page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid=duplicates]')).some((e) => (e as HTMLElement).innerText.includes('没有重复登记的人')), undefined, { timeout: 0 });
      await shown(c.page, '#dups-all').click();
      await shown(c.page, '[data-duplicate][data-resolved=yes]').waitFor();
      await shot(c.page, 'township-08-duplicate-resolved', true);
    },
  },
  {
    name: 'the township revokes 松林村’s clerk after a confirmation; the clerk is refused from the next call on',
    async run(c) {
      const villageId = String(c.state.songlinVillage ?? fail('松林村 was not created'));
      await openAs(c, 'township', OVERVIEW);
      await shown(c.page, '[data-testid=township-totals]').waitFor();
      await shown(c.page, `#members-${villageId}`).click();
      await c.page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid=members]')).some((e) => (e as HTMLElement).innerText.includes('松林村选举委员会成员')), undefined, { timeout: 0 });
      const row = await text(c, '#member-0');
      if (!row.includes('委员') || !row.includes('在任') || !row.includes('松林村')) fail(`松林村's member reads: ${row}`);
      await shown(c.page, '#revoke-open-0').click();
      await shown(c.page, '#revoke-reason textarea').fill('工作调动，不再担任选举委员会委员');
      await shot(c.page, 'township-09-revoke-form', true);
      await shown(c.page, '#revoke-submit').click();
      await shown(c.page, '.taro-modal__foot').waitFor();
      const ask = (await c.page.locator('.taro-modal__content >> visible=true').first().innerText()).replace(/\s+/g, '');
      if (!ask.includes('不能恢复')) fail(`the confirmation reads: ${ask}`);
      await shot(c.page, 'township-10-revoke-confirm');
      await c.page.locator('.taro-modal__foot >> text=撤销').first().click();
      await shown(c.page, '[data-member][data-status=revoked]').waitFor();
      const revoked = await text(c, '#member-0');
      if (!revoked.includes('已撤销') || !revoked.includes('工作调动')) fail(`after revocation, the member reads: ${revoked}`);
      await shot(c.page, 'township-11-revoked', true);
      const res = await fetch(`${c.base}/api/committee`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Dev-Openid': SONGLIN_CLERK },
        body: JSON.stringify({ action: 'stats', electionId: c.state.songlinElection }),
      });
      const body = (await res.json()) as { ok: boolean; code?: string; reason?: string };
      if (body.ok || body.reason !== 'MEMBER_REVOKED') fail(`the revoked clerk's next call: ${JSON.stringify(body)}`);
    },
  },
];

export const townshipFlow: Flow = { name: 'township', steps };
