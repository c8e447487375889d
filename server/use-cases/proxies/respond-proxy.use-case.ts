/**
 * proxies.respond — the proxy (受托人) accepts a request, signing by hand, or declines it with an
 * optional reason. Accepting takes one of the proxy's slots (proxyLoad `holds`, at most the
 * preset's maximum: 100 concurrent accepts leave exactly the maximum). The principal is pushed
 * the answer (one-time consent; noConsent recorded when none).
 *
 * Outcomes:
 * - ok: the authorization (accepted: 待选举委员会审核, or declined), and the proxy's holds of max
 * - UNAUTHENTICATED NO_OPENID | NOT_BOUND · NOT_FOUND ELECTION_GONE | NO_SUCH_AUTHORIZATION (not
 *   addressed to the caller)
 * - CONFLICT NOT_PENDING: already answered, revoked or voided
 * - accept only: LIMIT_EXCEEDED PROXY_LIMIT · NOT_ELIGIBLE PROXY_IS_CANDIDATE | PROXY_NOT_REGISTERED |
 *   PRINCIPAL_NOT_REGISTERED · WINDOW_CLOSED DEADLINE_PASSED (declining stays open)
 */
import type { respond } from '../../../src/contracts/proxy.contract';
import type { ProxyDoc, ProxyLoadDoc, StoredSignature } from '../../../src/contracts/documents/proxy-documents.schema';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { ErrorCode } from '../../../src/contracts/envelope';
import type { ParsedInputOf } from '../../../src/contracts/define-action';
import type { RuleSet } from '../../../src/domain/presets/types';
import { canAuthorizeProxy } from '../../../src/domain/proxy-authorization';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { CallContext } from '../../runtime/context';
import type { TxOps } from '../../ports/store.port';
import { readDoc, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireBoundVoter } from '../shared/election-access.policy';
import { actorOf } from '../shared/access.policy';
import { endAuthorization, readAuthorization, readLoad, writeLoad } from './proxy.records';
import { deadlineOf, deadlinePassed, noSuchAuthorization, signaturePath, storeSignature } from './proxy-scope.policy';
import { discardSignatureFiles } from '../shared/signature-file.records';
import { notifyPrincipal } from './notify-principal.effects';
import { proxyView, votersOf } from './proxy.view';

type Input = ParsedInputOf<typeof respond>;
type Answer = { auth: WithId<ProxyDoc>; holds: number };

const notPending = () => err('CONFLICT', 'NOT_PENDING', '这份委托已经处理过了，或者委托人已经撤销');

interface Responding {
  readonly input: Input;
  readonly proxyVoterId: string;
  readonly electionDay: string;
  readonly rules: RuleSet;
  readonly now: Date;
}

/** The authorization this proxy is answering, still awaiting an answer, and the proxy's load. */
async function readPending(tx: TxOps, r: Responding): Promise<Result<{ auth: WithId<ProxyDoc>; load: ProxyLoadDoc }, ErrorCode>> {
  const auth = await readAuthorization(tx, r.input.id);
  if (!auth || auth.proxyVoterId !== r.proxyVoterId) return noSuchAuthorization();
  if (auth.status !== 'requested') return notPending();
  return ok({ auth, load: await readLoad(tx, auth.electionId, auth.proxyVoterId) });
}

async function accept(ctx: CallContext, r: Responding, signature: StoredSignature): Promise<Result<Answer, ErrorCode>> {
  const at = r.now.toISOString();
  return ctx.store.runTransaction(async (tx) => {
    const pending = await readPending(tx, r);
    if (!pending.ok) return pending;
    const { auth, load } = pending.value;
    const principal = await readDoc(tx, 'voter', auth.principalVoterId, voterDoc);
    const proxy = await readDoc(tx, 'voter', auth.proxyVoterId, voterDoc);
    if (!principal || !proxy) return noSuchAuthorization();
    // The same rule as the request, on this moment's facts; this authorization is the principal's active one.
    const verdict = canAuthorizeProxy(
      {
        principal: { voterId: principal._id, villageId: principal.villageId, electionId: principal.electionId, status: principal.status },
        proxy: { voterId: proxy._id, villageId: proxy.villageId, electionId: proxy.electionId, status: proxy.status },
        relation: auth.relation,
        principalHasActive: false,
        proxyHolds: load.holds.length,
        proxyIsFormalCandidate: load.formalCandidate,
        electionDay: r.electionDay,
      },
      r.now,
      r.rules,
    );
    if (!verdict.ok) return verdict;
    const holds = [...load.holds, auth._id];
    await writeLoad(tx, { ...load, holds, pending: load.pending.filter((x) => x !== auth._id), updatedAt: at });
    const patch = { status: 'accepted' as const, proxySignature: signature, answeredAt: at };
    await tx.update('proxy', auth._id, patch);
    await appendAudit(tx, { scope: auth.electionId, action: 'proxies.respond', actor: actorOf(ctx), at, subject: auth._id, data: { accept: true, holds: holds.length, signatureSha256: signature.sha256 } });
    return ok({ auth: { ...auth, ...patch }, holds: holds.length });
  });
}

async function decline(ctx: CallContext, r: Responding): Promise<Result<Answer, ErrorCode>> {
  const at = r.now.toISOString();
  return ctx.store.runTransaction(async (tx) => {
    const pending = await readPending(tx, r);
    if (!pending.ok) return pending;
    const { auth, load } = pending.value;
    const reason = r.input.reason ? r.input.reason : null;
    const ended = await endAuthorization(tx, auth, { status: 'declined', reasonCode: 'DECLINED', reason, at }, load);
    await appendAudit(tx, { scope: auth.electionId, action: 'proxies.respond', actor: actorOf(ctx), at, subject: auth._id, data: { accept: false } });
    return ok({ auth: ended, holds: load.holds.length });
  });
}

export const respondProxyUseCase: UseCase<typeof respond> = async (input, ctx) => {
  const scope = await requireBoundVoter(ctx);
  if (!scope.ok) return scope;
  const { voter, election, rules } = scope.value;
  const now = ctx.clock.now();
  const r: Responding = { input, proxyVoterId: voter._id, electionDay: election.electionDay, rules, now };
  let answer: Result<Answer, ErrorCode>;
  if (input.accept && input.signature) {
    if (now.getTime() >= deadlineOf(election, rules).getTime()) return deadlinePassed(rules);
    // Cheap refusals before a file is stored.
    const seen = await readAuthorization(ctx.store, input.id);
    if (!seen || seen.proxyVoterId !== voter._id) return noSuchAuthorization();
    if (seen.status !== 'requested') return notPending();
    const signature = await storeSignature(ctx, signaturePath(election._id, input.id, 'proxy'), input.signature);
    answer = await accept(ctx, r, signature);
    if (!answer.ok) await discardSignatureFiles(ctx, signature.fileId);
  } else {
    answer = await decline(ctx, r);
  }
  if (!answer.ok) return answer;
  await notifyPrincipal(ctx, answer.value.auth);
  const voters = await votersOf(ctx.store, [answer.value.auth], [voter]);
  return ok({ authorization: proxyView(answer.value.auth, voters, deadlineOf(election, rules)), holds: answer.value.holds, max: rules.proxy.maxPrincipalsPerProxy });
};
