/**
 * The typed notices of the election's setup, from the election document (committee.updateElection):
 * the 村民选举委员会 roster, the election day and its places, the polling stations and 流动票箱
 * (RULES.md §2, §5, §6). Each gives its title, body lines and attached list (names and groups only);
 * typed-notice.text.ts adds the correction line, the committee's own text and the signature.
 */
import { COMMITTEE_CHOSEN_BY_LABELS, COMMITTEE_ROLE_LABELS } from '../../../src/contracts/labels';
import type { ElectionDoc, VillageDoc } from '../../../src/contracts/documents/election-documents.schema';
import type { AttachmentEntry } from '../../../src/contracts/documents/notice-documents.schema';
import { COMMITTEE_ROLE_ORDER, type ElectionCommitteeRoster } from '../../../src/domain/election-setup';
import type { RuleSet } from '../../../src/domain/presets/types';
import { sortByStroke } from '../../../src/domain/stroke-order';
import { CENTRAL_PLACE_NAME, centralPlaceGroups, type VotingArrangements } from '../../../src/domain/voting-arrangements';
import { civilDateText, clockText, forKind, groupsText, lawOf, postsText } from './notice-wording.text';

/** One generated notice before its frame: title, body lines, attached list. */
export interface NoticeSection {
  readonly title: string;
  readonly lines: string[];
  readonly list: { readonly kind: string; readonly entries: readonly AttachmentEntry[] } | null;
}

/** The roster and the arrangements as the domain checks them (stored records, minus their timestamps). */
export function rosterOf(election: ElectionDoc): ElectionCommitteeRoster | null {
  const r = election.electionCommittee;
  return r ? { chosenBy: r.chosenBy, chosenOn: r.chosenOn, members: r.members } : null;
}
export function votingOf(election: ElectionDoc): VotingArrangements | null {
  const v = election.voting;
  return v ? { opensAt: v.opensAt, closesAt: v.closesAt, centralPlace: v.centralPlace, stations: v.stations, mobileBoxes: v.mobileBoxes } : null;
}

/** The roster in notice order: 主任, 副主任, 委员, each role in 姓氏笔画 order. */
export function rosterInOrder(roster: ElectionCommitteeRoster): ElectionCommitteeRoster['members'][number][] {
  return COMMITTEE_ROLE_ORDER.flatMap((role) => sortByStroke(roster.members.filter((m) => m.role === role), (m) => m.name));
}

/** Who votes at the central place: everyone without stations, else the groups no station serves. */
const centralWho = (voting: VotingArrangements, central: readonly string[]) =>
  voting.stations.length === 0 ? '，全体选民在中心会场投票' : central.length ? `，${groupsText(central)}的选民在中心会场投票` : '';

/** Monitors as published: names and groups only. */
const monitorsText = (box: VotingArrangements['mobileBoxes'][number]) => box.monitors.map((m) => `${m.name}（${m.group}）`).join('、');

export function committeeMembersSection(election: ElectionDoc, village: VillageDoc, committee: string, extra: readonly string[]): NoticeSection {
  // The domain refused the notice unless a valid roster is stored.
  const roster = rosterOf(election);
  if (!roster) throw new Error('committeeMembers generated without a roster');
  const members = rosterInOrder(roster);
  const byRole = COMMITTEE_ROLE_ORDER.map((role) => [role, members.filter((m) => m.role === role)] as const).filter(([, ms]) => ms.length > 0);
  return {
    title: `${village.name}${forKind(election.kind, '村民选举委员会')}成员公告`,
    lines: [
      `根据${lawOf(election.kind)}和有关规定，经${civilDateText(roster.chosenOn)}${forKind(election.kind, COMMITTEE_CHOSEN_BY_LABELS[roster.chosenBy])}推选，${committee}由${members.length}名成员组成，主持${election.title}工作。`,
      ...byRole.map(([role, ms]) => `${COMMITTEE_ROLE_LABELS[role]}：${ms.map((m) => m.name).join('、')}`),
      '选举委员会成员被提名为候选人的，应当退出选举委员会，所缺名额依法递补，并另行公告。',
      ...extra,
    ],
    list: { kind: 'committeeMembers', entries: members.map((m, i) => ({ no: i + 1, name: m.name, role: COMMITTEE_ROLE_LABELS[m.role], group: m.group })) },
  };
}

export function electionDayPlacesSection(election: ElectionDoc, village: VillageDoc, extra: readonly string[]): NoticeSection {
  const voting = votingOf(election);
  if (!voting) throw new Error('electionDayPlaces generated without voting arrangements');
  const central = centralPlaceGroups(voting, village.groups);
  return {
    title: `${village.name}选举日公告`,
    lines: [
      `根据${lawOf(election.kind)}和有关规定，${election.title}的选举日定于${civilDateText(election.electionDay)}。`,
      `投票时间：${clockText(voting.opensAt)}至${clockText(voting.closesAt)}。`,
      `${CENTRAL_PLACE_NAME}设在${voting.centralPlace}${centralWho(voting, central)}。`,
      ...voting.stations.map((st) => `${st.name}设在${st.place}，${groupsText(st.groups)}的选民在这里投票。`),
      '投票结束后公开计票，选举结果当场公布。',
      `本届选举应选${postsText(election)}。`,
      '请选民带上身份证，按时到所在的投票地点投票。',
      ...extra,
    ],
    list: {
      kind: 'places',
      entries: [
        { station: CENTRAL_PLACE_NAME, place: voting.centralPlace, groups: voting.stations.length ? groupsText(central) : '全体选民' },
        ...voting.stations.map((st) => ({ station: st.name, place: st.place, groups: groupsText(st.groups) })),
      ],
    },
  };
}

export function pollingStationsSection(election: ElectionDoc, village: VillageDoc, rules: RuleSet, extra: readonly string[]): NoticeSection {
  const voting = votingOf(election);
  if (!voting) throw new Error('pollingStations generated without voting arrangements');
  const placeOf = (name: string) => (name === CENTRAL_PLACE_NAME ? voting.centralPlace : (voting.stations.find((st) => st.name === name)?.place ?? ''));
  return {
    title: `${village.name}投票站和流动票箱公告`,
    lines: [
      `根据${lawOf(election.kind)}和有关规定，${election.title}选举日（${civilDateText(election.electionDay)}）设${CENTRAL_PLACE_NAME}（${voting.centralPlace}）${voting.stations.length ? `和${voting.stations.length}个投票站` : ''}，投票时间为${clockText(voting.opensAt)}至${clockText(voting.closesAt)}。`,
      ...voting.stations.map((st) => `${st.name}：设在${st.place}，服务${groupsText(st.groups)}。`),
      voting.mobileBoxes.length
        ? `设流动票箱${voting.mobileBoxes.length}个，只用于因行动不便等原因不能到投票站投票的选民，每个流动票箱由${rules.voting.mobileBoxMinMonitors}名以上监票人员负责：`
        : '本届选举不设流动票箱。',
      ...voting.mobileBoxes.map((box, i) => `第${i + 1}号流动票箱：从${box.station}出发，监票人员${monitorsText(box)}。`),
      ...extra,
    ],
    list: {
      kind: 'pollingStations',
      entries: [
        ...voting.stations.map((st, i) => ({ no: i + 1, station: st.name, place: st.place, groups: groupsText(st.groups) })),
        ...voting.mobileBoxes.map((box, i) => ({ no: voting.stations.length + i + 1, station: `第${i + 1}号流动票箱`, place: `从${box.station}（${placeOf(box.station)}）出发`, monitors: monitorsText(box) })),
      ],
    },
  };
}
