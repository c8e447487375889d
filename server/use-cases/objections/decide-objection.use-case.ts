/**
 * committee.decideObjection — 申诉处理决定: the committee decides in writing (RULES.md §1). An
 * upheld objection changes the list (add, register a pending entry, reinstate, remove with a flag,
 * correct details) in the same transaction, with the record the person's category needs
 * (apply-list-change.ts: B the person's declaration — their own objection is one —, C the
 * 村民会议/村民代表会议 approval); the decision is published as an 申诉处理结果公告 (one immutable notice per
 * decision, names and groups only) and pushed to the objector. A change that takes someone off
 * the list ends every proxy authorization naming them, and each principal is pushed the news.
 *
 * A decision after the objection's statutory last day is still recorded — the committee must
 * answer — but is permanently marked `late`, stated in the published notice and counted overdue
 * for the township.
 *
 * Outcomes:
 * - ok: the decided objection, its notice, the push delivery, a new voter's binding code, and
 *   `warning` when the decision is late
 * - UNAUTHENTICATED NO_OPENID · FORBIDDEN NOT_COMMITTEE · NOT_FOUND ELECTION_UNKNOWN | OBJECTION_UNKNOWN | ENTRY_UNKNOWN
 * - INVALID_INPUT CHANGE_REQUIRED | CHANGE_NOT_ALLOWED (the change does not fit the kind and outcome),
 *   GROUP_UNKNOWN, FLAG_NOT_ALLOWED, ID_* (the ID number collected by the committee), ID_MISMATCH (a
 *   self-identified objector's own objection adds someone else), DECLARATION_REQUIRED (category B
 *   without the person's declaration), MEETING_REQUIRED (category C without the meeting's decision),
 *   BAD_DATE (a future declaration or meeting)
 * - NOT_ELIGIBLE UNDER_18: the person to add is under 18 on election day · NO_RESIDENCE_DATE |
 *   RESIDENCE_TOO_SHORT (category C)
 * - CONFLICT ALREADY_DECIDED · ENTRY_CHANGED (the entry changed since) · NOT_FLAGGED (reinstating an entry
 *   that awaits its own declaration or meeting: register it) · RECORD_REQUIRED (reinstating a flagged entry
 *   whose category record does not allow registration: register it with the record) · ALREADY_ON_ROLL | NOT_HELD (another entry of this roll holds the person) ·
 *   DOUBLE_REGISTRATION (registered in another village; recorded for township.duplicates)
 */
import type { decideObjection } from '../../../src/contracts/objection-committee.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { LIST_CHANGE_LABELS, OBJECTION_KIND_LABELS, OBJECTION_STATUS_LABELS } from '../../../src/contracts/labels';
import { type NoticeDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { objectionDoc, objectionLoadDoc, type ObjectionDoc, type ObjectionLoadDoc } from '../../../src/contracts/documents/objection-documents.schema';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { shanghaiDateOf } from '../../../src/domain/civil-date';
import { checkDecisionChange, isLateDecision } from '../../../src/domain/objection';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { readDoc, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import type { CallContext } from '../../runtime/context';
import type { TxOps } from '../../ports/store.port';
import { newId } from '../../security/keyed-hash';
import { actorOf } from '../shared/access.policy';
import { prepareListChange, type AppliedChange, type PreparedChange } from './list-change.policy';
import { applyListChange, precheckListChange } from './list-change.records';
import { requireCommitteeElection } from '../shared/election-access.policy';
import { objectionLoadId } from './objection-load.records';
import { noticeView, prepareAttachment, publishedNotice } from '../notices/notice-attachment.records';
import { objectionResultNotice } from '../notices/objection-notices.text';
import { notifyObjector } from './notify-objector.effects';
import { notifyVoided } from '../proxies/void-proxies.effects';
import { queuedObjectionView, subjectEntryOf } from './objection.view';
import { readRollKey } from '../roll/registration-claim.records';
import { dateWords } from '../../../src/domain/date-words';

interface Decided {
  objection: WithId<ObjectionDoc>;
  notice: WithId<NoticeDoc>;
  applied: AppliedChange | null;
}

type Input = Parameters<typeof decideObjectionUseCase>[0];
type Scope = Extract<Awaited<ReturnType<typeof requireCommitteeElection>>, { ok: true }>['value'];

/** The upheld objection's list change, prepared and prechecked outside the transaction (null: none). */
async function prepareChange(ctx: CallContext, input: Input, found: WithId<ObjectionDoc>, scope: Scope, today: string, at: string): Promise<Result<PreparedChange | null, ErrorCode>> {
  if (!input.change) return ok(null);
  const { election } = scope;
  const p = prepareListChange(
    input.change,
    // A missing person named by a number the objector had not proven: their entry on this roll, if any, is found now.
    { voterId: found.subjectVoterId ?? (found.subject.idHash ? await readRollKey(ctx.store, election._id, found.subject.idHash) : null), objectionNo: found.no, byPerson: found.byPerson ?? false, receivedOn: found.receivedOn, idHash: found.subject.idHash },
    scope,
    { today, at, key: ctx.settings.idHmacKey, rng: ctx.rng },
  );
  if (!p.ok) return p;
  const pre = await precheckListChange(ctx.store, p.value, election._id);
  if (!pre.ok) return pre;
  return ok(p.value);
}

interface Decision {
  readonly input: Input;
  readonly scope: Scope;
  readonly prepared: PreparedChange | null;
  readonly noticeId: string;
  readonly actor: string;
  readonly late: boolean;
  readonly today: string;
  readonly at: string;
}

/** The 申诉处理结果公告 of one decision: names and groups only. */
function resultNotice(d: Decision, o: ObjectionDoc, applied: AppliedChange | null): NoticeDoc {
  const { election, village } = d.scope;
  const shown = applied?.shown ?? { name: o.subject.name, group: o.subject.group };
  const text = objectionResultNotice(election, village, o, d.input.decision, d.input.reason, applied?.record ?? null, shown, d.late);
  const { attachment } = prepareAttachment('objectionResults', [
    {
      no: o.no,
      kind: OBJECTION_KIND_LABELS[o.kind],
      name: shown.name,
      group: shown.group,
      outcome: OBJECTION_STATUS_LABELS[d.input.decision],
      change: applied ? LIST_CHANGE_LABELS[applied.record.kind] : null,
      late: d.late,
    },
  ]);
  return publishedNotice({ electionId: election._id, villageId: village._id, type: 'objectionResults', text, attachment, at: d.at, actor: d.actor });
}

/** Inside the transaction: the objection still open, the list change applied, the decision and its notice written. */
async function decideInTx(ctx: CallContext, tx: TxOps, objectionId: string, d: Decision): Promise<Result<Decided, ErrorCode>> {
  const { input, at, actor, late, noticeId } = d;
  const { election, village, rules } = d.scope;
  const o = await readDoc(tx, 'objection', objectionId, objectionDoc);
  if (!o) throw new Error('objection vanished');
  if (o.status !== 'open') return err('CONFLICT', 'ALREADY_DECIDED', `第${o.no}号申诉已经处理过了，处理决定不能更改`);
  const loadIds = o.loadIds ?? (o.objectorVoterId ? [objectionLoadId(o.electionId, o.objectorVoterId)] : []);
  const loads: Array<{ id: string; doc: ObjectionLoadDoc | null }> = [];
  for (const id of loadIds) loads.push({ id, doc: await readDoc(tx, 'meta', id, objectionLoadDoc) });

  let applied: AppliedChange | null = null;
  if (d.prepared) {
    const a = await applyListChange(tx, d.prepared, {
      electionId: election._id,
      villageId: village._id,
      objectionId: o._id,
      objectionNo: o.no,
      reason: input.reason,
      status: { electionDay: election.electionDay, rules, today: d.today, at, actor, hmacKey: ctx.settings.idHmacKey, rng: ctx.rng, via: { kind: 'objection', objectionId: o._id } },
    });
    if (!a.ok) return a;
    applied = a.value;
  }
  const notice = resultNotice(d, o, applied);
  const decided: ObjectionDoc = {
    ...o,
    status: input.decision,
    decision: { reason: input.reason, decidedAt: at, decidedOn: d.today, decidedBy: actor, late, change: applied?.record ?? null, noticeId },
  };
  await tx.set('notice', noticeId, notice);
  await tx.update('objection', o._id, { status: decided.status, decision: decided.decision });
  for (const { id, doc } of loads) if (doc) await tx.set('meta', id, { open: Math.max(0, doc.open - 1), keys: doc.keys.filter((k) => k !== o.dedupeKey) });
  await appendAudit(tx, {
    scope: election._id,
    action: 'committee.decideObjection',
    actor,
    at,
    subject: o._id,
    data: { no: o.no, outcome: input.decision, late, decisionLastDay: o.decisionLastDay, change: applied?.record.kind ?? null, noticeId },
  });
  return ok({ objection: { ...decided, _id: o._id }, notice: { ...notice, _id: noticeId }, applied });
}

export const decideObjectionUseCase: UseCase<typeof decideObjection> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election } = scope.value;
  const found = await readDoc(ctx.store, 'objection', input.objectionId, objectionDoc);
  if (!found || found.electionId !== election._id) return err('NOT_FOUND', 'OBJECTION_UNKNOWN', '没有找到这件申诉');
  if (found.status !== 'open') return err('CONFLICT', 'ALREADY_DECIDED', `第${found.no}号申诉已经处理过了，处理决定不能更改`);
  const fits = checkDecisionChange(found.kind, input.decision, input.change?.kind ?? null);
  if (!fits.ok) return fits;

  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = shanghaiDateOf(now);
  const prepared = await prepareChange(ctx, input, found, scope.value, today, at);
  if (!prepared.ok) return prepared;
  const decision: Decision = {
    input,
    scope: scope.value,
    prepared: prepared.value,
    actor: actorOf(ctx),
    noticeId: newId(ctx.rng, 'n'),
    late: isLateDecision(found.decisionLastDay, today),
    today,
    at,
  };
  const r = await ctx.store.runTransaction<Result<Decided, ErrorCode>>((tx) => decideInTx(ctx, tx, found._id, decision));
  if (!r.ok) return r;

  const delivery = await notifyObjector(ctx, r.value.objection);
  // The list change took someone off the list: the principals whose authorization ended are told.
  await notifyVoided(ctx, r.value.applied?.voidedProxies ?? []);
  const objector = r.value.objection.objectorVoterId ? await readDoc(ctx.store, 'voter', r.value.objection.objectorVoterId, voterDoc) : null;
  return ok({
    objection: queuedObjectionView(r.value.objection, objector, await subjectEntryOf(ctx.store, r.value.objection), today),
    notice: noticeView(r.value.notice),
    delivery,
    newVoter: r.value.applied?.newVoter ?? null,
    warning: decision.late ? `本申诉的法定处理期限是${dateWords(found.decisionLastDay)}，今天处理已超期；决定照常记录和公布，并永久标记为超期处理，乡镇可以看到。` : null,
  });
};
