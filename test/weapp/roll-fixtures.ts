/** 选民名册 replies shaped like committee.listVoters / setVoterStatus (the tests check them against the schemas). */
import type { OutputOf } from '../../src/contracts';
import type { roll } from '../../src/contracts';
import { election, whoamiCommittee, type WhoamiData } from './fixtures';

export type Entry = OutputOf<typeof roll.listVoters>['rows'][number];

const base = {
  statusReason: null,
  phoneMasked: null,
  confirmed: false,
  bound: false,
  residenceSince: null,
  residence: null,
  declaration: null,
  note: null,
};

export const migrant: Entry = {
  ...base,
  id: 'vt-b1',
  name: '李志强',
  group: '第五村民小组',
  category: 'B',
  categoryLabel: '户籍在本村、外出居住（需本人表示参加选举）',
  status: 'pending',
  statusLabel: '待确认参加选举',
  birthDate: '1990-01-01',
  locked: false,
  sex: 'M',
  ageOnElectionDay: 35,
};

export const villager: Entry = {
  ...base,
  id: 'vt-a1',
  name: '张秀兰',
  group: '第三村民小组',
  category: 'A',
  categoryLabel: '户籍在本村、居住在本村',
  status: 'registered',
  statusLabel: '已登记',
  birthDate: '1990-01-01',
  locked: false,
  sex: 'F',
  ageOnElectionDay: 68,
  confirmed: true,
  bound: true,
};

export const applicant: Entry = {
  ...base,
  id: 'vt-c1',
  name: '周新来',
  group: '第二村民小组',
  category: 'C',
  categoryLabel: '户籍不在本村、在本村居住（需申请并经村民会议同意）',
  status: 'pending',
  statusLabel: '待确认参加选举',
  birthDate: '1990-01-01',
  locked: false,
  sex: 'M',
  ageOnElectionDay: 41,
  residenceSince: '2024-03-01',
};

export const rows = [migrant, villager, applicant];

export const listOf = (r: Entry[]): OutputOf<typeof roll.listVoters> => ({ total: r.length, page: 1, pageSize: 20, groups: ['第二村民小组', '第三村民小组', '第五村民小组'], rows: r });

/** The committee member's whoami, with the election under another rule preset or with its list published. */
export function whoamiWith(over: Partial<WhoamiData['elections'][number]>): WhoamiData {
  return { ...whoamiCommittee, elections: [{ ...election, ...over }] };
}

export const publishedCalendar = election.calendar.map((e) => (e.key === 'voterListPublication' ? { ...e, lastDay: '2026-05-05', doneOn: '2026-05-05' } : e));
