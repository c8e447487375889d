/**
 * committee.listVoters — search this election's roll; no digit of an ID number in the rows.
 *
 * Outcomes: ok | FORBIDDEN NOT_COMMITTEE | NOT_FOUND ELECTION_UNKNOWN
 *
 * The store answers equality queries only (CloudBase as well as the embedded store), so group,
 * category, status and a whole ID number (its keyed hash; no digit is stored to match a part
 * against, RULES.md §7) narrow the query; the search box (part of a name or of a group's name), the
 * name and the bound/confirmed flags are filtered in memory
 * over every matching entry, read in pages of 1,000 (findAllDocs). A village roll is a few
 * thousand entries at most. Sorting is in memory too (group order and stroke-free name order are
 * not store orders), so the reply's pages are slices of the sorted hits, not store pages: an
 * after-key cursor would not save the full read the sort needs.
 * Order: the chosen column, then village group order, then name, then id — stable across pages.
 */
import type { listVoters, RosterSort } from '../../../src/contracts/roll.contract';
import { voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { parseIdNumber } from '../../../src/domain/id-number';
import { err, ok } from '../../../src/domain/result';
import { keyedHash } from '../../security/keyed-hash';
import type { Where } from '../../ports/store.port';
import { findAllDocs, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { nameKey } from '../shared/name-key.records';
import { loadCommitteeElection } from './roll-access.policy';
import { rosterEntry } from './roll-entry.records';

type Voter = WithId<VoterDoc>;
type Compare = (a: Voter, b: Voter) => number;

const STATUS_ORDER = ['pending', 'registered', 'deprived', 'deceased', 'movedAway', 'unableToExercise'];
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The comparator for a sort column; ties fall back to group order, name and id. */
function comparator(sort: RosterSort, desc: boolean, groups: readonly string[], needle: string): Compare {
  const groupOrder = new Map(groups.map((g, i) => [g, i]));
  const byGroup: Compare = (a, b) => (groupOrder.get(a.group) ?? 1e9) - (groupOrder.get(b.group) ?? 1e9);
  // Names: prefix matches first when searching, then code-point order (no ICU dependency).
  const byName: Compare = (a, b) =>
    Number(needle !== '' && !a.nameKey.startsWith(needle)) - Number(needle !== '' && !b.nameKey.startsWith(needle)) || text(a.nameKey, b.nameKey);
  const first: Record<RosterSort, Compare> = {
    group: byGroup,
    name: byName,
    category: (a, b) => text(a.category, b.category),
    status: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
    // Youngest first: a later birth date is a lower age.
    age: (a, b) => text(b.birthDate, a.birthDate),
  };
  const sign = desc ? -1 : 1;
  return (a, b) => sign * first[sort](a, b) || byGroup(a, b) || byName(a, b) || text(a._id, b._id);
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
  const all = await findAllDocs(ctx.store, 'voter', where as Where, voterDoc);

  const needle = input.name ? nameKey(input.name) : '';
  const query = input.query ?? '';
  const queryKey = query ? nameKey(query) : '';
  const hits = all.filter(
    (v) =>
      (!needle || v.nameKey.includes(needle)) &&
      (!query || v.nameKey.includes(queryKey) || v.group.includes(query)) &&
      (input.bound === undefined || (v.boundTo !== null) === input.bound) &&
      (input.confirmed === undefined || v.confirmed === input.confirmed),
  );
  hits.sort(comparator(input.sort, input.desc, village.groups, needle || queryKey));
  const start = (input.page - 1) * input.pageSize;
  return ok({
    total: hits.length,
    page: input.page,
    pageSize: input.pageSize,
    groups: village.groups,
    rows: hits.slice(start, start + input.pageSize).map((v) => rosterEntry(v, election)),
  });
};
