/**
 * Who a notice has reached: the registered voters and the readers among them (知晓率). How the
 * unread can still be reached, and the call list, are in call-list.ts.
 */
import { readReceiptDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { computeAwareness, formatRate, type Awareness, type Rate } from '../../../src/domain/notice-awareness';
import type { RateView } from '../../../src/contracts/notice.schema';
import type { Store } from '../../ports/store.port';
import { findAllDocs, type WithId } from '../../runtime/documents';

export type Voter = WithId<VoterDoc>;

export const registeredVoters = (store: Store, electionId: string): Promise<Voter[]> =>
  findAllDocs(store, 'voter', { electionId, status: 'registered' }, voterDoc);

export async function readerIds(store: Store, noticeId: string): Promise<Set<string>> {
  return new Set((await findAllDocs(store, 'read', { noticeId }, readReceiptDoc)).map((r) => r.voterId));
}

export const rateView = (r: Rate): RateView => ({ ...r, label: formatRate(r.rate) });

export function awarenessView(a: Awareness) {
  return {
    overall: rateView(a.overall),
    byGroup: a.byGroup.map((g) => ({ ...rateView(g), group: g.group })),
    migrants: rateView(a.migrants),
    residents: rateView(a.residents),
  };
}

export function awarenessOf(voters: readonly Voter[], readers: ReadonlySet<string>, groups: readonly string[]): Awareness {
  return computeAwareness(
    voters.map((v) => ({ id: v._id, group: v.group, category: v.category })),
    readers,
    groups,
  );
}
