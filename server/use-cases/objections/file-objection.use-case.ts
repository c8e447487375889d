/**
 * registration.fileObjection — 申诉: a voter objects to the published list, about a missing
 * person, an entry that should not be there, or an entry's wrong details (RULES.md §1). The
 * objection gets its statutory decision deadline at filing (receipt day + 3, or E−N in a
 * 'beforeElection' preset).
 *
 * Outcomes:
 * - ok: the objection with its decision deadline
 * - UNAUTHENTICATED NO_OPENID | NOT_BOUND · NOT_FOUND ELECTION_GONE
 * - WINDOW_CLOSED LIST_NOT_PUBLISHED | OBJECTION_WINDOW_CLOSED (after the last day, 24:00 Asia/Shanghai)
 * - NOT_FOUND ENTRY_UNKNOWN: no such entry (序号 or id) in this election
 * - INVALID_INPUT GROUP_UNKNOWN | ID_*: the missing person's group or ID number is wrong
 * - NOT_ELIGIBLE NOT_REGISTERED: the objector is not on the list and objects about someone else
 * - CONFLICT ENTRY_NOT_ON_LIST: "wrong person" about an entry already off the list;
 *   ALREADY_ON_LIST: the "missing" person (by ID number) is on the list; DUPLICATE_OBJECTION
 * - LIMIT_EXCEEDED TOO_MANY_OPEN: OBJECTION_POLICY.maxOpenPerObjector undecided objections
 */
import type { fileObjection } from '../../../src/contracts/objection.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import {
  counterDoc,
  idIndexDoc,
  objectionLoadDoc,
  voterDoc,
  type ObjectionDoc,
  type ObjectionLoadDoc,
} from '../../../src/contracts/store-documents.schema';
import { shanghaiDateOf } from '../../../src/domain/civil-date';
import { maskIdNumber, parseIdNumber } from '../../../src/domain/id-number';
import { OBJECTION_POLICY, objectionFilingWindow, objectionStanding } from '../../../src/domain/objection';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { keyedHash, newId } from '../../security/keyed-hash';
import { actorOf } from '../shared/access';
import { nameKey } from '../shared/name-key';
import { boundVoter } from './election-access';
import { readVoterListFreeze, voterIdOfListNo } from './frozen-voter-list';
import { myObjectionView } from './objection-views';

export const objectionLoadId = (electionId: string, voterId: string) => `objectionLoad:${electionId}:${voterId}`;
export const objectionSeqId = (electionId: string) => `objectionSeq:${electionId}`;

const entryUnknown = () => err('NOT_FOUND', 'ENTRY_UNKNOWN', '选民名单上没有这一条，请核对名单序号');

export const fileObjectionUseCase: UseCase<typeof fileObjection> = async (input, ctx) => {
  const scope = await boundVoter(ctx);
  if (!scope.ok) return scope;
  const { openid, voter: me, election, village, rules } = scope.value;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const window = objectionFilingWindow(election.voterListPublishedOn, election.electionDay, shanghaiDateOf(now), rules);
  if (!window.ok) return window;

  const key = ctx.settings.idHmacKey;
  let subjectVoterId: string | null = null;
  let subject: ObjectionDoc['subject'];
  let subjectRef: string;
  if (input.kind === 'missingPerson') {
    if (!village.groups.includes(input.group)) return err('INVALID_INPUT', 'GROUP_UNKNOWN', `本村没有“${input.group}”，请从列表中选择村民小组`);
    let idHash: string | null = null;
    let idMasked: string | null = null;
    if (input.idNumber !== undefined) {
      const parsed = parseIdNumber(input.idNumber);
      if (!parsed.ok) return err('INVALID_INPUT', parsed.reason, parsed.message);
      idHash = keyedHash(key, 'id', parsed.value.normalized);
      idMasked = maskIdNumber(parsed.value.normalized);
      const claim = await readDoc(ctx.store, 'idIndex', idHash, idIndexDoc);
      const entry = claim && claim.electionId === election._id ? await readDoc(ctx.store, 'voter', claim.voterId, voterDoc) : null;
      if (entry?.status === 'registered') return err('CONFLICT', 'ALREADY_ON_LIST', '这个人已经在本届选民名单上了');
    }
    subject = { name: input.name, group: input.group, idMasked, idHash };
    subjectRef = idHash ?? `${nameKey(input.name)}|${input.group}`;
  } else {
    let voterId: string | null = input.voterId ?? null;
    if (input.listNo !== undefined) {
      const freeze = await readVoterListFreeze(ctx.store, election._id);
      voterId = freeze ? await voterIdOfListNo(ctx.store, freeze, input.listNo) : null;
    }
    const entry = voterId ? await readDoc(ctx.store, 'voter', voterId, voterDoc) : null;
    if (!entry || entry.electionId !== election._id) return entryUnknown();
    if (input.kind === 'wrongPerson' && entry.status !== 'registered') {
      return err('CONFLICT', 'ENTRY_NOT_ON_LIST', `${entry.name}目前不在选民名单上，不需要对其提出错登申诉`);
    }
    subjectVoterId = entry._id;
    subject = { name: entry.name, group: entry.group, idMasked: entry.idMasked, idHash: null };
    subjectRef = entry._id;
  }

  const standing = objectionStanding({ voterId: me._id, status: me.status }, input.kind, subjectVoterId);
  if (!standing.ok) return standing;

  const dedupeKey = keyedHash(key, 'name', `objection|${input.kind}|${subjectRef}`).slice(0, 24);
  const id = newId(ctx.rng, 'o');
  const loadId = objectionLoadId(election._id, me._id);
  const seqId = objectionSeqId(election._id);
  const r = await ctx.store.runTransaction<Result<ObjectionDoc, ErrorCode>>(async (tx) => {
    const load: ObjectionLoadDoc = (await readDoc(tx, 'meta', loadId, objectionLoadDoc)) ?? { open: 0, keys: [] };
    if (load.keys.includes(dedupeKey)) return err('CONFLICT', 'DUPLICATE_OBJECTION', '您已经就这件事提出过申诉，正在等待选举委员会处理');
    if (load.open >= OBJECTION_POLICY.maxOpenPerObjector) {
      return err('LIMIT_EXCEEDED', 'TOO_MANY_OPEN', `您已有${load.open}件申诉正在处理，请等处理后再提出新的申诉`);
    }
    const no = ((await readDoc(tx, 'meta', seqId, counterDoc))?.value ?? 0) + 1;
    const doc: ObjectionDoc = {
      electionId: election._id,
      villageId: village._id,
      no,
      kind: input.kind,
      objectorVoterId: me._id,
      objectorOpenid: openid,
      subjectVoterId,
      subject,
      wrongFields: input.kind === 'wrongDetails' ? [...new Set(input.wrongFields)] : [],
      details: input.details,
      dedupeKey,
      filedAt: at,
      receivedOn: window.value.receivedOn,
      decisionLastDay: window.value.decisionLastDay,
      decisionDeadline: window.value.decisionDeadline,
      status: 'open',
      decision: null,
    };
    await tx.set('meta', seqId, { value: no });
    await tx.set('meta', loadId, { open: load.open + 1, keys: [...load.keys, dedupeKey] });
    await tx.set('objection', id, doc);
    await appendAudit(tx, {
      scope: election._id,
      action: 'registration.fileObjection',
      actor: actorOf(ctx),
      at,
      subject: id,
      data: { no, kind: input.kind, subjectVoterId, decisionLastDay: doc.decisionLastDay },
    });
    return ok(doc);
  });
  return r.ok ? ok({ objection: myObjectionView({ ...r.value, _id: id }) }) : r;
};
