/**
 * The documents of proxy voting (委托投票) and the one way each limit document changes.
 *
 * Where the proxy's slot is taken: at ACCEPTANCE. A request is an invitation the proxy may
 * decline (several relatives may ask the same person), so it only joins the proxy's `pending`
 * list; accepting moves it to `holds`, refused once `holds` has the preset's maximum. Approval
 * and election-day use keep it in `holds`; decline, reject, revoke and void take it out. So
 * accepted + approved authorizations of one proxy never exceed the maximum at any step, and every
 * transaction that could break it writes proxyLoad/{electionId}:{proxyVoterId}. The principal's
 * one active authorization is proxyPrincipal/{electionId}:{principalVoterId}, written by the
 * request and cleared when it ends.
 */
import { proxyDoc, proxyLoadDoc, proxyPrincipalDoc, type ProxyDoc, type ProxyLoadDoc, type ProxyPrincipalDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import type { ProxyStatus } from '../../../src/contracts/proxy.contract';
import type { TxOps } from '../../ports/store.port';
import { readDoc, type WithId } from '../../runtime/documents';

export const proxyLoadId = (electionId: string, proxyVoterId: string) => `${electionId}:${proxyVoterId}`;
export const proxyPrincipalId = (electionId: string, principalVoterId: string) => `${electionId}:${principalVoterId}`;

/** Pending requests one proxy may have at once: keeps the load document small. */
export const MAX_PENDING_PER_PROXY = 100;

/** Statuses in which an authorization is the principal's active one. */
export const ACTIVE_STATUSES: ReadonlySet<ProxyStatus> = new Set<ProxyStatus>(['requested', 'accepted', 'approved']);

export async function readLoad(tx: TxOps, electionId: string, proxyVoterId: string): Promise<ProxyLoadDoc> {
  const doc = await readDoc(tx, 'proxyLoad', proxyLoadId(electionId, proxyVoterId), proxyLoadDoc);
  if (!doc) return { electionId, proxyVoterId, holds: [], pending: [], formalCandidate: false, updatedAt: '' };
  const { _id: _ignored, ...load } = doc;
  return load;
}

export async function readPrincipal(tx: TxOps, electionId: string, principalVoterId: string): Promise<ProxyPrincipalDoc> {
  const doc = await readDoc(tx, 'proxyPrincipal', proxyPrincipalId(electionId, principalVoterId), proxyPrincipalDoc);
  return doc ? { electionId, principalVoterId, active: doc.active, updatedAt: doc.updatedAt } : { electionId, principalVoterId, active: null, updatedAt: '' };
}

export const writeLoad = (tx: TxOps, load: ProxyLoadDoc) => tx.set('proxyLoad', proxyLoadId(load.electionId, load.proxyVoterId), load);
export const writePrincipal = (tx: TxOps, p: ProxyPrincipalDoc) => tx.set('proxyPrincipal', proxyPrincipalId(p.electionId, p.principalVoterId), p);

/** A new request (委托投票), signed by the principal and awaiting the proxy's answer. */
export function requestedProxyDoc(p: Pick<ProxyDoc, 'electionId' | 'villageId' | 'principalVoterId' | 'proxyVoterId' | 'relation' | 'awayPlace' | 'principalSignature' | 'requestedAt'>): ProxyDoc {
  return {
    ...p,
    status: 'requested',
    proxySignature: null,
    answeredAt: null,
    decidedAt: null,
    reasonCode: null,
    reason: null,
    certificateNo: null,
    certificateQr: null,
    endedAt: null,
    usedAt: null,
  };
}

export const readAuthorization = (tx: TxOps, id: string) => readDoc(tx, 'proxy', id, proxyDoc);

export interface Ending {
  readonly status: Extract<ProxyStatus, 'declined' | 'rejected' | 'revoked' | 'voided'>;
  readonly reasonCode: string;
  readonly reason: string | null;
  readonly at: string;
}

/**
 * Ends an authorization inside the caller's transaction: its status, and both limit documents
 * (the proxy's slot or pending entry, the principal's active one), written by id.
 */
export async function endAuthorization(tx: TxOps, auth: WithId<ProxyDoc>, end: Ending, load?: ProxyLoadDoc): Promise<WithId<ProxyDoc>> {
  const l = load ?? (await readLoad(tx, auth.electionId, auth.proxyVoterId));
  const principal = await readPrincipal(tx, auth.electionId, auth.principalVoterId);
  await writeLoad(tx, { ...l, holds: l.holds.filter((x) => x !== auth._id), pending: l.pending.filter((x) => x !== auth._id), updatedAt: end.at });
  if (principal.active === auth._id) await writePrincipal(tx, { ...principal, active: null, updatedAt: end.at });
  const patch = { status: end.status, reasonCode: end.reasonCode, reason: end.reason, endedAt: end.at, ...(end.status === 'declined' ? { answeredAt: end.at } : {}), ...(end.status === 'rejected' ? { decidedAt: end.at } : {}) };
  await tx.update('proxy', auth._id, patch);
  return { ...auth, ...patch };
}
