/**
 * One executed example per action, run in order against a fresh embedded store with a fixed
 * clock and seeded randomness, so docs/api.md shows real replies and a test keeps it current.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../src/contracts/envelope';
import { openSqliteStore } from '../adapters/embedded/sqlite.store';
import { createEd25519Signer, generateEd25519KeyPem } from '../adapters/crypto/ed25519.signer';
import { createRecordingNotifier } from '../adapters/local/recording.notifier';
import { parseSettings } from '../config/settings';
import { fixedClock } from '../ports/clock.port';
import { ROUTES } from '../functions/routes';
import type { AppContext } from '../runtime/context';
import { dispatch } from '../runtime/dispatch';
import { silentLogger } from '../runtime/logger';
import { seededRandom } from '../security/keyed-hash';
import { draftVoter, writeVoters } from '../seed/voter-factory';
import { SYNTHETIC_AREA_CODE } from '../seed/synthetic-people';

export const EXAMPLE_NOW = '2026-03-02T01:30:00.000Z';
export const EXAMPLE_OPENIDS = { township: 'oTownshipAdmin', clerk: 'oCommitteeClerk', villager: 'oVillager' } as const;

export interface ExecutedExample {
  readonly fn: string;
  readonly action: string;
  readonly caller: string | null;
  readonly event: Record<string, unknown>;
  readonly reply: Envelope<unknown>;
}

type Step = { fn: string; caller: keyof typeof EXAMPLE_OPENIDS | null; event: (s: State) => Record<string, unknown>; keep?: (data: unknown, s: State) => void };
interface State {
  villageId: string;
  inviteCode: string;
  electionId: string;
  voter: { name: string; idNumber: string; bindingCode: string };
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
  { fn: 'registration', caller: 'villager', event: () => ({ action: 'mine' }) },
  { fn: 'identity', caller: 'villager', event: () => ({ action: 'unbind' }) },
];

export async function runApiExamples(): Promise<ExecutedExample[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-docs-'));
  const store = openSqliteStore({ file: join(dir, 'docs.db') });
  const key = generateEd25519KeyPem();
  const app: AppContext = {
    store,
    clock: fixedClock(EXAMPLE_NOW),
    signer: createEd25519Signer(key),
    notifier: createRecordingNotifier(),
    settings: parseSettings({ APP_MODE: 'dev', ID_HMAC_KEY: 'docs-example-hmac-key-0123456789abcdef', SIGNING_KEY_PEM: key, TOWNSHIP_ADMIN_OPENIDS: EXAMPLE_OPENIDS.township }),
    rng: seededRandom(2026),
    log: silentLogger,
  };
  const state: State = { villageId: '', inviteCode: '', electionId: '', voter: { name: '', idNumber: '', bindingCode: '' } };
  const out: ExecutedExample[] = [];
  try {
    for (const step of STEPS) {
      const event = step.event(state);
      const caller = step.caller ? EXAMPLE_OPENIDS[step.caller] : null;
      const routes = ROUTES[step.fn as keyof typeof ROUTES]!;
      const reply = await dispatch(step.fn, routes, event, { ...app, openid: caller, requestId: 'example' });
      out.push({ fn: step.fn, action: String(event.action), caller, event, reply });
      if (reply.ok) step.keep?.(reply.data, state);
      if (step.fn === 'committee' && reply.ok) {
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
      }
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
