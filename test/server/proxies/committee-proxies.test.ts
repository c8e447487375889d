/** committee.listProxies / decideProxy / publishProxyList: the queue, the certificate, the published list. */
import { noticeSourceDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { readDoc } from '../../../server/runtime/documents';
import { readCertificate } from '../../../server/use-cases/proxies/proxy-certificate.records';
import { bindVoter } from '../objections/fixtures';
import { accept, approved, CLERK, DEADLINE, decide, PRINCIPAL, requestAs, world, type View, type World, describeEachStore } from './proxy-fixture';

type ListReply = {
  items: Array<View & { principalSignatureUrl: string | null; proxySignatureUrl: string | null }>;
  total: number;
  figures: { principals: number; proxies: number; approved: number; rejected: number; revoked: number; used: number; rejectedByReason: Record<string, number> };
};

describeEachStore('committee proxy actions', (kind) => {
  let w: World;
  const list = (over: Record<string, unknown> = {}) => w.t.ok<ListReply>('committee', { action: 'listProxies', electionId: w.f.electionId, ...over }, CLERK);
  const publishList = () => w.t.call<{ version: number; rows: Array<{ principal: { name: string; group: string }; proxy: { name: string; group: string } }> }>('committee', { action: 'publishProxyList', electionId: w.f.electionId }, CLERK);

  beforeEach(async () => {
    w = await world(kind);
  });
  afterEach(() => w.t.close());

  it('lists the queue, awaiting decision first, with both signatures through short-lived URLs', async () => {
    const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
    await accept(w.t, a.id);
    await bindVoter(w.t, w.others[0]!, 'ot-other');
    await requestAs(w.t, 'ot-other', w.proxy.id);
    const r = await list();
    expect(r.total).toBe(2);
    expect(r.items[0]).toMatchObject({ id: a.id, status: 'accepted', principalSignatureUrl: expect.stringMatching(/^\/files\/[\w-]+\.[\w-]+$/), proxySignatureUrl: expect.any(String) });
    expect(r.items[1]).toMatchObject({ status: 'requested', proxySignatureUrl: null });
    expect((await list({ status: 'requested' })).total).toBe(1);
  });

  it('rejects NOT_COMMITTEE for a villager', async () => {
    expect(await w.t.call('committee', { action: 'listProxies', electionId: w.f.electionId }, PRINCIPAL)).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'NOT_COMMITTEE' });
  });

  it('approves with a 委托投票证 whose QR verifies offline with the deployment key; a changed QR does not', async () => {
    const a = await approved(w);
    expect(a).toMatchObject({ status: 'approved', statusLabel: '已批准', certificateNo: 'W001' });
    expect(readCertificate(w.t.app.signer, a.certificateQr!)).toEqual({ electionId: w.f.electionId, certificateNo: 'W001', authorizationId: a.id });
    expect(readCertificate(w.t.app.signer, a.certificateQr!.replace('W001', 'W002'))).toBeNull();
    expect((await list()).figures).toMatchObject({ principals: 1, proxies: 1, approved: 1, rejected: 0 });
  });

  it('rejects with the reason, counted by reason, and the principal may choose again', async () => {
    const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
    await accept(w.t, a.id);
    expect(await decide(w.t, w.f, a.id, false)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await decide(w.t, w.f, a.id, false, '经核实二人不是近亲属')).toMatchObject({ ok: true, data: { authorization: { status: 'rejected', statusLabel: '已驳回', reason: '经核实二人不是近亲属' } } });
    expect((await list()).figures).toMatchObject({ rejected: 1, rejectedByReason: { 经核实二人不是近亲属: 1 } });
    expect(await requestAs(w.t, PRINCIPAL, w.others[0]!.id)).toMatchObject({ status: 'requested' });
  });

  it('rejects NOT_ACCEPTED before the proxy accepted, and after a decision', async () => {
    const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
    expect(await decide(w.t, w.f, a.id)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'NOT_ACCEPTED' });
    await accept(w.t, a.id);
    await decide(w.t, w.f, a.id);
    expect(await decide(w.t, w.f, a.id)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'NOT_ACCEPTED' });
  });

  it('rejects DEADLINE_PASSED for an approval at the deadline; a rejection stays possible', async () => {
    const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
    await accept(w.t, a.id);
    w.t.setNow(DEADLINE);
    expect(await decide(w.t, w.f, a.id)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'DEADLINE_PASSED' });
    expect(await decide(w.t, w.f, a.id, false, '截止前没有审核完')).toMatchObject({ ok: true });
  });

  it('rejects NO_SUCH_AUTHORIZATION for an unknown id', async () => {
    expect(await decide(w.t, w.f, 'px_unknown00000')).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'NO_SUCH_AUTHORIZATION' });
  });

  describe('publishProxyList', () => {
    it('rejects PENDING_DECISIONS while an accepted authorization waits for the committee', async () => {
      const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
      await accept(w.t, a.id);
      expect(await publishList()).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'PENDING_DECISIONS', message: expect.stringContaining('还有1份委托等待审核') });
    });

    it('publishes names and groups only, writes the notice source the 委托投票公告 is generated from, and refuses UNCHANGED', async () => {
      await approved(w);
      const r = await publishList();
      expect(r).toMatchObject({ ok: true, data: { version: 1, rows: [{ principal: { name: w.principal.doc.name, group: '第一村民小组' }, proxy: { name: w.proxy.doc.name, group: '第一村民小组' } }] } });
      const source = await readDoc(w.t.app.store, 'meta', `noticeSource:${w.f.electionId}:proxyList`, noticeSourceDoc);
      expect(source?.entries).toEqual([{ no: 1, principal: w.principal.doc.name, principalGroup: '第一村民小组', proxy: w.proxy.doc.name, proxyGroup: '第一村民小组' }]);
      expect(JSON.stringify(source)).not.toContain(w.principal.id);
      expect(await publishList()).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'UNCHANGED' });
      const notice = await w.t.call<{ notice: { type: string } }>('committee', { action: 'publishNotice', electionId: w.f.electionId, type: 'proxyList' }, CLERK);
      expect(notice).toMatchObject({ ok: true, data: { notice: { type: 'proxyList' } } });
    });

    it('rejects ELECTION_DAY_REACHED from 00:00 of election day, Beijing time', async () => {
      await approved(w);
      w.t.setNow('2026-04-09T16:00:00.000Z');
      expect(await publishList()).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'ELECTION_DAY_REACHED' });
      w.t.setNow('2026-04-09T15:59:59.000Z');
      expect(await publishList()).toMatchObject({ ok: true });
    });
  });
});
