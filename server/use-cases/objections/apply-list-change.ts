/**
 * The list change an upheld objection makes (RULES.md §1 "changes after publication go through
 * objections"): add a missing person, reinstate a flagged entry, take an entry off with a status
 * flag, or correct an entry's details.
 *
 * It goes through the roll's own code paths so an entry changes the same way whoever changes it:
 * new entries are drafted by `draftRollEntry`, flags and restores run `applyVoterStatusOp` with
 * `via: objection`, and the deployment-wide `idIndex` claim (不重登) is inspected and taken with
 * the roll's claim helpers.
 *
 * `prepareListChange` checks everything that needs no transaction (ID number, age on election
 * day, group, preset flags) and draws ids and codes; `applyListChange` runs inside the decision's
 * transaction: it reads what it touches and refuses before its first write if anything changed.
 */
import type { ErrorCode } from '../../../src/contracts/envelope';
import type { decideObjection } from '../../../src/contracts/objection.contract';
import type { ParsedInputOf } from '../../../src/contracts/define-action';
import { voterDoc, type ListChangeRecord, type VoterDoc } from '../../../src/contracts/store-documents.schema';
import type { CivilDate } from '../../../src/domain/civil-date';
import { maskIdNumber, parseIdNumber } from '../../../src/domain/id-number';
import { ageEligibility, isFlagAllowed, isFlagged, type VoterFlag } from '../../../src/domain/registration';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { TxOps } from '../../ports/store.port';
import { readDoc, type WithId } from '../../runtime/documents';
import { keyedHash, type RandomSource } from '../../security/keyed-hash';
import { doubleRegistrationMessage, inspectClaim, releaseClaim, takeClaim } from '../roll/registration-claim';
import { draftRollEntry } from '../roll/roll-entry';
import { applyVoterStatusOp, type StatusOpEnv } from '../roll/voter-status-ops';
import { nameKey } from '../shared/name-key';
import type { ElectionScope } from './election-access';

type ChangeInput = NonNullable<ParsedInputOf<typeof decideObjection>['change']>;

type IdFacts = { idHash: string; idMasked: string; birthDate: CivilDate; sex: 'M' | 'F' };

export type PreparedChange =
  | { kind: 'addVoter'; voterId: string; doc: VoterDoc; bindingCode: string }
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

export function prepareListChange(
  change: ChangeInput,
  subject: { voterId: string | null; objectionNo: number },
  scope: ElectionScope,
  env: { today: CivilDate; at: string; key: string; rng: RandomSource },
): Result<PreparedChange, ErrorCode> {
  const entryNeeded = err('NOT_FOUND', 'ENTRY_UNKNOWN', '请指明要更改的登记');
  switch (change.kind) {
    case 'addVoter': {
      if (!scope.village.groups.includes(change.group)) return groupUnknown(change.group);
      const id = idFacts(change.idNumber, scope, env.today, env.key);
      if (!id.ok) return id;
      const draft = draftRollEntry(
        {
          electionId: scope.election._id,
          villageId: scope.village._id,
          name: change.name,
          ...id.value,
          group: change.group,
          category: change.category,
          phoneMasked: null,
          residenceSince: null,
          note: `第${subject.objectionNo}号申诉成立，补充登记`,
          boundTo: null,
        },
        env.key,
        env.rng,
        env.at,
      );
      return ok({ kind: 'addVoter', voterId: draft.id, doc: draft.doc, bindingCode: draft.bindingCode });
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
const alreadyOnRoll = () => err('CONFLICT', 'ALREADY_ON_ROLL', '此人已经在本届选民登记名册中；如果是被除名的，请选择“恢复列入选民名单”');

/** Whether the person of `idHash` may hold a registration here; refuses another live registration. */
async function claimable(tx: TxOps, idHash: string, here: { electionId: string; villageId: string }): Promise<Result<true, ErrorCode>> {
  const claim = await inspectClaim(tx, idHash, here);
  if (claim.kind === 'elsewhere') return err('CONFLICT', 'DOUBLE_REGISTRATION', doubleRegistrationMessage(claim.villageName));
  if (claim.kind === 'thisElection') return alreadyOnRoll();
  return ok(true);
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
    // 申诉成立补充登记: the same entry the roll import writes, and its deployment-wide claim.
    const claim = await claimable(tx, c.doc.idHash, here);
    if (!claim.ok) return claim;
    await tx.set('voter', c.voterId, c.doc);
    await takeClaim(tx, c.doc.idHash, { voterId: c.voterId, ...here }, cx.status.at);
    await appendAudit(tx, {
      scope: cx.electionId,
      action: 'committee.decideObjection.addVoter',
      actor: cx.status.actor,
      at: cx.status.at,
      subject: c.voterId,
      data: { objectionId: cx.objectionId, category: c.doc.category, status: c.doc.status },
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
    case 'reinstateVoter': {
      if (v.status === 'registered') return changed(`${v.name}已经在选民名单上`);
      if (!isFlagged(v.status)) {
        return err('CONFLICT', 'NOT_FLAGGED', `${v.name}的登记还在等待本人表示参加选举（外出村民）或村民会议同意（户籍不在本村），请按登记程序办理`);
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
        const claim = await claimable(tx, newId.idHash, here);
        if (!claim.ok) return claim;
        Object.assign(patch, { idHash: newId.idHash, idMasked: newId.idMasked, birthDate: newId.birthDate, sex: newId.sex });
        fields.push('idNumber');
      }
      if (fields.length === 0) return changed('更正的内容与现在的登记相同');
      // The claim follows the number: released under the old hash only if this entry held it.
      if (newId && (await releaseClaim(tx, v.idHash, v._id))) await takeClaim(tx, newId.idHash, { voterId: v._id, ...here }, cx.status.at);
      await tx.update('voter', v._id, { ...patch, updatedAt: cx.status.at });
      await appendAudit(tx, {
        scope: cx.electionId,
        action: 'committee.decideObjection.correctDetails',
        actor: cx.status.actor,
        at: cx.status.at,
        subject: v._id,
        data: { objectionId: cx.objectionId, fields: fields.join(',') },
      });
      return ok({ record: { kind: c.kind, voterId: v._id, status: null, fields }, shown: { name: patch.name ?? v.name, group: patch.group ?? v.group }, newVoter: null });
    }
  }
}
