import { canAuthorizeProxy, proxyDeadline, type ProxyRequestFacts } from '../../src/domain/proxy-authorization';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { ElectionKind, RuleSet } from '../../src/domain/presets/types';

function rules(presetId: string, kind: ElectionKind = 'village'): RuleSet {
  const r = resolveRuleSet(presetId, kind, '2027-01-08');
  if (!r.ok) throw new Error(`no rules for ${presetId}`);
  return r.value;
}
const national = rules('national');
const zhejiang = rules('zhejiang');
const before = new Date('2026-12-20T02:00:00.000Z');

const facts = (over: Partial<ProxyRequestFacts> = {}): ProxyRequestFacts => ({
  principal: { voterId: 'p', villageId: 'v', electionId: 'e', status: 'registered' },
  proxy: { voterId: 'q', villageId: 'v', electionId: 'e', status: 'registered' },
  relation: 'sibling',
  principalHasActive: false,
  proxyHolds: 0,
  proxyIsFormalCandidate: false,
  electionDay: '2027-01-08',
  ...over,
});

describe('canAuthorizeProxy (RULES.md §4)', () => {
  it('accepts a registered principal and a near relative of the same village under the limit', () => {
    expect(canAuthorizeProxy(facts(), before, national).ok).toBe(true);
  });
  it('rejects when the principal is not on the list', () => {
    expect(canAuthorizeProxy(facts({ principal: { voterId: 'p', villageId: 'v', electionId: 'e', status: 'pending' } }), before, national)).toMatchObject({ ok: false, reason: 'PRINCIPAL_NOT_REGISTERED' });
  });
  it('rejects a second active authorization of one principal', () => {
    expect(canAuthorizeProxy(facts({ principalHasActive: true }), before, national)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_AUTHORIZED' });
  });
  it('rejects a proxy of another village, the principal themself, or one off the list', () => {
    expect(canAuthorizeProxy(facts({ proxy: { voterId: 'q', villageId: 'w', electionId: 'e2', status: 'registered' } }), before, national)).toMatchObject({ reason: 'PROXY_OTHER_VILLAGE' });
    expect(canAuthorizeProxy(facts({ proxy: null }), before, national)).toMatchObject({ reason: 'PROXY_OTHER_VILLAGE' });
    expect(canAuthorizeProxy(facts({ proxy: { voterId: 'p', villageId: 'v', electionId: 'e', status: 'registered' } }), before, national)).toMatchObject({ reason: 'PROXY_IS_SELF' });
    expect(canAuthorizeProxy(facts({ proxy: { voterId: 'q', villageId: 'v', electionId: 'e', status: 'deprived' } }), before, national)).toMatchObject({ reason: 'PROXY_NOT_REGISTERED' });
  });
  it('rejects an in-law under the Civil Code list and accepts one where the preset extends it', () => {
    expect(canAuthorizeProxy(facts({ relation: 'parentInLaw' }), before, national)).toMatchObject({ reason: 'NOT_NEAR_RELATIVE' });
    expect(canAuthorizeProxy(facts({ relation: 'parentInLaw' }), before, zhejiang).ok).toBe(true);
  });
  it('rejects a formal candidate as proxy, per preset', () => {
    expect(canAuthorizeProxy(facts({ proxyIsFormalCandidate: true }), before, national)).toMatchObject({ reason: 'PROXY_IS_CANDIDATE' });
    const nearOnly = { ...national, proxy: { ...national.proxy, candidateMayBeProxy: 'nearRelativeOnly' as const, includeInLaws: true } };
    expect(canAuthorizeProxy(facts({ proxyIsFormalCandidate: true }), before, nearOnly).ok).toBe(true);
    expect(canAuthorizeProxy(facts({ proxyIsFormalCandidate: true, relation: 'childInLaw' }), before, nearOnly)).toMatchObject({ reason: 'PROXY_IS_CANDIDATE' });
  });
  it('rejects at the per-proxy maximum and accepts one below it', () => {
    const max = national.proxy.maxPrincipalsPerProxy;
    expect(canAuthorizeProxy(facts({ proxyHolds: max - 1 }), before, national).ok).toBe(true);
    expect(canAuthorizeProxy(facts({ proxyHolds: max }), before, national)).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED', reason: 'PROXY_LIMIT' });
  });
  it('closes at the end of E − N in Beijing time, whatever the host zone (±1 s)', () => {
    const deadline = proxyDeadline('2027-01-08', national);
    expect(deadline.toISOString()).toBe(`2027-01-0${8 - national.proxy.deadlineDaysBefore}T16:00:00.000Z`);
    expect(canAuthorizeProxy(facts(), new Date(deadline.getTime() - 1000), national).ok).toBe(true);
    expect(canAuthorizeProxy(facts(), new Date(deadline.getTime() + 1000), national)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'DEADLINE_PASSED' });
  });
  it('has no proxies where a residents’ committee elects through representatives (RULES.md §8)', () => {
    const representatives = { ...national, electorate: 'householdRepresentatives' as const };
    expect(canAuthorizeProxy(facts(), before, representatives)).toMatchObject({ ok: false, reason: 'NO_PROXIES' });
  });
});
