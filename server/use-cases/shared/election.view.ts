import type { ElectionSummary } from '../../../src/contracts/common.schema';
import type { VoterView } from '../../../src/contracts/voter.schema';
import { CATEGORY_B_DECLARED_LABEL, CATEGORY_LABELS, POST_LABELS, STATUS_LABELS } from '../../../src/contracts/labels';
import type { ElectionDoc, VillageDoc } from '../../../src/contracts/documents/election-documents.schema';
import type { VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { buildCalendar, phaseAt, type ElectionCalendar } from '../../../src/domain/calendar';
import { ageOn } from '../../../src/domain/id-number';
import type { RuleSet } from '../../../src/domain/presets/types';
import { resolveRuleSet } from '../../../src/domain/presets/registry';
import type { WithId } from '../../runtime/documents';

/** The rule set an election runs under; a stored election always has one (checked at creation). */
export function rulesOf(election: ElectionDoc): RuleSet {
  const r = resolveRuleSet(election.presetId, election.kind, election.electionDay);
  if (!r.ok) throw new Error(`election has no rule set: ${election.presetId}/${election.kind}/${election.electionDay}`);
  return r.value;
}

/**
 * Calendars already built, per rule set, by the dates they are built from: a calendar is a pure
 * function of them, and the villager actions that show the election (bind, whoami, mine) built
 * the same one on every call (≈ 25 µs of date arithmetic each). Bounded: a warm function instance
 * serves a few elections, a local host a township's.
 */
const calendars = new WeakMap<RuleSet, Map<string, ElectionCalendar>>();
const CALENDARS_PER_RULE_SET = 256;

export function calendarOf(election: ElectionDoc, rules: RuleSet): ElectionCalendar {
  const input = {
    electionDay: election.electionDay,
    voterListPublishedOn: election.voterListPublishedOn,
    registrationOpensOn: election.registrationOpensOn,
    nominationOpensOn: election.nominationOpensOn,
    nominationClosesOn: election.nominationClosesOn,
  };
  const key = `${input.electionDay}|${input.voterListPublishedOn ?? ''}|${input.registrationOpensOn ?? ''}|${input.nominationOpensOn ?? ''}|${input.nominationClosesOn ?? ''}`;
  let built = calendars.get(rules);
  if (!built) calendars.set(rules, (built = new Map()));
  const known = built.get(key);
  if (known) return known;
  if (built.size >= CALENDARS_PER_RULE_SET) built.clear();
  const calendar = buildCalendar(input, rules);
  built.set(key, calendar);
  return calendar;
}

export function electionSummary(election: WithId<ElectionDoc>, village: Pick<VillageDoc, 'name'>, now: Date): ElectionSummary {
  const rules = rulesOf(election);
  const calendar = calendarOf(election, rules);
  const p = phaseAt(calendar, now);
  return {
    id: election._id,
    villageId: election.villageId,
    villageName: village.name,
    kind: election.kind,
    title: election.title,
    electionDay: election.electionDay,
    presetId: election.presetId,
    presetName: rules.name,
    posts: election.posts.map((x) => ({ post: x.post, label: POST_LABELS[x.post], seats: x.seats })),
    phase: p.phase,
    phaseLabel: p.label,
    next: p.next ? { key: p.next.key, label: p.next.label, deadline: p.next.deadline } : null,
    calendar: calendar.entries.map((e) => ({
      key: e.key,
      label: e.label,
      opensOn: e.opensOn,
      lastDay: e.lastDay,
      deadline: e.deadline,
      ...(e.provisional ? { provisional: true } : {}),
      ...(e.doneOn ? { doneOn: e.doneOn } : {}),
    })),
    serverNow: now.toISOString(),
  };
}

export function voterView(voter: WithId<VoterDoc>, election: ElectionDoc, villageName: string): VoterView {
  return {
    id: voter._id,
    electionId: voter.electionId,
    villageName,
    name: voter.name,
    sex: voter.sex,
    ageOnElectionDay: ageOn(voter.birthDate, election.electionDay),
    group: voter.group,
    category: voter.category,
    categoryLabel: voter.category === 'B' && voter.declaration ? CATEGORY_B_DECLARED_LABEL : CATEGORY_LABELS[voter.category],
    status: voter.status,
    statusLabel: STATUS_LABELS[voter.status],
    confirmed: voter.confirmed,
    declaredOn: voter.category === 'B' ? (voter.declaration?.on ?? null) : null,
  };
}
