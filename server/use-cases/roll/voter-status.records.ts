/**
 * The status and category operations on one roll entry, inside the caller's transaction, each
 * with its audit entry. committee.setVoterStatus runs them while the list is open;
 * committee.decideObjection may run the list-changing ones after publication (`via:
 * 'objection'`), since an upheld objection is how the published list changes (RULES.md §1).
 *
 * Every check happens before the first write, so a refusal leaves the transaction clean — except
 * a DOUBLE_REGISTRATION refusal, which records the attempt for the township (township.duplicates).
 *
 * 不重登: only a registered entry holds the person's deployment-wide claim (registration-claim.ts),
 * so the operations that put an entry on the list take it and those that take it off release it.
 */
import type { SetVoterStatusInput, VoterStatusOp } from '../../../src/contracts/roll.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { MEETING_LABELS, STATUS_LABELS } from '../../../src/contracts/labels';
import type { VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { compareCivil, type CivilDate } from '../../../src/domain/civil-date';
import type { RuleSet } from '../../../src/domain/presets/types';
import { holdsRegistration, isFlagAllowed, isFlagged, residenceCompletesOn, residenceRequirementMet, statusForCategory } from '../../../src/domain/registration';
import { scrubNote } from '../../../src/domain/registration-row';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { TxOps } from '../../ports/store.port';
import type { WithId } from '../../runtime/documents';
import { keyedHash, randomCode, type RandomSource } from '../../security/keyed-hash';
import { BINDING_CODE_LENGTH, categoryRecordOf } from './roll-entry.records';
import { claimFor, doubleRegistrationMessage, inspectClaim, recordDoubleRegistration, releaseClaim } from './registration-claim.records';
import { bumpRollVersion } from './roll-access.policy';
import type { ProxyDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import { voidProxiesOfVoter } from '../proxies/void-proxies.effects';
import { dateWords } from '../../../src/domain/date-words';

/** Operations that change who is on the list: refused after publication except through an objection. */
export const LIST_CHANGING_OPS: ReadonlySet<VoterStatusOp> = new Set<VoterStatusOp>([
  'deprived',
  'deceased',
  'movedAway',
  'unableToExercise',
  'restore',
  'approveResidence',
  'rejectResidence',
  'recordDeclaration',
  'releaseRegistration',
]);

export const opChangesList = (op: VoterStatusOp): boolean => LIST_CHANGING_OPS.has(op);

/** The operation without its addressing fields. */
export type VoterStatusChange = DistributiveOmit<SetVoterStatusInput, 'electionId' | 'voterId'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface StatusOpEnv {
  readonly electionDay: CivilDate;
  readonly rules: RuleSet;
  readonly today: CivilDate;
  readonly at: string;
  readonly actor: string;
  readonly hmacKey: string;
  readonly rng: RandomSource;
  /** Who asks: the committee directly, or an upheld objection (named by its id). */
  readonly via: { readonly kind: 'committee' } | { readonly kind: 'objection'; readonly objectionId: string };
}

export interface StatusOpResult {
  readonly voter: WithId<VoterDoc>;
  /** reissueBindingCode: the new code, to show once. */
  readonly bindingCode?: string;
  /** Proxy authorizations voided because the entry left the list (principals to be told after commit). */
  readonly voidedProxies: readonly WithId<ProxyDoc>[];
}

const clean = (reason: string) => scrubNote(reason).text;
const reasonOf = (c: VoterStatusChange): string | undefined => ('reason' in c && typeof c.reason === 'string' ? c.reason : undefined);

/**
 * Makes sure an entry that becomes registered holds the person's registration (不重登): takes a
 * free or stale claim, refuses when another village's active election holds it — and records
 * that refusal for the township.
 */
export async function ensureClaim(tx: TxOps, voter: WithId<VoterDoc>, env: Pick<StatusOpEnv, 'at' | 'via'>): Promise<Result<() => Promise<void>, ErrorCode>> {
  const c = await claimFor(tx, voter, env.at);
  if (c.ok) return ok(c.take);
  if (c.reason === 'NOT_HELD') return err('CONFLICT', 'NOT_HELD', '此人在本届选举中另有一条登记，请先核对');
  await recordDoubleRegistration(tx, {
    electionId: voter.electionId,
    villageId: voter.villageId,
    idHash: voter.idHash,
    birthDate: voter.birthDate,
    name: voter.name,
    claim: c.claim,
    source: env.via.kind === 'objection' ? 'objection' : 'committee',
    importId: null,
    row: null,
    at: env.at,
  });
  return err('CONFLICT', 'DOUBLE_REGISTRATION', doubleRegistrationMessage(c.villageName));
}

const futureDate = (d: CivilDate, today: CivilDate, what: string) =>
  compareCivil(d, today) > 0 ? err('INVALID_INPUT', 'BAD_DATE', `${what}（${d}）还没到，不能记录`) : null;

/** What one operation does to the entry, decided before the first write. */
interface Planned {
  readonly patch: Partial<VoterDoc>;
  /** Runs after the checks, before the entry is written: takes or releases the person's claim. */
  readonly after: () => Promise<void>;
  readonly data?: Record<string, unknown>;
  readonly bindingCode?: string;
}
type Op<K extends VoterStatusOp> = Extract<VoterStatusChange, { op: K }>;
const nothing = async () => undefined;
const releasing = (tx: TxOps, voter: WithId<VoterDoc>) => async () => {
  await releaseClaim(tx, voter.idHash, voter._id);
};

function planFlag(tx: TxOps, voter: WithId<VoterDoc>, change: Op<'deprived' | 'deceased' | 'movedAway' | 'unableToExercise'>, env: StatusOpEnv): Result<Planned, ErrorCode> {
  if (!isFlagAllowed(change.op, env.rules)) {
    return err('NOT_ELIGIBLE', 'FLAG_NOT_ALLOWED', `本地选举规则（${env.rules.name}）没有“${STATUS_LABELS.unableToExercise}”这一标记`);
  }
  if (voter.status === change.op) return err('CONFLICT', 'ALREADY_SET', `此人已经标记为“${STATUS_LABELS[change.op]}”`);
  // Off the list: the person may be registered where they now belong.
  return ok({ patch: { status: change.op, statusReason: clean(change.reason) }, after: releasing(tx, voter) });
}

async function planRestore(tx: TxOps, voter: WithId<VoterDoc>, change: Op<'restore'>, env: StatusOpEnv): Promise<Result<Planned, ErrorCode>> {
  if (!isFlagged(voter.status)) return err('CONFLICT', 'NOT_FLAGGED', `此人现在是“${STATUS_LABELS[voter.status]}”，没有需要恢复的标记`);
  const target = statusForCategory(categoryRecordOf(voter));
  let after: () => Promise<void> = nothing;
  if (holdsRegistration(target)) {
    const c = await ensureClaim(tx, voter, env);
    if (!c.ok) return c;
    after = c.value;
  }
  return ok({ patch: { status: target, statusReason: clean(change.reason) }, after });
}

async function planResidence(tx: TxOps, voter: WithId<VoterDoc>, change: Op<'approveResidence' | 'rejectResidence'>, env: StatusOpEnv): Promise<Result<Planned, ErrorCode>> {
  if (voter.category !== 'C') return err('CONFLICT', 'NOT_CATEGORY_C', '只有户籍不在本村的C类申请需要村民会议或村民代表会议审议');
  if (isFlagged(voter.status)) return err('NOT_ELIGIBLE', 'FLAGGED', `此人现在是“${STATUS_LABELS[voter.status]}”，请先恢复`);
  const outcome = change.op === 'approveResidence' ? 'approved' : 'rejected';
  if (voter.residenceDecision?.outcome === outcome) {
    return err('CONFLICT', 'ALREADY_DECIDED', `已经记录过${MEETING_LABELS[voter.residenceDecision.meeting]}的决定（${dateWords(voter.residenceDecision.meetingDate, { weekday: false })}）`);
  }
  const bad = futureDate(change.meetingDate, env.today, '会议日期');
  if (bad) return bad;
  const patch: Partial<VoterDoc> = {};
  let after: () => Promise<void>;
  if (change.op === 'approveResidence') {
    if (!voter.residenceSince) return err('NOT_ELIGIBLE', 'NO_RESIDENCE_DATE', '没有居住起始日期，不能审核居住年限；请先在登记表中补上');
    if (!residenceRequirementMet(voter.residenceSince, env.electionDay, env.rules)) {
      const years = env.rules.voter.residenceYearsForCategoryC;
      return err(
        'NOT_ELIGIBLE',
        'RESIDENCE_TOO_SHORT',
        `到选举日（${dateWords(env.electionDay, { weekday: false })}）在本村居住不满${years}年（自${dateWords(voter.residenceSince, { weekday: false })}起居住，${dateWords(residenceCompletesOn(voter.residenceSince, env.rules), { weekday: false })}才满${years}年），不能登记`,
      );
    }
    const c = await ensureClaim(tx, voter, env);
    if (!c.ok) return c;
    after = c.value;
    patch.status = 'registered';
    patch.statusReason = null;
  } else {
    // Not registered here: the person may register where they belong.
    after = releasing(tx, voter);
    patch.status = 'pending';
    patch.statusReason = clean(change.reason);
  }
  patch.residenceDecision = {
    outcome,
    meeting: change.meeting,
    meetingDate: change.meetingDate,
    minutesRef: change.minutesRef,
    reason: change.op === 'rejectResidence' ? clean(change.reason) : null,
    at: env.at,
  };
  return ok({ patch, after, data: { meeting: change.meeting, meetingDate: change.meetingDate, minutesRef: change.minutesRef } });
}

async function planDeclaration(tx: TxOps, voter: WithId<VoterDoc>, change: Op<'recordDeclaration'>, env: StatusOpEnv): Promise<Result<Planned, ErrorCode>> {
  if (voter.category !== 'B') return err('CONFLICT', 'NOT_CATEGORY_B', '只有户籍在本村、外出居住的B类选民需要本人表示参加选举');
  if (isFlagged(voter.status)) return err('NOT_ELIGIBLE', 'FLAGGED', `此人现在是“${STATUS_LABELS[voter.status]}”，请先恢复`);
  if (voter.declaration) return err('CONFLICT', 'ALREADY_DECLARED', `此人已于${voter.declaration.on}表示参加选举`);
  const bad = futureDate(change.declaredOn, env.today, '表示参加的日期');
  if (bad) return bad;
  const c = await ensureClaim(tx, voter, env);
  if (!c.ok) return c;
  return ok({
    patch: { declaration: { channel: change.channel, on: change.declaredOn, livesIn: null, at: env.at }, status: 'registered' },
    after: c.value,
    data: { channel: change.channel, declaredOn: change.declaredOn },
  });
}

async function planRelease(tx: TxOps, voter: WithId<VoterDoc>, change: Op<'releaseRegistration'>): Promise<Result<Planned, ErrorCode>> {
  const claim = await inspectClaim(tx, voter.idHash, { electionId: voter.electionId, villageId: voter.villageId });
  if (!(claim.kind === 'thisElection' && claim.voterId === voter._id)) {
    return err('CONFLICT', 'NOT_HELD', '此人的登记不在本村（可能已经释放过），无需释放');
  }
  const patch: Partial<VoterDoc> = {};
  if (!isFlagged(voter.status)) patch.status = 'movedAway';
  patch.statusReason = `人户分离，登记已释放：${clean(change.reason)}`;
  return ok({ patch, after: releasing(tx, voter) });
}

function planOp(tx: TxOps, voter: WithId<VoterDoc>, change: VoterStatusChange, env: StatusOpEnv): Result<Planned, ErrorCode> | Promise<Result<Planned, ErrorCode>> {
  switch (change.op) {
    case 'deprived':
    case 'deceased':
    case 'movedAway':
    case 'unableToExercise':
      return planFlag(tx, voter, change, env);
    case 'restore':
      return planRestore(tx, voter, change, env);
    case 'approveResidence':
    case 'rejectResidence':
      return planResidence(tx, voter, change, env);
    case 'recordDeclaration':
      return planDeclaration(tx, voter, change, env);
    case 'reissueBindingCode': {
      const bindingCode = randomCode(env.rng, BINDING_CODE_LENGTH);
      return ok({ patch: { bindingCodeHash: keyedHash(env.hmacKey, 'binding-code', bindingCode) }, after: nothing, bindingCode });
    }
    case 'releaseRegistration':
      return planRelease(tx, voter, change);
  }
}

export async function applyVoterStatusOp(
  tx: TxOps,
  voter: WithId<VoterDoc>,
  change: VoterStatusChange,
  env: StatusOpEnv,
): Promise<Result<StatusOpResult, ErrorCode>> {
  const planned = await planOp(tx, voter, change, env);
  if (!planned.ok) return planned;
  const { patch, after, bindingCode } = planned.value;
  await after();
  const next = { ...voter, ...patch, updatedAt: env.at };
  await tx.update('voter', voter._id, { ...patch, updatedAt: env.at });
  // Struck off the list: any proxy authorization naming this person ends in the same transaction (RULES.md §4).
  const voidedProxies = voter.status === 'registered' && next.status !== 'registered' ? await voidProxiesOfVoter(tx, { electionId: voter.electionId, voterId: voter._id, at: env.at }) : [];
  if (opChangesList(change.op)) await bumpRollVersion(tx, voter.electionId);
  await appendAudit(tx, {
    scope: voter.electionId,
    action: 'committee.setVoterStatus',
    actor: env.actor,
    at: env.at,
    subject: voter._id,
    data: {
      op: change.op,
      from: voter.status,
      ...planned.value.data,
      to: next.status,
      ...(reasonOf(change) !== undefined ? { reason: clean(reasonOf(change)!) } : {}),
      ...(env.via.kind === 'objection' ? { objectionId: env.via.objectionId } : {}),
    },
  });
  return ok({ voter: next, voidedProxies, ...(bindingCode ? { bindingCode } : {}) });
}
