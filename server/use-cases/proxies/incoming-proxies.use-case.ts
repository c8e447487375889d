/**
 * proxies.incoming — the proxy's side: requests addressed to the caller (unanswered first, then
 * what they accepted), with how many principals they hold of the preset's maximum.
 *
 * Outcomes: ok · UNAUTHENTICATED NO_OPENID | NOT_BOUND · NOT_FOUND ELECTION_GONE
 */
import type { incoming } from '../../../src/contracts/proxy.contract';
import { proxyDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import { ok } from '../../../src/domain/result';
import { findDocs } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireBoundVoter } from '../shared/election-access.policy';
import { readLoad } from './proxy.records';
import { deadlineOf } from './proxy-scope.policy';
import { proxyView, votersOf } from './proxy.view';

const ORDER = ['requested', 'accepted', 'approved', 'used', 'declined', 'rejected', 'revoked', 'voided'];

export const incomingProxiesUseCase: UseCase<typeof incoming> = async (_input, ctx) => {
  const scope = await requireBoundVoter(ctx);
  if (!scope.ok) return scope;
  const { voter, election, rules } = scope.value;
  const [list, load] = await Promise.all([
    findDocs(ctx.store, 'proxy', { proxyVoterId: voter._id }, proxyDoc, { limit: 100 }),
    readLoad(ctx.store, election._id, voter._id),
  ]);
  const mine = list.filter((a) => a.electionId === election._id).sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || (a.requestedAt < b.requestedAt ? -1 : 1));
  const voters = await votersOf(ctx.store, mine, [voter]);
  const deadline = deadlineOf(election, rules);
  return ok({ requests: mine.map((a) => proxyView(a, voters, deadline)), holds: load.holds.length, max: rules.proxy.maxPrincipalsPerProxy });
};
