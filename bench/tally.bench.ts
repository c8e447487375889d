/**
 * `tally.100k.*` in `npm run bench`: the count committee.closeNominations freezes, over 100,000
 * nomination ballots on the embedded store, against a full recount from the audit log.
 *
 * The ballots (and their audit entries) are written straight to the store in large
 * transactions — submitting 100,000 through the action would time the submissions, not the
 * count. The figures split what closeNominations computes from what it reads:
 * - tally.100k.ms: its whole computation before the closing transaction — liveCount (every
 *   ballot page read and checked, then tallied), the nominees' roll entries, the Merkle tree
 *   over the valid ballots' hashes and the tally hash;
 * - tally.100k.read_ms: reading and checking the ballot documents alone (eachBallot);
 * - tally.100k.compute_ms: the same computation over ballots already in memory (tallyBallots,
 *   nomineeRecords, merkleOf, tallyHashOf);
 * - tally.100k.recount_ms and tally.100k.equal: recountFromAudit and sameTally (1 = equal).
 * No running counter exists (ballot-count.ts: a counter every submission writes would be one
 * document all submissions contend on, ARCHITECTURE.md principle 7), so the count is the read.
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
import { eachBallot, liveCount, recountFromAudit } from '../server/use-cases/nominations/ballot-count.records';
import { merkleOf, nomineeRecords, tallyHashOf } from '../server/use-cases/nominations/nomination-close.records';
import { SUBMIT_ACTION } from '../server/use-cases/nominations/ballot.records';
import { electionDoc, type ElectionDoc } from '../src/contracts/documents/election-documents.schema';
import type { NominationDoc } from '../src/contracts/documents/nomination-documents.schema';
import type { Envelope } from '../src/contracts/envelope';
import { addDays, shanghaiDateOf } from '../src/domain/civil-date';
import { sameTally, tallyBallots } from '../src/domain/nomination-tally';
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

async function seedBallots(app: AppContext, election: WithId<ElectionDoc>, nominees: readonly string[], count: number): Promise<void> {
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
  }
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

    // closeNominations' computation (firstClose, before its transaction).
    t = performance.now();
    const live = await liveCount(app.store, election._id);
    await nomineeRecords(app.store, election, live.tally);
    const tree = merkleOf(live.validHashes);
    tallyHashOf(live.tally);
    const totalMs = ms(t);

    t = performance.now();
    const ballots: NominationDoc[] = [];
    await eachBallot(app.store, election._id, (b) => ballots.push(b));
    const readMs = ms(t);

    t = performance.now();
    const tally = tallyBallots(ballots.map((b) => ({ names: b.names, valid: b.valid })));
    await nomineeRecords(app.store, election, tally);
    merkleOf(ballots.filter((b) => b.valid).map((b) => b.hash));
    tallyHashOf(tally);
    const computeMs = ms(t);

    t = performance.now();
    const recount = await recountFromAudit(app.store, election._id);
    const recountMs = ms(t);
    const equal = sameTally(live.tally, recount) && sameTally(live.tally, tally) && recount.ballots === count && tree.leaves === live.tally.valid;
    return { [`${key}.ms`]: totalMs, [`${key}.read_ms`]: readMs, [`${key}.compute_ms`]: computeMs, [`${key}.recount_ms`]: recountMs, [`${key}.equal`]: equal ? 1 : 0, [`${key}.seed_ms`]: seedMs };
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
