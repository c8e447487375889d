/**
 * identity.unbind — release this WeChat user's binding; the roll entry stays.
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | UNAUTHENTICATED NOT_BOUND
 */
import type { unbind } from '../../../src/contracts/identity.contract';
import { bindingDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { err, ok } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { actorOf, requireOpenid } from '../shared/access.policy';

export const unbindVoterUseCase: UseCase<typeof unbind> = async (_input, ctx) => {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const openid = who.value;
  const at = ctx.clock.now().toISOString();
  const done = await ctx.store.runTransaction(async (tx) => {
    const binding = await readDoc(tx, 'binding', openid, bindingDoc);
    if (!binding) return false;
    await tx.remove('binding', openid);
    await tx.update('voter', binding.voterId, { boundTo: null, updatedAt: at });
    await appendAudit(tx, { scope: binding.electionId, action: 'identity.unbind', actor: actorOf(ctx), at, subject: binding.voterId });
    return true;
  });
  return done ? ok({ unbound: true as const }) : err('UNAUTHENTICATED', 'NOT_BOUND', '这个微信还没有绑定选民身份');
};
