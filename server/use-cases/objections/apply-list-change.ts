/**
 * The list change an upheld objection makes (RULES.md §1 "changes after publication go through
 * objections"): add a missing person, register an entry that was still pending when the list
 * was published, reinstate a flagged entry, take an entry off with a status flag, or correct an
 * entry's details.
 *
 * It goes through the roll's own code paths so an entry changes the same way whoever changes it:
 * new entries are drafted by `draftRollEntry`, flags and restores run `applyVoterStatusOp` with
 * `via: objection`, and the deployment-wide `idIndex` claim (不重登) is inspected and taken with
 * the roll's claim helpers — a person registered in another village is refused DOUBLE_REGISTRATION
 * and the township sees the attempt.
 *
 * Putting someone on the list needs what the law needs for their category (registrationRecord):
 * A nothing; B the person's own declaration — their own objection is one (本人表示参加选举,
 * recorded with channel 'objection'), otherwise the committee records how and when the person
 * told it; C the 村民会议/村民代表会议 approval (meeting, date, minutes) and enough residence.
 *
 * `prepareListChange` checks everything that needs no transaction (ID number, age on election
 * day, group, preset flags, the records of a new entry) and draws ids and codes; `applyListChange`
 * runs inside the decision's transaction: it reads what it touches and refuses before its first
 * write if anything changed.
 */
import type { ErrorCode } from '../../../src/contracts/envelope';
import type { decideObjection } from '../../../src/contracts/objection-committee.contract';
import type { ParsedInputOf } from '../../../src/contracts/define-action';
import { type ListChangeRecord } from '../../../src/contracts/documents/objection-documents.schema';
import { voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { STATUS_LABELS } from '../../../src/contracts/labels';
import type { CivilDate } from '../../../src/domain/civil-date';
import { maskIdNumber, parseIdNumber } from '../../../src/domain/id-number';
import {
  ageEligibility,
  holdsRegistration,
  isFlagAllowed,
  isFlagged,
  registrationRecord,
  statusForCategory,
  type RegistrationRecord,
  type RegistrationRecordInput,
  type VoterFlag,
} from '../../../src/domain/registration';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { Store, TxOps } from '../../ports/store.port';
import { findDocs, readDoc, type WithId } from '../../runtime/documents';
import { keyedHash, type RandomSource } from '../../security/keyed-hash';
import { inspectClaim, readRollKey, recordDoubleRegistration, releaseClaim, removeRollKey, setRollKey, takeClaim, doubleRegistrationMessage } from '../roll/registration-claim';
import { bumpRollVersion } from '../roll/roll-access';
import { categoryRecordOf, draftRollEntry } from '../roll/roll-entry';
import { applyVoterStatusOp, ensureClaim, type StatusOpEnv } from '../roll/voter-status-ops';
import { nameKey } from '../shared/name-key';
import type { ElectionScope } from '../shared/election-access';

type ChangeInput = NonNullable<ParsedInputOf<typeof decideObjection>['change']>;

type IdFacts = { idHash: string; idMasked: string; birthDate: CivilDate; sex: 'M' | 'F' };

/** The records an objection's decision brings for registering someone (registerVoter). */
type GivenRecords = Omit<RegistrationRecordInput, 'residenceSince' | 'ownObjectionOn'> & { residenceSince: CivilDate | null };

export type PreparedChange =
  | { kind: 'addVoter'; voterId: string; doc: VoterDoc; bindingCode: string }
  | { kind: 'registerVoter'; voterId: string; given: GivenRecords; ownObjectionOn: CivilDate | null }
  | { kind: 'reinstateVoter'; voterId: string }
  | { kind: 'removeVoter'; voterId: string; status: VoterFlag }
  | { kind: 'correctDetails'; voterId: string; name?: string; group?: string; category?: 'A' | 'B'; id?: IdFacts };

export interface NewVoter {
  voterId: string;
  name: string;
  group: string;
  idMasked: string;
  status: VoterDoc['status'];
  bindingCode: string;
}

export interface AppliedChange {
  record: ListChangeRecord;
  /** Who the published result names: the entry as it stands after the change. */
  shown: { name: string; group: string };
  newVoter: NewVoter | null;
}

function idFacts(raw: string, scope: ElectionScope, today: CivilDate, key: string): Result<IdFacts, ErrorCode> {
  const parsed = parseIdNumber(raw);
  if (!parsed.ok) return err('INVALID_INPUT', parsed.reason, parsed.message);
  const age = ageEligibility(parsed.value.birthDate, scope.election.electionDay, today, scope.rules);
  if (age) return err(age.reason === 'UNDER_18' ? 'NOT_ELIGIBLE' : 'INVALID_INPUT', age.reason, age.message);
  return ok({
    idHash: keyedHash(key, 'id', parsed.value.normalized),
    idMasked: maskIdNumber(parsed.value.normalized),
    birthDate: parsed.value.birthDate,
    sex: parsed.value.sex,
  });
}

const groupUnknown = (group: string) => err('INVALID_INPUT', 'GROUP_UNKNOWN', `本村没有“${group}”，请从列表中选择村民小组`);

type RecordFields = { declaration?: { channel: 'inPerson' | 'phone'; declaredOn: CivilDate } | undefined; residence?: { meeting: 'villagerMeeting' | 'representativeMeeting'; meetingDate: CivilDate; minutesRef: string; residenceSince?: CivilDate | undefined } | undefined };

const givenRecords = (c: RecordFields): GivenRecords => ({
  declaration: c.declaration ? { channel: c.declaration.channel, on: c.declaration.declaredOn } : null,
  meeting: c.residence ? { meeting: c.residence.meeting, meetingDate: c.residence.meetingDate, minutesRef: c.residence.minutesRef } : null,
  residenceSince: c.residence?.residenceSince ?? null,
});

/** The registered entry's fields that carry its record (RULES.md §1), as the roll stores them. */
function recordFields(r: RegistrationRecord, at: string, residenceSince: CivilDate | null): Partial<VoterDoc> {
  return {
    status: 'registered',
    statusReason: null,
    ...(r.declaration ? { declaration: { channel: r.declaration.channel, on: r.declaration.on, livesIn: null, at } } : {}),
    ...(r.meeting ? { residenceDecision: { outcome: 'approved' as const, ...r.meeting, reason: null, at }, residenceSince } : {}),
  };
}

export interface ObjectionSubject {
  readonly voterId: string | null;
  readonly objectionNo: number;
  /** Filed by the person it is about: for category B, their declaration. */
  readonly byPerson: boolean;
  readonly receivedOn: CivilDate;
  /** A self-identified objector's ID number (keyed hash): the person to add must be them. */
  readonly idHash: string | null;
}

export function prepareListChange(
  change: ChangeInput,
  subject: ObjectionSubject,
  scope: ElectionScope,
  env: { today: CivilDate; at: string; key: string; rng: RandomSource },
): Result<PreparedChange, ErrorCode> {
  const entryNeeded = err('NOT_FOUND', 'ENTRY_UNKNOWN', '请指明要更改的登记');
  switch (change.kind) {
    case 'addVoter': {
      if (!scope.village.groups.includes(change.group)) return groupUnknown(change.group);
      const id = idFacts(change.idNumber, scope, env.today, env.key);
      if (!id.ok) return id;
      const self = subject.byPerson && subject.voterId === null;
      if (self && subject.idHash !== null && subject.idHash !== id.value.idHash) {
        return err('INVALID_INPUT', 'ID_MISMATCH', '这个身份证号码与申诉人本人填写的不一致；本人申诉的，只能列入申诉人本人，请对照本人身份证核对');
      }
      const given = givenRecords(change);
      const record = registrationRecord(
        change.category,
        { ...given, ownObjectionOn: self ? subject.receivedOn : null },
        scope.election.electionDay,
        env.today,
        scope.rules,
      );
      if (!record.ok) return record;
      const draft = draftRollEntry(
        {
          electionId: scope.election._id,
          villageId: scope.village._id,
          name: change.name,
          ...id.value,
          group: change.group,
          category: change.category,
          phoneMasked: null,
          residenceSince: given.residenceSince,
          note: `第${subject.objectionNo}号申诉成立，补充登记`,
          boundTo: null,
        },
        env.key,
        env.rng,
        env.at,
      );
      const doc: VoterDoc = { ...draft.doc, ...recordFields(record.value, env.at, given.residenceSince) };
      return ok({ kind: 'addVoter', voterId: draft.id, doc, bindingCode: draft.bindingCode });
    }
    case 'registerVoter': {
      const voterId = change.voterId ?? subject.voterId;
      if (!voterId) return entryNeeded;
      // The objection is the person's own declaration only when it is about their own entry.
      return ok({ kind: 'registerVoter', voterId, given: givenRecords(change), ownObjectionOn: subject.byPerson && voterId === subject.voterId ? subject.receivedOn : null });
    }
    case 'reinstateVoter': {
      const voterId = change.voterId ?? subject.voterId;
      return voterId ? ok({ kind: 'reinstateVoter', voterId }) : entryNeeded;
    }
    case 'removeVoter': {
      if (!subject.voterId) return entryNeeded;
      if (!isFlagAllowed(change.status, scope.rules)) return err('INVALID_INPUT', 'FLAG_NOT_ALLOWED', `本地选举规则（${scope.rules.name}）没有“无法行使选举权”这一项，请选择其他原因`);
      return ok({ kind: 'removeVoter', voterId: subject.voterId, status: change.status });
    }
    case 'correctDetails': {
      if (!subject.voterId) return entryNeeded;
      if (change.group !== undefined && !scope.village.groups.includes(change.group)) return groupUnknown(change.group);
      let id: IdFacts | undefined;
      if (change.idNumber !== undefined) {
        const r = idFacts(change.idNumber, scope, env.today, env.key);
        if (!r.ok) return r;
        id = r.value;
      }
      return ok({
        kind: 'correctDetails',
        voterId: subject.voterId,
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.group !== undefined ? { group: change.group } : {}),
        ...(change.category !== undefined ? { category: change.category } : {}),
        ...(id ? { id } : {}),
      });
    }
  }
}

export interface ChangeContext {
  readonly electionId: string;
  readonly villageId: string;
  readonly objectionId: string;
  readonly objectionNo: number;
  readonly reason: string;
  readonly status: StatusOpEnv;
}

const changed = (what: string) => err('CONFLICT', 'ENTRY_CHANGED', `${what}，请刷新后再处理`);
const alreadyOnRoll = () =>
  err('CONFLICT', 'ALREADY_ON_ROLL', '此人已经在本届选民登记名册中：还在等待登记的，请选择“补办登记，列入选民名单”；被除名的，请选择“恢复列入选民名单”');

/**
 * Whether the person of `idHash` may have an entry here: none on this roll (roll key, claim), and
 * no live registration in another village (refused, and recorded for the township).
 */
async function claimable(
  tx: TxOps,
  person: { idHash: string; idMasked: string; name: string },
  here: { electionId: string; villageId: string },
  at: string,
): Promise<Result<true, ErrorCode>> {
  if (await readRollKey(tx, here.electionId, person.idHash)) return alreadyOnRoll();
  const claim = await inspectClaim(tx, person.idHash, here);
  if (claim.kind === 'thisElection') return alreadyOnRoll();
  if (claim.kind === 'elsewhere') {
    await recordDoubleRegistration(tx, { ...here, ...person, claim: claim.claim, source: 'objection', importId: null, row: null, at });
    return err('CONFLICT', 'DOUBLE_REGISTRATION', doubleRegistrationMessage(claim.villageName));
  }
  return ok(true);
}

/**
 * Checks that need a query, before the transaction: an entry of the person to add (or of the
 * corrected ID number) that predates roll keys is found by the blind index.
 */
export async function precheckListChange(store: Store, c: PreparedChange, electionId: string): Promise<Result<true, ErrorCode>> {
  const idHash = c.kind === 'addVoter' ? c.doc.idHash : c.kind === 'correctDetails' ? c.id?.idHash : undefined;
  if (!idHash) return ok(true);
  const found = await findDocs(store, 'voter', { electionId, idHash }, voterDoc, { limit: 2 });
  return found.some((v) => v._id !== c.voterId) ? alreadyOnRoll() : ok(true);
}

async function entryOf(tx: TxOps, voterId: string, electionId: string): Promise<Result<WithId<VoterDoc>, ErrorCode>> {
  const v = await readDoc(tx, 'voter', voterId, voterDoc);
  return v && v.electionId === electionId ? ok(v) : err('NOT_FOUND', 'ENTRY_UNKNOWN', '没有找到这条登记');
}

/** Applies a prepared change inside the decision's transaction: all reads and checks, then the writes. */
export async function applyListChange(tx: TxOps, c: PreparedChange, cx: ChangeContext): Promise<Result<AppliedChange, ErrorCode>> {
  const here = { electionId: cx.electionId, villageId: cx.villageId };
  const why = `第${cx.objectionNo}号申诉成立：${cx.reason}`;

  if (c.kind === 'addVoter') {
    // 申诉成立补充登记: the same entry the roll import writes, registered with its record, and its deployment-wide claim.
    const claim = await claimable(tx, c.doc, here, cx.status.at);
    if (!claim.ok) return claim;
    await tx.set('voter', c.voterId, c.doc);
    await setRollKey(tx, cx.electionId, c.doc.idHash, c.voterId);
    await takeClaim(tx, c.doc.idHash, { voterId: c.voterId, ...here }, cx.status.at);
    await bumpRollVersion(tx, cx.electionId);
    await appendAudit(tx, {
      scope: cx.electionId,
      action: 'committee.decideObjection.addVoter',
      actor: cx.status.actor,
      at: cx.status.at,
      subject: c.voterId,
      data: {
        objectionId: cx.objectionId,
        category: c.doc.category,
        status: c.doc.status,
        ...(c.doc.declaration ? { declarationChannel: c.doc.declaration.channel, declaredOn: c.doc.declaration.on } : {}),
        ...(c.doc.residenceDecision ? { meeting: c.doc.residenceDecision.meeting, meetingDate: c.doc.residenceDecision.meetingDate, minutesRef: c.doc.residenceDecision.minutesRef } : {}),
      },
    });
    return ok({
      record: { kind: c.kind, voterId: c.voterId, status: c.doc.status, fields: [] },
      shown: { name: c.doc.name, group: c.doc.group },
      newVoter: { voterId: c.voterId, name: c.doc.name, group: c.doc.group, idMasked: c.doc.idMasked, status: c.doc.status, bindingCode: c.bindingCode },
    });
  }

  const entry = await entryOf(tx, c.voterId, cx.electionId);
  if (!entry.ok) return entry;
  const v = entry.value;

  switch (c.kind) {
    case 'registerVoter': {
      // Pending at publication, or flagged off: either way on the list now, with its record.
      if (v.status === 'registered') return changed(`${v.name}已经在选民名单上`);
      const residenceSince = c.given.residenceSince ?? v.residenceSince;
      const record = registrationRecord(v.category, { ...c.given, residenceSince, ownObjectionOn: c.ownObjectionOn }, cx.status.electionDay, cx.status.today, cx.status.rules);
      if (!record.ok) return record;
      const claim = await ensureClaim(tx, v, cx.status);
      if (!claim.ok) return claim;
      await claim.value();
      const patch = recordFields(record.value, cx.status.at, residenceSince);
      await tx.update('voter', v._id, { ...patch, updatedAt: cx.status.at });
      await bumpRollVersion(tx, cx.electionId);
      const r = record.value;
      await appendAudit(tx, {
        scope: cx.electionId,
        action: 'committee.decideObjection.registerVoter',
        actor: cx.status.actor,
        at: cx.status.at,
        subject: v._id,
        data: {
          objectionId: cx.objectionId,
          category: v.category,
          from: v.status,
          to: 'registered',
          ...(r.declaration ? { declarationChannel: r.declaration.channel, declaredOn: r.declaration.on } : {}),
          ...(r.meeting ? { meeting: r.meeting.meeting, meetingDate: r.meeting.meetingDate, minutesRef: r.meeting.minutesRef } : {}),
        },
      });
      return ok({ record: { kind: c.kind, voterId: v._id, status: 'registered', fields: [] }, shown: { name: v.name, group: v.group }, newVoter: null });
    }
    case 'reinstateVoter': {
      if (v.status === 'registered') return changed(`${v.name}已经在选民名单上`);
      if (!isFlagged(v.status)) {
        return err('CONFLICT', 'NOT_FLAGGED', `${v.name}的登记是“${STATUS_LABELS[v.status]}”，没有被除名：请选择“补办登记，列入选民名单”，并填写本人表示参加或村民会议同意的记录`);
      }
      // Restoring would leave them waiting (B never declared, C never approved): that is a registration.
      if (!holdsRegistration(statusForCategory(categoryRecordOf(v)))) {
        return err('CONFLICT', 'RECORD_REQUIRED', `${v.name}恢复后仍须${v.category === 'B' ? '本人表示参加选举' : '村民会议或村民代表会议同意'}才能列入名单：请选择“补办登记，列入选民名单”，并填写记录`);
      }
      const r = await applyVoterStatusOp(tx, v, { op: 'restore', reason: why }, cx.status);
      if (!r.ok) return r;
      return ok({ record: { kind: c.kind, voterId: v._id, status: r.value.voter.status, fields: [] }, shown: { name: v.name, group: v.group }, newVoter: null });
    }
    case 'removeVoter': {
      if (v.status !== 'registered') return changed(`${v.name}已经不在选民名单上`);
      const r = await applyVoterStatusOp(tx, v, { op: c.status, reason: why }, cx.status);
      if (!r.ok) return r;
      return ok({ record: { kind: c.kind, voterId: v._id, status: r.value.voter.status, fields: [] }, shown: { name: v.name, group: v.group }, newVoter: null });
    }
    case 'correctDetails': {
      const patch: Partial<VoterDoc> = {};
      const fields: ListChangeRecord['fields'] = [];
      if (c.name !== undefined && c.name !== v.name) {
        patch.name = c.name;
        patch.nameKey = nameKey(c.name);
        fields.push('name');
      }
      if (c.group !== undefined && c.group !== v.group) {
        patch.group = c.group;
        fields.push('group');
      }
      if (c.category !== undefined && c.category !== v.category) {
        patch.category = c.category;
        fields.push('category');
      }
      const newId = c.id && c.id.idHash !== v.idHash ? c.id : null;
      if (newId) {
        const claim = await claimable(tx, { idHash: newId.idHash, idMasked: newId.idMasked, name: patch.name ?? v.name }, here, cx.status.at);
        if (!claim.ok) return claim;
        Object.assign(patch, { idHash: newId.idHash, idMasked: newId.idMasked, birthDate: newId.birthDate, sex: newId.sex });
        fields.push('idNumber');
      }
      if (fields.length === 0) return changed('更正的内容与现在的登记相同');
      // A corrected category changes what the entry needs to be on the list (A always, B once declared).
      const status = isFlagged(v.status) ? v.status : statusForCategory(categoryRecordOf({ ...v, ...patch }));
      const holdsNow = holdsRegistration(v.status);
      if (status !== v.status) patch.status = status;
      // The claim follows the number and the status: released under the old hash if this entry held it.
      if (holdsNow) await releaseClaim(tx, v.idHash, v._id);
      if (holdsRegistration(status)) {
        if (holdsNow) await takeClaim(tx, patch.idHash ?? v.idHash, { voterId: v._id, ...here }, cx.status.at);
        else {
          const claim = await ensureClaim(tx, { ...v, ...patch }, cx.status);
          if (!claim.ok) return claim;
          await claim.value();
        }
      }
      if (newId) {
        await removeRollKey(tx, cx.electionId, v.idHash, v._id);
        await setRollKey(tx, cx.electionId, newId.idHash, v._id);
      }
      await tx.update('voter', v._id, { ...patch, updatedAt: cx.status.at });
      await bumpRollVersion(tx, cx.electionId);
      await appendAudit(tx, {
        scope: cx.electionId,
        action: 'committee.decideObjection.correctDetails',
        actor: cx.status.actor,
        at: cx.status.at,
        subject: v._id,
        data: { objectionId: cx.objectionId, fields: fields.join(',') },
      });
      return ok({ record: { kind: c.kind, voterId: v._id, status: status !== v.status ? status : null, fields }, shown: { name: patch.name ?? v.name, group: patch.group ?? v.group }, newVoter: null });
    }
  }
}
