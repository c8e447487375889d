/**
 * Shared set-up for the proxy tests: a village with a published list, a bound principal and a
 * bound proxy, on the embedded store or on the CloudBase adapter over its fake (the shared
 * both-store harness). The fake answers at once during set-up; a race test sets its latency.
 */
import type { DraftVoter } from '../../../server/seed/voter-factory';
import { makeTestApp, villageWithElection, CLERK, type StoreKind, type TestApp, type VillageFixture } from '../harness';
import { addVoters, bindVoter, publish } from '../objections/fixtures';

export { CLERK, STORE_KINDS, describeEachStore, type StoreKind } from '../harness';

/** A signature as the pad sends it: one stroke of 12 points. */
export const SIGNATURE = { width: 320, height: 160, strokes: [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 110, 150, 90, 170, 70, 190, 50, 210, 40, 230, 30]] };

export const PRINCIPAL = 'ot-principal';
export const PROXY = 'ot-proxy';

export interface World {
  t: TestApp;
  f: VillageFixture;
  principal: DraftVoter;
  proxy: DraftVoter;
  /** A registered voter with a pending (B) status entry at index 1. */
  pending: DraftVoter;
  others: DraftVoter[];
}

export const testApp = (kind: StoreKind, now?: string): TestApp => makeTestApp({ store: kind, ...(now ? { now } : {}), latency: { latencyMs: 0, jitterMs: 0 } });

/** Today 2026-03-01 (Asia/Shanghai), E = 2026-04-10, national preset: deadline end of 2026-04-07 = 2026-04-07T16:00:00Z. */
export const DEADLINE = '2026-04-07T16:00:00.000Z';
export const ELECTION_DAY_MORNING = '2026-04-10T01:00:00.000Z';

const SURNAMES = '赵钱孙李周吴郑冯陈褚';
const GIVEN = '春夏秋冬梅兰竹菊松柏';
/** Distinct Chinese names for up to 100 extra voters. */
const extraName = (i: number) => `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 10]}${GIVEN[i % 10]}`;

export async function world(kind: StoreKind = 'sqlite', opts: { publish?: boolean; extra?: number } = {}): Promise<World> {
  const t = testApp(kind);
  const f = await villageWithElection(t, { voters: 6 });
  const [principal, pending, proxy, ...others] = f.voters as [DraftVoter, DraftVoter, DraftVoter, ...DraftVoter[]];
  if (opts.extra) others.push(...(await addVoters(t, f, Array.from({ length: opts.extra }, (_, i) => ({ name: extraName(i), group: '第二村民小组' })))));
  await bindVoter(t, principal, PRINCIPAL);
  await bindVoter(t, proxy, PROXY);
  if (opts.publish !== false) await publish(t, f);
  return { t, f, principal, proxy, pending, others };
}

export interface View {
  id: string;
  status: string;
  statusLabel: string;
  reason: string | null;
  certificateNo: string | null;
  certificateQr: string | null;
  principal: { voterId: string; name: string; group: string };
  proxy: { voterId: string; name: string; group: string };
}

export const requestEvent = (proxyVoterId: string, over: Record<string, unknown> = {}) => ({
  action: 'request',
  proxyVoterId,
  relation: 'child',
  awayPlace: '广东深圳',
  signature: SIGNATURE,
  ...over,
});

export async function requestAs(t: TestApp, openid: string, proxyVoterId: string, over: Record<string, unknown> = {}): Promise<View> {
  return (await t.ok<{ authorization: View }>('proxies', requestEvent(proxyVoterId, over), openid)).authorization;
}

export const accept = (t: TestApp, id: string, openid = PROXY) => t.call<{ authorization: View; holds: number; max: number }>('proxies', { action: 'respond', id, accept: true, signature: SIGNATURE }, openid);

export const decide = (t: TestApp, f: VillageFixture, id: string, approve = true, reason?: string) =>
  t.call<{ authorization: View }>('committee', { action: 'decideProxy', electionId: f.electionId, id, approve, ...(reason ? { reason } : {}) }, CLERK);

/** Requested, accepted and approved: the certificate issued. */
export async function approved(w: World, openid = PRINCIPAL): Promise<View> {
  const a = await requestAs(w.t, openid, w.proxy.id);
  const r = await accept(w.t, a.id);
  if (!r.ok) throw new Error(`${r.code} ${r.reason}`);
  const d = await decide(w.t, w.f, a.id);
  if (!d.ok) throw new Error(`${d.code} ${d.reason}`);
  return d.data.authorization;
}
