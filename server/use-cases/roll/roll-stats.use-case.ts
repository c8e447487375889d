/**
 * committee.stats — the registration figures of the dashboard (issue 3 "Figures"), computed in
 * one pass over the roll; objection figures come from shared/objection-figures.
 *
 * Outcomes: ok | FORBIDDEN NOT_COMMITTEE | NOT_FOUND ELECTION_UNKNOWN
 */
import type { stats } from '../../../src/contracts/roll.contract';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { ok } from '../../../src/domain/result';
import { findAllDocs } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { objectionFigures } from '../shared/objection-figures.view';
import { loadCommitteeElection } from './roll-access.policy';

export const rollStatsUseCase: UseCase<typeof stats> = async (input, ctx) => {
  const loaded = await loadCommitteeElection(ctx, input.electionId);
  if (!loaded.ok) return loaded;
  const { election, now } = loaded.value;
  const voters = await findAllDocs(ctx.store, 'voter', { electionId: election._id }, voterDoc);
  const byCategory = { A: 0, B: 0, C: 0 };
  const flagged = { deprived: 0, deceased: 0, movedAway: 0, unableToExercise: 0 };
  let pendingB = 0;
  let pendingC = 0;
  let rejectedC = 0;
  let declared = 0;
  let declaredInApp = 0;
  let confirmed = 0;
  let bound = 0;
  for (const v of voters) {
    if (v.status === 'registered') byCategory[v.category] += 1;
    else if (v.status === 'pending') {
      if (v.category === 'B') pendingB += 1;
      if (v.category === 'C') {
        if (v.residenceDecision?.outcome === 'rejected') rejectedC += 1;
        else pendingC += 1;
      }
    } else flagged[v.status] += 1;
    if (v.category === 'B' && v.declaration) {
      declared += 1;
      if (v.declaration.channel === 'app') declaredInApp += 1;
    }
    if (v.confirmed) confirmed += 1;
    if (v.boundTo !== null) bound += 1;
  }
  return ok({
    total: voters.length,
    registered: byCategory.A + byCategory.B + byCategory.C,
    registeredByCategory: byCategory,
    pendingB,
    pendingC,
    rejectedC,
    migrantsDeclared: declared,
    migrantsDeclaredInApp: declaredInApp,
    confirmed,
    bound,
    flagged,
    objections: await objectionFigures(ctx.store, election._id, now),
    voterListPublishedOn: election.voterListPublishedOn,
  });
};
