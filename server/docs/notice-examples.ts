/** The executed examples of election setup, notices, proxies, the township's views and committee membership, after the roll's. */
import { EXAMPLE_NOTICE_TEMPLATE, ROLL_IDS, type Step } from './example-state';
import { PROXY_CHECK_IN, PROXY_STEPS } from './proxy-examples';
import { PHONE_STEPS } from './phone-examples';

export const NOTICE_STEPS: Step[] = [
  // 选举设置: the election committee roster and the voting arrangements the typed notices announce.
  {
    fn: 'committee',
    caller: 'clerk',
    event: (s) => ({
      action: 'updateElection',
      electionId: s.electionId,
      revision: 0,
      electionCommittee: {
        chosenBy: 'representativeMeeting',
        chosenOn: '2026-02-27',
        members: [
          { name: '陈国华', role: 'chair', group: '第一村民小组' },
          { name: '林美玲', role: 'viceChair', group: '第二村民小组' },
          { name: '何志明', role: 'member', group: '第一村民小组' },
        ],
      },
      voting: {
        opensAt: '08:00',
        closesAt: '16:00',
        centralPlace: '村民委员会大院',
        stations: [{ name: '第二投票站', place: '第二村民小组文化室', groups: ['第二村民小组'] }],
        mobileBoxes: [{ station: '中心会场', monitors: [{ name: '吴建平', group: '第一村民小组' }, { name: '郑丽华', group: '第二村民小组' }, { name: '许文强', group: '第一村民小组' }] }],
      },
    }),
  },
  // 公告: the villager subscribes (one push per consent), the committee publishes, the villager reads, the committee sees 知晓率 and reminds.
  { fn: 'notices', caller: 'villager', event: () => ({ action: 'subscribe', templateIds: [EXAMPLE_NOTICE_TEMPLATE], accepted: [EXAMPLE_NOTICE_TEMPLATE] }) },
  {
    fn: 'committee',
    caller: 'clerk',
    event: (s) => ({ action: 'publishNotice', electionId: s.electionId, type: 'electionDayPlaces', body: '外出务工的选民请提前安排返乡投票，不能回来的可以办理委托投票。' }),
    keep: (d, s) => (s.noticeId = (d as { notice: { id: string } }).notice.id),
  },
  { fn: 'notices', caller: 'villager', event: () => ({ action: 'list' }) },
  { fn: 'notices', caller: 'villager', event: (s) => ({ action: 'get', noticeId: s.noticeId }) },
  { fn: 'notices', caller: 'villager', event: (s) => ({ action: 'markRead', noticeId: s.noticeId }) },
  // A state-changing call with its client requestId, then the gateway's retry of it: one read, the first reply replayed.
  { fn: 'notices', caller: 'villager', event: (s) => ({ action: 'markRead', noticeId: s.noticeId, requestId: 'r_mark_k3v9x2qa' }) },
  { fn: 'notices', caller: 'villager', event: (s) => ({ action: 'markRead', noticeId: s.noticeId, requestId: 'r_mark_k3v9x2qa' }) },
  { fn: 'committee', caller: 'clerk', event: (s) => ({ action: 'noticeStats', electionId: s.electionId, noticeId: s.noticeId, callList: true }) },
  { fn: 'committee', caller: 'clerk', event: (s) => ({ action: 'remindUnread', electionId: s.electionId, noticeId: s.noticeId }) },
  ...PHONE_STEPS,
  ...PROXY_STEPS,
  { fn: 'township', caller: 'township', event: () => ({ action: 'overview' }) },
  { fn: 'identity', caller: 'villager', event: () => ({ action: 'unbind' }) },
  // 不重登: a second village imports a person registered in the first; the township sees it.
  {
    fn: 'township',
    caller: 'township',
    event: () => ({ action: 'createVillage', name: '石桥村', kind: 'village', presetId: 'national', groups: ['第一村民小组'] }),
    keep: (d, s) => (s.other.villageId = (d as { village: { id: string } }).village.id),
  },
  { fn: 'township', caller: 'township', event: (s) => ({ action: 'inviteCommittee', villageId: s.other.villageId }), keep: (d, s) => (s.other.inviteCode = (d as { code: string }).code) },
  { fn: 'identity', caller: 'clerk', event: (s) => ({ action: 'redeemInvite', code: s.other.inviteCode }) },
  {
    fn: 'committee',
    caller: 'clerk',
    event: (s) => ({ action: 'createElection', villageId: s.other.villageId, electionDay: '2026-04-19', posts: [{ post: 'director', seats: 1 }, { post: 'member', seats: 2 }] }),
    keep: (d, s) => (s.other.electionId = (d as { election: { id: string } }).election.id),
  },
  {
    fn: 'committee',
    caller: 'clerk',
    event: (s) => ({ action: 'importRoll', electionId: s.other.electionId, rows: [{ row: 2, name: '张建军', idNumber: ROLL_IDS.a, group: '第一村民小组', category: 'A' }] }),
  },
  { fn: 'township', caller: 'township', event: () => ({ action: 'duplicates' }) },
  // Committee membership: a 办事员 seat, the township's list, a revocation, the refusal that follows.
  {
    fn: 'township',
    caller: 'township',
    event: (s) => ({ action: 'inviteCommittee', villageId: s.other.villageId, role: 'clerk' }),
    keep: (d, s) => (s.other.clerkInvite = (d as { code: string }).code),
  },
  { fn: 'identity', caller: 'secondMember', event: (s) => ({ action: 'redeemInvite', code: s.other.clerkInvite }) },
  {
    fn: 'township',
    caller: 'township',
    event: (s) => ({ action: 'members', villageId: s.other.villageId }),
    keep: (d, s) => (s.other.clerkRef = (d as { members: { ref: string; role: string }[] }).members.find((m) => m.role === 'clerk')?.ref ?? ''),
  },
  { fn: 'township', caller: 'township', event: (s) => ({ action: 'revokeMember', villageId: s.other.villageId, memberRef: s.other.clerkRef, reason: '工作调动，不再担任办事员' }) },
  { fn: 'committee', caller: 'secondMember', event: (s) => ({ action: 'stats', electionId: s.other.electionId }) },
  { fn: 'township', caller: 'township', event: (s) => ({ action: 'revokeMember', villageId: s.other.villageId, memberRef: s.other.clerkRef, reason: '再次撤销' }) },
  PROXY_CHECK_IN,
];
