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
 * This file, `prepareListChange`, checks everything that needs no transaction (ID number, age on election
 * day, group, preset flags, the records of a new entry) and draws ids and codes; `applyListChange`
 * (list-change.records.ts) runs inside the decision's transaction: it reads what it touches and refuses before its first
 * write if anything changed.
 */
import type { ErrorCode } from '../../../src/contracts/envelope';
import type { decideObjection } from '../../../src/contracts/objection-committee.contract';
import type { ParsedInputOf } from '../../../src/contracts/define-action';
import { type ListChangeRecord } from '../../../src/contracts/documents/objection-documents.schema';
import type { ProxyDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import { type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { CivilDate } from '../../../src/domain/civil-date';
import { parseIdNumber } from '../../../src/domain/id-number';
import { ageEligibility, isFlagAllowed, registrationRecord, type RegistrationRecord, type RegistrationRecordInput, type VoterFlag } from '../../../src/domain/registration';
import { err, ok, type Result } from '../../../src/domain/result';
import { keyedHash, type RandomSource } from '../../security/keyed-hash';
import { draftRollEntry } from '../roll/roll-entry.records';
import type { ElectionScope } from '../shared/election-access.policy';
import type { WithId } from '../../runtime/documents';

type ChangeInput = NonNullable<ParsedInputOf<typeof decideObjection>['change']>;

type IdFacts = { idHash: string; birthDate: CivilDate; sex: 'M' | 'F' };

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
  birthDate: CivilDate;
  status: VoterDoc['status'];
  bindingCode: string;
}

export interface AppliedChange {
  record: ListChangeRecord;
  /** Who the published result names: the entry as it stands after the change. */
  shown: { name: string; group: string };
  newVoter: NewVoter | null;
  /** Proxy authorizations the change voided (the entry left the list): their principals are told after commit. */
  voidedProxies: readonly WithId<ProxyDoc>[];
}

function idFacts(raw: string, scope: ElectionScope, today: CivilDate, key: string): Result<IdFacts, ErrorCode> {
  const parsed = parseIdNumber(raw);
  if (!parsed.ok) return err('INVALID_INPUT', parsed.reason, parsed.message);
  const age = ageEligibility(parsed.value.birthDate, scope.election.electionDay, today, scope.rules);
  if (age) return err(age.reason === 'UNDER_18' ? 'NOT_ELIGIBLE' : 'INVALID_INPUT', age.reason, age.message);
  return ok({
    idHash: keyedHash(key, 'id', parsed.value.normalized),
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
export function recordFields(r: RegistrationRecord, at: string, residenceSince: CivilDate | null): Partial<VoterDoc> {
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

type PrepareEnv = { today: CivilDate; at: string; key: string; rng: RandomSource };
/** What every prepared change is checked against: the objection's subject, the election, the moment. */
type Preparing = { readonly subject: ObjectionSubject; readonly scope: ElectionScope; readonly env: PrepareEnv };

export function prepareListChange(
  change: ChangeInput,
  subject: ObjectionSubject,
  scope: ElectionScope,
  env: PrepareEnv,
): Result<PreparedChange, ErrorCode> {
  const entryNeeded = err('NOT_FOUND', 'ENTRY_UNKNOWN', '请指明要更改的登记');
  switch (change.kind) {
    case 'addVoter':
      return prepareAddVoter(change, { subject, scope, env });
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
    case 'correctDetails':
      return prepareCorrection(change, { subject, scope, env });
  }
}

/** 补充登记: a missing person drafted as the roll import drafts one, with the records their category needs. */
function prepareAddVoter(change: Extract<ChangeInput, { kind: 'addVoter' }>, { subject, scope, env }: Preparing): Result<PreparedChange, ErrorCode> {
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

function prepareCorrection(change: Extract<ChangeInput, { kind: 'correctDetails' }>, { subject, scope, env }: Preparing): Result<PreparedChange, ErrorCode> {
  const entryNeeded = err('NOT_FOUND', 'ENTRY_UNKNOWN', '请指明要更改的登记');
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
