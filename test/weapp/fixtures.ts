/**
 * Replies shaped exactly like the contracts (fixtures.test checks them against the zod
 * schemas), used to stand in for the cloud functions in the simulate tests.
 */
import type { OutputOf } from '../../src/contracts';
import type { identity, registration } from '../../src/contracts';

export type WhoamiData = OutputOf<typeof identity.whoami>;
export type MineData = OutputOf<typeof registration.mine>;

/** Server clock of the fixtures; 3 days 4 hours 5 minutes before the next deadline. */
export const SERVER_NOW = '2026-05-06T11:54:00.000Z';

export const election: WhoamiData['elections'][number] = {
  id: 'el-qingxi-2026',
  villageId: 'v-qingxi',
  villageName: '清溪村',
  kind: 'village',
  title: '清溪村第十二届村民委员会换届选举',
  electionDay: '2026-06-20',
  presetId: 'zj-2026',
  presetName: '浙江省村民委员会选举办法（2026）',
  posts: [
    { post: 'director', label: '主任', seats: 1 },
    { post: 'deputy', label: '副主任', seats: 1 },
    { post: 'member', label: '委员', seats: 3 },
  ],
  phase: 'registration',
  phaseLabel: '选民登记',
  next: { key: 'registration', label: '选民登记', deadline: '2026-05-09T16:00:00.000Z' },
  calendar: [
    { key: 'announcement', label: '发布选举公告', opensOn: null, lastDay: '2026-04-30', deadline: '2026-04-30T16:00:00.000Z' },
    { key: 'registration', label: '选民登记', opensOn: '2026-05-01', lastDay: '2026-05-09', deadline: '2026-05-09T16:00:00.000Z' },
    { key: 'voterListPublication', label: '公布选民名单', opensOn: null, lastDay: '2026-05-31', deadline: '2026-05-31T16:00:00.000Z' },
    { key: 'nomination', label: '提名候选人', opensOn: '2026-06-01', lastDay: '2026-06-05', deadline: '2026-06-05T16:00:00.000Z', provisional: true },
    { key: 'electionDay', label: '选举日', opensOn: '2026-06-20', lastDay: '2026-06-20', deadline: '2026-06-20T16:00:00.000Z' },
  ],
  serverNow: SERVER_NOW,
};

export const voter: NonNullable<WhoamiData['voter']> = {
  id: 'vt-0001',
  electionId: election.id,
  villageName: '清溪村',
  name: '王秀英',
  sex: 'F',
  ageOnElectionDay: 68,
  group: '第三村民小组',
  category: 'A',
  categoryLabel: '户籍在本村、居住在本村',
  status: 'registered',
  statusLabel: '已登记',
  confirmed: false,
};

export const whoamiUnbound: WhoamiData = { roles: [], voter: null, committeeOf: [], elections: [], bindLockedUntil: null, askedElection: null };
export const whoamiBound: WhoamiData = { roles: ['voter'], voter, committeeOf: [], elections: [election], bindLockedUntil: null, askedElection: null };
export const whoamiCommittee: WhoamiData = {
  roles: ['committee'],
  voter: null,
  committeeOf: [{ villageId: 'v-qingxi', villageName: '清溪村' }],
  elections: [election],
  bindLockedUntil: null,
  askedElection: null,
};
export const mine: MineData = {
  voter,
  election,
  todo: [{ key: 'confirm', label: '核对并确认本人的登记信息', deadline: '2026-05-31T16:00:00.000Z' }],
  groups: ['第一村民小组', '第二村民小组', '第三村民小组'],
};
