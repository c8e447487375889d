/**
 * committee.closeNominations against ballots committing at the same time (store.port.ts: write
 * skew under snapshot isolation). Paper ballots are typed in until the committee closes the count,
 * so a clerk entering one while another member closes is the ordinary case. The invariant: every
 * ballot accepted is in the frozen count (the close record's figures equal the ballots stored and
 * the recount), and a ballot refused leaves nothing; never accepted and left out of the count.
 *
 * Interleavings are forced with a gated store: a ballot committed between closing's count query
 * and its transaction (both adapters), and a ballot transaction held open while closing runs
 * (the CloudBase fake lets the two overlap with snapshot reads and first-writer-wins; the embedded
 * store queues closing behind it).
 */
import { nominationCloseDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import { FakeCloudbaseDatabase } from '../../../server/adapters/cloudbase/cloudbase-db.fake';
import { createCloudbaseStore } from '../../../server/adapters/cloudbase/cloudbase.store';
import type { Store } from '../../../server/ports/store.port';
import { readDoc } from '../../../server/runtime/documents';
import { closeId } from '../../../server/use-cases/nominations/nomination-scope.policy';
import { gate, gated } from '../gated-store';
import { CLERK, CLOUDBASE_LATENCY, makeTestApp, type TestApp } from '../harness';
import { afterWindow, close, intoWindow, nominationVillage, submit, type NominationVillage } from './nomination-fixture';

const ADAPTERS = {
  embedded: (t: TestApp) => t.app.store,
  cloudbase: () => createCloudbaseStore(new FakeCloudbaseDatabase(CLOUDBASE_LATENCY), { backoffMs: () => 1 }),
} as const;

const paper = (t: TestApp, v: NominationVillage, i: number) =>
  t.call<{ receipt: { code: string } }>(
    'committee',
    { action: 'enterPaperNomination', electionId: v.electionId, voterId: v.people[i]!.id, voterName: v.people[i]!.doc.name, names: { director: [v.people[0]!.id] }, valid: true, scanRef: `纸质票-${i}`, assisted: false },
    CLERK,
  );

describe.each(['embedded', 'cloudbase'] as const)('committee.closeNominations and ballots at the same time (%s store)', (adapter) => {
  let t: TestApp;
  let v: NominationVillage;
  let hooks: ReturnType<typeof gated>['hooks'];
  beforeEach(async () => {
    t = makeTestApp();
    const g = gated(ADAPTERS[adapter](t));
    (t.app as { store: Store }).store = g.store;
    hooks = g.hooks;
    v = await nominationVillage(t, 8);
    intoWindow(t, v);
    for (const i of [1, 2]) expect((await submit(t, v, i, { director: [v.people[0]!.id] })).ok).toBe(true);
    afterWindow(t, v);
  });
  afterEach(async () => {
    if (adapter === 'cloudbase') await t.app.store.close();
    await t.close();
  });

  /** The frozen count equals the ballots stored and the recount from the audit log. */
  async function countHolds(): Promise<number> {
    const frozen = await readDoc(t.app.store, 'meta', closeId(v.electionId), nominationCloseDoc);
    const stored = await t.app.store.count('nomination', { electionId: v.electionId });
    const tally = await t.ok<{ ballots: number; recount: { matches: boolean } }>('committee', { action: 'tally', electionId: v.electionId, recount: true }, CLERK);
    expect({ frozen: frozen?.ballots, tally: tally.ballots, recount: tally.recount.matches }).toEqual({ frozen: stored, tally: stored, recount: true });
    return stored;
  }

  it('counts a paper ballot that commits between closing’s count query and its transaction', async () => {
    const hold = gate();
    hooks.find = async (c) => void (c === 'nominationCount' && (await hold.stop()));
    const closing = close(t, v);
    await hold.reached;
    const entered = await paper(t, v, 3);
    hold.release();
    expect((await closing).ok).toBe(true);
    expect(entered.ok).toBe(true);
    expect(await countHolds()).toBe(3);
  });

  it('a ballot whose transaction is open while closing commits is counted or refused, never left out', async () => {
    const hold = gate();
    // The paper ballot's transaction stops after reading its count shard.
    hooks.txGet = async (c) => void (c === 'nominationCount' && (await hold.stop()));
    const entering = paper(t, v, 4);
    await hold.reached;
    const closing = close(t, v);
    // Closing's transaction (CloudBase: overlapping; embedded: queued behind the ballot's).
    await new Promise((r) => setTimeout(r, adapter === 'cloudbase' ? 400 : 20));
    hold.release();
    const [entered, closed] = await Promise.all([entering, closing]);
    expect(closed.ok).toBe(true);
    const stored = await countHolds();
    if (entered.ok) expect(stored).toBe(3);
    else {
      expect(entered).toMatchObject({ code: 'WINDOW_CLOSED', reason: 'NOMINATIONS_CLOSED' });
      expect(stored).toBe(2);
    }
  });

  it('refuses an app ballot and a paper ballot once the count is frozen, and stores neither', async () => {
    expect((await close(t, v)).ok).toBe(true);
    expect(await paper(t, v, 5)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'NOMINATIONS_CLOSED' });
    // An app ballot checked against the window just before midnight, committing after the close.
    intoWindow(t, v);
    expect(await submit(t, v, 6, { director: [v.people[0]!.id] })).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'CLOSED' });
    afterWindow(t, v);
    expect(await countHolds()).toBe(2);
  });
});
