/**
 * nominations.searchNominees — find people the caller may nominate: registered voters of the
 * caller's own election and village with the right to stand, by name. Each result shows group,
 * sex and birth year so namesakes can be told apart; never an ID digit (RULES.md §7).
 *
 * Cost: a full name is one indexed read (`voter.nameKey`). Only when that finds nobody — a
 * surname or the start of a name — are the election's registered entries paged and matched by
 * prefix (⌈roll/1,000⌉ reads, stopped as soon as a page of results is full): the store has
 * equality queries only.
 *
 * Outcomes:
 * - ok: up to 20 results, `more` when there are others (type more of the name)
 * - UNAUTHENTICATED NO_OPENID | NOT_BOUND · NOT_ELIGIBLE NOT_REGISTERED · NOT_FOUND ELECTION_GONE
 */
import type { searchNominees } from '../../../src/contracts/nomination.contract';
import { voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { nomineeEligibility } from '../../../src/domain/nomination-ballot';
import { ok } from '../../../src/domain/result';
import { compareByStroke } from '../../../src/domain/stroke-order';
import type { UseCase } from '../../runtime/dispatch';
import { docPages, findDocs, type WithId } from '../../runtime/documents';
import { nameKey } from '../shared/name-key.records';
import { nominatingVoter, nomineeView } from './nomination-scope.policy';

const LIMIT = 20;
const PAGE = 1000;

export const searchNomineesUseCase: UseCase<typeof searchNominees> = async (input, ctx) => {
  const scope = await nominatingVoter(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, rules } = scope.value;
  const key = nameKey(input.name);
  const electionScope = { id: election._id, villageId: election.villageId, electionDay: election.electionDay };
  const mayStand = (v: WithId<VoterDoc>) => nomineeEligibility(v, electionScope, rules).ok;

  let found = (await findDocs(ctx.store, 'voter', { electionId: election._id, nameKey: key }, voterDoc, { limit: PAGE })).filter(mayStand);
  if (found.length === 0) {
    for await (const page of docPages(ctx.store, 'voter', { electionId: election._id, status: 'registered' }, voterDoc, { limit: PAGE })) {
      found.push(...page.filter((v) => v.nameKey.startsWith(key) && mayStand(v)));
      if (found.length > LIMIT) break;
    }
  }
  found = found.sort((a, b) => compareByStroke(a.name, b.name) || a.group.localeCompare(b.group, 'zh') || a.birthDate.localeCompare(b.birthDate));
  return ok({ results: found.slice(0, LIMIT).map(nomineeView), more: found.length > LIMIT });
};
