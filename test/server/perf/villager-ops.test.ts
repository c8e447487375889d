/**
 * Billed store operations per villager action stay flat in roll size (ARCHITECTURE.md principle
 * 14): the same scenario `npm run bench` measures, at two roll sizes that both chunk the list.
 * Counts, not times: these are deterministic.
 */
import { measureVillagerOps, VILLAGER_ACTIONS, type OpsFigures } from '../../../bench/villager-ops.scenario';
import { makeTestApp, TOWNSHIP } from '../harness';

async function figuresAt(size: number): Promise<OpsFigures> {
  const t = makeTestApp();
  try {
    return await measureVillagerOps(t.app, size, TOWNSHIP);
  } finally {
    await t.close();
  }
}

describe('villager actions: store operations independent of the roll size', () => {
  let small: OpsFigures;
  let large: OpsFigures;
  beforeAll(async () => {
    // 600 and 2,600 entries: 2 and 5 chunks of the published list.
    small = await figuresAt(600);
    large = await figuresAt(2600);
  }, 120_000);

  it.each(VILLAGER_ACTIONS)('%s costs the same reads and writes at both sizes', (action) => {
    expect(large.villager[action]).toEqual(small.villager[action]);
  });

  it('reads only the requested page of the published voter list (its chunk, checked by its hash)', () => {
    // binding + notice + read receipt + the election's notices + one chunk
    expect(large.villager['notices.get']).toEqual({ reads: 5, writes: 0 });
  });

  it('checks "I am not on the list" with one read of a bucket, not the whole list', () => {
    expect(large.villager['registration.fileObjection.me'].reads).toBeLessThanOrEqual(large.villager['registration.fileObjection.someone'].reads);
  });

  // Issue 12's villager budget, audit included (identity.bind, redeemInvite and applyResidence
  // are held by their own suites).
  it.each([
    'identity.whoami',
    'identity.whoami.asked',
    'registration.mine',
    'registration.confirm',
    'registration.declareParticipation',
    'notices.subscribe',
    'registration.fileObjection.someone',
    'registration.fileObjection.me',
    'notices.list',
    'notices.get',
    'notices.markRead',
    'proxies.request',
  ] as const)(
    '%s stays within 6 reads and 4 writes',
    (action) => {
      expect(large.villager[action].reads).toBeLessThanOrEqual(6);
      expect(large.villager[action].writes).toBeLessThanOrEqual(4);
    },
  );

  it('submits a nomination ballot of four names within its budget (≤ 8 reads, ≤ 4 writes + one per name)', () => {
    const c = large.villager['nominations.submit'];
    expect(c.reads).toBeLessThanOrEqual(8);
    expect(c.writes).toBeLessThanOrEqual(4 + 4);
  });

  it('publishes the voter list with far fewer than one write per voter (chunked)', () => {
    expect(large.committee.publishVoterList_per_voter!.writes).toBeLessThan(0.05);
  });
});
