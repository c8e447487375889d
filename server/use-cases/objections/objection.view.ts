/** Replies about objections: the objector's view, and the committee's queue view with its clock. */
import type { MyObjectionView, QueuedObjectionView } from '../../../src/contracts/objection.schema';
import { CATEGORY_LABELS, LIST_CHANGE_LABELS, OBJECTION_KIND_LABELS, OBJECTION_STATUS_LABELS, STATUS_LABELS } from '../../../src/contracts/labels';
import { type ObjectionDoc } from '../../../src/contracts/documents/objection-documents.schema';
import { voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { CivilDate } from '../../../src/domain/civil-date';
import { objectionClock } from '../../../src/domain/objection';
import type { Store } from '../../ports/store.port';
import { readDoc, type WithId } from '../../runtime/documents';

export function myObjectionView(o: WithId<ObjectionDoc>): MyObjectionView {
  const d = o.decision;
  return {
    id: o._id,
    no: o.no,
    kind: o.kind,
    kindLabel: OBJECTION_KIND_LABELS[o.kind],
    subject: { name: o.subject.name, group: o.subject.group },
    wrongFields: o.wrongFields,
    details: o.details,
    filedAt: o.filedAt,
    receivedOn: o.receivedOn,
    status: o.status,
    statusLabel: OBJECTION_STATUS_LABELS[o.status],
    decisionLastDay: o.decisionLastDay,
    decisionDeadline: o.decisionDeadline,
    decision:
      d && o.status !== 'open'
        ? {
            outcome: o.status,
            outcomeLabel: OBJECTION_STATUS_LABELS[o.status],
            reason: d.reason,
            decidedAt: d.decidedAt,
            late: d.late,
            change: d.change ? { kind: d.change.kind, label: LIST_CHANGE_LABELS[d.change.kind] } : null,
            noticeId: d.noticeId,
          }
        : null,
  };
}

export const clockOf = (o: ObjectionDoc, today: CivilDate) =>
  objectionClock({ status: o.status, decisionLastDay: o.decisionLastDay, late: o.decision?.late ?? false }, today);

export function queuedObjectionView(o: WithId<ObjectionDoc>, objector: WithId<VoterDoc> | null, subjectEntry: WithId<VoterDoc> | null, today: CivilDate): QueuedObjectionView {
  const e = subjectEntry && subjectEntry._id === o.subjectVoterId ? subjectEntry : null;
  // A WeChat user not on the roll objects about themself only: the objector is the subject.
  const self = o.objectorVoterId === null;
  return {
    ...myObjectionView(o),
    subject: {
      voterId: o.subjectVoterId,
      name: o.subject.name,
      group: o.subject.group,
      entry: e ? { status: e.status, statusLabel: STATUS_LABELS[e.status], category: e.category, categoryLabel: CATEGORY_LABELS[e.category] } : null,
    },
    objector: self
      ? { voterId: null, name: o.subject.name, group: o.subject.group, selfIdentified: true }
      : { voterId: o.objectorVoterId, name: objector?.name ?? '（登记已不存在）', group: objector?.group ?? '', selfIdentified: false },
    byPerson: o.byPerson ?? false,
    clock: clockOf(o, today),
  };
}

/** The entry an objection is about, as it stands now. */
export async function subjectEntryOf(store: Store, o: ObjectionDoc): Promise<WithId<VoterDoc> | null> {
  return o.subjectVoterId ? readDoc(store, 'voter', o.subjectVoterId, voterDoc) : null;
}

/** The objectors' and subjects' entries, read once each. */
export async function objectorsOf(store: Store, list: readonly ObjectionDoc[]): Promise<Map<string, WithId<VoterDoc>>> {
  const ids = [...new Set(list.flatMap((o) => [o.objectorVoterId, o.subjectVoterId]).filter((id): id is string => id !== null))];
  const docs = await Promise.all(ids.map((id) => readDoc(store, 'voter', id, voterDoc)));
  return new Map(docs.filter((d): d is WithId<VoterDoc> => d !== null).map((d) => [d._id, d]));
}
