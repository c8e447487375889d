/**
 * committee.reviewCandidate — 资格审查: the committee records, for one initial or formal candidate,
 * pass / flag / block against the preset's qualification list (`candidates.qualification`), with
 * a note for every flag or block and the list item's source kept on record. A block excludes the
 * person (the next by votes fills the slot); a flag keeps them listed and marked. Education,
 * party membership and incumbency are kept for the reports. After publication a change needs
 * re-publication.
 *
 * Outcomes:
 * - ok: the candidate as reviewed and the selection now
 * - UNAUTHENTICATED NO_OPENID · FORBIDDEN NOT_COMMITTEE | MEMBER_REVOKED · NOT_FOUND ELECTION_UNKNOWN | NOT_A_CANDIDATE
 * - WINDOW_CLOSED NOT_CLOSED · INVALID_INPUT UNKNOWN_CHECK | NOTE_REQUIRED
 */
import type { reviewCandidate } from '../../../src/contracts/candidate.contract';
import type { CandidateDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import { err, ok } from '../../../src/domain/result';
import type { UseCase } from '../../runtime/dispatch';
import { actorOf } from '../shared/access.policy';
import { closedElection, currentViews, emptyCandidate, initialLine, readCandidate, saveCandidate } from './candidate-change.records';

export const reviewCandidateUseCase: UseCase<typeof reviewCandidate> = async (input, ctx) => {
  const scope = await closedElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { close, rules, election } = scope.value;
  if (!initialLine(close, input.voterId, rules)) return err('NOT_FOUND', 'NOT_A_CANDIDATE', '这个人不是本届的候选人');
  const list = new Map(rules.candidates.qualification.map((q) => [q.key, q]));
  const checks: CandidateDoc['checks'] = [];
  for (const c of input.checks) {
    const q = list.get(c.key);
    if (!q) return err('INVALID_INPUT', 'UNKNOWN_CHECK', `没有“${c.key}”这一项审查内容`);
    const note = c.note?.trim() || null;
    if (c.outcome !== 'pass' && !note) return err('INVALID_INPUT', 'NOTE_REQUIRED', `“${q.label}”不通过或存疑时，请写明理由`);
    // A block only disqualifies when the preset makes the item a hard one; otherwise it is a flag.
    const outcome = c.outcome === 'block' && q.severity === 'flag' ? 'flag' : c.outcome;
    checks.push({ key: q.key, label: q.label, outcome, note, source: q.source });
  }
  const at = ctx.clock.now().toISOString();
  const prev = (await readCandidate(ctx, election._id, input.voterId)) ?? emptyCandidate(election._id, input.voterId);
  const merged = new Map(prev.checks.map((c) => [c.key, c]));
  for (const c of checks) merged.set(c.key, c);
  const p = input.profile ?? {};
  const doc: CandidateDoc = {
    ...prev,
    checks: [...merged.values()],
    profile: { education: p.education ?? prev.profile.education, partyMember: p.partyMember ?? prev.profile.partyMember, incumbent: p.incumbent ?? prev.profile.incumbent },
    reviewedAt: at,
  };
  await saveCandidate(ctx, close, doc, 'committee.reviewCandidate', at, actorOf(ctx), { checks: checks.map((c) => ({ key: c.key, outcome: c.outcome, note: c.note })) });
  const views = await currentViews(ctx, scope.value, input.voterId);
  return ok({ candidate: views.candidate!, selection: views.selection });
};
