/**
 * committee.publishVoterList against roll changes running at the same time (store.port.ts: write
 * skew under snapshot isolation). The frozen list must be exactly the registered entries at the
 * instant of publication: a migrant whose declaration commits is either on it, or — declaring
 * after the freeze — refused LIST_PUBLISHED; never registered but missing from the list.
 *
 * Interleavings are forced with a gated store: a hook runs a roll change between publication's
 * voter query and its transaction (both adapters), or while one transaction is open (CloudBase
 * fake, which lets transactions overlap with snapshot reads and first-writer-wins).
 */
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { FakeCloudbaseDatabase } from '../../../server/adapters/cloudbase/cloudbase-db.fake';
import { createCloudbaseStore } from '../../../server/adapters/cloudbase/cloudbase.store';
import type { Store, Where } from '../../../server/ports/store.port';
import { gate, gated } from '../gated-store';
import { readDoc } from '../../../server/runtime/documents';
import { isOnVoterList, readVoterListFreeze } from '../../../server/use-cases/objections/voter-list-lookup.records';
import { PUBLISH_ATTEMPTS } from '../../../server/use-cases/objections/publish-voter-list.use-case';
import { CLERK, CLOUDBASE_LATENCY, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';
import { importRows, syntheticId } from '../roll/roll-fixtures';
import { bindVoter, type PublishReply } from './fixtures';

const MIGRANT = 'wx-migrant';

const ADAPTERS = {
  embedded: (t: TestApp) => t.app.store,
  cloudbase: () => createCloudbaseStore(new FakeCloudbaseDatabase(CLOUDBASE_LATENCY), { backoffMs: () => 1 }),
} as const;

function setUp(adapter: keyof typeof ADAPTERS) {
  const s: { t: TestApp; f: VillageFixture; hooks: ReturnType<typeof gated>['hooks'] } = {} as never;
  beforeEach(async () => {
    s.t = makeTestApp('2026-03-01T02:00:00.000Z');
    const g = gated(ADAPTERS[adapter](s.t));
    (s.t.app as { store: Store }).store = g.store;
    s.hooks = g.hooks;
    s.f = await villageWithElection(s.t);
    await bindVoter(s.t, s.f.voters[1]!, MIGRANT); // 李秀英, category B, pending
  });
  afterEach(async () => {
    if (adapter === 'cloudbase') await s.t.app.store.close();
    await s.t.close();
  });
  return s;
}

const publish = (t: TestApp, f: VillageFixture) => t.call<PublishReply>('committee', { action: 'publishVoterList', electionId: f.electionId }, CLERK);
const declare = (t: TestApp) => t.call<{ voter: { status: string } }>('registration', { action: 'declareParticipation' }, MIGRANT);

/** The invariant: registered now ⇔ on the frozen list (before any objection is decided). */
async function listMatchesRoll(t: TestApp, f: VillageFixture, voterId: string): Promise<{ registered: boolean; listed: boolean }> {
  const v = await readDoc(t.app.store, 'voter', voterId, voterDoc);
  const freeze = await readVoterListFreeze(t.app.store, f.electionId);
  return { registered: v?.status === 'registered', listed: freeze !== null && (await isOnVoterList(t.app.store, freeze, voterId)) };
}

describe.each(['embedded', 'cloudbase'] as const)('committee.publishVoterList and roll changes (%s store)', (adapter) => {
  const s = setUp(adapter);
  const isRegisteredQuery = (c: string, w: Where) => c === 'voter' && w.status === 'registered';

  it('starts over when a declaration commits between the voter query and the publishing transaction, and lists the migrant', async () => {
    let declared: Awaited<ReturnType<typeof declare>> | null = null;
    s.hooks.find = async (c, w) => {
      if (!isRegisteredQuery(c, w) || declared) return;
      declared = await declare(s.t);
    };
    const r = await publish(s.t, s.f);
    expect(declared).toMatchObject({ ok: true, data: { voter: { status: 'registered' } } });
    expect(r).toMatchObject({ ok: true, data: { count: 4 } });
    expect(await listMatchesRoll(s.t, s.f, s.f.voters[1]!.id)).toEqual({ registered: true, listed: true });
    const notices = await s.t.app.store.find('notice', { electionId: s.f.electionId, type: 'voterList' });
    expect(notices).toHaveLength(1);
  });

  it('rejects ROLL_CHANGED when the roll changes on every try, publishing nothing', async () => {
    let n = 0;
    s.hooks.find = async (c, w) => {
      if (!isRegisteredQuery(c, w)) return;
      n += 1;
      await importRows(s.t, s.f.electionId, [{ name: `钱${'一二三四五'[n]}`, idNumber: syntheticId('1975-05-05', 300 + n), group: '第一村民小组', category: 'A' }]);
    };
    const r = await publish(s.t, s.f);
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ROLL_CHANGED' });
    if (!r.ok) expect(r.message).toContain('稍等');
    expect(n).toBe(PUBLISH_ATTEMPTS);
    expect(await s.t.app.store.find('notice', { electionId: s.f.electionId })).toHaveLength(0);
    expect(await readVoterListFreeze(s.t.app.store, s.f.electionId)).toBeNull();
    s.hooks.find = null;
    expect(await publish(s.t, s.f)).toMatchObject({ ok: true, data: { count: 3 + PUBLISH_ATTEMPTS } });
  });

  it('refuses a declaration after the freeze with LIST_PUBLISHED, so the list and the roll agree', async () => {
    expect(await publish(s.t, s.f)).toMatchObject({ ok: true });
    expect(await declare(s.t)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'LIST_PUBLISHED' });
    expect(await listMatchesRoll(s.t, s.f, s.f.voters[1]!.id)).toEqual({ registered: false, listed: false });
  });
});

describe('committee.publishVoterList and roll changes in overlapping transactions (CloudBase fake)', () => {
  const s = setUp('cloudbase');
  const electionVersion = () => `rollVersion:${s.f.electionId}`;

  it('aborts and redoes the publishing transaction when a declaration commits while it is open', async () => {
    const g = gate();
    s.hooks.txGet = async (c, id) => {
      if (c === 'meta' && id === electionVersion()) await g.stop();
    };
    const publishing = publish(s.t, s.f);
    await g.reached;
    // The publishing transaction has read the roll version; the migrant declares and commits now.
    expect(await declare(s.t)).toMatchObject({ ok: true });
    g.release();
    expect(await publishing).toMatchObject({ ok: true, data: { count: 4 } });
    expect(await listMatchesRoll(s.t, s.f, s.f.voters[1]!.id)).toEqual({ registered: true, listed: true });
  });

  it('aborts and redoes the declaring transaction when the publication commits while it is open, which then sees LIST_PUBLISHED', async () => {
    const g = gate();
    s.hooks.txGet = async (c) => {
      // The declaring transaction reads the person's claim after the election (list unpublished).
      if (c === 'idIndex') await g.stop();
    };
    const declaring = declare(s.t);
    await g.reached;
    // The declaring transaction has seen the list unpublished; the committee publishes and commits now.
    expect(await publish(s.t, s.f)).toMatchObject({ ok: true, data: { count: 3 } });
    g.release();
    expect(await declaring).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'LIST_PUBLISHED' });
    expect(await listMatchesRoll(s.t, s.f, s.f.voters[1]!.id)).toEqual({ registered: false, listed: false });
  });
});
