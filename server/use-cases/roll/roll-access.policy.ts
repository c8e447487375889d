/**
 * Named predicates of the roll actions: which election, whether the caller is its committee,
 * and whether the list may still change outside the objection procedure.
 */
import type { ErrorCode } from '../../../src/contracts/envelope';
import { electionDoc, villageDoc, type ElectionDoc, type VillageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { latestVoterListPublication } from '../../../src/domain/calendar';
import { compareCivil, shanghaiDateOf, type CivilDate } from '../../../src/domain/civil-date';
import type { RuleSet } from '../../../src/domain/presets/types';
import { err, ok, type Result } from '../../../src/domain/result';
import type { TxOps } from '../../ports/store.port';
import type { CallContext } from '../../runtime/context';
import { readDoc, type WithId } from '../../runtime/documents';
import { requireCommittee } from '../shared/access.policy';
import { rulesOf } from '../shared/election.view';

export interface ElectionScope {
  readonly election: WithId<ElectionDoc>;
  readonly village: WithId<VillageDoc>;
  readonly rules: RuleSet;
  readonly now: Date;
  readonly today: CivilDate;
}

async function scopeOf(ctx: CallContext, election: WithId<ElectionDoc>): Promise<ElectionScope> {
  const village = await readDoc(ctx.store, 'village', election.villageId, villageDoc);
  if (!village) throw new Error(`election ${election._id} lost its village`);
  const now = ctx.clock.now();
  return { election, village, rules: rulesOf(election), now, today: shanghaiDateOf(now) };
}

export async function loadElection(ctx: CallContext, electionId: string): Promise<Result<ElectionScope, ErrorCode>> {
  const election = await readDoc(ctx.store, 'election', electionId, electionDoc);
  if (!election) return err('NOT_FOUND', 'ELECTION_UNKNOWN', '没有找到这场选举');
  return ok(await scopeOf(ctx, election));
}

/** The election, provided the caller is a member of its village's election committee. */
export async function loadCommitteeElection(ctx: CallContext, electionId: string): Promise<Result<ElectionScope, ErrorCode>> {
  const election = await readDoc(ctx.store, 'election', electionId, electionDoc);
  // Same answer for "no such election" and "not yours" would hide typos from clerks; the id is not secret.
  if (!election) return err('NOT_FOUND', 'ELECTION_UNKNOWN', '没有找到这场选举');
  const member = await requireCommittee(ctx, election.villageId, election);
  if (!member.ok) return member;
  return ok(await scopeOf(ctx, election));
}

export const electionClosed = () => err('WINDOW_CLOSED', 'ELECTION_CLOSED', '这场选举已经结束，登记信息不能再修改');

export const requireActiveElection = (election: ElectionDoc): Result<true, ErrorCode> => (election.status === 'active' ? ok(true) : electionClosed());

/** meta/voterList:{electionId}: written once by committee.publishVoterList (the freeze claim). */
export const voterListFreezeId = (electionId: string) => `voterList:${electionId}`;

/**
 * meta/rollVersion:{electionId} — a counter that every transaction changing the roll's entries
 * (who is on it, names, groups) increments. committee.publishVoterList reads it before it
 * queries the registered voters and writes it in its own transaction: a roll change committed
 * in between is seen (the publication starts over), and a roll change running concurrently
 * writes the same document, so on CloudBase's snapshot isolation one of the two is aborted
 * and retried instead of both committing (no write skew; store.port.ts).
 */
export const rollVersionId = (electionId: string) => `rollVersion:${electionId}`;

export async function readRollVersion(ops: TxOps, electionId: string): Promise<number> {
  const doc = await ops.get<{ value?: unknown }>('meta', rollVersionId(electionId));
  return typeof doc?.value === 'number' ? doc.value : 0;
}

/**
 * Rewrites the version a check was made against, unchanged, inside the checking transaction: on
 * CloudBase a concurrent roll change then conflicts with it instead of slipping past.
 */
export async function writeRollVersion(tx: TxOps, electionId: string, value: number): Promise<void> {
  await tx.set('meta', rollVersionId(electionId), { value });
}

/** Marks the roll as changed, inside the transaction that changes it. */
export async function bumpRollVersion(tx: TxOps, electionId: string): Promise<number> {
  const next = (await readRollVersion(tx, electionId)) + 1;
  await tx.set('meta', rollVersionId(electionId), { value: next });
  return next;
}

/**
 * 选民名单已公布: from publication on, the list changes only through objections and their
 * published decisions (RULES.md §1). Read through `tx` so a publication racing a change is seen.
 */
export async function isVoterListPublished(ops: TxOps, election: WithId<ElectionDoc>): Promise<boolean> {
  if (election.voterListPublishedOn !== null) return true;
  return (await ops.get('meta', voterListFreezeId(election._id))) !== null;
}

export const listPublishedError = () =>
  err('WINDOW_CLOSED', 'LIST_PUBLISHED', '选民名单已经公布，名单不能再直接修改；如有错漏，请通过申诉处理');

/**
 * The list is still open to changes outside objections: the election is active and its list
 * unpublished. Reads the election through `ops` (inside a transaction: the current state).
 */
export async function requireListOpen(ops: TxOps, electionId: string): Promise<Result<WithId<ElectionDoc>, ErrorCode>> {
  const election = await readDoc(ops, 'election', electionId, electionDoc);
  if (!election) return err('NOT_FOUND', 'ELECTION_UNKNOWN', '没有找到这场选举');
  if (election.status !== 'active') return electionClosed();
  if (await isVoterListPublished(ops, election)) return listPublishedError();
  return ok(election);
}

/**
 * A villager's own registration acts (a migrant declaring, a resident applying) are open until
 * the list is published, and never after the last lawful publication day (E − N).
 */
export async function requireRegistrationOpen(ops: TxOps, electionId: string, rules: RuleSet | null, today: CivilDate): Promise<Result<WithId<ElectionDoc>, ErrorCode>> {
  const open = await requireListOpen(ops, electionId);
  if (!open.ok) {
    return open.reason === 'LIST_PUBLISHED'
      ? err('WINDOW_CLOSED', 'LIST_PUBLISHED', '选民名单已经公布，登记已经截止；如认为应当列入名单，可以在申诉期内提出申诉')
      : open;
  }
  // null: the caller has not read the election yet; its own rule set applies.
  const last = latestVoterListPublication(open.value.electionDay, rules ?? rulesOf(open.value));
  if (compareCivil(today, last) > 0) return err('WINDOW_CLOSED', 'REGISTRATION_CLOSED', `选民登记已于${last}截止`);
  return open;
}

/**
 * requireRegistrationOpen on an election already read inside the caller's transaction, without
 * the freeze document: publication sets voterListPublishedOn in the same transaction that writes
 * the freeze (publish-voter-list), so within one snapshot the two always agree and the second
 * read would be billed for nothing. A publication racing the caller is caught by the roll version
 * both write (bumpRollVersion), not by this check.
 */
export function registrationOpenIn(election: WithId<ElectionDoc>, rules: RuleSet, today: CivilDate): Result<WithId<ElectionDoc>, ErrorCode> {
  if (election.status !== 'active') return electionClosed();
  if (election.voterListPublishedOn !== null) {
    return err('WINDOW_CLOSED', 'LIST_PUBLISHED', '选民名单已经公布，登记已经截止；如认为应当列入名单，可以在申诉期内提出申诉');
  }
  const last = latestVoterListPublication(election.electionDay, rules);
  if (compareCivil(today, last) > 0) return err('WINDOW_CLOSED', 'REGISTRATION_CLOSED', `选民登记已于${last}截止`);
  return ok(election);
}
