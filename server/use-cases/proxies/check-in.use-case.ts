/**
 * committee.checkIn — election day (选举日) at the polling place: a clerk records a voter who came
 * in person, or issues a principal's ballot to their proxy on the 委托投票证 (scanned QR, or the
 * number printed on it typed in) or by looking the principal up. Each voter's ballot is
 * ballotIssue/{electionId}:{voterId}, written once by whichever comes first, so an in-person vote and a proxy's use cannot both happen.
 * A retry of the same request on a weak network (same client requestId) gets its first answer
 * back from the dispatcher's idempotency (server/runtime/idempotency.ts), never a refusal.
 *
 * Outcomes:
 * - ok recorded: the voter came in person · proxyVoided: they came in person and their approved
 *   proxy is void (RULES.md §4 "voting in person voids the proxy") · ballotIssued: the proxy
 *   received the principal's ballot (the authorization is used)
 * - FORBIDDEN NOT_COMMITTEE · NOT_FOUND ELECTION_UNKNOWN | VOTER_UNKNOWN (not registered on this
 *   roll) | NO_SUCH_CERTIFICATE (genuine but unknown, a number never issued, or no approved
 *   proxy for that voter)
 * - WINDOW_CLOSED NOT_ELECTION_DAY (Asia/Shanghai) · INVALID_INPUT BAD_CERTIFICATE (not signed by
 *   this deployment's key)
 * - CONFLICT ALREADY_CHECKED_IN (came in person already) | ALREADY_USED (the proxy already took the
 *   ballot) | PRINCIPAL_VOTED_IN_PERSON | NOT_APPROVED (the authorization is not approved)
 */
import type { checkIn } from '../../../src/contracts/proxy-committee.contract';
import type { ParsedInputOf } from '../../../src/contracts/define-action';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { ballotIssueDoc, proxyCertificateIndexDoc, type BallotIssueDoc, type ProxyDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import { type ElectionDoc } from '../../../src/contracts/documents/election-documents.schema';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { shanghaiDateOf } from '../../../src/domain/civil-date';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { TxOps } from '../../ports/store.port';
import type { CallContext } from '../../runtime/context';
import { readDoc, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireCommitteeElection } from '../shared/election-access.policy';
import { actorOf } from '../shared/access.policy';
import { endAuthorization, readAuthorization, readPrincipal } from './proxy.records';
import { certificateIndexId, readCertificate, typedCertificateNo } from './proxy-certificate.records';
import { deadlineOf } from './proxy-scope.policy';
import { nomineeView, proxyView, votersOf } from './proxy.view';
import { dateWords } from '../../../src/domain/date-words';

type Input = ParsedInputOf<typeof checkIn>;
type Done = { issue: BallotIssueDoc; voterId: string; auth: WithId<ProxyDoc> | null };

export const ballotIssueId = (electionId: string, voterId: string) => `${electionId}:${voterId}`;

const MESSAGES: Record<BallotIssueDoc['outcome'], string> = {
  recorded: '已登记本人到场投票，请发给选票',
  proxyVoided: '已登记本人到场投票，其委托投票已作废，请发给选票',
  ballotIssued: '已登记受托人代领选票，请把委托人的选票交给受托人',
};

const noCertificate = () => err('NOT_FOUND', 'NO_SUCH_CERTIFICATE', '没有找到这张委托投票证，或此人没有经批准的委托');

/** A ballot already issued for this voter: the refusal naming how. */
function alreadyIssued(issue: BallotIssueDoc, kind: Input['kind']) {
  if (issue.kind === 'inPerson') {
    return kind === 'inPerson'
      ? err('CONFLICT', 'ALREADY_CHECKED_IN', '此人已经登记过到场投票，不能再领选票')
      : err('CONFLICT', 'PRINCIPAL_VOTED_IN_PERSON', '委托人本人已经到场投票，委托已作废，不能代领');
  }
  return err('CONFLICT', 'ALREADY_USED', '这张委托投票证已经用过，受托人已代领过选票');
}

async function inPerson(tx: TxOps, ctx: CallContext, election: WithId<ElectionDoc>, voterId: string, at: string): Promise<Result<Done, ErrorCode>> {
  const id = ballotIssueId(election._id, voterId);
  const existing = await readDoc(tx, 'ballotIssue', id, ballotIssueDoc);
  if (existing) return alreadyIssued(existing, 'inPerson');
  const active = (await readPrincipal(tx, election._id, voterId)).active;
  let auth = active ? await readAuthorization(tx, active) : null;
  if (auth) auth = await endAuthorization(tx, auth, { status: 'voided', reasonCode: 'VOTED_IN_PERSON', reason: '委托人本人到场投票', at });
  const issue: BallotIssueDoc = { electionId: election._id, voterId, kind: 'inPerson', authorizationId: auth?._id ?? null, outcome: auth ? 'proxyVoided' : 'recorded', at };
  await tx.set('ballotIssue', id, issue);
  await appendAudit(tx, { scope: election._id, action: 'committee.checkIn', actor: actorOf(ctx), at, subject: voterId, data: { kind: 'inPerson', voided: auth?._id ?? null } });
  return ok({ issue, voterId, auth });
}

async function proxyBallot(tx: TxOps, ctx: CallContext, election: WithId<ElectionDoc>, authId: string, at: string): Promise<Result<Done, ErrorCode>> {
  const auth = await readAuthorization(tx, authId);
  if (!auth || auth.electionId !== election._id) return noCertificate();
  const id = ballotIssueId(election._id, auth.principalVoterId);
  const existing = await readDoc(tx, 'ballotIssue', id, ballotIssueDoc);
  if (existing) return alreadyIssued(existing, 'proxyBallot');
  if (auth.status !== 'approved') return err('CONFLICT', 'NOT_APPROVED', '这份委托没有经过批准（或已撤销、作废），不能代领选票');
  const issue: BallotIssueDoc = { electionId: election._id, voterId: auth.principalVoterId, kind: 'proxyBallot', authorizationId: auth._id, outcome: 'ballotIssued', at };
  const patch = { status: 'used' as const, usedAt: at };
  await tx.set('ballotIssue', id, issue);
  await tx.update('proxy', auth._id, patch);
  await appendAudit(tx, { scope: election._id, action: 'committee.checkIn', actor: actorOf(ctx), at, subject: auth.principalVoterId, data: { kind: 'proxyBallot', authorizationId: auth._id } });
  return ok({ issue, voterId: auth.principalVoterId, auth: { ...auth, ...patch } });
}

/** The authorization a proxy-ballot check-in is about: from the certificate, or the principal's active one. */
async function authorizationOf(ctx: CallContext, electionId: string, input: Input): Promise<Result<string, ErrorCode>> {
  if (input.certificate !== undefined) {
    // The number printed on the certificate, typed when the QR will not scan. The clerk has the
    // paper and the proxy in front of them; the signature guards scans of copies made up offline.
    const typed = typedCertificateNo(input.certificate);
    if (typed !== null) {
      const index = await readDoc(ctx.store, 'meta', certificateIndexId(electionId, typed), proxyCertificateIndexDoc);
      return index ? ok(index.authorizationId) : noCertificate();
    }
    const claims = readCertificate(ctx.signer, input.certificate);
    if (!claims) return err('INVALID_INPUT', 'BAD_CERTIFICATE', '这不是本系统签发的委托投票证，请核对');
    return claims.electionId === electionId ? ok(claims.authorizationId) : noCertificate();
  }
  const active = (await readPrincipal(ctx.store, electionId, input.voterId!)).active;
  if (active) return ok(active);
  // No active one: a used authorization still answers ALREADY_USED through its ballot.
  const issue = await readDoc(ctx.store, 'ballotIssue', ballotIssueId(electionId, input.voterId!), ballotIssueDoc);
  return issue?.authorizationId ? ok(issue.authorizationId) : noCertificate();
}

export const checkInUseCase: UseCase<typeof checkIn> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, rules } = scope.value;
  const now = ctx.clock.now();
  if (shanghaiDateOf(now) !== election.electionDay) return err('WINDOW_CLOSED', 'NOT_ELECTION_DAY', `今天不是选举日（${dateWords(election.electionDay, { weekday: false })}），不能登记领票`);
  const at = now.toISOString();
  let r: Result<Done, ErrorCode>;
  if (input.kind === 'inPerson') {
    const voter = await readDoc(ctx.store, 'voter', input.voterId!, voterDoc);
    if (!voter || voter.electionId !== election._id || voter.status !== 'registered') return err('NOT_FOUND', 'VOTER_UNKNOWN', '选民名单上没有这个人');
    r = await ctx.store.runTransaction((tx) => inPerson(tx, ctx, election, voter._id, at));
  } else {
    const authId = await authorizationOf(ctx, election._id, input);
    if (!authId.ok) return authId;
    r = await ctx.store.runTransaction((tx) => proxyBallot(tx, ctx, election, authId.value, at));
  }
  if (!r.ok) return r;
  const { issue, voterId, auth } = r.value;
  const voters = await votersOf(ctx.store, auth ? [auth] : []);
  const voter = voters.get(voterId) ?? (await readDoc(ctx.store, 'voter', voterId, voterDoc));
  if (!voter) throw new Error(`checked-in voter ${voterId} is gone`);
  return ok({ outcome: issue.outcome, message: MESSAGES[issue.outcome], voter: nomineeView(voter), authorization: auth ? proxyView(auth, voters, deadlineOf(election, rules)) : null });
};
