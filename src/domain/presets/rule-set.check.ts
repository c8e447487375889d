/**
 * Consistency of a rule set with the statutory calendar: each window must fit inside the one
 * before it (registration before the list is published, nomination after objections are decided,
 * candidates published after nomination closes, proxies before E). A preset that fails here is a
 * configuration bug; the registry's tests run this over every shipped set.
 */
import { compareCivil } from '../civil-date';
import type { RuleSet } from './types';

/** Days before E of the latest day objections can still be decided, when the list is published on the last lawful day. */
export function latestObjectionDecisionDaysBefore(rules: RuleSet): number {
  const o = rules.objection;
  return o.mode === 'afterPublication' ? rules.voterList.publishDaysBefore - o.fileWithinDays - o.decideWithinDays : o.decideByDaysBefore;
}

/** Human-readable problems; empty when the set is consistent. */
export function ruleSetProblems(rules: RuleSet): string[] {
  const p: string[] = [];
  const { voterList, registration, nomination, candidates, proxy, committee, objection } = rules;
  const positive = (n: number) => Number.isInteger(n) && n > 0;

  if (rules.effectiveUntil !== null && compareCivil(rules.effectiveUntil, rules.effectiveFrom) < 0) p.push('effectiveUntil precedes effectiveFrom');
  if (!positive(rules.voter.minAge)) p.push('voter.minAge must be a positive integer');
  if (!positive(voterList.publishDaysBefore)) p.push('voterList.publishDaysBefore must be a positive integer');
  if (voterList.warnWhenGapBelowDays <= voterList.publishDaysBefore) p.push('voterList.warnWhenGapBelowDays must exceed publishDaysBefore');
  if (registration.opensDaysBefore <= voterList.publishDaysBefore) p.push('registration must open before the voter list is published');

  if (objection.mode === 'afterPublication') {
    if (!positive(objection.fileWithinDays) || !positive(objection.decideWithinDays)) p.push('objection periods must be positive integers');
  } else {
    if (objection.fileByDaysBefore >= voterList.publishDaysBefore) p.push('objection filing must close after the latest publication day');
    if (objection.decideByDaysBefore >= objection.fileByDaysBefore) p.push('objections must be decided after filing closes');
    if (!positive(objection.decideByDaysBefore)) p.push('objections must be decided before E');
  }
  if (nomination.defaultOpensDaysBefore >= latestObjectionDecisionDaysBefore(rules)) p.push('nomination must open after objections are decided');
  if (nomination.defaultClosesDaysBefore > nomination.defaultOpensDaysBefore) p.push('nomination closes before it opens');
  if (nomination.defaultClosesDaysBefore <= candidates.publishDaysBefore) p.push('candidates must be published after nomination closes');
  if (!positive(candidates.publishDaysBefore)) p.push('candidates must be published before E');
  if (!positive(nomination.jointMinimum)) p.push('nomination.jointMinimum must be a positive integer');
  const keys = candidates.qualification.map((q) => q.key);
  if (new Set(keys).size !== keys.length) p.push('candidates.qualification keys must be unique');
  if (candidates.qualification.some((q) => !q.source.trim() || !q.label.trim())) p.push('every qualification check needs a label and a source');

  for (const [post, m] of Object.entries(candidates.margins)) {
    // 候选人名额应当多于应选名额 (村民委员会组织法 Art. 15): the margin is at least 1.
    if (!positive(m.min) || m.max < m.min) p.push(`candidates.margins.${post} must satisfy 1 ≤ min ≤ max`);
  }

  if (proxy.allowed) {
    if (!positive(proxy.deadlineDaysBefore)) p.push('proxy deadline must fall before E');
    if (!positive(proxy.maxPrincipalsPerProxy)) p.push('proxy.maxPrincipalsPerProxy must be a positive integer');
  }
  if (rules.electorate !== 'allVoters' && proxy.allowed) p.push('representative electorates have no proxies (RULES.md §8)');
  if (rules.kind === 'village' && rules.electorate !== 'allVoters') p.push('village elections are by all registered voters');

  if (!positive(committee.minMembers) || committee.maxMembers < committee.minMembers) p.push('committee size range is empty');
  if (rules.electionCommittee.minMembers < 3) p.push('election committee needs at least 3 members (RULES.md §2)');
  if (!positive(rules.electionCommittee.chairs) || rules.electionCommittee.chairs >= rules.electionCommittee.minMembers) p.push('election committee chairs must be at least 1 and fewer than its members');

  const { voting, notices } = rules;
  if (voting.mobileBoxMinMonitors < 3) p.push('a mobile ballot box needs at least 3 monitors (RULES.md §5)');
  voting.mobileBoxGuide.forEach((band, i) => {
    const before = voting.mobileBoxGuide[i - 1];
    if (!positive(band.upToVoters) || !positive(band.maxBoxes)) p.push('voting.mobileBoxGuide bands must be positive integers');
    else if (before && (band.upToVoters <= before.upToVoters || band.maxBoxes < before.maxBoxes)) p.push('voting.mobileBoxGuide bands must ascend');
  });
  if (!positive(notices.prepareVoteDaysBefore)) p.push('notices that prepare the vote must be published before E');
  if (!Number.isInteger(notices.resultsDaysAfter) || notices.resultsDaysAfter < 0) p.push('notices.resultsDaysAfter must be a non-negative integer');
  return p;
}
