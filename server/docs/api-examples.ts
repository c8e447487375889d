/**
 * One executed example per action, run in order against a fresh embedded store with a fixed
 * clock and seeded randomness, so docs/api.md shows real replies and a test keeps it current.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFolderStorage } from '../adapters/local/folder.storage';
import { openSqliteStore } from '../adapters/embedded/sqlite.store';
import { createHash, createPrivateKey } from 'node:crypto';
import { createEd25519Signer } from '../adapters/crypto/ed25519.signer';
import { createRecordingNotifier } from '../adapters/local/recording.notifier';
import { parseSettings } from '../config/settings';
import { fixedClock } from '../ports/clock.port';
import { ROUTES } from '../functions/routes';
import type { AppContext } from '../runtime/context';
import { createAppContext } from '../functions/app-context.factory';
import { dispatch } from '../runtime/dispatch';
import { silentLogger } from '../runtime/logger';
import { seededRandom } from '../security/keyed-hash';
import { draftVoter, writeVoters } from '../seed/voter-factory';
import { SYNTHETIC_AREA_CODE } from '../seed/synthetic-people';
import { runNominationExamples } from './nomination-examples';
import { EXAMPLE_NOTICE_TEMPLATE, EXAMPLE_NOW, EXAMPLE_OPENIDS, type ExecutedExample, type State, type Step } from './example-state';
import { NOTICE_STEPS } from './notice-examples';
import { ROLL_STEPS } from './roll-examples';

export { EXAMPLE_NOW, EXAMPLE_OPENIDS, type ExecutedExample, type State, type Step } from './example-state';

const STEPS: Step[] = [...ROLL_STEPS, ...NOTICE_STEPS];


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
  const app: AppContext = createAppContext({
    store,
    storage: createFolderStorage(join(dir, 'files'), 'docs-example-url-key', fixedClock(EXAMPLE_NOW)),
    clock: fixedClock(EXAMPLE_NOW),
    signer: createEd25519Signer(key),
    notifier: createRecordingNotifier(),
    settings: parseSettings({ APP_MODE: 'dev', ID_HMAC_KEY: 'docs-example-hmac-key-0123456789abcdef', SIGNING_KEY_PEM: key, TOWNSHIP_ADMIN_OPENIDS: EXAMPLE_OPENIDS.township, NOTICE_TEMPLATE_ID: EXAMPLE_NOTICE_TEMPLATE }),
    rng: seededRandom(2026),
    log: silentLogger,
  });
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
