/** A roster and voting arrangements for the two groups of the harness village (villageWithElection). */
export const G1 = '第一村民小组';
export const G2 = '第二村民小组';

export const ROSTER = {
  chosenBy: 'representativeMeeting',
  chosenOn: '2026-02-26',
  members: [
    { name: '张伟', role: 'member', group: G2 },
    { name: '王建国', role: 'chair', group: G1 },
    { name: '李秀英', role: 'viceChair', group: G2 },
  ],
};
export const MONITORS = [
  { name: '赵强', group: G1 },
  { name: '黄敏', group: G2 },
  { name: '陈明', group: G1 },
];
export const VOTING = {
  opensAt: '08:00',
  closesAt: '17:00',
  centralPlace: '村委会大院',
  stations: [{ name: '第一投票站', place: '第二组文化室', groups: [G2] }],
  mobileBoxes: [{ station: '中心会场', monitors: MONITORS }],
};

