/**
 * Demo data for the local host: one township, a village shaped like a real one (≈2,700
 * synthetic voters in 12 groups, about 38% migrants) and an election whose calendar puts
 * `today` in the requested phase. Personas for the dev picker are written beside the data.
 */
import { identity, township } from '../../src/contracts';
import type { ElectionPhase } from '../../src/domain/calendar';
import { buildCalendar, phaseAt } from '../../src/domain/calendar';
import { addDays, addYearsClamped, compareCivil, shanghaiDateOf, type CivilDate } from '../../src/domain/civil-date';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { RuleSet } from '../../src/domain/presets/types';
import type { ElectionDoc } from '../../src/contracts/documents/election-documents.schema';
import type { VoterDoc } from '../../src/contracts/documents/roll-documents.schema';
import { appendAudit } from '../audit/audit-log';
import type { AppContext, CallContext } from '../runtime/context';
import { dispatch } from '../runtime/dispatch';
import { identityRoutes } from '../functions/identity.routes';
import { townshipRoutes } from '../functions/township.routes';
import { newId, seededRandom, type RandomSource } from '../security/keyed-hash';
import { activeElectionClaimId, memberId, startTerms } from '../use-cases/membership/membership.records';
import { birthDateForAge, syntheticName } from './synthetic-people';
import { phoneBoxOf } from '../security/phone-box';
import { draftVoter, writeVoters, type DraftVoter } from './voter-factory';
import { demoWindow, seedNominations } from './demo-nominations';
import { migrantHint, proxyRequestSeeded, proxyWindowOpen, seedProxyRequest } from './demo-proxies';

export const DEMO_OPENIDS = {
  township: 'dev-township-admin',
  committee: 'dev-committee-clerk',
  villager: 'dev-villager',
  migrant: 'dev-migrant',
  proxy: 'dev-proxy',
} as const;

export interface Persona {
  key: keyof typeof DEMO_OPENIDS;
  label: string;
  role: 'villager' | 'migrant' | 'proxy' | 'committee' | 'township';
  openid: string;
  hint: string;
  bindWith: { name: string; idNumber: string; bindingCode: string } | null;
}

export interface SeedResult {
  villageId: string;
  electionId: string;
  electionDay: CivilDate;
  phase: ElectionPhase;
  voters: number;
  personas: Persona[];
}

export const SEED_PHASES: readonly ElectionPhase[] = ['preparation', 'registration', 'objections', 'nomination', 'candidates', 'campaign', 'electionDay', 'closed'];

const PRESET_ID = 'national';
const GROUPS = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九', '第十', '第十一', '第十二'].map((g) => `${g}村民小组`);
const GROUP_SIZES = [262, 231, 248, 197, 240, 226, 219, 255, 208, 236, 191, 207];

/**
 * The election day that puts `now` well inside `phase`: every candidate day is tried and the
 * middle of the run of days that give the phase is taken, so the demo is not on a boundary.
 */
export function electionDayForPhase(phase: ElectionPhase, now: Date): CivilDate {
  const today = shanghaiDateOf(now);
  const hits: CivilDate[] = [];
  for (let offset = -60; offset <= 150; offset++) {
    const e = addDays(today, offset);
    const rules = resolveRuleSet(PRESET_ID, 'village', e);
    if (!rules.ok) continue;
    const publishedBy = addDays(e, -rules.value.voterList.publishDaysBefore);
    const published = compareCivil(publishedBy, today) < 0 ? publishedBy : null;
    const cal = buildCalendar({ electionDay: e, voterListPublishedOn: published }, rules.value);
    if (phaseAt(cal, now).phase === phase) hits.push(e);
  }
  const mid = hits[Math.floor(hits.length / 2)];
  if (!mid) throw new Error(`no election day puts today in phase ${phase}`);
  return mid;
}

function callAs(app: AppContext, openid: string): CallContext {
  return { ...app, openid, requestId: 'seed' };
}

async function must<T>(p: Promise<{ ok: true; data: T } | { ok: false; message: string }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`seed step refused: ${r.message}`);
  return r.data;
}

/** Township → village → committee through the real actions; returns the village's id. */
async function seedVillage(app: AppContext): Promise<string> {
  const townshipCtx = callAs(app, DEMO_OPENIDS.township);
  const { village } = (await must(
    dispatch('township', townshipRoutes, { action: township.createVillage.action, name: '清溪村', kind: 'village', presetId: PRESET_ID, groups: GROUPS }, townshipCtx),
  )) as { village: { id: string } };
  const invite = (await must(dispatch('township', townshipRoutes, { action: township.inviteCommittee.action, villageId: village.id, role: 'clerk' }, townshipCtx))) as { code: string };
  await must(dispatch('identity', identityRoutes, { action: identity.redeemInvite.action, code: invite.code }, callAs(app, DEMO_OPENIDS.committee)));
  return village.id;
}

/** The demo election at `phase`: its list published when the calendar says it is by now. */
function demoElection(villageId: string, electionDay: CivilDate, rules: RuleSet, phase: ElectionPhase, now: Date): ElectionDoc {
  const publishedBy = addDays(electionDay, -rules.voterList.publishDaysBefore);
  return {
    villageId,
    title: `清溪村${electionDay.slice(0, 4)}年村民委员会换届选举`,
    kind: 'village',
    presetId: PRESET_ID,
    electionDay,
    posts: [
      { post: 'director', seats: 1 },
      { post: 'deputy', seats: 1 },
      { post: 'member', seats: 3 },
    ],
    registrationOpensOn: null,
    nominationOpensOn: demoWindow(electionDay).opensOn,
    nominationClosesOn: demoWindow(electionDay).closesOn,
    voterListPublishedOn: compareCivil(publishedBy, shanghaiDateOf(now)) < 0 ? publishedBy : null,
    status: phase === 'closed' ? 'closed' : 'active',
    createdAt: now.toISOString(),
  };
}

type MakeVoter = (p: { name: string; sex: 'M' | 'F'; age: number; group: string; category: 'A' | 'B' | 'C'; status?: VoterDoc['status']; birthDate?: CivilDate }) => DraftVoter;

/** The generated villagers of every group, and one who turns 18 exactly on election day. */
function seedCrowd(makeVoter: MakeVoter, rng: RandomSource, electionDay: CivilDate): void {
  GROUP_SIZES.forEach((size, g) => {
    for (let i = 0; i < size; i++) {
      const sex = rng.int(100) < 51 ? 'M' : 'F';
      const age = 18 + Math.min(72, Math.floor(Math.abs(rng.int(60) + rng.int(30) - 5)));
      const roll = rng.int(100);
      const category = roll < 58 ? 'A' : roll < 96 ? 'B' : 'C';
      // Migrants are mostly of working age.
      makeVoter({ name: syntheticName(rng, sex), sex, age: category === 'B' ? 18 + rng.int(40) : age, group: GROUPS[g]!, category });
    }
  });
  // Someone who turns 18 exactly on election day is a voter (RULES.md §1).
  makeVoter({ name: '周子涵', sex: 'F', age: 18, birthDate: addYearsClamped(electionDay, -18), group: GROUPS[0]!, category: 'A' });
}

function personasOf(p: { villager: DraftVoter; migrant: DraftVoter; proxy: DraftVoter; proxyDemo: boolean; proxyFiled: boolean }): Persona[] {
  const { villager, migrant, proxy, proxyDemo, proxyFiled } = p;
  const creds = (d: DraftVoter) => ({ name: d.doc.name, idNumber: d.idNumber, bindingCode: d.bindingCode });
  return [
    { key: 'villager', label: `村民 ${villager.doc.name}`, role: 'villager', openid: DEMO_OPENIDS.villager, hint: `${villager.doc.group}，68岁，在村里住`, bindWith: creds(villager) },
    { key: 'migrant', label: `外出务工 ${migrant.doc.name}`, role: 'migrant', openid: DEMO_OPENIDS.migrant, hint: migrantHint(migrant.doc.group, proxyDemo, proxyFiled), bindWith: creds(migrant) },
    { key: 'proxy', label: `受托人 ${proxy.doc.name}`, role: 'proxy', openid: DEMO_OPENIDS.proxy, hint: `${proxy.doc.group}，${migrant.doc.name}的哥哥，在家${proxyFiled ? '；弟弟请他代为投票，待他确认' : ''}`, bindWith: creds(proxy) },
    { key: 'committee', label: '选举委员会 办事员', role: 'committee', openid: DEMO_OPENIDS.committee, hint: '清溪村村民选举委员会成员', bindWith: null },
    { key: 'township', label: '乡镇 工作人员', role: 'township', openid: DEMO_OPENIDS.township, hint: '云岭镇民政办', bindWith: null },
  ];
}

export async function seedDemo(app: AppContext, opts: { phase?: ElectionPhase; seed?: number } = {}): Promise<SeedResult> {
  const phase = opts.phase ?? 'registration';
  const rng: RandomSource = seededRandom(opts.seed ?? 20261122);
  const now = app.clock.now();
  const at = now.toISOString();
  const key = app.settings.idHmacKey;
  const villageId = await seedVillage(app);

  // The election is written directly so that any phase can be seeded, even one whose
  // election day createElection would refuse as too soon.
  const electionDay = electionDayForPhase(phase, now);
  const rules = resolveRuleSet(PRESET_ID, 'village', electionDay);
  if (!rules.ok) throw new Error('national preset missing');
  const electionId = newId(rng, 'e');
  const election = demoElection(villageId, electionDay, rules.value, phase, now);

  const drafts: DraftVoter[] = [];
  const makeVoter: MakeVoter = (p) => {
    const status: VoterDoc['status'] = p.status ?? (p.category === 'A' ? 'registered' : rng.int(10) < 4 ? 'registered' : 'pending');
    const d = draftVoter(
      { electionId, villageId, name: p.name, sex: p.sex, birthDate: p.birthDate ?? birthDateForAge(rng, p.age, electionDay), group: p.group, category: p.category, status, electionDay, withPhone: rng.int(10) < 8 },
      key,
      rng,
      at,
      phoneBoxOf(app.settings),
    );
    drafts.push(d);
    return d;
  };

  // Personas first, so their entries are stable whatever the seed size.
  const villager = makeVoter({ name: '张秀兰', sex: 'F', age: 68, group: GROUPS[2]!, category: 'A' });
  // Once the list is out and proxies can be filed, the migrant has declared and is on it (the proxy demo).
  const proxyDemo = proxyWindowOpen(election, rules.value, now);
  const migrant = makeVoter({ name: '李志强', sex: 'M', age: 35, group: GROUPS[4]!, category: 'B', status: proxyDemo ? 'registered' : 'pending' });
  if (proxyDemo) migrant.doc.declaration = { channel: 'app', on: shanghaiDateOf(now), livesIn: '广东深圳', at };
  const proxy = makeVoter({ name: '李志刚', sex: 'M', age: 39, group: GROUPS[4]!, category: 'A' });
  seedCrowd(makeVoter, rng, electionDay);

  await writeVoters(app.store, drafts, at);
  await app.store.runTransaction(async (tx) => {
    await tx.set('election', electionId, election);
    await tx.set('meta', activeElectionClaimId(villageId), { electionId });
    // As createElection does: the clerk redeemed before the election, so the term starts with it.
    await startTerms(tx, [memberId(villageId, DEMO_OPENIDS.committee)], electionId);
    await appendAudit(tx, { scope: electionId, action: 'seed.demo', actor: 'system', at, data: { phase, voters: drafts.length, electionDay } });
    await tx.set('meta', 'seed', { villageId, electionId, phase, electionDay, at });
  });
  const proxyFiled = proxyDemo && proxyRequestSeeded(phase);
  if (proxyFiled) await seedProxyRequest(app, { electionId, election, principal: migrant, proxy, rng, at });

  await seedNominations(app, { electionId, villageId, electionDay, presetId: PRESET_ID, phase, voters: drafts, committeeOpenid: DEMO_OPENIDS.committee, rng });
  const personas = personasOf({ villager, migrant, proxy, proxyDemo, proxyFiled });
  return { villageId, electionId, electionDay, phase, voters: drafts.length, personas };
}
