/**
 * Executed examples of the nomination actions (docs/api.md): their own embedded store, a clock
 * moved from inside the nomination window to after its close, and a fixed signing key so the
 * signatures in the docs are reproducible.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFolderStorage } from '../adapters/local/folder.storage';
import { openSqliteStore } from '../adapters/embedded/sqlite.store';
import { createEd25519Signer } from '../adapters/crypto/ed25519.signer';
import { createRecordingNotifier } from '../adapters/local/recording.notifier';
import { parseSettings } from '../config/settings';
import { manualClock } from '../ports/clock.port';
import { ROUTES } from '../functions/routes';
import type { AppContext } from '../runtime/context';
import { createAppContext } from '../functions/app-context.factory';
import { dispatch } from '../runtime/dispatch';
import { silentLogger } from '../runtime/logger';
import { seededRandom } from '../security/keyed-hash';
import { draftVoter, writeVoters, type DraftVoter } from '../seed/voter-factory';
import type { ExecutedExample } from './api-examples';

/** A documentation-only Ed25519 key (PKCS#8 of a fixed seed): never a deployment's key. */
export const DOCS_SIGNING_KEY_PEM = `-----BEGIN PRIVATE KEY-----\n${Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, 7)]).toString('base64')}\n-----END PRIVATE KEY-----\n`;

const OPENIDS = { township: 'oTownshipAdmin', clerk: 'oCommitteeClerk', villager: 'oVillager' } as const;
const PEOPLE: Array<[string, 'M' | 'F', string]> = [
  ['王秀英', 'F', '1958-07-16'], ['张建军', 'M', '1972-03-08'], ['李春花', 'F', '1980-11-02'], ['陈志明', 'M', '1969-05-21'],
  ['刘海涛', 'M', '1985-09-30'], ['赵桂兰', 'F', '1976-01-12'], ['周永强', 'M', '1964-12-05'], ['吴丽娟', 'F', '1990-06-18'],
  ['孙德胜', 'M', '1971-08-09'], ['马红梅', 'F', '1983-04-27'],
];

interface S {
  villageId: string;
  inviteCode: string;
  electionId: string;
  people: DraftVoter[];
  code: string;
}
type Step = { at?: string; caller: keyof typeof OPENIDS | null; fn: string; event: (s: S) => Record<string, unknown>; keep?: (d: unknown, s: S) => void };

const id = (s: S, i: number) => s.people[i]!.id;
const SIGNATURE = { width: 320, height: 120, strokes: [[20, 60, 34, 52, 48, 50, 62, 56, 76, 64], [90, 40, 92, 58, 95, 76, 97, 90, 99, 100]] };

const STEPS: Step[] = [
  { caller: 'township', fn: 'township', event: () => ({ action: 'createVillage', name: '清溪村', kind: 'village', presetId: 'national', groups: ['第一村民小组', '第二村民小组'] }), keep: (d, s) => (s.villageId = (d as { village: { id: string } }).village.id) },
  { caller: 'township', fn: 'township', event: (s) => ({ action: 'inviteCommittee', villageId: s.villageId }), keep: (d, s) => (s.inviteCode = (d as { code: string }).code) },
  { caller: 'clerk', fn: 'identity', event: (s) => ({ action: 'redeemInvite', code: s.inviteCode }) },
  {
    caller: 'clerk',
    fn: 'committee',
    event: (s) => ({ action: 'createElection', villageId: s.villageId, electionDay: '2026-04-12', nominationOpensOn: '2026-04-01', nominationClosesOn: '2026-04-04', posts: [{ post: 'director', seats: 1 }, { post: 'deputy', seats: 1 }, { post: 'member', seats: 3 }] }),
    keep: (d, s) => (s.electionId = (d as { election: { id: string } }).election.id),
  },
  { at: '2026-04-01T02:00:00.000Z', caller: 'villager', fn: 'nominations', event: () => ({ action: 'form' }) },
  { caller: 'villager', fn: 'nominations', event: () => ({ action: 'searchNominees', name: '张建军' }) },
  {
    caller: 'villager',
    fn: 'nominations',
    event: (s) => ({ action: 'submit', requestId: 'r_nom_7kq2m9xa', names: { director: [id(s, 1)], deputy: [id(s, 3)], member: [id(s, 2), id(s, 4), id(s, 5)] }, signature: SIGNATURE }),
    keep: (d, s) => (s.code = (d as { receipt: { code: string } }).receipt.code),
  },
  { caller: 'villager', fn: 'nominations', event: () => ({ action: 'mine' }) },
  { caller: null, fn: 'nominations', event: (s) => ({ action: 'verifyReceipt', code: s.code }) },
  {
    at: '2026-04-02T03:00:00.000Z',
    caller: 'clerk',
    fn: 'committee',
    event: (s) => ({ action: 'enterPaperNomination', requestId: 'r_paper_3mzq81', electionId: s.electionId, voterId: id(s, 6), voterName: '周永强', names: { director: [id(s, 6)], deputy: [id(s, 7)], member: [id(s, 8), id(s, 9), id(s, 4)] }, valid: true, scanRef: '纸质提名票-0012', assisted: true }),
  },
  { caller: 'clerk', fn: 'committee', event: (s) => ({ action: 'tally', electionId: s.electionId, recount: true }) },
  // The signed ballots naming 刘海涛: the villager's app ballot (with a signature URL) and the paper one.
  { caller: 'clerk', fn: 'committee', event: (s) => ({ action: 'tally', electionId: s.electionId, nominee: id(s, 4) }) },
  { at: '2026-04-04T16:00:01.000Z', caller: 'clerk', fn: 'committee', event: (s) => ({ action: 'closeNominations', requestId: 'r_close_u2k8', electionId: s.electionId }) },
  {
    caller: 'clerk',
    fn: 'committee',
    event: (s) => ({ action: 'reviewCandidate', electionId: s.electionId, voterId: id(s, 1), checks: [{ key: 'rightToStand', outcome: 'pass' }, { key: 'lawAbiding', outcome: 'pass' }, { key: 'ableToServe', outcome: 'flag', note: '长期在县城务工，请本人说明能否履职' }], profile: { education: '高中', partyMember: true, incumbent: true } }),
  },
  { caller: 'clerk', fn: 'committee', event: (s) => ({ action: 'withdrawCandidate', electionId: s.electionId, voterId: id(s, 4), writtenOn: '2026-04-05', record: '刘海涛本人书面退出申请（2026年4月5日）' }) },
];

/** Review the rest (documented once above), publish, and verify the receipt against the published root. */
const TAIL: Step[] = [{ caller: 'clerk', fn: 'committee', event: (s) => ({ action: 'publishCandidates', electionId: s.electionId }) }, { caller: null, fn: 'nominations', event: (s) => ({ action: 'verifyReceipt', code: s.code.toLowerCase() }) }];

async function writePeople(app: AppContext, s: S): Promise<void> {
  const at = app.clock.now().toISOString();
  s.people = PEOPLE.map(([name, sex, birthDate], i) =>
    draftVoter({ electionId: s.electionId, villageId: s.villageId, name, sex, birthDate, group: i % 2 ? '第二村民小组' : '第一村民小组', category: 'A', status: 'registered', electionDay: '2026-04-12' }, app.settings.idHmacKey, app.rng, at),
  );
  await writeVoters(app.store, s.people, at);
  // The villager's binding, as identity.bind writes it (bind is documented with the other examples).
  await app.store.update('voter', s.people[0]!.id, { boundTo: OPENIDS.villager });
  await app.store.set('binding', OPENIDS.villager, { voterId: s.people[0]!.id, electionId: s.electionId, villageId: s.villageId, boundAt: at });
}

export async function runNominationExamples(): Promise<ExecutedExample[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-docs-nom-'));
  const store = openSqliteStore({ file: join(dir, 'docs.db') });
  const clock = manualClock('2026-03-02T01:30:00.000Z');
  const app: AppContext = createAppContext({
    store,
    storage: createFolderStorage(join(dir, 'files'), 'docs-example-hmac-key-0123456789abcdef', clock),
    clock,
    signer: createEd25519Signer(DOCS_SIGNING_KEY_PEM),
    notifier: createRecordingNotifier(),
    settings: parseSettings({ APP_MODE: 'dev', ID_HMAC_KEY: 'docs-example-hmac-key-0123456789abcdef', SIGNING_KEY_PEM: DOCS_SIGNING_KEY_PEM, TOWNSHIP_ADMIN_OPENIDS: OPENIDS.township }),
    rng: seededRandom(2027),
    log: silentLogger,
  });
  const s: S = { villageId: '', inviteCode: '', electionId: '', people: [], code: '' };
  const out: ExecutedExample[] = [];
  const run = async (step: Step, record: boolean) => {
    if (step.at) clock.set(step.at);
    const event = step.event(s);
    const caller = step.caller ? OPENIDS[step.caller] : null;
    const reply = await dispatch(step.fn, ROUTES[step.fn as keyof typeof ROUTES]!, event, { ...app, openid: caller, requestId: 'example' });
    if (record) out.push({ fn: step.fn, action: String(event.action), caller, event, reply });
    if (reply.ok) step.keep?.(reply.data, s);
    return reply;
  };
  try {
    for (const step of STEPS) {
      await run(step, step.fn !== 'township' && !['redeemInvite', 'createElection'].includes(String(step.event(s).action)));
      if (s.electionId && s.people.length === 0) await writePeople(app, s);
    }
    for (const voterId of [2, 3, 5, 6, 7, 8, 9].map((i) => id(s, i))) {
      await run({ caller: 'clerk', fn: 'committee', event: () => ({ action: 'reviewCandidate', electionId: s.electionId, voterId, checks: [{ key: 'rightToStand', outcome: 'pass' }, { key: 'lawAbiding', outcome: 'pass' }] }) }, false);
    }
    for (const step of TAIL) await run(step, true);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
