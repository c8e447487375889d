/**
 * Committee membership (选举委员会成员): the seat's role, its term (the election it serves), the
 * link to the member's own roll entry, and revocation. Everything here works inside a
 * transaction by document id (CloudBase allows nothing else there).
 *
 * Term rule: a member redeemed while the village has a current election (meta/activeElection)
 * serves that election; one redeemed before any election gets the term when the village's next
 * election is created (startTerms, in createElection's transaction). A member still without a
 * term (a legacy document, or a redemption racing the creation) serves the village's current
 * election when asked. The term ends when its election is closed.
 */
import type { ErrorCode } from '../../../src/contracts/envelope';
import { committeeVoterLinkDoc, electionDoc, memberDoc, type ElectionDoc, type MemberDoc } from '../../../src/contracts/documents/election-documents.schema';
import { err, type Result } from '../../../src/domain/result';
import type { TxOps } from '../../ports/store.port';
import { readDoc, type WithId } from '../../runtime/documents';
import { keyedHash } from '../../security/keyed-hash';

export const memberId = (villageId: string, openid: string) => `${villageId}:${openid}`;
/** meta/activeElection:{villageId}: the claim createElection writes (one current election per village). */
export const activeElectionClaimId = (villageId: string) => `activeElection:${villageId}`;
export const committeeVoterLinkId = (voterId: string) => `committeeVoter:${voterId}`;

/** The audit actor id of an openid; also the member's opaque reference on the wire. */
export function memberRefOf(hmacKey: string, openid: string): string {
  return `wx:${keyedHash(hmacKey, 'actor', openid).slice(0, 16)}`;
}

export interface Term {
  readonly election: WithId<ElectionDoc> | null;
  readonly ended: boolean;
}

/** The election a member serves and whether that term is over. `known`: an election already read. */
export async function resolveTerm(ops: TxOps, m: MemberDoc, known?: WithId<ElectionDoc>): Promise<Term> {
  let electionId = m.termElectionId;
  if (electionId === null) {
    const claim = await ops.get<{ electionId?: unknown }>('meta', activeElectionClaimId(m.villageId));
    electionId = typeof claim?.electionId === 'string' ? claim.electionId : null;
  }
  if (electionId === null) return { election: null, ended: false };
  const election = known && known._id === electionId ? known : await readDoc(ops, 'election', electionId, electionDoc);
  return { election, ended: election?.status === 'closed' };
}

/** Why this member may not act for the committee now, or null when they may. */
export async function membershipRefusal(ops: TxOps, m: MemberDoc, known?: WithId<ElectionDoc>): Promise<Result<never, ErrorCode> | null> {
  if (m.status === 'revoked') {
    return m.revokeReason === 'CANDIDATE'
      ? err('FORBIDDEN', 'MEMBER_REVOKED', '您已被提名为候选人，按规定不再担任选举委员会成员，不能再做这件事')
      : err('FORBIDDEN', 'MEMBER_REVOKED', '您的选举委员会成员资格已被乡镇撤销，不能再做这件事。如有疑问，请联系乡镇（街道）');
  }
  if ((await resolveTerm(ops, m, known)).ended) {
    return err('FORBIDDEN', 'TERM_ENDED', '您在选举委员会的任期已随那一届选举结束。如需继续工作，请向乡镇（街道）申请新的邀请码');
  }
  return null;
}

/** Writes the whole document, so a legacy document read through the schema is stored upgraded. */
export function writeMember(tx: TxOps, id: string, m: MemberDoc): Promise<void> {
  const { openid, villageId, role, joinedAt, termElectionId, voterId, status, revokedAt, revokedBy, revokeReason, revokeNote } = m;
  return tx.set('member', id, { openid, villageId, role, joinedAt, termElectionId, voterId, status, revokedAt, revokedBy, revokeReason, revokeNote });
}

/** Links a member to their roll entry (both ways: the member names the voter, meta names the member). */
export async function linkMemberToVoter(tx: TxOps, id: string, m: MemberDoc, voterId: string): Promise<void> {
  if (m.voterId === voterId) return;
  await writeMember(tx, id, { ...m, voterId });
  await tx.set('meta', committeeVoterLinkId(voterId), { memberId: id, villageId: m.villageId });
}

/**
 * identity.bind's hook: a committee member of the voter's village who binds their WeChat is
 * linked to that entry. One read by id inside the bind transaction; a write only for members.
 */
export async function linkOnBind(tx: TxOps, p: { villageId: string; openid: string; voterId: string }): Promise<void> {
  const id = memberId(p.villageId, p.openid);
  const m = await readDoc(tx, 'member', id, memberDoc);
  if (m && m.status === 'active') await linkMemberToVoter(tx, id, m, p.voterId);
}

/** The member linked to a roll entry, read by id (inside a transaction). */
export async function memberOfVoter(tx: TxOps, voterId: string): Promise<WithId<MemberDoc> | null> {
  const link = await readDoc(tx, 'meta', committeeVoterLinkId(voterId), committeeVoterLinkDoc);
  return link ? readDoc(tx, 'member', link.memberId, memberDoc) : null;
}

export interface Revocation {
  readonly at: string;
  readonly by: string;
  readonly reason: 'TOWNSHIP' | 'CANDIDATE';
  readonly note: string | null;
}

export function revokeMemberInTx(tx: TxOps, id: string, m: MemberDoc, r: Revocation): Promise<void> {
  return writeMember(tx, id, { ...m, status: 'revoked', revokedAt: r.at, revokedBy: r.by, revokeReason: r.reason, revokeNote: r.note });
}

/**
 * createElection's hook: the village's active members still without a term start serving the
 * new election. `candidateIds` come from a query before the transaction; each is re-read here.
 */
export async function startTerms(tx: TxOps, candidateIds: readonly string[], electionId: string): Promise<number> {
  let started = 0;
  for (const id of candidateIds) {
    const m = await readDoc(tx, 'member', id, memberDoc);
    if (!m || m.status !== 'active' || m.termElectionId !== null) continue;
    await writeMember(tx, id, { ...m, termElectionId: electionId });
    started++;
  }
  return started;
}
