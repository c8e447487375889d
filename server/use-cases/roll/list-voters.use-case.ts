/**
 * committee.listVoters — search this election's roll; masked rows only.
 *
 * Outcomes: ok | FORBIDDEN NOT_COMMITTEE | NOT_FOUND ELECTION_UNKNOWN
 *
 * The store answers equality queries only (CloudBase as well as the embedded store), so group,
 * category and status narrow the query; the name (any part of it), the ID number's last four
 * characters and the bound/confirmed flags are filtered in memory over every matching entry,
 * read in pages of 1,000 (findAllDocs). A village roll is a few thousand entries at most.
 * Order: village group order, then name, then id — stable across pages.
 */
import type { listVoters } from '../../../src/contracts/roll.contract';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { ok } from '../../../src/domain/result';
import type { Where } from '../../ports/store.port';
import { findAllDocs } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { nameKey } from '../shared/name-key';
import { loadCommitteeElection } from './roll-access';
import { rosterEntry } from './roll-entry';

export const listVotersUseCase: UseCase<typeof listVoters> = async (input, ctx) => {
  const loaded = await loadCommitteeElection(ctx, input.electionId);
  if (!loaded.ok) return loaded;
  const { election, village } = loaded.value;
  const where: Record<string, string> = { electionId: election._id };
  if (input.group) where.group = input.group;
  if (input.category) where.category = input.category;
  if (input.status) where.status = input.status;
  const all = await findAllDocs(ctx.store, 'voter', where as Where, voterDoc);

  const needle = input.name ? nameKey(input.name) : '';
  const tail = input.idLast4?.toUpperCase();
  const hits = all.filter(
    (v) =>
      (!needle || v.nameKey.includes(needle)) &&
      (!tail || v.idMasked.endsWith(tail)) &&
      (input.bound === undefined || (v.boundTo !== null) === input.bound) &&
      (input.confirmed === undefined || v.confirmed === input.confirmed),
  );
  const groupOrder = new Map(village.groups.map((g, i) => [g, i]));
  hits.sort(
    (a, b) =>
      (groupOrder.get(a.group) ?? 1e9) - (groupOrder.get(b.group) ?? 1e9) ||
      // Names: prefix matches first when searching, then code-point order (no ICU dependency).
      Number(needle !== '' && !a.nameKey.startsWith(needle)) - Number(needle !== '' && !b.nameKey.startsWith(needle)) ||
      (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0) ||
      (a._id < b._id ? -1 : 1),
  );
  const start = (input.page - 1) * input.pageSize;
  return ok({
    total: hits.length,
    page: input.page,
    pageSize: input.pageSize,
    groups: village.groups,
    rows: hits.slice(start, start + input.pageSize).map((v) => rosterEntry(v, election)),
  });
};
