/**
 * proxies.revoke — the principal withdraws their authorization before the deadline (RULES.md §4
 * "principal may revoke before the deadline"); the proxy's slot and the principal's one active
 * authorization are freed in the same transaction, so the principal may choose again.
 *
 * Outcomes:
 * - ok: the authorization, revoked
 * - UNAUTHENTICATED NO_OPENID | NOT_BOUND · NOT_FOUND ELECTION_GONE | NO_SUCH_AUTHORIZATION (not the caller's)
 * - CONFLICT NOT_ACTIVE: declined, rejected, revoked, voided or used already
 * - WINDOW_CLOSED DEADLINE_PASSED: from the end of E − N on, Asia/Shanghai
 */
import type { revoke } from '../../../src/contracts/proxy.contract';
import { err, ok } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { UseCase } from '../../runtime/dispatch';
import { requireBoundVoter } from '../shared/election-access.policy';
import { actorOf } from '../shared/access.policy';
import { ACTIVE_STATUSES, endAuthorization, readAuthorization } from './proxy.records';
import { deadlineOf, deadlinePassed, noSuchAuthorization } from './proxy-scope.policy';
import { proxyView, votersOf } from './proxy.view';

export const revokeProxyUseCase: UseCase<typeof revoke> = async (input, ctx) => {
  const scope = await requireBoundVoter(ctx);
  if (!scope.ok) return scope;
  const { voter, election, rules } = scope.value;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const deadline = deadlineOf(election, rules);
  if (now.getTime() >= deadline.getTime()) return deadlinePassed(rules);
  const r = await ctx.store.runTransaction(async (tx) => {
    const auth = await readAuthorization(tx, input.id);
    if (!auth || auth.principalVoterId !== voter._id) return noSuchAuthorization();
    if (!ACTIVE_STATUSES.has(auth.status)) return err('CONFLICT', 'NOT_ACTIVE', '这份委托已经结束，不需要撤销');
    const ended = await endAuthorization(tx, auth, { status: 'revoked', reasonCode: 'REVOKED', reason: '委托人撤销', at });
    await appendAudit(tx, { scope: auth.electionId, action: 'proxies.revoke', actor: actorOf(ctx), at, subject: auth._id, data: { from: auth.status } });
    return ok(ended);
  });
  if (!r.ok) return r;
  return ok({ authorization: proxyView(r.value, await votersOf(ctx.store, [r.value], [voter]), deadline) });
};
