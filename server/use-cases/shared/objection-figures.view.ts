/**
 * Objection figures of one election for dashboards (committee.stats, township.overview):
 * open, decided, and overdue = undecided past the statutory deadline plus decided late, so a
 * late decision stays visible after it is made.
 */
import { objectionDoc } from '../../../src/contracts/documents/objection-documents.schema';
import { shanghaiDateOf } from '../../../src/domain/civil-date';
import { summarizeObjections, type ObjectionFigures } from '../../../src/domain/objection';
import type { Store } from '../../ports/store.port';
import { findAllDocs } from '../../runtime/documents';

export async function objectionFigures(store: Store, electionId: string, now: Date): Promise<ObjectionFigures> {
  const list = await findAllDocs(store, 'objection', { electionId }, objectionDoc);
  return summarizeObjections(
    list.map((o) => ({ status: o.status, decisionLastDay: o.decisionLastDay, late: o.decision?.late ?? false })),
    shanghaiDateOf(now),
  );
}
