/** How an authorization is shown to its principal, its proxy and the committee. */
import type { NomineeView } from '../../../src/contracts/nomination.contract';
import type { ProxyStatus, ProxyView } from '../../../src/contracts/proxy.contract';
import type { ProxyDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import { voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { RELATION_LABELS } from '../../../src/domain/relations';
import type { TxOps } from '../../ports/store.port';
import { readDoc, type WithId } from '../../runtime/documents';

/** The status line 待受托人确认 → 待选举委员会审核 → 已批准 / 已驳回, and how an authorization ends. */
export const PROXY_STATUS_LABELS: Readonly<Record<ProxyStatus, string>> = {
  requested: '待受托人确认',
  declined: '受托人已拒绝',
  accepted: '待选举委员会审核',
  approved: '已批准',
  rejected: '已驳回',
  revoked: '已撤销',
  voided: '已作废',
  used: '已代领选票',
};

export function nomineeView(v: WithId<VoterDoc>): NomineeView {
  return { voterId: v._id, name: v.name, group: v.group, sex: v.sex, birthYear: Number(v.birthDate.slice(0, 4)) };
}

/** A voter who left the store still shows as such, never as someone else. */
const gone = (voterId: string): NomineeView => ({ voterId, name: '（已删除）', group: '', sex: 'M', birthYear: 1900 });

export type VoterMap = ReadonlyMap<string, WithId<VoterDoc>>;

/** The voters named by these authorizations, each read once. */
export async function votersOf(ops: TxOps, auths: readonly ProxyDoc[], known: readonly WithId<VoterDoc>[] = []): Promise<VoterMap> {
  const out = new Map<string, WithId<VoterDoc>>(known.map((v) => [v._id, v]));
  const missing = [...new Set(auths.flatMap((a) => [a.principalVoterId, a.proxyVoterId]))].filter((id) => !out.has(id));
  const read = await Promise.all(missing.map((id) => readDoc(ops, 'voter', id, voterDoc)));
  for (const v of read) if (v) out.set(v._id, v);
  return out;
}

export function proxyView(a: WithId<ProxyDoc>, voters: VoterMap, deadline: Date): ProxyView {
  const principal = voters.get(a.principalVoterId);
  const proxy = voters.get(a.proxyVoterId);
  return {
    id: a._id,
    status: a.status,
    statusLabel: PROXY_STATUS_LABELS[a.status],
    principal: principal ? nomineeView(principal) : gone(a.principalVoterId),
    proxy: proxy ? nomineeView(proxy) : gone(a.proxyVoterId),
    relation: a.relation,
    relationLabel: RELATION_LABELS[a.relation],
    awayPlace: a.awayPlace,
    requestedAt: a.requestedAt,
    answeredAt: a.answeredAt,
    decidedAt: a.decidedAt,
    reason: a.reason,
    certificateNo: a.certificateNo,
    certificateQr: a.certificateQr,
    deadline: deadline.toISOString(),
  };
}
