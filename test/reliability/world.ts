/**
 * The proof suite's world: the real routes on the embedded store behind the counting store
 * (server/adapters/shared/counting.store.ts, the one `npm run bench` bills with), two villages
 * with elections, and one openid per kind of caller — rightful and wrong. Every reply and log
 * line passes through `seen`, which the personal-data scan reads at the end.
 */
import { ROUTES } from '../../server/functions/routes';
import { dispatch } from '../../server/runtime/dispatch';
import { countingStore, type CountingStore } from '../../server/adapters/shared/counting.store';
import { seededRandom } from '../../server/security/keyed-hash';
import { draftVoter, writeVoters, type DraftVoter } from '../../server/seed/voter-factory';
import { addDays, shanghaiDateOf } from '../../src/domain/civil-date';
import type { Envelope } from '../../src/contracts/envelope';
import { CLERK, makeTestApp, TOWNSHIP, type TestApp } from '../server/harness';
import { scanFiles } from './scan-files';
import type { PiiLedger } from './pii-scan';

export interface Village {
  readonly villageId: string;
  readonly electionId: string;
  readonly electionDay: string;
  readonly voters: readonly DraftVoter[];
}

/** Openids of every kind of caller the suite plays. */
export const CALLERS = {
  township: TOWNSHIP,
  clerkA: CLERK,
  clerkB: 'ot-clerk-b',
  voterA: 'ot-voter-a',
  voterB: 'ot-voter-b',
  revokedA: 'ot-revoked-a',
  stranger: 'ot-stranger',
} as const;


export interface Called {
  readonly reply: Envelope<unknown>;
  readonly writes: number;
}

export interface World {
  readonly t: TestApp;
  readonly store: CountingStore;
  readonly a: Village;
  readonly b: Village;
  /** Calls through the real dispatch on the counting store; `writes` are the store writes of this call. */
  call(fn: string, event: unknown, openid: string | null): Promise<Called>;
  close(): Promise<void>;
}

const NAMES = ['王建国', '李秀英', '张伟', '刘芳', '陈明', '杨丽', '赵强', '黄敏'];
let rngSeed = 1000;

async function village(t: TestApp, name: string, clerk: string, voters: number): Promise<Village> {
  const { village } = await t.ok<{ village: { id: string } }>('township', { action: 'createVillage', name, kind: 'village', presetId: 'national', groups: ['第一村民小组', '第二村民小组'] }, TOWNSHIP);
  const { code } = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId: village.id }, TOWNSHIP);
  await t.ok('identity', { action: 'redeemInvite', code }, clerk);
  const electionDay = addDays(shanghaiDateOf(t.app.clock.now()), 40);
  const posts = [{ post: 'director', seats: 1 }, { post: 'deputy', seats: 1 }, { post: 'member', seats: 3 }];
  const { election } = await t.ok<{ election: { id: string } }>('committee', { action: 'createElection', villageId: village.id, electionDay, posts }, clerk);
  const at = t.app.clock.now().toISOString();
  const rng = seededRandom(++rngSeed);
  const drafts = Array.from({ length: voters }, (_, i) =>
    draftVoter(
      { electionId: election.id, villageId: village.id, name: NAMES[i % NAMES.length]!, sex: i % 2 ? 'F' : 'M', birthDate: `19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 9}`, group: '第一村民小组', category: 'A', status: 'registered', electionDay, withPhone: true },
      t.app.settings.idHmacKey,
      rng,
      at,
    ),
  );
  await writeVoters(t.app.store, drafts, at);
  return { villageId: village.id, electionId: election.id, electionDay, voters: drafts };
}

const bindEvent = (d: DraftVoter) => ({ action: 'bind', name: d.doc.name, idNumber: d.idNumber, bindingCode: d.bindingCode, consent: true });

/** A member of A's committee (办事员) whom the township then revoked. */
async function revokedMember(t: TestApp, a: Village): Promise<void> {
  const { code } = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId: a.villageId, role: 'clerk' }, TOWNSHIP);
  await t.ok('identity', { action: 'redeemInvite', code }, CALLERS.revokedA);
  const { members } = await t.ok<{ members: { ref: string; role: string }[] }>('township', { action: 'members', villageId: a.villageId }, TOWNSHIP);
  const ref = members.find((m) => m.role === 'clerk')?.ref;
  if (!ref) throw new Error('world: the invited clerk is not listed');
  await t.ok('township', { action: 'revokeMember', villageId: a.villageId, memberRef: ref, reason: '工作调动，不再担任办事员' }, TOWNSHIP);
}

export async function makeWorld(seen: PiiLedger, opts: { voters?: number; now?: string } = {}): Promise<World> {
  const t = makeTestApp(opts.now ? { now: opts.now } : {});
  const a = await village(t, '清溪村', CALLERS.clerkA, opts.voters ?? 12);
  const b = await village(t, '石桥村', CALLERS.clerkB, opts.voters ?? 12);
  await t.ok('identity', bindEvent(a.voters[0]!), CALLERS.voterA);
  await t.ok('identity', bindEvent(b.voters[0]!), CALLERS.voterB);
  await revokedMember(t, a);
  const store = countingStore(t.app.store);
  let n = 0;
  const call = async (fn: string, event: unknown, openid: string | null): Promise<Called> => {
    const routes = Object.prototype.hasOwnProperty.call(ROUTES, fn) ? ROUTES[fn as keyof typeof ROUTES] : undefined;
    if (!routes) throw new Error(`no function ${fn}`);
    store.take();
    const reply = (await dispatch(fn, routes, event, { ...t.app, store, openid, requestId: `rel-${++n}` })) as Envelope<unknown>;
    seen.scan(JSON.stringify(reply), `reply ${fn}`);
    for (const line of t.logs.splice(0)) seen.scan(line, 'log');
    return { reply, writes: store.take().writes };
  };
  return {
    t,
    store,
    a,
    b,
    call,
    close: async () => {
      for (const line of t.logs.splice(0)) seen.scan(line, 'log');
      await t.app.store.close();
      scanFiles(t.dir, seen);
      await t.close().catch(() => undefined);
    },
  };
}

export { bindEvent };
