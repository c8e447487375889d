/**
 * One executed example per action, run in order against a fresh embedded store with a fixed
 * clock and seeded randomness, so docs/api.md shows real replies and a test keeps it current.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../src/contracts/envelope';
import { createFolderStorage } from '../adapters/local/folder.storage';
import { openSqliteStore } from '../adapters/embedded/sqlite.store';
import { createHash, createPrivateKey } from 'node:crypto';
import { createEd25519Signer } from '../adapters/crypto/ed25519.signer';
import { createRecordingNotifier } from '../adapters/local/recording.notifier';
import { parseSettings } from '../config/settings';
import { rollImportPrefix } from '../ports/storage.port';
import { fixedClock } from '../ports/clock.port';
import { ROUTES } from '../functions/routes';
import type { AppContext } from '../runtime/context';
import { dispatch } from '../runtime/dispatch';
import { silentLogger } from '../runtime/logger';
import { seededRandom } from '../security/keyed-hash';
import { draftVoter, writeVoters } from '../seed/voter-factory';
import { SYNTHETIC_AREA_CODE } from '../seed/synthetic-people';
import { idCheckChar } from '../../src/domain/id-number';
import { runNominationExamples } from './nomination-examples';
import { PROXY_CHECK_IN, PROXY_STEPS } from './proxy-examples';
import { EXAMPLE_PHONE, PHONE_STEPS } from './phone-examples';

export const EXAMPLE_NOW = '2026-03-02T01:30:00.000Z';
/** A synthetic ID number (area 990101 does not exist) for the person a committee adds on an objection. */
const EXAMPLE_MISSING_PERSON_ID = ((first17: string) => first17 + idCheckChar(first17))('99010119750315013');

/** The deployment's notice template (NOTICE_TEMPLATE_ID), as notices.list gives it and notices.subscribe reports it. */
const EXAMPLE_NOTICE_TEMPLATE = 'Xq3mD8vTnoticeTemplate01';

export const EXAMPLE_OPENIDS = { township: 'oTownshipAdmin', clerk: 'oCommitteeClerk', villager: 'oVillager', migrant: 'oMigrant', newcomer: 'oNewcomer', notOnRoll: 'oNotOnRoll', secondMember: 'oSecondMember' } as const;

/** Synthetic ID numbers (area 990101 does not exist) for the roll examples. */
const rollExampleId = (first17: string) => first17 + idCheckChar(first17);
const ROLL_IDS = {
  a: rollExampleId('99010119720611051'),
  b: rollExampleId('99010119890203033'),
  c: rollExampleId('99010119800917044'),
  under18: rollExampleId('99010120080501021'),
  newcomer: rollExampleId('99010119930412066'),
  /** 王小红 as first typed (a wrong digit), and as corrected in the clerk's second file. */
  typo: rollExampleId('99010119660707082'),
  fixed: rollExampleId('99010119660707028'),
  /** A migrant the clerk left out of the sheet, who objects from afar without being on the roll. */
  notOnRoll: rollExampleId('99010119880808091'),
} as const;

export interface ExecutedExample {
  readonly fn: string;
  readonly action: string;
  readonly caller: string | null;
  readonly event: Record<string, unknown>;
  readonly reply: Envelope<unknown>;
}

/** `before`: what a client does before the call (an upload to file storage); `at`: the instant the step runs at, when not EXAMPLE_NOW (election-day actions). */
export type Step = {
  fn: string;
  caller: keyof typeof EXAMPLE_OPENIDS | null;
  event: (s: State) => Record<string, unknown>;
  keep?: (data: unknown, s: State) => void;
  before?: (app: AppContext, s: State) => Promise<void>;
  at?: string;
};
export interface State {
  villageId: string;
  inviteCode: string;
  electionId: string;
  voter: { name: string; idNumber: string; bindingCode: string };
  objectionId: string;
  /** Further objections of the examples, by who filed them. */
  objections: Record<string, string>;
  noticeId: string;
  /** 王秀英's roll entry, and the proxy examples' authorization and certificate. */
  voterId: string;
  proxy: { id: string; certificate: string };
  /** Roll examples (committee.importRoll and after): entries by name, the second village. */
  roll: Record<string, { voterId: string; bindingCode: string }>;
  other: { villageId: string; inviteCode: string; electionId: string; clerkInvite: string; clerkRef: string };
  /** The first roll import, and a sheet uploaded to storage (what the page does before importRoll). */
  importId: string;
  rollFileId: string;
}

const STEPS: Step[] = [
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
  { fn: 'identity', caller: 'migrant', event: (s) => ({ action: 'bind', name: '李志强', idNumber: ROLL_IDS.b, bindingCode: s.roll['李志强']?.bindingCode, consent: true }) },
  { fn: 'registration', caller: 'migrant', event: () => ({ action: 'declareParticipation', livesIn: '广东省东莞市' }) },
  { fn: 'registration', caller: 'villager', event: () => ({ action: 'confirm' }) },
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

/**
 * A fixed, PUBLIC example key (its seed is written right here), so the examples' signatures and
 * key ids in docs/api.md are reproducible. Never a deployment's key.
 */
const EXAMPLE_SIGNING_KEY_PEM = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), createHash('sha256').update('cunxuantong docs example key').digest()]),
  format: 'der',
  type: 'pkcs8',
})
  .export({ type: 'pkcs8', format: 'pem' })
  .toString();

export async function runApiExamples(): Promise<ExecutedExample[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-docs-'));
  const store = openSqliteStore({ file: join(dir, 'docs.db') });
  const key = EXAMPLE_SIGNING_KEY_PEM;
  const app: AppContext = {
    store,
    storage: createFolderStorage(join(dir, 'files'), 'docs-example-url-key', fixedClock(EXAMPLE_NOW)),
    clock: fixedClock(EXAMPLE_NOW),
    signer: createEd25519Signer(key),
    notifier: createRecordingNotifier(),
    settings: parseSettings({ APP_MODE: 'dev', ID_HMAC_KEY: 'docs-example-hmac-key-0123456789abcdef', SIGNING_KEY_PEM: key, TOWNSHIP_ADMIN_OPENIDS: EXAMPLE_OPENIDS.township, NOTICE_TEMPLATE_ID: EXAMPLE_NOTICE_TEMPLATE }),
    rng: seededRandom(2026),
    log: silentLogger,
  };
  const state: State = { villageId: '', inviteCode: '', electionId: '', voter: { name: '', idNumber: '', bindingCode: '' }, objectionId: '', objections: {}, noticeId: '', voterId: '', proxy: { id: '', certificate: '' }, roll: {}, importId: '', rollFileId: '', other: { villageId: '', inviteCode: '', electionId: '', clerkInvite: '', clerkRef: '' } };
  const out: ExecutedExample[] = [];
  try {
    for (const step of STEPS) {
      await step.before?.(app, state);
      const event = step.event(state);
      const caller = step.caller ? EXAMPLE_OPENIDS[step.caller] : null;
      const routes = ROUTES[step.fn as keyof typeof ROUTES]!;
      const reply = await dispatch(step.fn, routes, event, { ...app, ...(step.at ? { clock: fixedClock(step.at) } : {}), openid: caller, requestId: 'example' });
      out.push({ fn: step.fn, action: String(event.action), caller, event, reply });
      if (reply.ok) step.keep?.(reply.data, state);
      if (step.fn === 'committee' && event.action === 'createElection' && reply.ok && state.voter.name === '') {
        // The roll import arrives with the registration issue; until then one entry is written directly.
        const d = draftVoter(
          { electionId: state.electionId, villageId: state.villageId, name: '王秀英', sex: 'F', birthDate: '1958-07-16', group: '第一村民小组', category: 'A', status: 'registered', electionDay: '2026-04-12' },
          app.settings.idHmacKey,
          app.rng,
          EXAMPLE_NOW,
        );
        if (!d.idNumber.startsWith(SYNTHETIC_AREA_CODE)) throw new Error('example ID must be synthetic');
        await writeVoters(store, [d], EXAMPLE_NOW);
        state.voter = { name: d.doc.name, idNumber: d.idNumber, bindingCode: d.bindingCode };
        state.voterId = d.id;
      }
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return [...out, ...(await runNominationExamples())];
}
