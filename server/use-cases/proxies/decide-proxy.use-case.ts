/**
 * committee.decideProxy — the election committee approves an accepted authorization, issuing the
 * 委托投票证 (number, indexed for check-in by number, and signed QR payload), or rejects it with a reason. The principal is told.
 *
 * Outcomes:
 * - ok: the authorization, approved (已批准, with certificate) or rejected (已驳回, with the reason)
 * - FORBIDDEN NOT_COMMITTEE · NOT_FOUND ELECTION_UNKNOWN | NO_SUCH_AUTHORIZATION
 * - CONFLICT NOT_ACCEPTED: not waiting for the committee (not yet accepted, or already decided/ended)
 * - approve only: WINDOW_CLOSED DEADLINE_PASSED (approved on or before E − N, RULES.md §4) ·
 *   NOT_ELIGIBLE PRINCIPAL_NOT_REGISTERED | PROXY_NOT_REGISTERED (struck off since) |
 *   PROXY_IS_CANDIDATE (became a formal candidate since)
 */
import type { decideProxy } from '../../../src/contracts/proxy-committee.contract';
import type { ProxyCertificateIndexDoc, ProxyDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import { counterDoc } from '../../../src/contracts/documents/objection-documents.schema';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { ErrorCode } from '../../../src/contracts/envelope';
import type { RuleSet } from '../../../src/domain/presets/types';
import { isInLaw } from '../../../src/domain/relations';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { TxOps } from '../../ports/store.port';
import type { CallContext } from '../../runtime/context';
import { readDoc, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireCommitteeElection } from '../shared/election-access.policy';
import { actorOf } from '../shared/access.policy';
import { endAuthorization, readAuthorization, readLoad } from './proxy.records';
import { certificateIndexId, certificateNoOf, certificateQr } from './proxy-certificate.records';
import { deadlineOf, deadlinePassed, noSuchAuthorization } from './proxy-scope.policy';
import { notifyPrincipal } from './notify-principal.effects';
import { proxyView, votersOf } from './proxy.view';

export const certificateSeqId = (electionId: string) => `proxyCertificateSeq:${electionId}`;

/** Whether both people may still take part as the authorization says, on this moment's facts. */
async function stillEligible(tx: TxOps, auth: WithId<ProxyDoc>, rules: RuleSet): Promise<Result<void, ErrorCode>> {
  const principal = await readDoc(tx, 'voter', auth.principalVoterId, voterDoc);
  if (principal?.status !== 'registered') return err('NOT_ELIGIBLE', 'PRINCIPAL_NOT_REGISTERED', '委托人已不在本届选民名单上，不能批准');
  const proxy = await readDoc(tx, 'voter', auth.proxyVoterId, voterDoc);
  if (proxy?.status !== 'registered') return err('NOT_ELIGIBLE', 'PROXY_NOT_REGISTERED', '受托人已不在本届选民名单上，不能批准');
  const load = await readLoad(tx, auth.electionId, auth.proxyVoterId);
  if (load.formalCandidate && (rules.proxy.candidateMayBeProxy === 'never' || isInLaw(auth.relation))) {
    return err('NOT_ELIGIBLE', 'PROXY_IS_CANDIDATE', '受托人已是正式候选人，不能接受委托投票');
  }
  // Accepting put it in the proxy's slots; anything else is a broken invariant, not a refusal.
  if (!load.holds.includes(auth._id)) throw new Error(`accepted authorization ${auth._id} holds no slot of its proxy`);
  return ok(undefined);
}

async function approve(ctx: CallContext, auth0: WithId<ProxyDoc>, rules: RuleSet, at: string): Promise<Result<WithId<ProxyDoc>, ErrorCode>> {
  return ctx.store.runTransaction(async (tx) => {
    const auth = await readAuthorization(tx, auth0._id);
    if (!auth || auth.status !== 'accepted') return err('CONFLICT', 'NOT_ACCEPTED', '这份委托现在不是“待选举委员会审核”状态');
    const eligible = await stillEligible(tx, auth, rules);
    if (!eligible.ok) return eligible;
    const seqId = certificateSeqId(auth.electionId);
    const seq = ((await readDoc(tx, 'meta', seqId, counterDoc))?.value ?? 0) + 1;
    const certificateNo = certificateNoOf(seq);
    const patch = {
      status: 'approved' as const,
      decidedAt: at,
      certificateNo,
      certificateQr: certificateQr(ctx.signer, { electionId: auth.electionId, certificateNo, authorizationId: auth._id }),
    };
    await tx.set('meta', seqId, { value: seq });
    const index: ProxyCertificateIndexDoc = { electionId: auth.electionId, certificateNo, authorizationId: auth._id };
    await tx.set('meta', certificateIndexId(auth.electionId, certificateNo), index);
    await tx.update('proxy', auth._id, patch);
    await appendAudit(tx, { scope: auth.electionId, action: 'committee.decideProxy', actor: actorOf(ctx), at, subject: auth._id, data: { approve: true, certificateNo } });
    return ok({ ...auth, ...patch });
  });
}

async function reject(ctx: CallContext, id: string, reason: string, at: string): Promise<Result<WithId<ProxyDoc>, ErrorCode>> {
  return ctx.store.runTransaction(async (tx) => {
    const auth = await readAuthorization(tx, id);
    if (!auth || auth.status !== 'accepted') return err('CONFLICT', 'NOT_ACCEPTED', '这份委托现在不是“待选举委员会审核”状态');
    const ended = await endAuthorization(tx, auth, { status: 'rejected', reasonCode: 'REJECTED', reason, at });
    await appendAudit(tx, { scope: auth.electionId, action: 'committee.decideProxy', actor: actorOf(ctx), at, subject: id, data: { approve: false, reason } });
    return ok(ended);
  });
}

export const decideProxyUseCase: UseCase<typeof decideProxy> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, rules } = scope.value;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const auth = await readAuthorization(ctx.store, input.id);
  if (!auth || auth.electionId !== election._id) return noSuchAuthorization();
  if (auth.status !== 'accepted') return err('CONFLICT', 'NOT_ACCEPTED', '这份委托现在不是“待选举委员会审核”状态');
  const deadline = deadlineOf(election, rules);
  if (input.approve && now.getTime() >= deadline.getTime()) return deadlinePassed(rules);
  const r = input.approve ? await approve(ctx, auth, rules, at) : await reject(ctx, auth._id, input.reason ?? '', at);
  if (!r.ok) return r;
  await notifyPrincipal(ctx, r.value);
  return ok({ authorization: proxyView(r.value, await votersOf(ctx.store, [r.value]), deadline) });
};
