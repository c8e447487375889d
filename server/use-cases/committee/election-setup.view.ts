/**
 * The election setup as committee.updateElection returns it: the windows as set, the roster and
 * the voting arrangements with their labels, the village groups and the rule numbers the form
 * shows, and the fields that can no longer change.
 */
import type { OutputOf } from '../../../src/contracts/define-action';
import type { updateElection } from '../../../src/contracts/committee.contract';
import { COMMITTEE_CHOSEN_BY_LABELS, COMMITTEE_ROLE_LABELS } from '../../../src/contracts/labels';
import type { ElectionDoc, VillageDoc } from '../../../src/contracts/documents/election-documents.schema';
import type { ElectionCalendar } from '../../../src/domain/calendar';
import { setupLocks } from '../../../src/domain/election-setup';
import type { RuleSet } from '../../../src/domain/presets/types';
import { centralPlaceGroups, mobileBoxGuideMax, type VotingArrangements } from '../../../src/domain/voting-arrangements';
import { rosterInOrder, rosterOf, votingOf } from '../notices/setup-notices.text';

export type SetupView = OutputOf<typeof updateElection>['setup'];

/** A plain (mutable) copy of the arrangements, as stored and returned. */
export function plainVoting(v: VotingArrangements) {
  return {
    opensAt: v.opensAt,
    closesAt: v.closesAt,
    centralPlace: v.centralPlace,
    stations: v.stations.map((s) => ({ name: s.name, place: s.place, groups: [...s.groups] })),
    mobileBoxes: v.mobileBoxes.map((b) => ({ station: b.station, monitors: b.monitors.map((m) => ({ name: m.name, group: m.group })) })),
  };
}

/** The effective nomination opening: the committee's date, or the preset default the calendar filled in. */
export const nominationOpensOf = (calendar: ElectionCalendar): string => {
  const n = calendar.entries.find((e) => e.key === 'nomination');
  if (!n?.opensOn) throw new Error('calendar without a nomination window');
  return n.opensOn;
};

export function locksOf(election: ElectionDoc, calendar: ElectionCalendar, today: string) {
  return setupLocks({ voterListPublishedOn: election.voterListPublishedOn, electionDay: election.electionDay, nominationOpensOn: nominationOpensOf(calendar) }, today);
}

export function setupView(election: ElectionDoc, village: VillageDoc, rules: RuleSet, calendar: ElectionCalendar, registeredVoters: number, today: string): SetupView {
  const roster = rosterOf(election);
  const voting = votingOf(election);
  return {
    registrationOpensOn: election.registrationOpensOn,
    nominationOpensOn: election.nominationOpensOn,
    nominationClosesOn: election.nominationClosesOn,
    electionCommittee:
      roster && election.electionCommittee
        ? {
            chosenBy: roster.chosenBy,
            chosenByLabel: COMMITTEE_CHOSEN_BY_LABELS[roster.chosenBy],
            chosenOn: roster.chosenOn,
            members: rosterInOrder(roster).map((m) => ({ ...m, roleLabel: COMMITTEE_ROLE_LABELS[m.role] })),
            updatedAt: election.electionCommittee.updatedAt,
          }
        : null,
    voting: voting && election.voting ? { ...plainVoting(voting), centralGroups: centralPlaceGroups(voting, village.groups), updatedAt: election.voting.updatedAt } : null,
    groups: village.groups,
    registeredVoters,
    rules: {
      minCommitteeMembers: rules.electionCommittee.minMembers,
      committeeChairs: rules.electionCommittee.chairs,
      minBoxMonitors: rules.voting.mobileBoxMinMonitors,
      mobileBoxGuideMax: registeredVoters > 0 ? mobileBoxGuideMax(registeredVoters, rules) : null,
    },
    locks: [...locksOf(election, calendar, today)],
  };
}
