/**
 * proxies.request — 委托投票: a registered voter who will be away on election day asks a near
 * relative among the village's registered voters to vote for them, signing by hand (RULES.md §4).
 *
 * Outcomes:
 * - ok: the authorization, 待受托人确认 (requested); it joins the proxy's pending requests and is
 *   the principal's one active authorization (proxyPrincipal), both written in one transaction
 * - UNAUTHENTICATED NO_OPENID | NOT_BOUND · NOT_FOUND ELECTION_GONE
 * - NOT_ELIGIBLE NO_PROXIES (preset, or a representative electorate §8) | PRINCIPAL_NOT_REGISTERED |
 *   PROXY_OTHER_VILLAGE (unknown, or of another roll) | PROXY_IS_SELF | PROXY_NOT_REGISTERED |
 *   NOT_NEAR_RELATIVE | PROXY_IS_CANDIDATE — reasons from canAuthorizeProxy
 * - CONFLICT ALREADY_AUTHORIZED: the principal has an active authorization (also the loser of two
 *   concurrent requests)
 * - LIMIT_EXCEEDED PROXY_LIMIT: the proxy already holds the maximum, or has too many unanswered requests
 * - WINDOW_CLOSED DEADLINE_PASSED (end of E − N, Asia/Shanghai) | LIST_NOT_PUBLISHED
 */
import type { request } from '../../../src/contracts/proxy.contract';
import type { ProxyDoc, ProxyLoadDoc, StoredSignature } from '../../../src/contracts/documents/proxy-documents.schema';
import type { ElectionDoc } from '../../../src/contracts/documents/election-documents.schema';
import type { VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { ErrorCode } from '../../../src/contracts/envelope';
import type { ParsedInputOf } from '../../../src/contracts/define-action';
import type { RuleSet } from '../../../src/domain/presets/types';
import { canAuthorizeProxy, type ProxyParty } from '../../../src/domain/proxy-authorization';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { TxOps } from '../../ports/store.port';
import type { CallContext } from '../../runtime/context';
import type { WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { newId } from '../../security/keyed-hash';
import { requireBoundVoterWith } from '../shared/election-access.policy';
import { actorOf } from '../shared/access.policy';
import { MAX_PENDING_PER_PROXY, readLoad, readPrincipal, requestedProxyDoc, writeLoad, writePrincipal } from './proxy.records';
import { deadlineOf, requestWindow, signaturePath, storeSignature } from './proxy-scope.policy';
import { discardSignatureFiles } from '../shared/signature-file.records';
import { proxyView } from './proxy.view';

type Input = ParsedInputOf<typeof request>;

const party = (v: WithId<VoterDoc>): ProxyParty => ({ voterId: v._id, villageId: v.villageId, electionId: v.electionId, status: v.status });

interface Filing {
  readonly input: Input;
  readonly election: WithId<ElectionDoc>;
  readonly rules: RuleSet;
  readonly principalId: string;
  readonly now: Date;
}

/** The rule, on the facts as this transaction (or a first read) sees them. */
async function check(ops: TxOps, f: Filing, principal: WithId<VoterDoc> | null, proxy: WithId<VoterDoc> | null): Promise<Result<{ principal: WithId<VoterDoc>; proxy: WithId<VoterDoc>; load: ProxyLoadDoc }, ErrorCode>> {
  const electionId = f.election._id;
  // The two entries come from the batched read before the transaction: on CloudBase a read
  // inside it sees a snapshot no fresher, and the invariants live in the two documents read
  // here and written by every filing (proxyLoad, proxyPrincipal). Read side by side: on
  // CloudBase one round trip inside the transaction instead of two, so it holds them shorter.
  const [load, active] = await Promise.all([readLoad(ops, electionId, f.input.proxyVoterId), readPrincipal(ops, electionId, f.principalId)]);
  if (!principal) return err('NOT_FOUND', 'ELECTION_GONE', '您绑定的选举已不存在，请联系村选举委员会');
  const verdict = canAuthorizeProxy(
    {
      principal: party(principal),
      proxy: proxy ? party(proxy) : null,
      relation: f.input.relation,
      principalHasActive: active.active !== null,
      proxyHolds: load.holds.length,
      proxyIsFormalCandidate: load.formalCandidate,
      electionDay: f.election.electionDay,
    },
    f.now,
    f.rules,
  );
  if (!verdict.ok) return verdict;
  if (load.pending.length >= MAX_PENDING_PER_PROXY) return err('LIMIT_EXCEEDED', 'PROXY_LIMIT', '这位受托人还有很多委托没有答复，请过几天再试，或者另选一位受托人');
  return ok({ principal, proxy: proxy!, load });
}

async function file(ctx: CallContext, f: Filing, id: string, signature: StoredSignature, principal: WithId<VoterDoc>, proxy: WithId<VoterDoc> | null) {
  const at = f.now.toISOString();
  const electionId = f.election._id;
  return ctx.store.runTransaction<Result<{ doc: WithId<ProxyDoc>; principal: WithId<VoterDoc>; proxy: WithId<VoterDoc> }, ErrorCode>>(async (tx) => {
    const checked = await check(tx, f, principal, proxy);
    if (!checked.ok) return checked;
    const doc = requestedProxyDoc({
      electionId,
      villageId: f.election.villageId,
      principalVoterId: f.principalId,
      proxyVoterId: f.input.proxyVoterId,
      relation: f.input.relation,
      awayPlace: f.input.awayPlace,
      principalSignature: signature,
      requestedAt: at,
    });
    const { load } = checked.value;
    await writeLoad(tx, { ...load, pending: [...load.pending, id], updatedAt: at });
    await writePrincipal(tx, { electionId, principalVoterId: f.principalId, active: id, updatedAt: at });
    await tx.set('proxy', id, doc);
    await appendAudit(tx, {
      scope: electionId,
      action: 'proxies.request',
      actor: actorOf(ctx),
      at,
      subject: id,
      data: { principalVoterId: f.principalId, proxyVoterId: f.input.proxyVoterId, relation: f.input.relation, signatureSha256: signature.sha256 },
    });
    return ok({ doc: { ...doc, _id: id }, principal: checked.value.principal, proxy: checked.value.proxy });
  });
}

export const requestProxyUseCase: UseCase<typeof request> = async (input, ctx) => {
  const scope = await requireBoundVoterWith(ctx, [input.proxyVoterId]);
  if (!scope.ok) return scope;
  const { voter, election, rules, others } = scope.value;
  const now = ctx.clock.now();
  const window = await requestWindow(ctx, election, rules, now);
  if (!window.ok) return window;
  const filing: Filing = { input, election, rules, principalId: voter._id, now };
  const proxy = others.get(input.proxyVoterId) ?? null;
  // Checked once, in the transaction; the signature is stored before it (storage is not
  // transactional) and removed again when the request is refused, so none is left behind.
  const id = newId(ctx.rng, 'px');
  const signature = await storeSignature(ctx, signaturePath(election._id, id, 'principal'), input.signature);
  const r = await file(ctx, filing, id, signature, voter, proxy);
  if (!r.ok) {
    await discardSignatureFiles(ctx, signature.fileId);
    return r;
  }
  const { doc, principal, proxy: holder } = r.value;
  return ok({ authorization: proxyView(doc, new Map([[principal._id, principal], [holder._id, holder]]), deadlineOf(election, rules)) });
};
