/**
 * A real community's shape (RULES.md §3): 2,722 voters, 1,772 ballots returned of which 4 are
 * invalid paper forms, through the real actions → initial candidates 主任 4, 副主任 11, 委员 24 and
 * formal 2 / 2 / 6 under the national preset, and the live tally equals the recount from the audit log.
 */
import { CLERK, makeTestApp, type TestApp } from '../harness';
import { afterWindow, close, intoWindow, nominationVillage, submit, type NominationVillage } from './nomination-fixture';

/** Votes per nominee, per post (distinct at every cut line, a woman on top of 委员). */
const COUNTS = {
  director: [800, 500, 300, 168],
  deputy: [500, 400, 300, 200, 150, 100, 50, 30, 20, 10, 8],
  member: [300, 250, 200, 150, 120, 100, 90, 80, 70, 60, 50, 45, 40, 35, 30, 25, 20, 18, 16, 14, 12, 10, 8, 25],
} as const;
const FIRST = { director: 0, deputy: 4, member: 15 } as const;
const VALID = 1768;

/** For ballot k, the index of the person named for `post`. */
function plan(post: keyof typeof COUNTS): number[] {
  return COUNTS[post].flatMap((n, j) => Array.from({ length: n }, () => FIRST[post] + j));
}

describe('a community of 2,722 voters nominates', () => {
  let t: TestApp;
  let v: NominationVillage;
  beforeAll(async () => {
    t = makeTestApp();
    v = await nominationVillage(t, 2722);
    intoWindow(t, v);
  }, 120_000);
  afterAll(() => t.close());

  it('gives 4/11/24 initial and 2/2/6 formal candidates, and the tally equals the recount', async () => {
    const d = plan('director');
    const dp = plan('deputy');
    const m = plan('member');
    const id = (i: number) => v.people[i]!.id;
    for (let start = 0; start < VALID; start += 50) {
      const batch = Array.from({ length: Math.min(50, VALID - start) }, (_, j) => start + j);
      const replies = await Promise.all(batch.map((k) => submit(t, v, k, { director: [id(d[k]!)], deputy: [id(dp[k]!)], member: [id(m[k]!)] })));
      expect(replies.filter((r) => !r.ok)).toEqual([]);
    }
    for (let k = VALID; k < VALID + 4; k++) {
      const paper = { action: 'enterPaperNomination', electionId: v.electionId, voterId: id(k), voterName: v.people[k]!.doc.name, names: { member: [id(1), id(2), id(3), id(4)] }, valid: false, invalidReason: '委员填了4人，超过应选名额', scanRef: `纸质票-${k}`, assisted: false };
      const pr = await t.call('committee', paper, CLERK);
      expect(pr.ok ? 'ok' : `${pr.code} ${pr.reason} ${pr.message}`).toBe('ok');
    }
    const tally = await t.ok<{ ballots: number; valid: number; invalid: number; recount: { matches: boolean; ballots: number } }>('committee', { action: 'tally', electionId: v.electionId, recount: true }, CLERK);
    expect(tally).toMatchObject({ ballots: 1772, valid: 1768, invalid: 4, recount: { matches: true, ballots: 1772 } });
    afterWindow(t, v);
    const r = await close(t, v);
    if (!r.ok) throw new Error(r.message);
    const byPost = Object.fromEntries(r.data.selection.posts.map((p) => [p.post, p]));
    expect([byPost.director!.initialCount, byPost.deputy!.initialCount, byPost.member!.initialCount]).toEqual([4, 11, 24]);
    expect([byPost.director!.candidates.length, byPost.deputy!.candidates.length, byPost.member!.candidates.length]).toEqual([2, 2, 6]);
    expect(r.data.selection).toMatchObject({ publishable: true, woman: { status: 'present' } });
  }, 300_000);
});
