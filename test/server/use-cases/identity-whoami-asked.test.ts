/**
 * identity.whoami with an `electionId` (the poster's QR code): the village's 村民小组 for a caller
 * not yet bound, names only; an unknown election says nothing more than "none"; the reads stay
 * within the villager budget (≤ 6, ARCHITECTURE.md principle 14), the asked election costing no
 * read again when the caller's own election is the one asked.
 */
import { countingStore, type CountingStore } from '../../../server/adapters/shared/counting.store';
import type { AppContext } from '../../../server/runtime/context';
import { describeEachStore, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';

type Who = { roles: string[]; voter: unknown; elections: unknown[]; askedElection: { id: string; villageName: string; groups: string[] } | null };

describeEachStore('identity.whoami with the electionId of a QR code', (kind) => {
  let t: TestApp;
  let f: VillageFixture;
  let store: CountingStore;
  beforeEach(async () => {
    t = makeTestApp({ store: kind, latency: { latencyMs: 1, jitterMs: 1 } });
    f = await villageWithElection(t, { name: '清溪村' });
    store = countingStore(t.app.store);
    (t.app as { store: AppContext['store'] }).store = store;
    store.take();
  });
  afterEach(() => t.close());

  it('gives a caller not yet bound the village and its 村民小组, names only, within 6 reads', async () => {
    const who = await t.ok<Who>('identity', { action: 'whoami', electionId: f.electionId }, 'wx-stranger');
    expect(store.take().reads).toBeLessThanOrEqual(6);
    expect(who.askedElection).toEqual({ id: f.electionId, villageName: '清溪村', groups: ['第一村民小组', '第二村民小组'] });
    // Nothing else changes for the stranger: no role, no voter, no election of their own.
    expect(who).toMatchObject({ roles: [], voter: null, elections: [] });
    const wire = JSON.stringify(who);
    for (const v of f.voters) expect(wire).not.toContain(v.doc.name);
  });

  it('answers the same without a WeChat identity (the QR code is public)', async () => {
    const who = await t.ok<Who>('identity', { action: 'whoami', electionId: f.electionId }, null);
    expect(who.askedElection?.groups).toEqual(['第一村民小组', '第二村民小组']);
  });

  it('gives no groups for an election that does not exist, and no error', async () => {
    const who = await t.ok<Who>('identity', { action: 'whoami', electionId: 'no-such-election' }, 'wx-stranger');
    expect(who.askedElection).toBeNull();
  });

  it('gives askedElection null when no electionId is asked', async () => {
    expect((await t.ok<Who>('identity', { action: 'whoami' }, 'wx-stranger')).askedElection).toBeNull();
  });

  it('rejects an empty electionId as INVALID_INPUT', async () => {
    const r = await t.call('identity', { action: 'whoami', electionId: '' }, 'wx-stranger');
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('costs a bound voter asking about their own election no read more than whoami alone', async () => {
    const v = f.voters[0]!;
    await t.ok('identity', { action: 'bind', name: v.doc.name, idNumber: v.idNumber, bindingCode: v.bindingCode, consent: true }, 'wx-a');
    store.take();
    await t.ok('identity', { action: 'whoami' }, 'wx-a');
    const plain = store.take();
    const who = await t.ok<Who>('identity', { action: 'whoami', electionId: f.electionId }, 'wx-a');
    expect(store.take()).toEqual(plain);
    expect(plain.reads).toBeLessThanOrEqual(6);
    expect(who.askedElection).toEqual({ id: f.electionId, villageName: '清溪村', groups: ['第一村民小组', '第二村民小组'] });
  });
});
