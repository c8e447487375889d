/**
 * registration.myObjections — the caller's objections: status, statutory deadline, decision and
 * its written reason (newest first).
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | NOT_BOUND | NOT_FOUND ELECTION_GONE
 */
import type { myObjections } from '../../../src/contracts/objection.contract';
import { objectionDoc } from '../../../src/contracts/store-documents.schema';
import { ok } from '../../../src/domain/result';
import { findAllDocs } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { boundVoter } from './election-access';
import { myObjectionView } from './objection-views';

export const myObjectionsUseCase: UseCase<typeof myObjections> = async (_input, ctx) => {
  const scope = await boundVoter(ctx);
  if (!scope.ok) return scope;
  const mine = await findAllDocs(ctx.store, 'objection', { objectorVoterId: scope.value.voter._id }, objectionDoc);
  return ok({ objections: mine.sort((a, b) => b.no - a.no).map(myObjectionView) });
};
