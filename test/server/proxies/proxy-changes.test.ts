/** Changes from outside: a proxy becoming a formal candidate, a principal or proxy struck off the roll. */
import { proxyLoadDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import { deliveryDoc } from '../../../src/contracts/documents/push-documents.schema';
import { findAllDocs, readDoc } from '../../../server/runtime/documents';
import { voidProxiesOfCandidate, notifyVoided } from '../../../server/use-cases/proxies/void-proxies.effects';
import { bindVoter } from '../objections/fixtures';
import { accept, approved, CLERK, PRINCIPAL, PROXY, requestAs, world, type View, type World, describeEachStore } from './proxy-fixture';

type Mine = { authorizations: View[] };

describeEachStore('proxies voided by changes elsewhere', (kind) => {
  let w: World;
  const mine = async (openid = PRINCIPAL) => (await w.t.ok<Mine>('proxies', { action: 'mine' }, openid)).authorizations;
  const candidate = (voterId: string) =>
    w.t.app.store.runTransaction((tx) => voidProxiesOfCandidate(tx, { electionId: w.f.electionId, voterId, at: w.t.app.clock.now().toISOString() }));

  beforeEach(async () => {
    w = await world(kind);
  });
  afterEach(() => w.t.close());

  describe('voidProxiesOfCandidate', () => {
    it('voids what a new formal candidate holds and has pending, marks them, tells the principals, and lets them choose again', async () => {
      const a = await approved(w);
      await bindVoter(w.t, w.others[0]!, 'ot-second');
      const b = await requestAs(w.t, 'ot-second', w.proxy.id);
      const voided = await candidate(w.proxy.id);
      expect(voided.map((x) => x._id).sort()).toEqual([a.id, b.id].sort());
      expect((await mine())[0]).toMatchObject({ id: a.id, status: 'voided', statusLabel: '已作废', reason: '受托人成为正式候选人，不能再接受委托投票' });
      expect(await readDoc(w.t.app.store, 'proxyLoad', `${w.f.electionId}:${w.proxy.id}`, proxyLoadDoc)).toMatchObject({ holds: [], pending: [], formalCandidate: true });
      await notifyVoided({ ...w.t.app, openid: null, requestId: 'hook' }, voided);
      const deliveries = await findAllDocs(w.t.app.store, 'delivery', { electionId: w.f.electionId }, deliveryDoc);
      expect(deliveries.filter((d) => d.refId === `${a.id}:voided`)).toHaveLength(1);
      expect(await requestAs(w.t, PRINCIPAL, w.others[1]!.id)).toMatchObject({ status: 'requested' });
    });

    it('makes a pending request unacceptable: the candidate cannot accept it afterwards', async () => {
      const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
      await candidate(w.proxy.id);
      expect(await accept(w.t, a.id)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'NOT_PENDING' });
      expect((await mine())[0]).toMatchObject({ status: 'voided' });
    });

    it('leaves authorizations the candidate gave as a principal alone', async () => {
      const a = await requestAs(w.t, PROXY, w.others[0]!.id);
      await candidate(w.proxy.id);
      expect((await mine(PROXY))[0]).toMatchObject({ id: a.id, status: 'requested' });
    });
  });

  describe('struck off the roll (an upheld objection removes the entry)', () => {
    const strikeOff = async (voterId: string) => {
      const { objection } = await w.t.ok<{ objection: { id: string } }>('registration', { action: 'fileObjection', kind: 'wrongPerson', voterId, details: '此人已经去世' }, 'ot-objector');
      return w.t.ok('committee', { action: 'decideObjection', electionId: w.f.electionId, objectionId: objection.id, decision: 'upheld', reason: '经核实此人已去世', change: { kind: 'removeVoter', status: 'deceased' } }, CLERK);
    };
    beforeEach(() => bindVoter(w.t, w.others[2]!, 'ot-objector'));

    const toldVoided = async (authId: string) =>
      (await findAllDocs(w.t.app.store, 'delivery', { electionId: w.f.electionId }, deliveryDoc)).filter((d) => d.refId === `${authId}:voided`).length;

    it('voids an approved authorization whose proxy is struck off, tells the principal, and frees them', async () => {
      const a = await approved(w);
      await strikeOff(w.proxy.id);
      expect((await mine())[0]).toMatchObject({ id: a.id, status: 'voided', reason: '受托人已不在选民名单上' });
      expect(await toldVoided(a.id)).toBe(1);
      expect(await requestAs(w.t, PRINCIPAL, w.others[0]!.id)).toMatchObject({ status: 'requested' });
    });

    it('voids it too when a corrected category takes the proxy off the list (A corrected to B, not declared), and tells the principal', async () => {
      const a = await approved(w);
      const { objection } = await w.t.ok<{ objection: { id: string } }>('registration', { action: 'fileObjection', kind: 'wrongDetails', voterId: w.proxy.id, wrongFields: ['category'], details: '此人户口已迁出多年，应为B类' }, 'ot-objector');
      await w.t.ok('committee', { action: 'decideObjection', electionId: w.f.electionId, objectionId: objection.id, decision: 'upheld', reason: '核实户口已迁出，类别更正为B类', change: { kind: 'correctDetails', category: 'B' } }, CLERK);
      expect((await mine())[0]).toMatchObject({ id: a.id, status: 'voided', reason: '受托人已不在选民名单上' });
      expect(await toldVoided(a.id)).toBe(1);
      expect(await readDoc(w.t.app.store, 'proxyLoad', `${w.f.electionId}:${w.proxy.id}`, proxyLoadDoc)).toMatchObject({ holds: [] });
    });

    it('voids the authorization of a principal struck off, freeing the proxy\'s slot', async () => {
      const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
      await accept(w.t, a.id);
      await strikeOff(w.principal.id);
      expect(await w.t.ok('proxies', { action: 'incoming' }, PROXY)).toMatchObject({ requests: [{ id: a.id, status: 'voided', reason: '委托人已不在选民名单上' }], holds: 0 });
    });
  });
});
