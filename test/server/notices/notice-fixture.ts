/**
 * Villages for the notice tests: many voters across groups and categories, written straight to
 * the store (as an import would), some bound to WeChat users, some with subscribe consents.
 */
import { CLERK, TOWNSHIP, type TestApp } from '../harness';
import { draftVoter, writeVoters, type DraftVoter } from '../../../server/seed/voter-factory';
import { birthDateForAge, syntheticName } from '../../../server/seed/synthetic-people';
import { seededRandom } from '../../../server/security/keyed-hash';
import { consentId } from '../../../server/push/consent';
import { DEV_NOTICE_TEMPLATE_ID } from '../../../server/config/settings';
import type { ConsentDoc } from '../../../src/contracts/documents/push-documents.schema';
import type { VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { addDays, shanghaiDateOf } from '../../../src/domain/civil-date';
import type { RecordingNotifier } from '../../../server/adapters/local/recording.notifier';

export const GROUPS = ['第一村民小组', '第二村民小组', '第三村民小组'];
/** The harness runs in dev mode: the configured notice template is the dev default. */
export const TEMPLATE = DEV_NOTICE_TEMPLATE_ID;

export interface Person {
  readonly voterId: string;
  readonly openid: string | null;
  readonly group: string;
  readonly category: 'A' | 'B' | 'C';
  readonly status: VoterDoc['status'];
  readonly consents: number;
}

export interface Village {
  readonly villageId: string;
  readonly electionId: string;
  readonly electionDay: string;
  readonly people: Person[];
  /** The entries as written, with their ID numbers and binding codes (for binding unbound ones). */
  readonly drafts: readonly DraftVoter[];
}

export interface VillageSpec {
  readonly voters: number;
  /** Per voter index: bound to WeChat? (default: 9 in 10) */
  readonly bound?: (i: number) => boolean;
  /** Per voter index: unused consents (default: 8 in 10 bound voters have one). */
  readonly consents?: (i: number) => number;
  readonly category?: (i: number) => 'A' | 'B' | 'C';
  readonly status?: (i: number) => VoterDoc['status'];
  readonly daysAhead?: number;
  readonly name?: string;
  /** Openids are `o-<prefix>-00012`; give each village of one test its own prefix. */
  readonly openidPrefix?: string;
}

export const openidOf = (i: number, prefix = 'villager') => `o-${prefix}-${String(i).padStart(5, '0')}`;

export async function makeVillage(t: TestApp, spec: VillageSpec): Promise<Village> {
  const { village } = await t.ok<{ village: { id: string } }>(
    'township',
    { action: 'createVillage', name: spec.name ?? '公告村', kind: 'village', presetId: 'national', groups: GROUPS },
    TOWNSHIP,
  );
  const { code } = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId: village.id }, TOWNSHIP);
  await t.ok('identity', { action: 'redeemInvite', code }, CLERK);
  const electionDay = addDays(shanghaiDateOf(t.app.clock.now()), spec.daysAhead ?? 40);
  const { election } = await t.ok<{ election: { id: string } }>(
    'committee',
    { action: 'createElection', villageId: village.id, electionDay, posts: [{ post: 'director', seats: 1 }, { post: 'deputy', seats: 1 }, { post: 'member', seats: 3 }] },
    CLERK,
  );
  const at = t.app.clock.now().toISOString();
  // A seed per village: the same seed twice would give two villages the same voter ids.
  const rng = seededRandom([...`${spec.name ?? ''}${spec.openidPrefix ?? ''}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 11));
  const bound = spec.bound ?? ((i) => i % 10 !== 9);
  const consents = spec.consents ?? ((i) => (i % 10 < 8 ? 1 : 0));
  const category = spec.category ?? ((i) => (i % 5 === 0 ? 'B' : 'A'));
  const status = spec.status ?? (() => 'registered');
  const drafts: DraftVoter[] = [];
  for (let i = 0; i < spec.voters; i++) {
    const sex = i % 2 ? 'F' : 'M';
    drafts.push(
      draftVoter(
        {
          electionId: election.id,
          villageId: village.id,
          name: syntheticName(rng, sex),
          sex,
          birthDate: birthDateForAge(rng, 20 + (i % 60), electionDay),
          group: GROUPS[i % GROUPS.length]!,
          category: category(i),
          status: status(i),
          electionDay,
          withPhone: i % 3 !== 0,
        },
        t.app.settings.idHmacKey,
        rng,
        at,
      ),
    );
  }
  await writeVoters(t.app.store, drafts, at);
  const people: Person[] = drafts.map((d, i) => ({
    voterId: d.id,
    openid: bound(i) ? openidOf(i, spec.openidPrefix) : null,
    group: d.doc.group,
    category: d.doc.category,
    status: d.doc.status,
    consents: bound(i) ? consents(i) : 0,
  }));
  for (let i = 0; i < people.length; i += 300) {
    const slice = people.slice(i, i + 300);
    await t.app.store.runTransaction(async (tx) => {
      for (const p of slice) {
        if (!p.openid) continue;
        await tx.update('voter', p.voterId, { boundTo: p.openid });
        await tx.set('binding', p.openid, { voterId: p.voterId, electionId: election.id, villageId: village.id, boundAt: at });
        if (p.consents > 0) {
          const c: ConsentDoc = { openid: p.openid, templateId: TEMPLATE, unused: p.consents, granted: p.consents, used: 0, voterId: p.voterId, electionId: election.id, lastGrantedAt: at, lastUsedAt: null };
          await tx.set('consent', consentId(p.openid, TEMPLATE), c);
        }
      }
    });
  }
  return { villageId: village.id, electionId: election.id, electionDay, people, drafts };
}

export const recording = (t: TestApp) => t.app.notifier as RecordingNotifier;

/** Successful messages per openid (what WeChat would have shown). */
export function messagesPerOpenid(n: RecordingNotifier): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of n.deliveries()) if (d.result.ok) m.set(d.message.openid, (m.get(d.message.openid) ?? 0) + 1);
  return m;
}

/** Eligible for a push: registered, bound, with a consent left. */
export const eligible = (p: Person) => p.status === 'registered' && p.openid !== null && p.consents > 0;
