/**
 * nominations.form — 提名票: the posts and seats to nominate for, the window (Beijing time, from
 * the server's clock), the preset's joint-nomination minimum and resubmission rule, and the
 * caller's own ballot when there is one (RULES.md §3).
 *
 * Outcomes:
 * - ok: the form; `window.open` false with the reason in `window.message` outside the window
 * - UNAUTHENTICATED NO_OPENID | NOT_BOUND · NOT_ELIGIBLE NOT_REGISTERED · NOT_FOUND ELECTION_GONE
 */
import type { form } from '../../../src/contracts/nomination.contract';
import { nominationDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import { endOfShanghaiDay } from '../../../src/domain/civil-date';
import { POST_LABELS, nominationWindowState } from '../../../src/domain/nomination-ballot';
import { ok } from '../../../src/domain/result';
import type { UseCase } from '../../runtime/dispatch';
import { readDoc } from '../../runtime/documents';
import { nominatingVoter, nominationId, postLines, postsOf, readVoters } from './nomination-scope.policy';

export const getNominationFormUseCase: UseCase<typeof form> = async (input, ctx) => {
  const scope = await nominatingVoter(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, voter, rules } = scope.value;
  const window = { opensOn: election.nominationOpensOn, closesOn: election.nominationClosesOn };
  const state = nominationWindowState(window, ctx.clock.now());
  const ballot = await readDoc(ctx.store, 'nomination', nominationId(election._id, voter._id), nominationDoc);
  const nominees = ballot ? await readVoters(ctx.store, Object.values(ballot.names).flatMap((l) => l ?? [])) : new Map();
  return ok({
    electionId: election._id,
    title: election.title,
    posts: postsOf(election).map((p) => ({ ...p, label: POST_LABELS[p.post] })),
    window: {
      ...window,
      open: state.ok,
      message: state.ok ? null : (state.message ?? null),
      closesAt: window.closesOn ? endOfShanghaiDay(window.closesOn).toISOString() : null,
    },
    jointMinimum: rules.nomination.jointMinimum,
    resubmission: rules.nomination.resubmission,
    mine: ballot ? postLines(ballot.names, election, nominees) : null,
  });
};
