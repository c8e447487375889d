/**
 * The list change of an upheld objection, applied inside the decision's transaction (see
 * list-change.policy.ts for what each change is and what is checked before): it reads what it
 * touches and refuses before its first write if anything changed. It goes through the roll's own
 * code paths (draftRollEntry, applyVoterStatusOp, the idIndex claim helpers).
 */
import type { ErrorCode } from '../../../src/contracts/envelope';
import { type ListChangeRecord } from '../../../src/contracts/documents/objection-documents.schema';
import { voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { STATUS_LABELS } from '../../../src/contracts/labels';
import { holdsRegistration, isFlagged, registrationRecord, statusForCategory } from '../../../src/domain/registration';
import { err, ok, type Result } from '../../../src/domain/result';
import type { CivilDate } from '../../../src/domain/civil-date';
import { appendAudit } from '../../audit/audit-log';
import type { Store, TxOps } from '../../ports/store.port';
import { findDocs, readDoc, type WithId } from '../../runtime/documents';
import { inspectClaim, readRollKey, recordDoubleRegistration, releaseClaim, removeRollKey, setRollKey, takeClaim, doubleRegistrationMessage } from '../roll/registration-claim.records';
import { bumpRollVersion } from '../roll/roll-access.policy';
import { categoryRecordOf } from '../roll/roll-entry.records';
import { applyVoterStatusOp, ensureClaim, type StatusOpEnv } from '../roll/voter-status.records';
import { voidProxiesOfVoter } from '../proxies/void-proxies.effects';
import { nameKey } from '../shared/name-key.records';
import { recordFields, type AppliedChange, type PreparedChange } from './list-change.policy';

export interface ChangeContext {
  readonly electionId: string;
  readonly villageId: string;
  readonly objectionId: string;
  readonly objectionNo: number;
  readonly reason: string;
  readonly status: StatusOpEnv;
}

/** The audit entry of one list change, under the deciding objection. */
function auditChange(tx: TxOps, cx: ChangeContext, change: 'addVoter' | 'registerVoter' | 'correctDetails', subject: string, data: Record<string, unknown>): Promise<{ pendingId: string }> {
  return appendAudit(tx, { scope: cx.electionId, action: `committee.decideObjection.${change}`, actor: cx.status.actor, at: cx.status.at, subject, data: { objectionId: cx.objectionId, ...data } });
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
  person: { idHash: string; birthDate: CivilDate; name: string },
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

type Add = Extract<PreparedChange, { kind: 'addVoter' }>;
type Register = Extract<PreparedChange, { kind: 'registerVoter' }>;
type Remove = Extract<PreparedChange, { kind: 'removeVoter' }>;
type Correct = Extract<PreparedChange, { kind: 'correctDetails' }>;
type Entry = WithId<VoterDoc>;

async function applyAddVoter(tx: TxOps, c: Add, cx: ChangeContext): Promise<Result<AppliedChange, ErrorCode>> {
  const here = { electionId: cx.electionId, villageId: cx.villageId };
  // 申诉成立补充登记: the same entry the roll import writes, registered with its record, and its deployment-wide claim.
  const claim = await claimable(tx, c.doc, here, cx.status.at);
  if (!claim.ok) return claim;
  await tx.set('voter', c.voterId, c.doc);
  await setRollKey(tx, cx.electionId, c.doc.idHash, c.voterId);
  await takeClaim(tx, c.doc.idHash, { voterId: c.voterId, ...here }, cx.status.at);
  await bumpRollVersion(tx, cx.electionId);
  await auditChange(tx, cx, 'addVoter', c.voterId, {
    category: c.doc.category,
    status: c.doc.status,
    ...(c.doc.declaration ? { declarationChannel: c.doc.declaration.channel, declaredOn: c.doc.declaration.on } : {}),
    ...(c.doc.residenceDecision ? { meeting: c.doc.residenceDecision.meeting, meetingDate: c.doc.residenceDecision.meetingDate, minutesRef: c.doc.residenceDecision.minutesRef } : {}),
  });
  return ok({
    record: { kind: c.kind, voterId: c.voterId, status: c.doc.status, fields: [] },
    shown: { name: c.doc.name, group: c.doc.group },
    newVoter: { voterId: c.voterId, name: c.doc.name, group: c.doc.group, birthDate: c.doc.birthDate, status: c.doc.status, bindingCode: c.bindingCode },
    voidedProxies: [],
  });
}

async function applyRegisterVoter(tx: TxOps, c: Register, v: Entry, cx: ChangeContext): Promise<Result<AppliedChange, ErrorCode>> {
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
  await auditChange(tx, cx, 'registerVoter', v._id, {
    category: v.category,
    from: v.status,
    to: 'registered',
    ...(r.declaration ? { declarationChannel: r.declaration.channel, declaredOn: r.declaration.on } : {}),
    ...(r.meeting ? { meeting: r.meeting.meeting, meetingDate: r.meeting.meetingDate, minutesRef: r.meeting.minutesRef } : {}),
  });
  return ok({ record: { kind: c.kind, voterId: v._id, status: 'registered', fields: [] }, shown: { name: v.name, group: v.group }, newVoter: null, voidedProxies: [] });
}

async function applyReinstateVoter(tx: TxOps, v: Entry, cx: ChangeContext): Promise<Result<AppliedChange, ErrorCode>> {
  const why = `第${cx.objectionNo}号申诉成立：${cx.reason}`;
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
  return ok({ record: { kind: 'reinstateVoter', voterId: v._id, status: r.value.voter.status, fields: [] }, shown: { name: v.name, group: v.group }, newVoter: null, voidedProxies: [] });
}

async function applyRemoveVoter(tx: TxOps, c: Remove, v: Entry, cx: ChangeContext): Promise<Result<AppliedChange, ErrorCode>> {
  const why = `第${cx.objectionNo}号申诉成立：${cx.reason}`;
  if (v.status !== 'registered') return changed(`${v.name}已经不在选民名单上`);
  const r = await applyVoterStatusOp(tx, v, { op: c.status, reason: why }, cx.status);
  if (!r.ok) return r;
  return ok({ record: { kind: c.kind, voterId: v._id, status: r.value.voter.status, fields: [] }, shown: { name: v.name, group: v.group }, newVoter: null, voidedProxies: r.value.voidedProxies });
}

/** The corrected fields that differ from the entry, without the ID number (checked against the claims first). */
function correctionPatch(c: Correct, v: Entry): { patch: Partial<VoterDoc>; fields: ListChangeRecord['fields'] } {
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
  return { patch, fields };
}

/** The entry's status after the correction, its deployment-wide claim following the number and the status. */
async function moveClaim(tx: TxOps, v: Entry, patch: Partial<VoterDoc>, cx: ChangeContext): Promise<Result<VoterDoc['status'], ErrorCode>> {
  const here = { electionId: cx.electionId, villageId: cx.villageId };
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
  return ok(status);
}

async function applyCorrection(tx: TxOps, c: Correct, v: Entry, cx: ChangeContext): Promise<Result<AppliedChange, ErrorCode>> {
  const here = { electionId: cx.electionId, villageId: cx.villageId };
  const { patch, fields } = correctionPatch(c, v);
  const newId = c.id && c.id.idHash !== v.idHash ? c.id : null;
  if (newId) {
    const claim = await claimable(tx, { idHash: newId.idHash, birthDate: newId.birthDate, name: patch.name ?? v.name }, here, cx.status.at);
    if (!claim.ok) return claim;
    Object.assign(patch, { idHash: newId.idHash, birthDate: newId.birthDate, sex: newId.sex });
    fields.push('idNumber');
  }
  if (fields.length === 0) return changed('更正的内容与现在的登记相同');
  const moved = await moveClaim(tx, v, patch, cx);
  if (!moved.ok) return moved;
  const status = moved.value;
  if (newId) {
    await removeRollKey(tx, cx.electionId, v.idHash, v._id);
    await setRollKey(tx, cx.electionId, newId.idHash, v._id);
  }
  await tx.update('voter', v._id, { ...patch, updatedAt: cx.status.at });
  // A corrected category can take the entry off the list (an A entry corrected to B, not yet
  // declared): every proxy authorization naming the person ends with it (RULES.md §4).
  const voidedProxies = v.status === 'registered' && status !== 'registered' ? await voidProxiesOfVoter(tx, { electionId: cx.electionId, voterId: v._id, at: cx.status.at }) : [];
  await bumpRollVersion(tx, cx.electionId);
  await auditChange(tx, cx, 'correctDetails', v._id, { fields: fields.join(',') });
  return ok({ record: { kind: c.kind, voterId: v._id, status: status !== v.status ? status : null, fields }, shown: { name: patch.name ?? v.name, group: patch.group ?? v.group }, newVoter: null, voidedProxies });
}

/** Applies a prepared change inside the decision's transaction: all reads and checks, then the writes. */
export async function applyListChange(tx: TxOps, c: PreparedChange, cx: ChangeContext): Promise<Result<AppliedChange, ErrorCode>> {
  if (c.kind === 'addVoter') return applyAddVoter(tx, c, cx);
  const entry = await entryOf(tx, c.voterId, cx.electionId);
  if (!entry.ok) return entry;
  const v = entry.value;
  switch (c.kind) {
    case 'registerVoter':
      return applyRegisterVoter(tx, c, v, cx);
    case 'reinstateVoter':
      return applyReinstateVoter(tx, v, cx);
    case 'removeVoter':
      return applyRemoveVoter(tx, c, v, cx);
    case 'correctDetails':
      return applyCorrection(tx, c, v, cx);
  }
}
