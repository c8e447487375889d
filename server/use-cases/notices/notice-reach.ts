/**
 * Who a notice has reached: the registered voters, the readers among them (知晓率), and for the
 * unread ones whether a push can still reach them (bound to WeChat with a consent left) or only
 * a call from the group leader can.
 */
import { readReceiptDoc, voterDoc, type VoterDoc } from '../../../src/contracts/store-documents.schema';
import { computeAwareness, formatRate, type Awareness, type Rate } from '../../../src/domain/notice-awareness';
import type { RateView } from '../../../src/contracts/notice.contract';
import { pushesOwed } from '../../push/consent';
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

/** Unread registered voters split by how they can still be reached. */
export async function unreadReach(store: Store, voters: readonly Voter[], readers: ReadonlySet<string>): Promise<{ withConsent: Voter[]; notBound: Voter[]; noConsent: Voter[] }> {
  const unread = voters.filter((v) => !readers.has(v._id));
  const notBound = unread.filter((v) => v.boundTo === null);
  const bound = unread.filter((v): v is Voter & { boundTo: string } => v.boundTo !== null);
  const owed = await Promise.all(bound.map((v) => pushesOwed(store, v.boundTo)));
  return {
    withConsent: bound.filter((_, i) => (owed[i] ?? 0) > 0),
    noConsent: bound.filter((_, i) => (owed[i] ?? 0) === 0),
    notBound,
  };
}
