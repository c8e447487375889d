/**
 * What every nomination action loads: the caller's roll entry and election (voter side), the
 * nominees named on a ballot with their eligibility, and the views a villager sees of a person
 * (name, group, sex, birth year — never an ID digit, RULES.md §7).
 */
import type { ErrorCode } from '../../../src/contracts/envelope';
import type { NomineeView } from '../../../src/contracts/nomination.contract';
import { type ElectionDoc } from '../../../src/contracts/documents/election-documents.schema';
import { voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { POST_LABELS, POST_ORDER, checkBallotShape, nomineeEligibility, type BallotNames, type PostSeats } from '../../../src/domain/nomination-ballot';
import type { RuleSet } from '../../../src/domain/presets/types';
import { err, ok, type Result } from '../../../src/domain/result';
import type { Store, TxOps } from '../../ports/store.port';
import type { CallContext } from '../../runtime/context';
import type { WithId } from '../../runtime/documents';
import { requireBoundVoter, requireBoundVoterWith, type LeanVoterScope, type VoterScope } from '../shared/election-access.policy';

export const nominationId = (electionId: string, voterId: string): string => `${electionId}:${voterId}`;
export const closeId = (electionId: string): string => `nominationClose:${electionId}`;
export const merkleChunkId = (electionId: string, index: number): string => `merkle:${electionId}:${index}`;
export const candidateId = (electionId: string, voterId: string): string => `${electionId}:${voterId}`;

export function nomineeView(v: WithId<VoterDoc>): NomineeView {
  return { voterId: v._id, name: v.name, group: v.group, sex: v.sex, birthYear: Number(v.birthDate.slice(0, 4)) };
}

export const postsOf = (election: ElectionDoc): PostSeats[] =>
  POST_ORDER.flatMap((post) => election.posts.filter((p) => p.post === post).map((p) => ({ post, seats: p.seats })));

/** The caller may nominate in this election: it is theirs and they are registered on its roll. */
function mayNominate<S extends { election: { _id: string }; voter: { status: string } }>(scope: S, electionId?: string): Result<S, ErrorCode> {
  if (electionId && electionId !== scope.election._id) return err('NOT_FOUND', 'ELECTION_GONE', '这场选举不是您登记的选举');
  if (scope.voter.status !== 'registered') return err('NOT_ELIGIBLE', 'NOT_REGISTERED', '您还不是本届登记的选民，不能提名');
  return ok(scope);
}

/** The bound caller, registered on the roll of their election (only registered voters nominate). */
export async function nominatingVoter(ctx: CallContext, electionId?: string): Promise<Result<VoterScope, ErrorCode>> {
  const scope = await requireBoundVoter(ctx);
  return scope.ok ? mayNominate(scope.value, electionId) : scope;
}

/**
 * nominatingVoter for a ballot: the nominees read in the same batched read as the caller's own
 * entry (`others`), and no village (a ballot needs only the election's villageId) — binding,
 * entries, election: three reads where four and a batch were.
 */
export async function nominatingVoterWith(ctx: CallContext, electionId: string | undefined, nomineeIds: readonly string[]): Promise<Result<LeanVoterScope, ErrorCode>> {
  const scope = await requireBoundVoterWith(ctx, nomineeIds);
  return scope.ok ? mayNominate(scope.value, electionId) : scope;
}

/** Every id named on a ballot, in post order (repeats kept: checkBallotShape refuses them). */
export const namedIds = (names: BallotNames): string[] => Object.values(names).flatMap((l) => l ?? []);

/** Roll entries by id: one batched read where the store offers it (Store.getMany), else one read each (inside a transaction). */
export async function readVoters(ops: TxOps | Store, ids: readonly string[]): Promise<Map<string, WithId<VoterDoc>>> {
  const unique = [...new Set(ids)];
  const docs = 'getMany' in ops ? [...(await ops.getMany('voter', unique)).values()] : await Promise.all(unique.map((id) => ops.get('voter', id)));
  const out = new Map<string, WithId<VoterDoc>>();
  for (const d of docs) if (d) out.set(d._id, { ...voterDoc.parse(d), _id: d._id });
  return out;
}

/** Every named nominee may stand (the shape already checked), with the nominee's name in the refusal. */
function checkNominees(names: BallotNames, election: WithId<ElectionDoc>, rules: RuleSet, nominees: ReadonlyMap<string, WithId<VoterDoc>>): Result<ReadonlyMap<string, WithId<VoterDoc>>, ErrorCode> {
  const scope = { id: election._id, villageId: election.villageId, electionDay: election.electionDay };
  for (const id of namedIds(names)) {
    const check = nomineeEligibility(nominees.get(id) ?? null, scope, rules);
    if (!check.ok) {
      const who = nominees.get(id);
      return who && check.message ? err(check.code, check.reason, `${who.name}：${check.message}`) : check;
    }
  }
  return ok(nominees);
}

/** Shape (seats, duplicates) and every nominee's eligibility, the nominees already read. */
export function checkBallotOf(
  names: BallotNames,
  election: WithId<ElectionDoc>,
  rules: RuleSet,
  nominees: ReadonlyMap<string, WithId<VoterDoc>>,
): Result<ReadonlyMap<string, WithId<VoterDoc>>, ErrorCode> {
  const shape = checkBallotShape(names, postsOf(election));
  return shape.ok ? checkNominees(names, election, rules, nominees) : shape;
}

/** The same, with the nominees read once and only after the shape passed. */
export async function checkBallot(
  ops: TxOps | Store,
  names: BallotNames,
  election: WithId<ElectionDoc>,
  rules: RuleSet,
): Promise<Result<ReadonlyMap<string, WithId<VoterDoc>>, ErrorCode>> {
  const shape = checkBallotShape(names, postsOf(election));
  if (!shape.ok) return shape;
  return checkNominees(names, election, rules, await readVoters(ops, namedIds(names)));
}

export interface PostLine {
  post: PostSeats['post'];
  label: string;
  seats: number;
  names: NomineeView[];
}

/** The ballot as the voter sees it: every post of the election with the people named for it. */
export function postLines(names: BallotNames, election: ElectionDoc, nominees: ReadonlyMap<string, WithId<VoterDoc>>): PostLine[] {
  return postsOf(election).map(({ post, seats }) => ({
    post,
    label: POST_LABELS[post],
    seats,
    names: (names[post] ?? []).flatMap((id) => {
      const v = nominees.get(id);
      return v ? [nomineeView(v)] : [];
    }),
  }));
}
