import { CLERK, TOWNSHIP, describeEachStore, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';
import { syntheticId } from '../roll/roll-fixtures';
import { verifyAuditChain } from '../../../server/audit/audit-verify';
import type { Settings } from '../../../server/config/settings';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { readDoc } from '../../../server/runtime/documents';

type Reveal = { voterId: string; name: string; phone: string; revealsLeft: number };
type ImportReply = { rows: Array<{ row: number; status: string; voterId?: string }> };

const ROWS = [
  { name: '赵大山', idNumber: syntheticId('1960-01-01', 1), group: '第一村民小组', category: 'A', phone: '138 1234 5678' },
  { name: '钱小梅', idNumber: syntheticId('1962-02-02', 2), group: '第一村民小组', category: 'A', phone: '' },
];

async function importRows(t: TestApp, f: VillageFixture): Promise<string[]> {
  const r = await t.ok<ImportReply>('committee', { action: 'importRoll', electionId: f.electionId, rows: ROWS }, CLERK);
  return r.rows.map((x) => x.voterId!);
}

function limitRevealsTo(t: TestApp, n: number): void {
  (t.app as { settings: Settings }).settings = { ...t.app.settings, phoneRevealsPerHour: n };
}

describeEachStore('committee.revealPhone', (kind) => {
  let t: TestApp;
  let f: VillageFixture;
  let ids: string[];
  beforeEach(async () => {
    t = makeTestApp({ store: kind });
    f = await villageWithElection(t, { voters: 2 });
    ids = await importRows(t, f);
  });
  afterEach(() => t.close());

  const reveal = (voterId: string, openid: string | null = CLERK) => t.call<Reveal>('committee', { action: 'revealPhone', electionId: f.electionId, voterId }, openid);

  it('stores the imported phone sealed and masked, never in clear', async () => {
    const v = await readDoc(t.app.store, 'voter', ids[0]!, voterDoc);
    expect(v).toMatchObject({ phoneMasked: '138****5678', phoneSealed: expect.stringMatching(/^p1\.[0-9a-f]{12}\./) });
    expect(JSON.stringify(v)).not.toMatch(/1234.?5678/);
  });

  it('reveals the number to a committee member of the village, and audits the reveal', async () => {
    const r = await reveal(ids[0]!);
    expect(r).toEqual({ ok: true, data: { voterId: ids[0], name: '赵大山', phone: '13812345678', revealsLeft: t.app.settings.phoneRevealsPerHour - 1 } });
    await t.linkAudit();
    const audit = await t.app.store.find('audit', { scope: f.electionId }, { limit: 200 });
    const reveals = audit.filter((a) => a.action === 'committee.revealPhone');
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({ subject: ids[0] });
    expect(JSON.stringify(audit)).not.toContain('5678');
    expect(await verifyAuditChain(t.app.store, f.electionId)).toMatchObject({ ok: true });
  });

  it('writes an audit entry for every reveal of the same number', async () => {
    await reveal(ids[0]!);
    await reveal(ids[0]!);
    await t.linkAudit();
    const audit = await t.app.store.find('audit', { scope: f.electionId }, { limit: 200 });
    expect(audit.filter((a) => a.action === 'committee.revealPhone')).toHaveLength(2);
  });

  it('rejects a caller who is not on the village committee, and writes nothing', async () => {
    const before = await t.app.store.count('auditPending', {});
    expect(await reveal(ids[0]!, TOWNSHIP)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await reveal(ids[0]!, 'o-stranger')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await reveal(ids[0]!, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await t.app.store.count('auditPending', {})).toBe(before);
  });

  it('rejects a voter of another election', async () => {
    const other = await villageWithElection(t, { name: '别的村', voters: 1 });
    expect(await reveal(other.voters[0]!.id)).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'VOTER_UNKNOWN' });
  });

  it('rejects a voter without a phone, and a masked-only phone as not callable', async () => {
    expect(await reveal(ids[1]!)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'NO_PHONE' });
    await t.app.store.update('voter', ids[0]!, { phoneSealed: null });
    expect(await reveal(ids[0]!)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'PHONE_NOT_CALLABLE' });
  });

  it('rejects reveals past the per-member hourly limit, and allows them again the next hour', async () => {
    limitRevealsTo(t, 2);
    expect(await reveal(ids[0]!)).toMatchObject({ ok: true, data: { revealsLeft: 1 } });
    expect(await reveal(ids[0]!)).toMatchObject({ ok: true, data: { revealsLeft: 0 } });
    expect(await reveal(ids[0]!)).toMatchObject({ ok: false, code: 'RATE_LIMITED', reason: 'REVEAL_LIMIT' });
    t.setNow(new Date(t.app.clock.now().getTime() + 3600_000).toISOString());
    expect(await reveal(ids[0]!)).toMatchObject({ ok: true });
    await t.linkAudit();
    const audit = await t.app.store.find('audit', { scope: f.electionId }, { limit: 200 });
    expect(audit.filter((a) => a.action === 'committee.revealPhone')).toHaveLength(3);
  });

  it('puts the voter id and whether the phone can be dialled on the call list', async () => {
    const { notice } = await t.ok<{ notice: { id: string } }>('committee', { action: 'publishNotice', electionId: f.electionId, type: 'freeText', title: '关于核对登记的通知', body: '请核对。' }, CLERK);
    const stats = await t.ok<{ detail: { callList: Array<{ voterId: string; name: string; phoneMasked: string | null; callable: boolean }> } }>(
      'committee',
      { action: 'noticeStats', electionId: f.electionId, noticeId: notice.id, callList: true },
      CLERK,
    );
    const byName = new Map(stats.detail.callList.map((c) => [c.name, c]));
    expect(byName.get('赵大山')).toMatchObject({ voterId: ids[0], phoneMasked: '138****5678', callable: true });
    expect(byName.get('钱小梅')).toMatchObject({ voterId: ids[1], phoneMasked: null, callable: false });
  });
});
