/**
 * Demo nominations (generated, never real): in the nomination phase a few hundred signed ballots
 * so far; from the candidate phase on, the ballots of the whole window, closed by the committee
 * through the real action (initial and formal candidates, Merkle root). Ballots are written by the
 * same ballot writer as nominations.submit (hash, signature, receipt, audit), so the pages and the
 * receipt check see exactly what a real submission leaves.
 */
import { candidate } from '../../src/contracts';
import type { ElectionPhase } from '../../src/domain/calendar';
import { addDays, endOfShanghaiDay, startOfShanghaiDay, type CivilDate } from '../../src/domain/civil-date';
import { plannedTarget } from '../../src/domain/formal-candidates';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import { committeeRoutes } from '../functions/committee.routes';
import type { AppContext, CallContext } from '../runtime/context';
import { dispatch } from '../runtime/dispatch';
import type { RandomSource } from '../security/keyed-hash';
import { recordBallot } from '../use-cases/nominations/ballot.records';
import { storeSignature } from '../use-cases/shared/signature-file.records';
import type { DraftVoter } from './voter-factory';

const AFTER_WINDOW: readonly ElectionPhase[] = ['candidates', 'campaign', 'electionDay', 'closed'];

/** A wobbly hand-written stroke pair, different per voter. */
function strokes(rng: RandomSource): { width: number; height: number; strokes: number[][] } {
  const line = (x0: number) => Array.from({ length: 12 }, (_, i) => [x0 + i * 8, 40 + rng.int(40)]).flat();
  return { width: 320, height: 120, strokes: [line(20 + rng.int(20)), line(140 + rng.int(20))] };
}

/** Weighted pick: earlier nominees get more votes, as in a real count. */
const pick = (rng: RandomSource, pool: readonly DraftVoter[]) => pool[Math.min(pool.length - 1, Math.floor(Math.abs(rng.int(pool.length) - rng.int(pool.length))))]!;

export function demoWindow(electionDay: CivilDate): { opensOn: CivilDate; closesOn: CivilDate } {
  return { opensOn: addDays(electionDay, -11), closesOn: addDays(electionDay, -8) };
}

type Names = { director: string[]; deputy: string[]; member: string[] };

/**
 * Votes needed to bring the first nominee below the 副主任 cut line level with the last one above
 * it, so that the open window already holds a tie the committee must resolve when it closes
 * (RULES.md §3: never broken silently). Null when the preset's target is not reached.
 */
function deputyTie(nominees: readonly DraftVoter[], votes: ReadonlyMap<string, number>, target: number): { voterId: string; missing: number } | null {
  const ranked = nominees.map((n) => ({ id: n.id, votes: votes.get(n.id) ?? 0 })).sort((a, b) => b.votes - a.votes);
  const last = ranked[target - 1];
  const first = ranked[target];
  return last && first ? { voterId: first.id, missing: last.votes - first.votes } : null;
}

export async function seedNominations(app: AppContext, s: { electionId: string; villageId: string; electionDay: CivilDate; presetId: string; phase: ElectionPhase; voters: readonly DraftVoter[]; committeeOpenid: string; rng: RandomSource }): Promise<number> {
  if (s.phase !== 'nomination' && !AFTER_WINDOW.includes(s.phase)) return 0;
  const { opensOn, closesOn } = demoWindow(s.electionDay);
  const registered = s.voters.filter((v) => v.doc.status === 'registered');
  const adults = registered.filter((v) => Number(v.doc.birthDate.slice(0, 4)) < Number(s.electionDay.slice(0, 4)) - 25);
  const nominees = { director: adults.slice(10, 14), deputy: adults.slice(20, 31), member: adults.slice(40, 64) };
  const closed = AFTER_WINDOW.includes(s.phase);
  const count = closed ? Math.floor(registered.length * 0.6) : Math.floor(registered.length * 0.15);
  const from = startOfShanghaiDay(opensOn).getTime();
  const until = Math.min(endOfShanghaiDay(closesOn).getTime(), app.clock.now().getTime()) - 60_000;
  const ctx: CallContext = { ...app, openid: null, requestId: 'seed' };
  const deputyVotes = new Map<string, number>();
  const write = async (v: DraftVoter, names: Names): Promise<void> => {
    const submittedAt = new Date(from + s.rng.int(Math.max(1, Math.floor((until - from) / 1000))) * 1000).toISOString();
    const signature = await storeSignature(app, { villageId: s.villageId, electionId: s.electionId, voterId: v.id }, strokes(s.rng));
    const r = await recordBallot(ctx, { content: { electionId: s.electionId, voterId: v.id, channel: 'app', valid: true, names, signatureDigest: signature.digest, scanRef: null, submittedAt }, villageId: s.villageId, signature, paper: null, actor: 'system', resubmission: 'replace' });
    if (!r.ok) throw new Error(`demo ballot refused: ${r.reason}`);
    for (const id of names.deputy) deputyVotes.set(id, (deputyVotes.get(id) ?? 0) + 1);
  };
  const randomNames = (): Names => {
    const member = [...new Set([pick(s.rng, nominees.member), pick(s.rng, nominees.member), pick(s.rng, nominees.member)].map((n) => n.id))];
    return { director: [pick(s.rng, nominees.director).id], deputy: [pick(s.rng, nominees.deputy).id], member };
  };
  // Personas (first entries) keep no ballot, so the demo villager can nominate.
  for (const v of registered.slice(5, 5 + count)) await write(v, randomNames());
  if (s.phase === 'nomination') {
    const rules = resolveRuleSet(s.presetId, 'village', s.electionDay);
    const tie = rules.ok ? deputyTie(nominees.deputy, deputyVotes, plannedTarget('deputy', 1, undefined, rules.value).target) : null;
    for (const v of registered.slice(5 + count, 5 + count + (tie?.missing ?? 0))) await write(v, { ...randomNames(), deputy: [tie!.voterId] });
  }
  if (closed) {
    const reply = await dispatch('committee', committeeRoutes, { action: candidate.closeNominations.action, electionId: s.electionId }, { ...app, openid: s.committeeOpenid, requestId: 'seed-close' });
    if (!reply.ok) throw new Error(`demo close refused: ${reply.code} ${reply.reason ?? ''}`);
  }
  return count;
}
