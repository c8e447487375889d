/** proxies.respond / revoke / incoming / mine: answers, the push to the principal, revocation. */
import { deliveryDoc } from '../../../src/contracts/documents/push-documents.schema';
import { findAllDocs } from '../../../server/runtime/documents';
import { accept, DEADLINE, PRINCIPAL, PROXY, requestAs, world, type View, type World, describeEachStore } from './proxy-fixture';
import { notifierOf } from '../objections/fixtures';

type Mine = { authorizations: View[]; allowed: boolean; deadline: string; maxPerProxy: number };

describeEachStore('proxies.respond, revoke, incoming, mine', (kind) => {
  let w: World;
  const deliveries = () => findAllDocs(w.t.app.store, 'delivery', { electionId: w.f.electionId }, deliveryDoc);
  const subscribe = () => w.t.ok('notices', { action: 'subscribe', templateIds: [w.t.app.settings.noticeTemplateId], accepted: [w.t.app.settings.noticeTemplateId] }, PRINCIPAL);

  beforeEach(async () => {
    w = await world(kind);
  });
  afterEach(() => w.t.close());

  it('accepts with the proxy\'s signature: 待选举委员会审核, one slot of three taken, the principal pushed the answer when they gave a consent', async () => {
    const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
    await subscribe();
    const r = await accept(w.t, a.id);
    expect(r).toMatchObject({ ok: true, data: { authorization: { status: 'accepted', statusLabel: '待选举委员会审核' }, holds: 1, max: 3 } });
    expect(await deliveries()).toEqual([expect.objectContaining({ purpose: 'proxyAnswer', status: 'sent', recipientVoterId: w.principal.id })]);
    expect(notifierOf(w.t).deliveries().at(-1)?.message).toMatchObject({ data: { thing1: { value: '委托投票：待选举委员会审核' } } });
  });

  it('records noConsent and sends nothing when the principal has no consent left', async () => {
    const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
    const before = notifierOf(w.t).deliveries().length;
    await w.t.ok('proxies', { action: 'respond', id: a.id, accept: false, reason: '选举那天我也不在村里' }, PROXY);
    expect(await deliveries()).toEqual([expect.objectContaining({ purpose: 'proxyAnswer', status: 'noConsent' })]);
    expect(notifierOf(w.t).deliveries().length).toBe(before);
  });

  it('declines with a reason, frees the principal to choose again, and shows it in mine', async () => {
    const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
    const r = await w.t.ok<{ authorization: View }>('proxies', { action: 'respond', id: a.id, accept: false, reason: '选举那天我也不在村里' }, PROXY);
    expect(r.authorization).toMatchObject({ status: 'declined', statusLabel: '受托人已拒绝', reason: '选举那天我也不在村里' });
    await requestAs(w.t, PRINCIPAL, w.others[0]!.id);
    const mine = await w.t.ok<Mine>('proxies', { action: 'mine' }, PRINCIPAL);
    expect(mine).toMatchObject({ allowed: true, deadline: DEADLINE, maxPerProxy: 3 });
    expect(mine.authorizations.map((x) => x.status)).toEqual(['requested', 'declined']);
  });

  it('rejects an acceptance without a signature (INVALID_INPUT)', async () => {
    const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
    expect(await w.t.call('proxies', { action: 'respond', id: a.id, accept: true }, PROXY)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '接受委托需要您本人签名' });
  });

  it('rejects NO_SUCH_AUTHORIZATION for a request addressed to someone else, and NOT_PENDING once answered', async () => {
    const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
    expect(await accept(w.t, a.id, PRINCIPAL)).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'NO_SUCH_AUTHORIZATION' });
    await accept(w.t, a.id);
    expect(await accept(w.t, a.id)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'NOT_PENDING' });
    expect(await w.t.call('proxies', { action: 'respond', id: a.id, accept: false }, PROXY)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'NOT_PENDING' });
  });

  it('rejects DEADLINE_PASSED for an acceptance at the deadline, and still lets the proxy decline', async () => {
    const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
    w.t.setNow(DEADLINE);
    expect(await accept(w.t, a.id)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'DEADLINE_PASSED' });
    expect(await w.t.call('proxies', { action: 'respond', id: a.id, accept: false }, PROXY)).toMatchObject({ ok: true });
  });

  it('lists incoming requests with the holds of the maximum', async () => {
    const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
    expect(await w.t.ok('proxies', { action: 'incoming' }, PROXY)).toMatchObject({ requests: [{ id: a.id, status: 'requested', principal: { voterId: w.principal.id } }], holds: 0, max: 3 });
    await accept(w.t, a.id);
    expect(await w.t.ok('proxies', { action: 'incoming' }, PROXY)).toMatchObject({ requests: [{ id: a.id, status: 'accepted' }], holds: 1 });
  });

  describe('revoke', () => {
    it('revokes an accepted authorization before the deadline, freeing the proxy\'s slot and the principal', async () => {
      const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
      await accept(w.t, a.id);
      expect(await w.t.ok('proxies', { action: 'revoke', id: a.id }, PRINCIPAL)).toMatchObject({ authorization: { status: 'revoked', statusLabel: '已撤销' } });
      expect(await w.t.ok('proxies', { action: 'incoming' }, PROXY)).toMatchObject({ holds: 0 });
      expect(await requestAs(w.t, PRINCIPAL, w.proxy.id)).toMatchObject({ status: 'requested' });
    });

    it('rejects NOT_ACTIVE for an authorization already ended, NO_SUCH_AUTHORIZATION for someone else\'s', async () => {
      const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
      expect(await w.t.call('proxies', { action: 'revoke', id: a.id }, PROXY)).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'NO_SUCH_AUTHORIZATION' });
      await w.t.ok('proxies', { action: 'revoke', id: a.id }, PRINCIPAL);
      expect(await w.t.call('proxies', { action: 'revoke', id: a.id }, PRINCIPAL)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'NOT_ACTIVE' });
    });

    it('accepts a revocation one second before the deadline and rejects DEADLINE_PASSED at it', async () => {
      const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
      w.t.setNow(DEADLINE);
      expect(await w.t.call('proxies', { action: 'revoke', id: a.id }, PRINCIPAL)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'DEADLINE_PASSED' });
      w.t.setNow(new Date(Date.parse(DEADLINE) - 1000).toISOString());
      expect(await w.t.call('proxies', { action: 'revoke', id: a.id }, PRINCIPAL)).toMatchObject({ ok: true });
    });
  });
});
