/**
 * township.overview — every village of the township: its active election and phase, voter
 * counts, whether the voter list is published, and objections open / decided / overdue. Overdue
 * includes decisions made late, so a late decision can never disappear from this view.
 *
 * Outcomes: ok | FORBIDDEN NOT_TOWNSHIP
 */
import type { overview } from '../../../src/contracts/township.contract';
import { electionDoc, villageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { shanghaiDateOf } from '../../../src/domain/civil-date';
import { compareByStroke } from '../../../src/domain/stroke-order';
import { ok } from '../../../src/domain/result';
import type { OutputOf } from '../../../src/contracts/define-action';
import { findAllDocs, findDocs } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireTownship } from '../shared/access.policy';
import { electionSummary } from '../shared/election.view';
import { objectionFigures } from '../shared/objection-figures.view';
import { TOWNSHIP_ID } from '../township/create-village.use-case';
import { readVoterListFreeze } from './voter-list-lookup.records';

type VillageRow = OutputOf<typeof overview>['villages'][number];

export const townshipOverviewUseCase: UseCase<typeof overview> = async (_input, ctx) => {
  const t = requireTownship(ctx);
  if (!t.ok) return t;
  const now = ctx.clock.now();
  const villages = (await findAllDocs(ctx.store, 'village', { townshipId: TOWNSHIP_ID }, villageDoc)).sort(
    // Oldest first; villages created together by 笔画 of their names, so the order never depends on ids.
    (a, b) => a.createdAt.localeCompare(b.createdAt) || compareByStroke(a.name, b.name),
  );
  const rows: VillageRow[] = await Promise.all(
    villages.map(async (v): Promise<VillageRow> => {
      const [election] = await findDocs(ctx.store, 'election', { villageId: v._id, status: 'active' }, electionDoc, { limit: 1 });
      const base = { villageId: v._id, villageName: v.name, kind: v.kind };
      if (!election) {
        return {
          ...base,
          election: null,
          voters: { onRoll: 0, registered: 0, pending: 0 },
          voterList: { published: false, publishedOn: null, noticeId: null, count: null },
          objections: { open: 0, decided: 0, overdue: 0 },
        };
      }
      const s = electionSummary(election, v, now);
      const [onRoll, registered, pending, freeze, objections] = await Promise.all([
        ctx.store.count('voter', { electionId: election._id }),
        ctx.store.count('voter', { electionId: election._id, status: 'registered' }),
        ctx.store.count('voter', { electionId: election._id, status: 'pending' }),
        readVoterListFreeze(ctx.store, election._id),
        objectionFigures(ctx.store, election._id, now),
      ]);
      return {
        ...base,
        election: { id: election._id, title: election.title, electionDay: election.electionDay, phase: s.phase, phaseLabel: s.phaseLabel, next: s.next },
        voters: { onRoll, registered, pending },
        voterList: {
          published: election.voterListPublishedOn !== null,
          publishedOn: election.voterListPublishedOn,
          noticeId: freeze?.noticeId ?? null,
          count: freeze?.count ?? null,
        },
        objections,
      };
    }),
  );
  return ok({
    today: shanghaiDateOf(now),
    villages: rows,
    totals: {
      villages: rows.length,
      registered: rows.reduce((n, r) => n + r.voters.registered, 0),
      objectionsOpen: rows.reduce((n, r) => n + r.objections.open, 0),
      objectionsOverdue: rows.reduce((n, r) => n + r.objections.overdue, 0),
    },
  });
};
