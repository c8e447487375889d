/** Shared set-up for the nomination tests: a village with a roll, bound voters, an open window. */
import { addDays, startOfShanghaiDay, endOfShanghaiDay } from '../../../src/domain/civil-date';
import { seededRandom } from '../../../server/security/keyed-hash';
import { draftVoter, writeVoters, type DraftVoter } from '../../../server/seed/voter-factory';
import { CLERK, villageWithElection, type TestApp, type VillageFixture } from '../harness';

export interface NominationVillage extends VillageFixture {
  opensOn: string;
  closesOn: string;
  people: DraftVoter[];
  /** openid of people[i] (all bound). */
  openid: (i: number) => string;
}

export const SIGNATURE = { width: 300, height: 120, strokes: [[10, 10, 20, 20, 30, 25, 40, 30, 50, 32], [60, 60, 70, 62, 80, 64, 90, 70, 100, 75]] };

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['建国', '秀英', '伟', '芳', '明', '丽', '强', '敏', '军', '静', '磊', '燕', '涛', '娟', '勇', '霞'];
const THIRD = '东南西北春夏秋冬金木水火土山川';
let seed = 5000;

export interface PersonSpec {
  name?: string;
  sex?: 'M' | 'F';
  birthDate?: string;
  status?: 'registered' | 'pending' | 'deprived';
  bind?: boolean;
}

/** `count` registered adults (alternating sex) plus `extra` specified people, all bound unless told. */
export async function nominationVillage(t: TestApp, count: number, extra: PersonSpec[] = [], opts: { presetId?: string; name?: string } = {}): Promise<NominationVillage> {
  const f = await villageWithElection(t, { voters: 0, ...opts });
  const opensOn = addDays(f.electionDay, -11);
  const closesOn = addDays(f.electionDay, -8);
  await t.app.store.update('election', f.electionId, { nominationOpensOn: opensOn, nominationClosesOn: closesOn });
  const rng = seededRandom(++seed);
  const at = t.app.clock.now().toISOString();
  const specs: PersonSpec[] = [...Array.from({ length: count }, (_, i): PersonSpec => ({ name: `${SURNAMES[i % 16]}${GIVEN[Math.floor(i / 16) % 16]}${i >= 256 ? THIRD[Math.floor(i / 256) - 1] : ''}`, sex: i % 2 ? 'F' : 'M' })), ...extra];
  const people = specs.map((s, i) =>
    draftVoter(
      { electionId: f.electionId, villageId: f.villageId, name: s.name ?? `村民${i}`, sex: s.sex ?? 'M', birthDate: s.birthDate ?? `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`, group: i % 3 ? '第一村民小组' : '第二村民小组', category: 'A', status: s.status ?? 'registered', electionDay: f.electionDay },
      t.app.settings.idHmacKey,
      rng,
      at,
    ),
  );
  await writeVoters(t.app.store, people, at);
  const openid = (i: number) => `o-nom-${f.villageId}-${i}`;
  await t.app.store.runTransaction(async (tx) => {
    for (const [i, p] of people.entries()) {
      if (specs[i]!.bind === false) continue;
      await tx.update('voter', p.id, { boundTo: openid(i) });
      await tx.set('binding', openid(i), { voterId: p.id, electionId: f.electionId, villageId: f.villageId, boundAt: at });
    }
  });
  return { ...f, voters: people, people, opensOn, closesOn, openid };
}

/** Into the window: noon Beijing time of the opening day. */
export const intoWindow = (t: TestApp, v: NominationVillage) => t.setNow(new Date(startOfShanghaiDay(v.opensOn).getTime() + 4 * 3600_000).toISOString());
/** Just after the window: the closing day has ended (Beijing time). */
export const afterWindow = (t: TestApp, v: NominationVillage, ms = 1000) => t.setNow(new Date(endOfShanghaiDay(v.closesOn).getTime() + ms).toISOString());

export type Names = { director?: string[]; deputy?: string[]; member?: string[] };

export const submit = (t: TestApp, v: NominationVillage, i: number, names: Names) => t.call<{ receipt: { code: string; hash: string } }>('nominations', { action: 'submit', names, signature: SIGNATURE }, v.openid(i));

export const close = (t: TestApp, v: NominationVillage, extra: Record<string, unknown> = {}) => t.call<CloseReply>('committee', { action: 'closeNominations', electionId: v.electionId, ...extra }, CLERK);

export interface CloseReply {
  closedAt: string;
  tallyHash: string;
  seatsToFill: { voterId: string; name: string }[];
  selection: {
    publishable: boolean;
    problems: { reason: string; post: string; tied?: { voterId: string }[]; slots?: number }[];
    posts: { post: string; target: number; initialCount: number; status: string; candidates: { voterId: string; name: string; sex: string; via: string; status: string; votes: number }[] }[];
    woman: { status: string };
  };
}

/** Reviews every listed candidate as passing every item of the national list. */
export async function reviewAll(t: TestApp, v: NominationVillage, sel: CloseReply['selection']): Promise<void> {
  for (const c of sel.posts.flatMap((p) => p.candidates)) {
    await t.ok('committee', { action: 'reviewCandidate', electionId: v.electionId, voterId: c.voterId, checks: [{ key: 'rightToStand', outcome: 'pass' }, { key: 'lawAbiding', outcome: 'pass' }] }, CLERK);
  }
}
