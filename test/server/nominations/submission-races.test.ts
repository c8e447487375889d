/**
 * Concurrency on both stores (the CloudBase fake at 20 ± 10 ms): one voter's 20 simultaneous
 * submissions leave one counted ballot; 200 voters at once are all counted, none INTERNAL. Each
 * client retries BUSY with the same requestId, as the gateway does (src/services/retry-policy.ts).
 */
import { RETRY_LIMIT, retryDelayMs } from '../../../src/services/retry-policy';
import type { Envelope } from '../../../src/contracts/envelope';
import { CLERK, describeEachStore, makeTestApp, type TestApp } from '../harness';
import { intoWindow, nominationVillage, SIGNATURE, type NominationVillage } from './nomination-fixture';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function clientSubmit(t: TestApp, v: NominationVillage, i: number, names: Record<string, string[]>, requestId: string): Promise<Envelope<unknown>> {
  for (let attempt = 0; ; attempt++) {
    const r = await t.call('nominations', { action: 'submit', names, signature: SIGNATURE, requestId }, v.openid(i));
    if (r.ok || r.code !== 'BUSY' || attempt >= RETRY_LIMIT) return r;
    await sleep(retryDelayMs(attempt + 1));
  }
}

describeEachStore('nomination races', (kind) => {
  let t: TestApp;
  let v: NominationVillage;
  beforeAll(async () => {
    t = makeTestApp({ store: kind });
    v = await nominationVillage(t, 210);
    intoWindow(t, v);
  });
  afterAll(() => t.close());

  it('counts one ballot for 20 concurrent submissions by one voter', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, (_, k) => clientSubmit(t, v, 0, { director: [v.people[1 + (k % 5)]!.id] }, `race_one_${k}`)));
    expect(replies.filter((r) => !r.ok)).toEqual([]);
    expect(await t.app.store.count('nomination', { electionId: v.electionId })).toBe(1);
    const tally = await t.ok<{ ballots: number; valid: number; recount: { matches: boolean } }>('committee', { action: 'tally', electionId: v.electionId, recount: true }, CLERK);
    expect(tally).toMatchObject({ ballots: 1, valid: 1, recount: { matches: true } });
  });

  it('counts all of 200 voters submitting at once, none INTERNAL', async () => {
    const voters = Array.from({ length: 200 }, (_, k) => 10 + k);
    const replies = await Promise.all(voters.map((i) => clientSubmit(t, v, i, { director: [v.people[i % 7]!.id], member: [v.people[7]!.id, v.people[8]!.id] }, `race_many_${i}`)));
    const refused = replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code));
    // No document is written by every submission (each ballot is its own, the audit entry too):
    // after the client's retries every call succeeds, on both stores.
    expect(refused).toEqual([]);
    const accepted = replies.filter((r) => r.ok).length;
    const tally = await t.ok<{ ballots: number; posts: { post: string; lines: { votes: number }[] }[]; recount: { matches: boolean } }>('committee', { action: 'tally', electionId: v.electionId, recount: true }, CLERK);
    expect(tally.ballots).toBe(1 + accepted);
    expect(tally.posts.find((p) => p.post === 'member')!.lines.map((l) => l.votes)).toEqual([accepted, accepted]);
    expect(tally.recount.matches).toBe(true);
  });
});
