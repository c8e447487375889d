/**
 * Who a notice has reached: the registered voters and the readers among them (知晓率). How the
 * unread can still be reached, and the call list, are in call-list.ts.
 */
import { readReceiptDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { voterReachFields, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { computeAwareness, formatRate, type Awareness, type Rate } from '../../../src/domain/notice-awareness';
import type { RateView } from '../../../src/contracts/notice.schema';
import type { Store } from '../../ports/store.port';
import { docPages, type WithId } from '../../runtime/documents';

/** What reach and the call list read of a registered voter. */
export type Voter = Pick<WithId<VoterDoc>, '_id' | 'group' | 'category' | 'boundTo' | 'name' | 'phoneMasked' | 'phoneSealed'>;

/**
 * The election's registered voters, a page at a time, each checked and kept as the few fields
 * reach needs (voterReachFields): 100,000 whole entries held at once cost major garbage
 * collections that grew faster than the roll (issue 12's 10k→100k scale figures), and checking
 * every field of each took longer than reading it.
 */
export async function registeredVoters(store: Store, electionId: string): Promise<Voter[]> {
  const out: Voter[] = [];
  for await (const page of docPages(store, 'voter', { electionId, status: 'registered' }, voterReachFields)) for (const v of page) out.push(v);
  return out;
}

export async function readerIds(store: Store, noticeId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const page of docPages(store, 'read', { noticeId }, readReceiptDoc)) for (const r of page) ids.add(r.voterId);
  return ids;
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
