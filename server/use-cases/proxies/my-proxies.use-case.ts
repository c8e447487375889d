/**
 * proxies.mine — the principal's authorizations, the active one first, then newest first, each with its status line
 * (待受托人确认 → 待选举委员会审核 → 已批准 / 已驳回) and, once approved, the 委托投票证; whether this
 * election has proxies, its deadline and the preset's maximum per proxy.
 *
 * Outcomes: ok · UNAUTHENTICATED NO_OPENID | NOT_BOUND · NOT_FOUND ELECTION_GONE
 */
import type { mine } from '../../../src/contracts/proxy.contract';
import { proxyDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import { proxiesAllowed } from '../../../src/domain/proxy-authorization';
import { ok } from '../../../src/domain/result';
import { findDocs } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireBoundVoter } from '../shared/election-access.policy';
import { ACTIVE_STATUSES } from './proxy.records';
import { deadlineOf } from './proxy-scope.policy';
import { proxyView, votersOf } from './proxy.view';

export const myProxiesUseCase: UseCase<typeof mine> = async (_input, ctx) => {
  const scope = await requireBoundVoter(ctx);
  if (!scope.ok) return scope;
  const { voter, election, rules } = scope.value;
  const list = (await findDocs(ctx.store, 'proxy', { principalVoterId: voter._id }, proxyDoc, { limit: 100 }))
    .filter((a) => a.electionId === election._id)
    .sort((a, b) => Number(ACTIVE_STATUSES.has(b.status)) - Number(ACTIVE_STATUSES.has(a.status)) || (a.requestedAt < b.requestedAt ? 1 : a.requestedAt > b.requestedAt ? -1 : 0));
  const deadline = deadlineOf(election, rules);
  const voters = await votersOf(ctx.store, list, [voter]);
  return ok({
    authorizations: list.map((a) => proxyView(a, voters, deadline)),
    allowed: proxiesAllowed(rules),
    deadline: deadline.toISOString(),
    maxPerProxy: rules.proxy.maxPrincipalsPerProxy,
  });
};
