/**
 * STAND-IN for the `members` branch's hook of the same path and signature (delete at merge, take
 * theirs). RULES.md §2: a member of the election committee who is nominated as a candidate leaves
 * the committee at once. Reads the member linked to the roll entry (meta/committeeVoter:{voterId},
 * written by the members branch) and removes the membership, in the caller's transaction.
 */
import { appendAudit } from '../../audit/audit-log';
import type { TxOps } from '../../ports/store.port';

export interface CandidacyEvent {
  readonly villageId: string;
  readonly electionId: string;
  readonly voterId: string;
  readonly at: string;
  readonly actor: string;
}

export async function leaveCommitteeOnCandidacy(tx: TxOps, e: CandidacyEvent): Promise<{ revokedMemberId: string | null }> {
  const link = await tx.get('meta', `committeeVoter:${e.voterId}`);
  if (!link || typeof link.memberId !== 'string' || link.villageId !== e.villageId) return { revokedMemberId: null };
  if (!(await tx.get('member', link.memberId))) return { revokedMemberId: null };
  await tx.remove('member', link.memberId);
  await appendAudit(tx, { scope: `village:${e.villageId}`, action: 'committee.leaveOnCandidacy', actor: e.actor, at: e.at, subject: e.voterId, data: { electionId: e.electionId } });
  return { revokedMemberId: link.memberId };
}
