/**
 * `tally.100k.*` in `npm run bench`: committee.closeNominations over 100,000 nomination ballots on
 * the embedded store, from the running counts, against the full recounts.
 *
 * The ballots (their audit entries, and the count shards they add up to) are written straight to
 * the store in large transactions — submitting 100,000 through the action would time the
 * submissions, not the close. The figures:
 * - tally.100k.ms: closing and computing the formal candidates as the action does it, seal aside —
 *   the committee's scope, the count frozen from the shards (one query, summed, the nominees' roll
 *   entries, the tally hash, the close record's transaction), the formal selection by the rules
 *   of src/domain (freezeCount + computeSelection);
 * - tally.100k.seal_ms: the seal that follows in the same call — every ballot page read for the
 *   valid ballots' hashes, the Merkle tree, its chunks written (sealClose);
 * - tally.100k.recount_ms: the full recount from the audit log (recountFromAudit), and
 *   tally.100k.live_recount_ms the recount from the ballot documents (liveCount);
 * - tally.100k.equal: 1 when the frozen count equals both recounts and the seal has one leaf per
 *   valid ballot; tally.100k.shards: the count documents closing read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLocalApp } from '../server/local/local-app';
import { ROUTES } from '../server/functions/routes';
import { dispatch } from '../server/runtime/dispatch';
import type { AppContext } from '../server/runtime/context';
import { readDoc, type WithId } from '../server/runtime/documents';
import { draftVoter, writeVoters } from '../server/seed/voter-factory';
import { birthDateForAge, syntheticName } from '../server/seed/synthetic-people';
import { seededRandom } from '../server/security/keyed-hash';
import { liveCount, recountFromAudit } from '../server/use-cases/nominations/ballot-count.records';
import { sealClose } from '../server/use-cases/nominations/nomination-close.records';
import { SUBMIT_ACTION } from '../server/use-cases/nominations/ballot.records';
import { countFromShards, countShardId, countsOf } from '../server/use-cases/nominations/nomination-count.records';
import { freezeCount } from '../server/use-cases/nominations/close-nominations.use-case';
import { candidateDocs, computeSelection } from '../server/use-cases/nominations/candidate-selection.view';
import { requireCommitteeElection } from '../server/use-cases/shared/election-access.policy';
import { electionDoc, type ElectionDoc } from '../src/contracts/documents/election-documents.schema';
import type { NominationDoc } from '../src/contracts/documents/nomination-documents.schema';
import type { Envelope } from '../src/contracts/envelope';
import { addDays, shanghaiDateOf } from '../src/domain/civil-date';
import { sameTally, type BallotTally } from '../src/domain/nomination-tally';
import { createHash } from 'node:crypto';

const TOWNSHIP = 'bench-township';
const CLERK = 'tally-clerk';
const NOMINEES = 40;
const SEED_TX = 20_000;

async function electionWithNominees(app: AppContext): Promise<{ election: WithId<ElectionDoc>; nominees: string[] }> {
  let n = 0;
  const call = async (fn: string, event: Record<string, unknown>, openid: string) => {
    const r = (await dispatch(fn, ROUTES[fn as keyof typeof ROUTES]!, event, { ...app, openid, requestId: `tally-${++n}` })) as Envelope<unknown>;
    if (!r.ok) throw new Error(`${fn}.${String(event.action)} refused: ${r.code} ${r.message}`);
    return r.data;
  };
  const { village } = (await call('township', { action: 'createVillage', name: '计票村', kind: 'village', presetId: 'national', groups: ['第一村民小组'] }, TOWNSHIP)) as { village: { id: string } };
  const { code } = (await call('township', { action: 'inviteCommittee', villageId: village.id }, TOWNSHIP)) as { code: string };
  await call('identity', { action: 'redeemInvite', code }, CLERK);
  const electionDay = addDays(shanghaiDateOf(app.clock.now()), 40);
  const posts = [{ post: 'director', seats: 1 }, { post: 'deputy', seats: 1 }, { post: 'member', seats: 3 }];
  const { election } = (await call('committee', { action: 'createElection', villageId: village.id, electionDay, posts }, CLERK)) as { election: { id: string } };
  const rng = seededRandom(7);
  const at = app.clock.now().toISOString();
  const drafts = Array.from({ length: NOMINEES }, (_, i) => {
    const sex = i % 2 ? 'F' : 'M';
    const spec = { electionId: election.id, villageId: village.id, name: syntheticName(rng, sex), sex, birthDate: birthDateForAge(rng, 30 + i, electionDay), group: '第一村民小组', category: 'A', status: 'registered', electionDay } as const;
    return draftVoter(spec, app.settings.idHmacKey, rng, at);
  });
  await writeVoters(app.store, drafts, at);
  const doc = await readDoc(app.store, 'election', election.id, electionDoc);
  return { election: doc!, nominees: drafts.map((d) => d.id) };
}

/** Ballot i: one director, one deputy, three members from the nominees; every 50th invalid (a paper form ruled so). */
function ballot(i: number, election: WithId<ElectionDoc>, nominees: readonly string[]): NominationDoc {
  const pick = (k: number) => nominees[(i * 7 + k * 13) % nominees.length]!;
  const names = { director: [pick(0)], deputy: [pick(1)], member: [pick(2), pick(3), pick(4)] };
  const hash = createHash('sha256').update(`ballot-${i}`).digest('hex');
  const paper = i % 50 === 0;
  return {
    electionId: election._id,
    villageId: election.villageId,
    voterId: `bv-${i}`,
    channel: paper ? 'paper' : 'app',
    valid: !paper || i % 100 !== 0,
    names,
    signature: null,
    paper: null,
    submittedAt: '2026-03-01T02:00:00.000Z',
    hash,
    keyId: 'bench',
    sig: 'bench',
    code: `code-${i}`,
    version: 1,
  };
}

/** The ballots with their audit entries, then the count shards they add up to (as the migration builds them). */
async function seedBallots(app: AppContext, election: WithId<ElectionDoc>, nominees: readonly string[], count: number): Promise<void> {
  const counted: Array<NominationDoc & { _id: string }> = [];
  for (let start = 0; start < count; start += SEED_TX) {
    const docs = Array.from({ length: Math.min(SEED_TX, count - start) }, (_, k) => ({ id: `nb-${String(start + k).padStart(6, '0')}`, data: ballot(start + k, election, nominees) }));
    await app.store.runTransaction(async (tx) => {
      await tx.insertMany('nomination', docs);
      await tx.insertMany(
        'audit',
        docs.map((d) => ({
          id: `ab-${d.id}`,
          data: { scope: election._id, seq: 0, action: SUBMIT_ACTION, actor: d.data.voterId, at: d.data.submittedAt, subject: d.id, data: { hash: d.data.hash, version: 1, channel: d.data.channel, valid: d.data.valid, names: d.data.names } },
        })),
      );
    });
    for (const d of docs) counted.push({ ...d.data, _id: d.id });
  }
  await app.store.runTransaction(async (tx) => {
    for (const shard of countsOf(election._id, counted)) await tx.set('nominationCount', countShardId(election._id, shard.shard), { ...shard });
  });
}

const ms = (started: number) => Math.round(performance.now() - started);

export async function benchTally(count = 100_000): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-tally-'));
  const local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'production', TOWNSHIP_ADMIN_OPENIDS: TOWNSHIP }, log: 'silent' });
  try {
    const app = local.app;
    const { election, nominees } = await electionWithNominees(app);
    let t = performance.now();
    await seedBallots(app, election, nominees, count);
    const seedMs = ms(t);
    const key = `tally.${count / 1000}k`;

    // closeNominations as the action runs it, up to the seal.
    const ctx = { ...app, openid: CLERK, requestId: 'tally-close' };
    const at = app.clock.now().toISOString();
    t = performance.now();
    const scope = await requireCommitteeElection(ctx, election._id);
    if (!scope.ok) throw new Error(`tally bench: ${scope.reason}`);
    const frozen = await freezeCount(ctx, scope.value, at);
    const selection = computeSelection(frozen, await candidateDocs(app.store, election._id), scope.value.rules);
    const totalMs = ms(t);

    t = performance.now();
    const sealed = await sealClose(app.store, frozen, 'tally-clerk', at);
    const sealMs = ms(t);

    t = performance.now();
    const recount = await recountFromAudit(app.store, election._id);
    const recountMs = ms(t);
    t = performance.now();
    const live = await liveCount(app.store, election._id);
    const liveMs = ms(t);

    const counted = await countFromShards(app.store, election._id);
    const frozenTally: BallotTally = {
      ballots: frozen.ballots,
      valid: frozen.valid,
      invalid: frozen.invalid,
      votes: new Map(frozen.posts.map((p) => [p.post, new Map(p.nominees.map((n) => [n.voterId, n.votes]))])),
    };
    const equal =
      sameTally(frozenTally, recount) && sameTally(counted.tally, recount) && sameTally(counted.tally, live.tally) && recount.ballots === count && sealed.merkle.leaves === live.tally.valid && selection.posts.length > 0;
    return {
      [`${key}.ms`]: totalMs,
      [`${key}.seal_ms`]: sealMs,
      [`${key}.recount_ms`]: recountMs,
      [`${key}.live_recount_ms`]: liveMs,
      [`${key}.equal`]: equal ? 1 : 0,
      [`${key}.shards`]: counted.shards,
      [`${key}.seed_ms`]: seedMs,
    };
  } finally {
    await local.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchTally(Number(process.argv[2] ?? 100_000))
    .then((f) => console.table(f))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
