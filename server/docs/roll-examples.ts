/** The executed examples of the village, the committee seats, identity, the roll and the objections, in order. */
import { rollImportPrefix } from '../ports/storage.port';
import { EXAMPLE_MISSING_PERSON_ID, ROLL_IDS, type Step } from './example-state';
import { unlockBindingStep } from './binding-lock-examples';
import { EXAMPLE_PHONE } from './phone-examples';

export const ROLL_STEPS: Step[] = [
  {
    fn: 'township',
    caller: 'township',
    event: () => ({ action: 'createVillage', name: '清溪村', kind: 'village', presetId: 'national', groups: ['第一村民小组', '第二村民小组'] }),
    keep: (d, s) => (s.villageId = (d as { village: { id: string } }).village.id),
  },
  {
    fn: 'township',
    caller: 'township',
    event: (s) => ({ action: 'inviteCommittee', villageId: s.villageId }),
    keep: (d, s) => (s.inviteCode = (d as { code: string }).code),
  },
  { fn: 'identity', caller: 'clerk', event: (s) => ({ action: 'redeemInvite', code: s.inviteCode }) },
  {
    fn: 'committee',
    caller: 'clerk',
    event: (s) => ({
      action: 'createElection',
      villageId: s.villageId,
      electionDay: '2026-04-12',
      posts: [
        { post: 'director', seats: 1 },
        { post: 'deputy', seats: 1 },
        { post: 'member', seats: 3 },
      ],
    }),
    keep: (d, s) => (s.electionId = (d as { election: { id: string } }).election.id),
  },
  { fn: 'identity', caller: 'villager', event: (s) => ({ action: 'bind', ...s.voter, consent: true }) },
  { fn: 'identity', caller: 'villager', event: () => ({ action: 'whoami' }) },
  { fn: 'identity', caller: null, event: () => ({ action: 'publicKeys' }) },
  { fn: 'registration', caller: 'villager', event: () => ({ action: 'mine' }) },
  // 选民登记: roll import, search, category decisions, the villager side.
  {
    fn: 'committee',
    caller: 'clerk',
    event: (s) => ({
      action: 'importRoll',
      electionId: s.electionId,
      rows: [
        { row: 2, name: '张建军', idNumber: ROLL_IDS.a, group: '第一村民小组', category: 'A', phone: EXAMPLE_PHONE },
        { row: 3, name: '李志强', idNumber: ROLL_IDS.b, group: '二组', category: '外出', note: '在东莞务工' },
        { row: 4, name: '陈春梅', idNumber: ROLL_IDS.c, group: '第二村民小组', category: 'C', residenceSince: '2024-09-01' },
        { row: 5, name: '赵小光', idNumber: ROLL_IDS.under18, group: '第一村民小组', category: 'A' },
        { row: 6, name: '王小红', idNumber: ROLL_IDS.typo, group: '第一村民小组', category: 'A' },
      ],
    }),
    keep: (d, s) => {
      s.importId = (d as { importId: string }).importId;
      for (const r of (d as { rows: { name?: string; voterId?: string; bindingCode?: string }[] }).rows) {
        if (r.name && r.voterId) s.roll[r.name] = { voterId: r.voterId, bindingCode: r.bindingCode ?? '' };
      }
    },
  },
  // The page's way: the sheet uploaded to storage first (weapp wx.cloud.uploadFile, H5 POST /files), then imported by its file id. Same person, same data: unchanged.
  {
    fn: 'committee',
    caller: 'clerk',
    before: async (app, s) => {
      s.rollFileId = await app.storage.put(`${rollImportPrefix(s.villageId)}1772415000000-example.csv`, Buffer.from(`姓名,身份证号码,村民小组,类别\r\n张建军,${ROLL_IDS.a},第一村民小组,A\r\n`, 'utf8'));
    },
    event: (s) => ({ action: 'importRoll', electionId: s.electionId, fileId: s.rollFileId, fileName: '清溪村选民登记表.csv' }),
  },
  // The first import's report again from its fourth row (a client that already holds three rows, or the page re-opened before printing).
  { fn: 'committee', caller: 'clerk', event: (s) => ({ action: 'importRoll', electionId: s.electionId, importId: s.importId, from: 3 }) },
  { fn: 'committee', caller: 'clerk', event: (s) => ({ action: 'listVoters', electionId: s.electionId, category: 'C', pageSize: 20 }) },
  {
    fn: 'committee',
    caller: 'clerk',
    event: (s) => ({
      action: 'setVoterStatus',
      electionId: s.electionId,
      voterId: s.roll['陈春梅']?.voterId,
      op: 'approveResidence',
      meeting: 'representativeMeeting',
      meetingDate: '2026-03-01',
      minutesRef: '清溪村民代表会议〔2026〕3号',
    }),
  },
  unlockBindingStep('李志强', ROLL_IDS.b),
  { fn: 'identity', caller: 'migrant', event: (s) => ({ action: 'bind', name: '李志强', idNumber: ROLL_IDS.b, bindingCode: s.roll['李志强']?.bindingCode, consent: true }) },
  { fn: 'registration', caller: 'migrant', event: () => ({ action: 'declareParticipation', livesIn: '广东省东莞市' }) },
  { fn: 'registration', caller: 'villager', event: () => ({ action: 'confirm' }) },
  // Someone not on the roll scans the poster's QR code: the village's 村民小组, to pick one in the application form.
  { fn: 'identity', caller: 'newcomer', event: (s) => ({ action: 'whoami', electionId: s.electionId }) },
  {
    fn: 'registration',
    caller: 'newcomer',
    event: (s) => ({ action: 'applyResidence', electionId: s.electionId, name: '周晓燕', idNumber: ROLL_IDS.newcomer, group: '第一村民小组', residenceSince: '2023-05-20', consent: true }),
  },
  // A corrected sheet fixes 王小红's ID number: the new row is accepted with a warning naming the old entry, which the clerk then flags off.
  {
    fn: 'committee',
    caller: 'clerk',
    event: (s) => ({ action: 'importRoll', electionId: s.electionId, rows: [{ row: 6, name: '王小红', idNumber: ROLL_IDS.fixed, group: '第一村民小组', category: 'A' }] }),
  },
  {
    fn: 'committee',
    caller: 'clerk',
    event: (s) => ({ action: 'setVoterStatus', electionId: s.electionId, voterId: s.roll['王小红']?.voterId, op: 'movedAway', reason: '身份证号码登记错误，已按正确号码重新登记' }),
  },
  { fn: 'committee', caller: 'clerk', event: (s) => ({ action: 'stats', electionId: s.electionId }) },
  // 选民名单公布和申诉: after every roll step, since publication closes the roll to direct changes.
  { fn: 'committee', caller: 'clerk', event: (s) => ({ action: 'publishVoterList', electionId: s.electionId }) },
  {
    fn: 'registration',
    caller: 'villager',
    event: () => ({ action: 'fileObjection', kind: 'missingPerson', name: '李建华', group: '第二村民小组', details: '李建华户籍在本村第二村民小组，一直在村里居住，名单上漏登了' }),
    keep: (d, s) => (s.objectionId = (d as { objection: { id: string } }).objection.id),
  },
  { fn: 'registration', caller: 'villager', event: () => ({ action: 'myObjections' }) },
  { fn: 'committee', caller: 'clerk', event: (s) => ({ action: 'listObjections', electionId: s.electionId, status: 'open' }) },
  {
    fn: 'committee',
    caller: 'clerk',
    event: (s) => ({
      action: 'decideObjection',
      electionId: s.electionId,
      objectionId: s.objectionId,
      decision: 'upheld',
      reason: '经核实，李建华户籍在本村第二村民小组并在本村居住，到选举日年满十八周岁，应当列入选民名单',
      change: { kind: 'addVoter', name: '李建华', idNumber: EXAMPLE_MISSING_PERSON_ID, group: '第二村民小组', category: 'A' },
    }),
  },
  // Left off the published list: 周晓燕's category C application was still undecided; she objects about her own entry, and the committee registers her with the meeting's decision.
  {
    fn: 'registration',
    caller: 'newcomer',
    event: () => ({ action: 'fileObjection', kind: 'missingPerson', about: 'me', details: '我在本村住了快三年，申请了登记，名单上没有我' }),
    keep: (d, s) => (s.objections.newcomer = (d as { objection: { id: string } }).objection.id),
  },
  {
    fn: 'committee',
    caller: 'clerk',
    event: (s) => ({
      action: 'decideObjection',
      electionId: s.electionId,
      objectionId: s.objections.newcomer,
      decision: 'upheld',
      reason: '周晓燕在本村居住满一年，村民代表会议已同意其在本村参加选举，补办登记',
      change: { kind: 'registerVoter', residence: { meeting: 'representativeMeeting', meetingDate: '2026-03-02', minutesRef: '清溪村民代表会议〔2026〕4号' } },
    }),
  },
  // Not on the roll at all: a migrant the sheet left out identifies themself and objects; upheld, their objection is their declaration (category B).
  {
    fn: 'registration',
    caller: 'notOnRoll',
    event: (s) => ({
      action: 'fileObjection',
      kind: 'missingPerson',
      about: 'me',
      identity: { electionId: s.electionId, name: '孙海燕', idNumber: ROLL_IDS.notOnRoll, group: '第二村民小组', consent: true },
      details: '我户籍在本村第二村民小组，在外地打工，要参加这次选举，名单上没有我',
    }),
    keep: (d, s) => (s.objections.notOnRoll = (d as { objection: { id: string } }).objection.id),
  },
  { fn: 'registration', caller: 'notOnRoll', event: () => ({ action: 'myObjections' }) },
  {
    fn: 'committee',
    caller: 'clerk',
    event: (s) => ({
      action: 'decideObjection',
      electionId: s.electionId,
      objectionId: s.objections.notOnRoll,
      decision: 'upheld',
      reason: '经核实，孙海燕户籍在本村第二村民小组，本人申诉表示参加选举，列入选民名单',
      change: { kind: 'addVoter', name: '孙海燕', idNumber: ROLL_IDS.notOnRoll, group: '第二村民小组', category: 'B' },
    }),
  },
];
