/**
 * Stored member → the township's wire view: role, term, status, the linked voter as name and
 * group only (never the openid, ID or phone number).
 */
import type { CommitteeMemberView } from '../../../src/contracts/township.contract';
import { MEMBER_ROLE_LABELS, REVOKE_REASON_LABELS } from '../../../src/contracts/labels';
import { type MemberDoc } from '../../../src/contracts/documents/election-documents.schema';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { TxOps } from '../../ports/store.port';
import { readDoc } from '../../runtime/documents';
import { memberRefOf, resolveTerm } from './membership.records';

const ROLE_ORDER = { director: 0, member: 1, clerk: 2 } as const;

export async function memberView(ops: TxOps, hmacKey: string, m: MemberDoc): Promise<CommitteeMemberView> {
  const [term, voter] = await Promise.all([resolveTerm(ops, m), m.voterId ? readDoc(ops, 'voter', m.voterId, voterDoc) : Promise.resolve(null)]);
  return {
    ref: memberRefOf(hmacKey, m.openid),
    role: m.role,
    roleLabel: MEMBER_ROLE_LABELS[m.role],
    joinedAt: m.joinedAt,
    status: m.status,
    term: term.election ? { electionId: term.election._id, title: term.election.title, ended: term.ended } : null,
    voter: voter ? { name: voter.name, group: voter.group } : null,
    revoked:
      m.status === 'revoked' && m.revokedAt && m.revokeReason
        ? { at: m.revokedAt, reason: m.revokeReason, reasonLabel: REVOKE_REASON_LABELS[m.revokeReason], note: m.revokeNote }
        : null,
  };
}

/** Serving members first, then by seat (主任, 委员, 办事员), then oldest first. */
export function compareMemberViews(a: CommitteeMemberView, b: CommitteeMemberView): number {
  const live = (v: CommitteeMemberView) => (v.status === 'active' && !v.term?.ended ? 0 : 1);
  return live(a) - live(b) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.joinedAt.localeCompare(b.joinedAt) || a.ref.localeCompare(b.ref);
}
