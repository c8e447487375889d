/**
 * committee.listObjections — the committee's queue, each objection with its statutory clock
 * (Asia/Shanghai calendar days left, overdue). Undecided first, the most urgent on top; then
 * decided, the latest first. No digit of an ID number appears.
 *
 * Outcomes: ok | UNAUTHENTICATED NO_OPENID | FORBIDDEN NOT_COMMITTEE | NOT_FOUND ELECTION_UNKNOWN
 */
import type { listObjections } from '../../../src/contracts/objection-committee.contract';
import { objectionDoc, type ObjectionDoc } from '../../../src/contracts/documents/objection-documents.schema';
import { shanghaiDateOf } from '../../../src/domain/civil-date';
import { summarizeObjections } from '../../../src/domain/objection';
import { ok } from '../../../src/domain/result';
import { findAllDocs, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireCommitteeElection } from '../shared/election-access.policy';
import { clockOf, objectorsOf, queuedObjectionView } from './objection.view';

function queueOrder(a: WithId<ObjectionDoc>, b: WithId<ObjectionDoc>): number {
  const openA = a.status === 'open';
  const openB = b.status === 'open';
  if (openA !== openB) return openA ? -1 : 1;
  if (openA) return a.decisionLastDay.localeCompare(b.decisionLastDay) || a.no - b.no;
  return (b.decision?.decidedAt ?? '').localeCompare(a.decision?.decidedAt ?? '') || b.no - a.no;
}

export const listObjectionsUseCase: UseCase<typeof listObjections> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const today = shanghaiDateOf(ctx.clock.now());
  const all = await findAllDocs(ctx.store, 'objection', { electionId: scope.value.election._id }, objectionDoc);
  const figures = summarizeObjections(
    all.map((o) => ({ status: o.status, decisionLastDay: o.decisionLastDay, late: o.decision?.late ?? false })),
    today,
  );
  const wanted = all.filter((o) => {
    switch (input.status) {
      case undefined:
        return true;
      case 'decided':
        return o.status !== 'open';
      case 'overdue':
        return clockOf(o, today).overdue;
      default:
        return o.status === input.status;
    }
  });
  const entries = await objectorsOf(ctx.store, wanted);
  const entry = (id: string | null) => (id ? (entries.get(id) ?? null) : null);
  return ok({
    objections: wanted.sort(queueOrder).map((o) => queuedObjectionView(o, entry(o.objectorVoterId), entry(o.subjectVoterId), today)),
    figures,
    today,
  });
};
