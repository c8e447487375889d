/**
 * registration.fileObjection — 申诉: an objection to the published list, about a missing
 * person, an entry that should not be there, or an entry's wrong details (RULES.md §1). The
 * objection gets its statutory decision deadline at filing (receipt day + 3, or E−N in a
 * 'beforeElection' preset).
 *
 * Who: a registered voter about anyone; a person whose own entry is not on the list (pending
 * when it was published, or flagged) about that entry — "我自己不在名单上" (`about: 'me'`), or its
 * details; a WeChat user not on the roll at all, only that they themselves are missing, naming
 * themself (`about: 'me'` with `identity`: name, ID number — kept only as keyed hash —, group,
 * consent). A missing-person objection is about whoever is not on the published list.
 *
 * An ID number the caller has not proven (a self-identified objector's, or a missing person's
 * named by a voter) is never checked against the roll in a way the reply shows (issue #10): the
 * objection is filed whatever the number, and the entry it names, if any, is recorded for the
 * committee (found by its roll key inside the transaction), which decides. The caller's own
 * entry — proven by their binding — is checked: "about me" while on the list is refused.
 *
 * Outcomes:
 * - ok: the objection with its decision deadline
 * - UNAUTHENTICATED NO_OPENID | NOT_BOUND (not bound, and not objecting about themself with
 *   `identity`) · NOT_FOUND ELECTION_GONE | ELECTION_UNKNOWN (the `identity.electionId`)
 * - WINDOW_CLOSED LIST_NOT_PUBLISHED | OBJECTION_WINDOW_CLOSED (after the last day, 24:00 Asia/Shanghai)
 * - NOT_FOUND ENTRY_UNKNOWN: no such entry (序号 or id) in this election
 * - INVALID_INPUT GROUP_UNKNOWN | ID_*: the missing person's group or ID number is wrong
 * - NOT_ELIGIBLE NOT_REGISTERED: the objector is not on the list and objects about someone else ·
 *   UNDER_18: a self-identified objector under 18 on election day
 * - CONFLICT ENTRY_NOT_ON_LIST: "wrong person" about an entry already off the list;
 *   ALREADY_ON_LIST: the caller's own entry is on the published list (or was added since);
 *   ALREADY_BOUND: `identity` sent by a bound user; DUPLICATE_OBJECTION
 * - LIMIT_EXCEEDED TOO_MANY_OPEN: OBJECTION_POLICY.maxOpenPerObjector undecided objections (a
 *   self-identified WeChat user: maxOpenSelfIdentified)
 *
 * Cost: at most 6 reads and 4 writes with the audit, whatever the roll's size: a complaint by
 * 序号 reads its list map chunk (named on the election) and both entries in one batched read.
 */
import type { fileObjection } from '../../../src/contracts/objection.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import type { ParsedInputOf } from '../../../src/contracts/define-action';
import { electionDoc, villageDoc, type ElectionDoc, type VillageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { counterDoc, objectionLoadDoc, type ObjectionDoc, type ObjectionLoadDoc } from '../../../src/contracts/documents/objection-documents.schema';
import { bindingDoc, voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { shanghaiDateOf, type CivilDate } from '../../../src/domain/civil-date';
import { parseIdNumber } from '../../../src/domain/id-number';
import { OBJECTION_POLICY, objectionFilingWindow, objectionStanding, type FilingWindow, type Objector } from '../../../src/domain/objection';
import type { RuleSet } from '../../../src/domain/presets/types';
import { ageEligibility } from '../../../src/domain/registration';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { Store } from '../../ports/store.port';
import type { CallContext } from '../../runtime/context';
import { readDoc, readDocs, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { keyedHash, newId } from '../../security/keyed-hash';
import { readRollKey } from '../roll/registration-claim.records';
import { actorOf, requireOpenid } from '../shared/access.policy';
import { rulesOf } from '../shared/election.view';
import { nameKey } from '../shared/name-key.records';
import { electionVoterIdOfListNo, isOnVoterList, readVoterListFreeze } from './voter-list-lookup.records';
import { objectionLoadId, objectionSeqId } from './objection-load.records';
import { myObjectionView } from './objection.view';

type Input = ParsedInputOf<typeof fileObjection>;

const entryUnknown = () => err('NOT_FOUND', 'ENTRY_UNKNOWN', '选民名单上没有这一条，请核对名单序号');
const groupUnknown = (group: string, village: VillageDoc) => err('INVALID_INPUT', 'GROUP_UNKNOWN', `${village.name}没有“${group}”，请从列表中选择村民小组`);

/** Who files, with the limits that apply to them. */
interface Filer {
  readonly objector: Objector;
  readonly objectorVoterId: string | null;
  readonly election: WithId<ElectionDoc>;
  readonly rules: RuleSet;
  /** The load documents this objection counts against, and the most each may hold open. */
  readonly loads: ReadonlyArray<{ id: string; max: number; full: 'DUPLICATE_OBJECTION' | 'TOO_MANY_OPEN' }>;
}

interface Subject {
  readonly subjectVoterId: string | null;
  readonly subject: ObjectionDoc['subject'];
  /** The objection is about the objector themself. */
  readonly self: boolean;
  /** An unproven ID number's hash: the entry it names on this roll, if any, is looked up in the transaction for the committee. */
  readonly lookupIdHash: string | null;
}

/** Whether the caller's own entry is on the list: by status, reading the frozen list only for a flagged entry (flagged before or after publication). */
async function onPublishedList(store: Store, electionId: string, entry: WithId<VoterDoc>): Promise<boolean> {
  if (entry.status === 'registered') return true;
  // A pending entry was not registered at publication and has not been added since (that registers it).
  if (entry.status === 'pending') return false;
  const freeze = await readVoterListFreeze(store, electionId);
  return freeze !== null && (await isOnVoterList(store, freeze, entry._id));
}

/** A WeChat user not on the roll who objects that they themself are missing. */
async function selfIdentified(
  ctx: CallContext,
  identity: NonNullable<Extract<Input, { about: 'me' }>['identity']>,
  today: CivilDate,
): Promise<Result<{ filer: Filer; subject: Subject; window: FilingWindow }, ErrorCode>> {
  const election = await readDoc(ctx.store, 'election', identity.electionId, electionDoc);
  if (!election) return err('NOT_FOUND', 'ELECTION_UNKNOWN', '没有找到这场选举，请扫村里张贴的选举公告上的二维码');
  const village = await readDoc(ctx.store, 'village', election.villageId, villageDoc);
  if (!village) throw new Error(`election ${election._id} has no village`);
  const rules = rulesOf(election);
  const window = objectionFilingWindow(election.voterListPublishedOn, election.electionDay, today, rules);
  if (!window.ok) return window;
  if (!village.groups.includes(identity.group)) return groupUnknown(identity.group, village);
  const parsed = parseIdNumber(identity.idNumber);
  if (!parsed.ok) return err('INVALID_INPUT', parsed.reason, parsed.message);
  const age = ageEligibility(parsed.value.birthDate, election.electionDay, today, rules);
  if (age) return err(age.reason === 'UNDER_18' ? 'NOT_ELIGIBLE' : 'INVALID_INPUT', age.reason, age.message);
  const idHash = keyedHash(ctx.settings.idHmacKey, 'id', parsed.value.normalized);
  const actor = actorOf(ctx);
  return ok({
    window: window.value,
    filer: {
      objector: { kind: 'selfIdentified' },
      objectorVoterId: null,
      election,
      rules,
      // Per WeChat user only: a count per ID number would tell one user that another filed about it.
      loads: [{ id: objectionLoadId(election._id, actor), max: OBJECTION_POLICY.maxOpenSelfIdentified, full: 'TOO_MANY_OPEN' }],
    },
    subject: { subjectVoterId: null, subject: { name: identity.name, group: identity.group, idHash }, self: true, lookupIdHash: idHash },
  });
}

/** Roll entries of a bound objector's call: their own, and the one the objection names (by 序号 or id), if any. */
interface BoundEntries {
  readonly me: WithId<VoterDoc> | null;
  readonly election: WithId<ElectionDoc> | null;
  /** The named entry (null: none such); undefined for a missing-person objection, which names none. */
  readonly entry?: WithId<VoterDoc> | null;
}

/**
 * The objector's entry, the election and the named entry, the two entries in one batched read
 * (one billed read): an id is named directly, a 序号 through the published list's map chunk.
 */
async function readBoundEntries(ctx: CallContext, input: Input, voterId: string, electionId: string): Promise<BoundEntries> {
  const entries = async (named: string | null): Promise<Pick<BoundEntries, 'me' | 'entry'>> => {
    const found = await readDocs(ctx.store, 'voter', named ? [voterId, named] : [voterId], voterDoc);
    return { me: found.get(voterId) ?? null, entry: named ? (found.get(named) ?? null) : null };
  };
  if (input.kind === 'missingPerson') {
    const [me, election] = await Promise.all([readDoc(ctx.store, 'voter', voterId, voterDoc), readDoc(ctx.store, 'election', electionId, electionDoc)]);
    return { me, election };
  }
  if (input.listNo === undefined) {
    const [found, election] = await Promise.all([entries(input.voterId ?? null), readDoc(ctx.store, 'election', electionId, electionDoc)]);
    return { ...found, election };
  }
  const election = await readDoc(ctx.store, 'election', electionId, electionDoc);
  if (!election) return { me: null, election: null, entry: null };
  return { ...(await entries(await electionVoterIdOfListNo(ctx.store, election, input.listNo))), election };
}

/** The entry or person the objection is about, for a bound objector (`entry`: the one it names, read already). */
async function subjectOf(ctx: CallContext, input: Input, me: WithId<VoterDoc>, election: WithId<ElectionDoc>, entry: WithId<VoterDoc> | null | undefined): Promise<Result<Subject, ErrorCode>> {
  const aboutMe = async (): Promise<Result<Subject, ErrorCode>> => {
    if (await onPublishedList(ctx.store, election._id, me)) return err('CONFLICT', 'ALREADY_ON_LIST', '您已经在公布的选民名单上了，不需要提出“没有列入名单”的申诉');
    return ok({ subjectVoterId: me._id, subject: { name: me.name, group: me.group, idHash: null }, self: true, lookupIdHash: null });
  };
  if (input.kind === 'missingPerson' && input.about === 'me') return aboutMe();
  if (input.kind === 'missingPerson') {
    const village = await readDoc(ctx.store, 'village', election.villageId, villageDoc);
    if (!village) throw new Error(`election ${election._id} has no village`);
    if (!village.groups.includes(input.group)) return groupUnknown(input.group, village);
    if (input.idNumber === undefined) return ok({ subjectVoterId: null, subject: { name: input.name, group: input.group, idHash: null }, self: false, lookupIdHash: null });
    const parsed = parseIdNumber(input.idNumber);
    if (!parsed.ok) return err('INVALID_INPUT', parsed.reason, parsed.message);
    const idHash = keyedHash(ctx.settings.idHmacKey, 'id', parsed.value.normalized);
    // The caller's own number is proven by their binding; any other is never looked up here: the
    // committee's decision finds its entry, if any (decide-objection.use-case.ts).
    if (idHash === me.idHash) return aboutMe();
    return ok({ subjectVoterId: null, subject: { name: input.name, group: input.group, idHash }, self: false, lookupIdHash: null });
  }
  if (!entry || entry.electionId !== election._id) return entryUnknown();
  if (input.kind === 'wrongPerson' && entry.status !== 'registered') {
    return err('CONFLICT', 'ENTRY_NOT_ON_LIST', `${entry.name}目前不在选民名单上，不需要对其提出错登申诉`);
  }
  return ok({ subjectVoterId: entry._id, subject: { name: entry.name, group: entry.group, idHash: null }, self: entry._id === me._id, lookupIdHash: null });
}

export const fileObjectionUseCase: UseCase<typeof fileObjection> = async (input, ctx) => {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const openid = who.value;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = shanghaiDateOf(now);
  const aboutMe = input.kind === 'missingPerson' && input.about === 'me';
  const identity = input.kind === 'missingPerson' && input.about === 'me' ? input.identity : undefined;

  let filer: Filer;
  let found: Subject;
  let window: FilingWindow;
  const bound = await readDoc(ctx.store, 'binding', openid, bindingDoc);
  if (!bound && identity) {
    const s = await selfIdentified(ctx, identity, today);
    if (!s.ok) return s;
    ({ filer, subject: found, window } = s.value);
  } else {
    if (bound && identity) return err('CONFLICT', 'ALREADY_BOUND', '这个微信已经绑定了选民身份，不用再填写姓名和身份证号码；请直接就本人的登记提出申诉');
    if (!bound) {
      return aboutMe
        ? err('UNAUTHENTICATED', 'NOT_BOUND', '请先绑定您的选民身份；不在本村选民登记里的，请填写本人的姓名、身份证号码和村民小组')
        : err('UNAUTHENTICATED', 'NOT_BOUND', '请先绑定您的选民身份');
    }
    const { me, election, entry } = await readBoundEntries(ctx, input, bound.voterId, bound.electionId);
    if (!me || !election) return err('NOT_FOUND', 'ELECTION_GONE', '您绑定的选举已不存在，请联系村选举委员会');
    const rules = rulesOf(election);
    filer = {
      objector: { kind: 'voter', voterId: me._id, status: me.status },
      objectorVoterId: me._id,
      election,
      rules,
      loads: [{ id: objectionLoadId(election._id, me._id), max: OBJECTION_POLICY.maxOpenPerObjector, full: 'TOO_MANY_OPEN' }],
    };
    // The window first: before publication there is no list to be missing from.
    const w = objectionFilingWindow(election.voterListPublishedOn, election.electionDay, today, rules);
    if (!w.ok) return w;
    window = w.value;
    const s = await subjectOf(ctx, input, me, election, entry);
    if (!s.ok) return s;
    found = s.value;
  }

  const standing = objectionStanding(filer.objector, input.kind, { voterId: found.subjectVoterId, self: found.self });
  if (!standing.ok) return standing;

  const subjectRef = found.subjectVoterId ?? found.subject.idHash ?? `${nameKey(found.subject.name)}|${found.subject.group}`;
  const dedupeKey = keyedHash(ctx.settings.idHmacKey, 'name', `objection|${input.kind}|${subjectRef}`).slice(0, 24);
  return file(ctx, { input, openid, at, window, filer, found, dedupeKey });
};

async function file(
  ctx: CallContext,
  f: { input: Input; openid: string; at: string; window: FilingWindow; filer: Filer; found: Subject; dedupeKey: string },
) {
  const { input, openid, at, window, filer, found, dedupeKey } = f;
  const { election } = filer;
  const id = newId(ctx.rng, 'o');
  const seqId = objectionSeqId(election._id);
  const r = await ctx.store.runTransaction<Result<ObjectionDoc, ErrorCode>>(async (tx) => {
    const loads: Array<{ id: string; doc: ObjectionLoadDoc }> = [];
    for (const l of filer.loads) {
      const load: ObjectionLoadDoc = (await readDoc(tx, 'meta', l.id, objectionLoadDoc)) ?? { open: 0, keys: [] };
      if (load.keys.includes(dedupeKey)) return err('CONFLICT', 'DUPLICATE_OBJECTION', '您已经就这件事提出过申诉，正在等待选举委员会处理');
      if (load.open >= l.max) {
        return err('LIMIT_EXCEEDED', 'TOO_MANY_OPEN', l.max === 1 ? '您已经提出过一件申诉，正在等待选举委员会处理，处理后才能再提出' : `您已有${load.open}件申诉正在处理，请等处理后再提出新的申诉`);
      }
      loads.push({ id: l.id, doc: load });
    }
    // For the committee only: the entry an unproven number names on this roll (the reply never shows it).
    const subjectVoterId = found.lookupIdHash ? await readRollKey(tx, election._id, found.lookupIdHash) : found.subjectVoterId;
    const no = ((await readDoc(tx, 'meta', seqId, counterDoc))?.value ?? 0) + 1;
    const doc: ObjectionDoc = {
      electionId: election._id,
      villageId: election.villageId,
      no,
      kind: input.kind,
      objectorVoterId: filer.objectorVoterId,
      objectorOpenid: openid,
      byPerson: found.self,
      loadIds: loads.map((l) => l.id),
      subjectVoterId,
      subject: found.subject,
      wrongFields: input.kind === 'wrongDetails' ? [...new Set(input.wrongFields)] : [],
      details: input.details,
      dedupeKey,
      filedAt: at,
      receivedOn: window.receivedOn,
      decisionLastDay: window.decisionLastDay,
      decisionDeadline: window.decisionDeadline,
      status: 'open',
      decision: null,
    };
    await tx.set('meta', seqId, { value: no });
    for (const l of loads) await tx.set('meta', l.id, { open: l.doc.open + 1, keys: [...l.doc.keys, dedupeKey] });
    await tx.set('objection', id, doc);
    await appendAudit(tx, {
      scope: election._id,
      action: 'registration.fileObjection',
      actor: actorOf(ctx),
      at,
      subject: id,
      data: { no, kind: input.kind, subjectVoterId, byPerson: found.self, selfIdentified: filer.objectorVoterId === null, decisionLastDay: doc.decisionLastDay },
    });
    return ok(doc);
  });
  return r.ok ? ok({ objection: myObjectionView({ ...r.value, _id: id }) }) : r;
}
