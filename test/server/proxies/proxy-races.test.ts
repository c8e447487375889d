/**
 * The limits are invariants under concurrency on both stores (issue 9): kept by proxyLoad and
 * proxyPrincipal documents that every competing transaction writes, never by a count query.
 */
import { proxyDoc, proxyLoadDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import { findAllDocs, readDoc } from '../../../server/runtime/documents';
import { bindVoter } from '../objections/fixtures';
import { CLOUDBASE_LATENCY } from '../harness';
import { PRINCIPAL, PROXY, requestAs, requestEvent, SIGNATURE, STORE_KINDS, world, type World } from './proxy-fixture';

jest.setTimeout(240_000);

describe.each(STORE_KINDS)('proxy limits under concurrency (%s)', (kind) => {
  let w: World;
  afterEach(() => w.t.close());

  it('100 concurrent accepts for one proxy leave exactly the preset\'s maximum (3) accepted', async () => {
    w = await world(kind, { extra: 100 });
    const principals = w.others.slice(-100);
    const ids: string[] = [];
    for (const [i, v] of principals.entries()) {
      await bindVoter(w.t, v, `ot-race-${i}`);
      ids.push((await requestAs(w.t, `ot-race-${i}`, w.proxy.id)).id);
    }
    w.t.fake?.setLatency(CLOUDBASE_LATENCY.latencyMs, CLOUDBASE_LATENCY.jitterMs);
    // Each tap carries its requestId; a BUSY answer is retried with the same id, as the client gateway does.
    const respond = (id: string) => w.t.call('proxies', { action: 'respond', id, accept: true, signature: SIGNATURE, requestId: `r_accept_${id}` }, PROXY);
    let outcomes = (await Promise.all(ids.map(respond))).map((r) => (r.ok ? 'ok' : `${r.code}:${r.reason ?? ''}`));
    for (let round = 0; round < 10 && outcomes.includes('BUSY:'); round++) {
      outcomes = await Promise.all(ids.map(async (id, i) => (outcomes[i] === 'BUSY:' ? ((r) => (r.ok ? 'ok' : `${r.code}:${r.reason ?? ''}`))(await respond(id)) : outcomes[i]!)));
    }
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'LIMIT_EXCEEDED:PROXY_LIMIT')).toHaveLength(97);
    const stored = await findAllDocs(w.t.app.store, 'proxy', { electionId: w.f.electionId }, proxyDoc);
    expect(stored.filter((a) => a.status === 'accepted')).toHaveLength(3);
    const load = await readDoc(w.t.app.store, 'proxyLoad', `${w.f.electionId}:${w.proxy.id}`, proxyLoadDoc);
    expect(load?.holds.sort()).toEqual(stored.filter((a) => a.status === 'accepted').map((a) => a._id).sort());
    expect(load?.pending).toHaveLength(97);
  });

  it('a principal\'s two concurrent requests leave one active authorization', async () => {
    w = await world(kind);
    w.t.fake?.setLatency(CLOUDBASE_LATENCY.latencyMs, CLOUDBASE_LATENCY.jitterMs);
    const [first, second] = await Promise.all([
      w.t.call('proxies', requestEvent(w.proxy.id), PRINCIPAL),
      w.t.call('proxies', requestEvent(w.others[0]!.id), PRINCIPAL),
    ]);
    const outcomes = [first!, second!].map((r) => (r.ok ? 'ok' : `${r.code}:${r.reason ?? ''}`)).sort();
    expect(outcomes).toEqual(['CONFLICT:ALREADY_AUTHORIZED', 'ok']);
    const stored = await findAllDocs(w.t.app.store, 'proxy', { principalVoterId: w.principal.id }, proxyDoc);
    expect(stored).toHaveLength(1);
  });
});
