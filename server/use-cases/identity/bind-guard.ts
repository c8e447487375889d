/**
 * Guessing limits of identity.bind, per WeChat user and per entry (issue #10): a user's wrong
 * tries lock that user for a while (`bindAttempt/{openid}`); wrong tries at one ID number, from
 * any users, lock the entry until the committee unlocks it (committee.unlockBinding). The entry
 * counter lives on each roll entry of that number (voter.bindFailures); a number with no entry
 * gets a counter of its own (`bindAttempt/id:{idHash}`) that counts and locks the same way, so
 * neither the count nor the lock tells a caller whether the number is on a roll.
 *
 * Every counter is read and written inside the bind transaction and is its own document, so
 * racing guesses at one entry contend on that entry only, never on the election.
 */
import { bindAttemptDoc, voterDoc, type BindAttemptDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { TxOps } from '../../ports/store.port';
import { readDoc, type WithId } from '../../runtime/documents';

/** bindAttempt/id:{idHash}: the counter of an ID number without a roll entry. */
const unlistedGuardId = (idHash: string) => `id:${idHash}`;

interface BindLimits {
  readonly userMax: number;
  readonly userLockMinutes: number;
  readonly entryMax: number;
}

/** The per-entry side of one try: the entries of the number, or its own counter when it has none. */
interface EntryGuard {
  readonly entries: ReadonlyArray<WithId<VoterDoc>>;
  readonly unlisted: WithId<BindAttemptDoc> | null;
  readonly unlistedId: string;
}

export async function readEntryGuard(tx: TxOps, idHash: string, candidateIds: readonly string[]): Promise<EntryGuard> {
  const entries: WithId<VoterDoc>[] = [];
  for (const id of candidateIds) {
    const v = await readDoc(tx, 'voter', id, voterDoc);
    // Re-checked: the query before the transaction may be stale.
    if (v && v.idHash === idHash) entries.push(v);
  }
  const unlistedId = unlistedGuardId(idHash);
  const unlisted = entries.length ? null : await readDoc(tx, 'bindAttempt', unlistedId, bindAttemptDoc);
  return { entries, unlisted, unlistedId };
}

export const entryLocked = (g: EntryGuard): boolean =>
  g.entries.length ? g.entries.some((v) => Boolean(v.bindLockedAt)) : Boolean(g.unlisted?.lockedAt);

const entryFailures = (g: EntryGuard): number =>
  g.entries.length ? Math.max(...g.entries.map((v) => v.bindFailures ?? 0)) : (g.unlisted?.failures ?? 0);

export type MissOutcome =
  | { readonly kind: 'entryLocked' }
  | { readonly kind: 'userLocked'; readonly lockedUntil: string }
  | { readonly kind: 'mismatch'; readonly remaining: number };

/**
 * One wrong try counted against the user (`bindAttempt/{attemptId}`): a lock that expired starts a
 * fresh count; reaching `max` locks for `lockMinutes` and resets the count. Returns the count
 * including this try and the lock's end (null when not locked).
 */
export async function countUserMiss(
  tx: TxOps,
  p: { attemptId: string; attempt: { readonly failures: number; readonly lockedUntil: string | null } | null; max: number; lockMinutes: number; now: Date },
): Promise<{ failures: number; lockedUntil: string | null }> {
  const failures = (p.attempt && !p.attempt.lockedUntil ? p.attempt.failures : 0) + 1;
  const lockedUntil = failures >= p.max ? new Date(p.now.getTime() + p.lockMinutes * 60_000).toISOString() : null;
  await tx.set('bindAttempt', p.attemptId, { failures: lockedUntil ? 0 : failures, lockedUntil, lastAt: p.now.toISOString() });
  return { failures, lockedUntil };
}

/** Counts one wrong try against the user and the entry, in the transaction that found no match. */
export async function countMiss(
  tx: TxOps,
  p: { openid: string; attempt: BindAttemptDoc | null; guard: EntryGuard; limits: BindLimits; now: Date },
): Promise<MissOutcome> {
  const { openid, attempt, guard, limits, now } = p;
  const at = now.toISOString();
  const { failures: userFailures, lockedUntil: userLockedUntil } = await countUserMiss(tx, { attemptId: openid, attempt, max: limits.userMax, lockMinutes: limits.userLockMinutes, now });

  const failures = entryFailures(guard) + 1;
  const lockedAt = failures >= limits.entryMax ? at : null;
  if (guard.entries.length) {
    for (const v of guard.entries) await tx.update('voter', v._id, { bindFailures: failures, bindLockedAt: lockedAt });
  } else {
    await tx.set('bindAttempt', guard.unlistedId, { failures, lockedUntil: null, lastAt: at, lockedAt });
  }
  if (lockedAt) return { kind: 'entryLocked' };
  if (userLockedUntil) return { kind: 'userLocked', lockedUntil: userLockedUntil };
  return { kind: 'mismatch', remaining: Math.min(limits.userMax - userFailures, limits.entryMax - failures) };
}
