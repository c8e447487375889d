/**
 * RULES.md §2: a member of the election committee who is nominated as a candidate leaves the
 * committee at once (loses committee rights; the committee fills the seat). Nominations call
 * this inside the transaction that records the candidacy, so both commit together.
 *
 * Only the active member linked to that roll entry (meta/committeeVoter:{voterId}) is revoked;
 * reads and writes are by id, as CloudBase transactions require.
 */
import { appendAudit } from '../../audit/audit-log';
import type { TxOps } from '../../ports/store.port';
import { memberOfVoter, revokeMemberInTx } from './membership.records';

export interface CandidacyEvent {
  readonly villageId: string;
  readonly electionId: string;
  /** The nominee's roll entry. */
  readonly voterId: string;
  /** ISO instant from the Clock port. */
  readonly at: string;
  /** Audit actor of whoever recorded the candidacy (or 'system'). */
  readonly actor: string;
}

/** Returns the revoked member's document id, or null when the nominee holds no active seat here. */
export async function leaveCommitteeOnCandidacy(tx: TxOps, e: CandidacyEvent): Promise<{ revokedMemberId: string | null }> {
  const m = await memberOfVoter(tx, e.voterId);
  if (!m || m.status !== 'active' || m.villageId !== e.villageId) return { revokedMemberId: null };
  await revokeMemberInTx(tx, m._id, m, { at: e.at, by: e.actor, reason: 'CANDIDATE', note: null });
  await appendAudit(tx, {
    scope: `village:${e.villageId}`,
    action: 'committee.leaveOnCandidacy',
    actor: e.actor,
    at: e.at,
    subject: e.voterId,
    data: { electionId: e.electionId, role: m.role },
  });
  return { revokedMemberId: m._id };
}
