/**
 * committee.listVoters — search this election's roll; no digit of an ID number in the rows.
 *
 * Outcomes: ok | FORBIDDEN NOT_COMMITTEE | NOT_FOUND ELECTION_UNKNOWN
 *
 * The store answers equality queries only (CloudBase as well as the embedded store), so group,
 * category, status and a whole ID number (its keyed hash; no digit is stored to match a part
 * against, RULES.md §7) narrow the query; the search box (part of a name or of a group's name), the
 * name and the bound/confirmed flags are filtered in memory
 * over every matching entry, read in pages of 1,000 (storePages), each checked for the fields
 * the filter and the order read (voterRosterKeys); a row of the page is checked whole. A village roll is a few
 * thousand entries at most. Sorting is in memory too (group order and stroke-free name order are
 * not store orders), so the reply's pages are slices of the ordered hits, not store pages: an
 * after-key cursor would not save the full read the order needs. Only the hits up to the asked
 * page are ordered (firstSortedOf, a bounded heap).
 * Order: the chosen column, then village group order, then name, then id — stable across pages.
 */
import type { listVoters, RosterSort } from '../../../src/contracts/roll.contract';
import { voterDoc, voterRosterKeys, type VoterRosterKeys } from '../../../src/contracts/documents/roll-documents.schema';
import { parseIdNumber } from '../../../src/domain/id-number';
import { err, ok } from '../../../src/domain/result';
import { keyedHash } from '../../security/keyed-hash';
import type { StoredDoc, Where } from '../../ports/store.port';
import { checkDoc, storePages, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { nameKey } from '../shared/name-key.records';
import { loadCommitteeElection } from './roll-access.policy';
import { rosterEntry } from './roll-entry.records';
import { firstSortedOf } from '../shared/first-sorted';

/** What the pass filters and orders by (voterRosterKeys); the whole entry is checked for the page's rows only. */
type Voter = WithId<VoterRosterKeys>;

const STATUS_ORDER = ['pending', 'registered', 'deprived', 'deceased', 'movedAway', 'unableToExercise'];
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A hit with what the order compares worked out once (a comparison made Map and indexOf lookups). */
interface Keyed {
  readonly v: Voter;
  /** The stored entry, checked against voterDoc once it is on the page. */
  readonly doc: StoredDoc;
  /** Village group order (unknown groups last). */
  readonly group: number;
  /** 1 when searching and the name does not start with the search (prefix matches first). */
  readonly miss: number;
  readonly status: number;
}
type Compare = (a: Keyed, b: Keyed) => number;

/** The comparator for a sort column; ties fall back to group order, name and id. */
function comparator(sort: RosterSort, desc: boolean): Compare {
  const byGroup: Compare = (a, b) => a.group - b.group;
  // Names: prefix matches first when searching, then code-point order (no ICU dependency).
  const byName: Compare = (a, b) => a.miss - b.miss || text(a.v.nameKey, b.v.nameKey);
  const first: Record<RosterSort, Compare> = {
    group: byGroup,
    name: byName,
    category: (a, b) => text(a.v.category, b.v.category),
    status: (a, b) => a.status - b.status,
    // Youngest first: a later birth date is a lower age.
    age: (a, b) => text(b.v.birthDate, a.v.birthDate),
  };
  const primary = first[sort];
  const sign = desc ? -1 : 1;
  return (a, b) => sign * primary(a, b) || byGroup(a, b) || byName(a, b) || text(a.v._id, b.v._id);
}

function keyer(groups: readonly string[], needle: string): (v: Voter, doc: StoredDoc) => Keyed {
  const groupOrder = new Map(groups.map((g, i) => [g, i]));
  return (v, doc) => ({
    v,
    doc,
    group: groupOrder.get(v.group) ?? 1e9,
    miss: Number(needle !== '' && !v.nameKey.startsWith(needle)),
    status: STATUS_ORDER.indexOf(v.status),
  });
}

export const listVotersUseCase: UseCase<typeof listVoters> = async (input, ctx) => {
  const loaded = await loadCommitteeElection(ctx, input.electionId);
  if (!loaded.ok) return loaded;
  const { election, village } = loaded.value;
  const where: Record<string, string> = { electionId: election._id };
  if (input.group) where.group = input.group;
  if (input.category) where.category = input.category;
  if (input.status) where.status = input.status;
  if (input.idNumber !== undefined) {
    const id = parseIdNumber(input.idNumber);
    if (!id.ok) return err('INVALID_INPUT', id.reason, id.message);
    where.idHash = keyedHash(ctx.settings.idHmacKey, 'id', id.value.normalized);
  }
  const needle = input.name ? nameKey(input.name) : '';
  const query = input.query ?? '';
  const queryKey = query ? nameKey(query) : '';
  const matches = (v: Voter) =>
    (!needle || v.nameKey.includes(needle)) &&
    (!query || v.nameKey.includes(queryKey) || v.group.includes(query)) &&
    (input.bound === undefined || (v.boundTo !== null) === input.bound) &&
    (input.confirmed === undefined || v.confirmed === input.confirmed);
  // Only the hits up to the asked page are kept and put in order (firstSortedOf, a bounded heap),
  // page by page of the store: page 1 of a 100,000-entry roll neither sorts nor holds all of it.
  const start = (input.page - 1) * input.pageSize;
  const keyOf = keyer(village.groups, needle || queryKey);
  const best = firstSortedOf(start + input.pageSize, comparator(input.sort, input.desc));
  let total = 0;
  for await (const page of storePages(ctx.store, 'voter', where as Where)) {
    for (const doc of page) {
      const v = checkDoc('voter', voterRosterKeys, doc);
      if (!matches(v)) continue;
      total += 1;
      best.offer(keyOf(v, doc));
    }
  }
  const upToPage = best.result();
  return ok({
    total,
    page: input.page,
    pageSize: input.pageSize,
    groups: village.groups,
    rows: upToPage.slice(start).map((k) => rosterEntry(checkDoc('voter', voterDoc, k.doc), election)),
  });
};
