/** proxies.request: every refusal at its boundary, and what a request writes. */
import { createHash } from 'node:crypto';
import { proxyDoc, proxyLoadDoc, proxyPrincipalDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import { canonicalJson } from '../../../server/audit/canonical-json';
import { readDoc } from '../../../server/runtime/documents';
import { voidProxiesOfCandidate } from '../../../server/use-cases/proxies/void-proxies.effects';
import { addVoters, bindVoter } from '../objections/fixtures';
import { CLERK, TOWNSHIP } from '../harness';
import { accept, DEADLINE, PRINCIPAL, PROXY, requestAs, requestEvent, SIGNATURE, world, type View, type World, describeEachStore } from './proxy-fixture';

describeEachStore('proxies.request', (kind) => {
  let w: World;
  const call = (over: Record<string, unknown> = {}, openid = PRINCIPAL, proxyVoterId = w.proxy.id) => w.t.call<{ authorization: View }>('proxies', requestEvent(proxyVoterId, over), openid);
  const expectNothingWritten = async () => {
    expect(await w.t.app.store.count('proxy', { electionId: w.f.electionId })).toBe(0);
    expect(await readDoc(w.t.app.store, 'proxyPrincipal', `${w.f.electionId}:${w.principal.id}`, proxyPrincipalDoc)).toBeNull();
  };

  beforeEach(async () => {
    w = await world(kind);
  });
  afterEach(() => w.t.close());

  it('files the request: 待受托人确认, pending with the proxy, the principal\'s one active authorization, the signature in private storage with its digest', async () => {
    const a = await requestAs(w.t, PRINCIPAL, w.proxy.id);
    expect(a).toMatchObject({ status: 'requested', statusLabel: '待受托人确认', principal: { voterId: w.principal.id }, proxy: { voterId: w.proxy.id } });
    const doc = (await readDoc(w.t.app.store, 'proxy', a.id, proxyDoc))!;
    const bytes = (await w.t.app.storage.read(doc.principalSignature.fileId))!;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.principalSignature.sha256);
    expect(bytes.toString('utf8')).toBe(canonicalJson(SIGNATURE));
    expect(await readDoc(w.t.app.store, 'proxyLoad', `${w.f.electionId}:${w.proxy.id}`, proxyLoadDoc)).toMatchObject({ pending: [a.id], holds: [] });
    expect(await readDoc(w.t.app.store, 'proxyPrincipal', `${w.f.electionId}:${w.principal.id}`, proxyPrincipalDoc)).toMatchObject({ active: a.id });
  });

  it('rejects NOT_BOUND for a WeChat user with no roll entry', async () => {
    expect(await call({}, 'ot-stranger')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', reason: 'NOT_BOUND' });
  });

  it('rejects LIST_NOT_PUBLISHED before the voter list is published', async () => {
    await w.t.close();
    w = await world(kind, { publish: false });
    expect(await call()).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'LIST_NOT_PUBLISHED', message: expect.stringContaining('选民名单还没有公布') });
    await expectNothingWritten();
  });

  it('rejects PRINCIPAL_NOT_REGISTERED for a bound voter who is not on the list', async () => {
    await bindVoter(w.t, w.pending, 'ot-pending');
    expect(await call({}, 'ot-pending')).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'PRINCIPAL_NOT_REGISTERED', message: expect.stringContaining('不在本届选民名单上') });
  });

  it('rejects PROXY_OTHER_VILLAGE for someone not on this roll', async () => {
    expect(await call({}, PRINCIPAL, 'v_nobodyhere00')).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'PROXY_OTHER_VILLAGE', message: '受托人必须是本村登记的选民' });
    await expectNothingWritten();
  });

  it('rejects PROXY_IS_SELF', async () => {
    expect(await call({}, PRINCIPAL, w.principal.id)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'PROXY_IS_SELF', message: '不能委托自己' });
  });

  it('rejects PROXY_NOT_REGISTERED for a proxy who is not on the list', async () => {
    expect(await call({}, PRINCIPAL, w.pending.id)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'PROXY_NOT_REGISTERED' });
  });

  it('rejects NOT_NEAR_RELATIVE for an in-law under the national preset, and takes a grandchild', async () => {
    expect(await call({ relation: 'parentInLaw' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'NOT_NEAR_RELATIVE', message: expect.stringContaining('只能委托近亲属') });
    expect(await call({ relation: 'grandchild' })).toMatchObject({ ok: true });
  });

  it('rejects ALREADY_AUTHORIZED while the principal has an active authorization', async () => {
    await requestAs(w.t, PRINCIPAL, w.proxy.id);
    expect(await call({}, PRINCIPAL, w.others[0]!.id)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_AUTHORIZED', message: expect.stringContaining('请先撤销') });
  });

  it('rejects PROXY_LIMIT once the proxy holds the preset\'s maximum (3), not before', async () => {
    const principals = w.others.slice(0, 3);
    for (const [i, v] of principals.entries()) {
      await bindVoter(w.t, v, `ot-p${i}`);
      const a = await requestAs(w.t, `ot-p${i}`, w.proxy.id);
      expect(await accept(w.t, a.id)).toMatchObject({ ok: true, data: { holds: i + 1, max: 3 } });
    }
    expect(await call()).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED', reason: 'PROXY_LIMIT', message: '这位受托人已经接受了3人的委托，不能再多了' });
  });

  it('rejects PROXY_IS_CANDIDATE once the proxy is a formal candidate', async () => {
    await w.t.app.store.runTransaction((tx) => voidProxiesOfCandidate(tx, { electionId: w.f.electionId, voterId: w.proxy.id, at: w.t.app.clock.now().toISOString() }));
    expect(await call()).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'PROXY_IS_CANDIDATE', message: '正式候选人不能接受委托投票' });
  });

  it('refuses bad input without writing anything (no signature, no place)', async () => {
    expect(await w.t.call('proxies', { ...requestEvent(w.proxy.id), signature: { width: 320, height: 160, strokes: [] } }, PRINCIPAL)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await w.t.call('proxies', { ...requestEvent(w.proxy.id), awayPlace: '' }, PRINCIPAL)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    await expectNothingWritten();
  });

  describe('the deadline, end of E − 3 in Asia/Shanghai, with the host in another time zone', () => {
    const tz = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = 'America/Los_Angeles';
    });
    afterAll(() => {
      process.env.TZ = tz;
    });

    it('accepts a request one second before the deadline', async () => {
      expect(new Date(DEADLINE).getHours()).not.toBe(0); // the host's zone really differs from Beijing's
      w.t.setNow(new Date(Date.parse(DEADLINE) - 1000).toISOString());
      expect(await call()).toMatchObject({ ok: true });
    });

    it('rejects DEADLINE_PASSED at the deadline and one second after it', async () => {
      w.t.setNow(DEADLINE);
      expect(await call()).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'DEADLINE_PASSED', message: expect.stringContaining('选举日3天前') });
      w.t.setNow(new Date(Date.parse(DEADLINE) + 1000).toISOString());
      expect(await call()).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'DEADLINE_PASSED' });
      await expectNothingWritten();
    });
  });

  it('rejects NO_PROXIES where residents elect through household representatives (RULES.md §8)', async () => {
    const { village } = await w.t.ok<{ village: { id: string } }>('township', { action: 'createVillage', name: '南社区', kind: 'community', presetId: 'guangdong', groups: ['第一居民小组'] }, TOWNSHIP);
    const { code } = await w.t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId: village.id }, TOWNSHIP);
    await w.t.ok('identity', { action: 'redeemInvite', code }, CLERK);
    const { election } = await w.t.ok<{ election: { id: string; electionDay: string } }>(
      'committee',
      { action: 'createElection', villageId: village.id, electionDay: w.f.electionDay, posts: [{ post: 'director', seats: 1 }, { post: 'member', seats: 4 }] },
      CLERK,
    );
    const [a, b] = await addVoters(w.t, { villageId: village.id, electionId: election.id, electionDay: w.f.electionDay, voters: [] }, [{ name: '周红', group: '第一居民小组' }, { name: '周明', group: '第一居民小组' }]);
    await bindVoter(w.t, a!, 'ot-resident');
    expect(await call({}, PRINCIPAL, b!.id)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'PROXY_OTHER_VILLAGE' });
    expect(await call({}, 'ot-resident', b!.id)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', reason: 'NO_PROXIES', message: '本次选举不实行委托投票' });
    expect(await w.t.ok('proxies', { action: 'mine' }, 'ot-resident')).toMatchObject({ allowed: false });
  });

  it('gives the proxy side nothing to answer for a request that was refused', async () => {
    await call({ relation: 'siblingInLaw' });
    expect(await w.t.ok('proxies', { action: 'incoming' }, PROXY)).toMatchObject({ requests: [], holds: 0, max: 3 });
  });
});
