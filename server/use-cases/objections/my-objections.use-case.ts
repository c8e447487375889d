/**
 * registration.myObjections — the objections this WeChat user filed: status, statutory deadline,
 * decision and its written reason (newest first). Found by the filing WeChat user, so a person
 * who objected before being on the roll (self-identified) follows their objection, and still
 * sees it once bound; a bound voter also sees those filed from their entry. With them, the
 * notice template the decision is pushed with and the pushes this user is still owed, so an
 * objector who is not bound yet can subscribe to hear of the decision.
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID
 */
import type { myObjections } from '../../../src/contracts/objection.contract';
import { objectionDoc } from '../../../src/contracts/documents/objection-documents.schema';
import { bindingDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { ok } from '../../../src/domain/result';
import { findAllDocs, readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireOpenid } from '../shared/access.policy';
import { myObjectionView } from './objection.view';

export const myObjectionsUseCase: UseCase<typeof myObjections> = async (_input, ctx) => {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const binding = await readDoc(ctx.store, 'binding', who.value, bindingDoc);
  const [byOpenid, byEntry, owed] = await Promise.all([
    findAllDocs(ctx.store, 'objection', { objectorOpenid: who.value }, objectionDoc),
    binding ? findAllDocs(ctx.store, 'objection', { objectorVoterId: binding.voterId }, objectionDoc) : Promise.resolve([]),
    ctx.push.pushesOwed(who.value),
  ]);
  const mine = new Map([...byOpenid, ...byEntry].map((o) => [o._id, o]));
  return ok({
    objections: [...mine.values()].sort((a, b) => b.filedAt.localeCompare(a.filedAt) || b.no - a.no).map(myObjectionView),
    subscribeTemplateId: ctx.settings.noticeTemplateId,
    pushesOwed: owed,
  });
};
