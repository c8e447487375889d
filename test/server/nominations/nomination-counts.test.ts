/**
 * The running nomination counts (server/use-cases/nominations/nomination-count.records.ts) equal a
 * full recount — from the ballot documents and from the audit log — after any mix of what changes
 * a ballot's count: app submissions, replacements (the earlier version's votes withdrawn), paper
 * ballots entered valid or ruled invalid; on both stores, with simultaneous submissions on the
 * CloudBase fake; the close freezes exactly that count and seals it (resumably); the migration
 * builds the counts of ballots written before them.
 */
import { sameTally, tallyBallots } from '../../../src/domain/nomination-tally';
import { nominationCountDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import { seededRandom, type RandomSource } from '../../../server/security/keyed-hash';
import { liveCount, recountFromAudit } from '../../../server/use-cases/nominations/ballot-count.records';
import { applyBallot, countFromShards, emptyCount, NOMINATION_COUNT_SHARDS, shardOf } from '../../../server/use-cases/nominations/nomination-count.records';
import { migrateNominationCounts } from '../../../server/use-cases/nominations/migrate-nomination-counts';
import { closeId } from '../../../server/use-cases/nominations/nomination-scope.policy';
import { CLERK, describeEachStore, makeTestApp, type TestApp } from '../harness';
import { afterWindow, close, intoWindow, nominationVillage, SIGNATURE, submit, type Names, type NominationVillage } from './nomination-fixture';

const NOMINEES = 12;

type StoredClose = { ballots: number; valid: number; invalid: number; paper: number; posts: { post: string; nominees: { voterId: string; votes: number }[] }[]; merkle: { root: string; leaves: number } | null };
const nominationCloseOf = (doc: unknown): StoredClose => doc as StoredClose;

/** Random names: up to the seats of each post (1 / 1 / 3), distinct, from the first NOMINEES people. */
function randomNames(rng: RandomSource, v: NominationVillage): Names {
  const id = (k: number) => v.people[k]!.id;
  const members = [...new Set([rng.int(NOMINEES), rng.int(NOMINEES), rng.int(NOMINEES)])];
  const names: Names = { member: members.map(id) };
  const director = rng.int(NOMINEES);
  if (!members.includes(director) && rng.int(3) > 0) names.director = [id(director)];
  const deputy = rng.int(NOMINEES);
  if (!members.includes(deputy) && deputy !== director && rng.int(2) > 0) names.deputy = [id(deputy)];
  return names;
}

const paper = (v: NominationVillage, i: number, names: Names, valid: boolean) => ({
  action: 'enterPaperNomination',
  electionId: v.electionId,
  voterId: v.people[i]!.id,
  voterName: v.people[i]!.doc.name,
  names,
  valid,
  ...(valid ? {} : { invalidReason: '字迹无法辨认' }),
  scanRef: `PAPER-${i}`,
  assisted: false,
});

/** The counters against both recounts; returns the counters' sum. */
async function expectCountsEqualRecounts(t: TestApp, v: NominationVillage) {
  const counted = await countFromShards(t.app.store, v.electionId);
  const live = await liveCount(t.app.store, v.electionId);
  const audit = await recountFromAudit(t.app.store, v.electionId);
  expect(sameTally(counted.tally, live.tally)).toBe(true);
  expect(sameTally(counted.tally, audit)).toBe(true);
  expect(counted.paper).toBe(live.paper);
  expect(counted.shards).toBeLessThanOrEqual(NOMINATION_COUNT_SHARDS);
  return counted;
}

describe('count shards', () => {
  it('puts a ballot on the same shard every time, spread over all shards', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `e_1:p_${i}`);
    expect(ids.map(shardOf)).toEqual(ids.map(shardOf));
    expect(new Set(ids.map(shardOf)).size).toBe(NOMINATION_COUNT_SHARDS);
    expect(ids.every((id) => shardOf(id) >= 0 && shardOf(id) < NOMINATION_COUNT_SHARDS)).toBe(true);
  });

  it('drops a nominee whose votes go back to zero, as a recount never lists them', () => {
    const b = { valid: true, channel: 'app' as const, names: { director: ['p_a'], member: ['p_b'] } };
    const added = applyBallot(emptyCount('e', 3), b, 1);
    expect(added).toMatchObject({ ballots: 1, valid: 1, votes: { director: { p_a: 1 }, member: { p_b: 1 } } });
    expect(applyBallot(added, b, -1)).toEqual(emptyCount('e', 3));
  });

  it('counts an invalid ballot as a ballot without votes', () => {
    const added = applyBallot(emptyCount('e', 0), { valid: false, channel: 'paper', names: { director: ['p_a'] } }, 1);
    expect(added).toEqual({ ...emptyCount('e', 0), ballots: 1, invalid: 1, paper: 1 });
    expect(sameTally({ ...added, votes: new Map() }, tallyBallots([{ valid: false, names: { director: ['p_a'] } }]))).toBe(true);
  });
});

describeEachStore('running nomination counts', (kind) => {
  let t: TestApp;
  let v: NominationVillage;
  beforeEach(async () => {
    t = makeTestApp({ store: kind });
    v = await nominationVillage(t, 70);
    intoWindow(t, v);
  });
  afterEach(() => t.close());

  it('equal the recounts after a random mix of submissions, replacements and paper ballots valid and invalid', async () => {
    const rng = seededRandom(kind === 'sqlite' ? 11 : 12);
    const app = new Set<number>();
    const papered = new Set<number>();
    for (let step = 0; step < 90; step++) {
      if (rng.int(10) < 8) {
        // People 12..51 nominate in the app, some several times (each replacement withdraws the earlier votes).
        const i = NOMINEES + rng.int(40);
        expect((await submit(t, v, i, randomNames(rng, v))).ok).toBe(true);
        app.add(i);
      } else {
        // People 52..69 hand in paper forms; one in three is ruled invalid.
        const j = 52 + rng.int(18);
        if (papered.has(j)) continue;
        papered.add(j);
        await t.ok('committee', paper(v, j, randomNames(rng, v), rng.int(3) > 0), CLERK);
      }
    }
    const counted = await expectCountsEqualRecounts(t, v);
    expect(counted.tally.ballots).toBe(app.size + papered.size);
    expect(counted.tally.invalid).toBeGreaterThan(0);
    expect(counted.paper).toBe(papered.size);
  });

  it('closes on exactly the counted figures, sealed with the same root when the seal is resumed', async () => {
    const rng = seededRandom(21);
    for (let i = NOMINEES; i < NOMINEES + 30; i++) await submit(t, v, i, randomNames(rng, v));
    await t.ok('committee', paper(v, 60, { director: [v.people[0]!.id] }, false), CLERK);
    const counted = await expectCountsEqualRecounts(t, v);
    afterWindow(t, v);
    expect((await close(t, v)).ok).toBe(true);
    const stored = nominationCloseOf(await t.app.store.get('meta', closeId(v.electionId)));
    expect(stored).toMatchObject({ ballots: counted.tally.ballots, valid: counted.tally.valid, invalid: 1, paper: 1 });
    for (const p of stored.posts) for (const n of p.nominees) expect(counted.tally.votes.get(p.post as 'director')?.get(n.voterId)).toBe(n.votes);
    expect(stored.merkle?.leaves).toBe(counted.tally.valid);

    // A call cut off between the freeze and the seal: the next call seals to the same root.
    const root = stored.merkle!.root;
    await t.app.store.update('meta', closeId(v.electionId), { merkle: null });
    const tally = await t.ok<{ merkleRoot: string | null }>('committee', { action: 'tally', electionId: v.electionId }, CLERK);
    expect(tally.merkleRoot).toBeNull();
    expect((await close(t, v)).ok).toBe(true);
    expect(nominationCloseOf(await t.app.store.get('meta', closeId(v.electionId))).merkle?.root).toBe(root);
  });

  it('are built by the migration for ballots written before them, once', async () => {
    const rng = seededRandom(31);
    for (let i = NOMINEES; i < NOMINEES + 25; i++) await submit(t, v, i, randomNames(rng, v));
    for (let i = NOMINEES; i < NOMINEES + 5; i++) await submit(t, v, i, randomNames(rng, v));
    // The store as the older version left it: ballots, no counts.
    const shards = await t.app.store.find('nominationCount', { electionId: v.electionId }, { limit: 1000 });
    expect(shards.length).toBeGreaterThan(1);
    for (const s of shards) await t.app.store.remove('nominationCount', s._id);
    expect((await countFromShards(t.app.store, v.electionId)).tally.ballots).toBe(0);

    expect(await migrateNominationCounts(t.app.store)).toEqual({ examined: 1, rebuilt: 1, ballots: 25 });
    await expectCountsEqualRecounts(t, v);
    expect(await migrateNominationCounts(t.app.store)).toEqual({ examined: 1, rebuilt: 0, ballots: 0 });
    // A newer ballot landed on an empty shard before the migration ran: rebuilt from the ballots.
    const one = (await t.app.store.find('nominationCount', { electionId: v.electionId }, { limit: 1000 })).find((d) => Number(d.ballots) > 0);
    await t.app.store.remove('nominationCount', one!._id);
    expect((await migrateNominationCounts(t.app.store)).rebuilt).toBe(1);
    await expectCountsEqualRecounts(t, v);
  });
});

describe('running nomination counts under simultaneous submissions (CloudBase fake, 20 ± 10 ms a call)', () => {
  let t: TestApp;
  let v: NominationVillage;
  beforeAll(async () => {
    t = makeTestApp({ store: 'cloudbase-fake' });
    v = await nominationVillage(t, 130);
    intoWindow(t, v);
  });
  afterAll(() => t.close());

  it('lose no vote when 100 voters submit and 20 of them replace at the same moment', async () => {
    const rng = seededRandom(41);
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const submitRetrying = async (round: number, i: number, names: Names) => {
      for (let attempt = 0; ; attempt++) {
        const r = await t.call('nominations', { action: 'submit', names, signature: SIGNATURE, requestId: `count_race_${round}_${i}` }, v.openid(i));
        if (r.ok || r.code !== 'BUSY' || attempt >= 5) return r;
        await sleep(200 * (attempt + 1));
      }
    };
    const first = Array.from({ length: 100 }, (_, k) => ({ i: NOMINEES + k, names: randomNames(rng, v) }));
    expect((await Promise.all(first.map((s) => submitRetrying(1, s.i, s.names)))).filter((r) => !r.ok)).toEqual([]);
    const again = first.slice(0, 20).map((s) => ({ i: s.i, names: randomNames(rng, v) }));
    const fresh = Array.from({ length: 15 }, (_, k) => ({ i: NOMINEES + 100 + k, names: randomNames(rng, v) }));
    expect((await Promise.all([...again, ...fresh].map((s) => submitRetrying(2, s.i, s.names)))).filter((r) => !r.ok)).toEqual([]);
    const counted = await expectCountsEqualRecounts(t, v);
    expect(counted.tally.ballots).toBe(115);
    const docs = await t.app.store.find('nominationCount', { electionId: v.electionId }, { limit: 1000 });
    expect(docs.every((d) => nominationCountDoc.safeParse(d).success)).toBe(true);
  });
});
