/**
 * Changes that end authorizations from outside proxy voting, inside the caller's transaction:
 *
 * - voidProxiesOfCandidate: a proxy who becomes a formal candidate (正式候选人) loses what they hold,
 *   unless the preset lets a candidate act for a true near relative (RULES.md §4); their proxyLoad
 *   is marked, so no later request or acceptance gives them more. Called by the nominations work
 *   when formal candidates are fixed.
 * - voidProxiesOfVoter: a principal or proxy struck off the roll (no longer registered) voids the
 *   authorization. Called by every roll-status change (server/use-cases/roll/voter-status.records.ts).
 *
 * Both return what they voided, so the caller can tell the principals after its commit
 * (notifyVoided): the principal's one active authorization is freed and, while the window is
 * open, they may choose again.
 */
import { electionDoc } from '../../../src/contracts/documents/election-documents.schema';
import type { ProxyDoc, ProxyLoadDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import { isInLaw } from '../../../src/domain/relations';
import { appendAudit } from '../../audit/audit-log';
import type { TxOps } from '../../ports/store.port';
import type { CallContext } from '../../runtime/context';
import { readDoc, type WithId } from '../../runtime/documents';
import { rulesOf } from '../shared/election.view';
import { ACTIVE_STATUSES, endAuthorization, readAuthorization, readLoad, readPrincipal, writeLoad, type Ending } from './proxy.records';
import { notifyPrincipal } from './notify-principal.effects';
import type { RuleSet } from '../../../src/domain/presets/types';

export interface VoidTarget {
  readonly electionId: string;
  readonly voterId: string;
  readonly at: string;
}

/** Ends each active authorization of `ids` that `keep` does not spare, carrying the load forward. */
async function voidAll(tx: TxOps, ids: readonly string[], load: ProxyLoadDoc, end: Omit<Ending, 'status'>, keep: (a: ProxyDoc) => boolean = () => false) {
  const voided: WithId<ProxyDoc>[] = [];
  let current = load;
  for (const id of ids) {
    const auth = await readAuthorization(tx, id);
    if (!auth || !ACTIVE_STATUSES.has(auth.status) || keep(auth)) continue;
    voided.push(await endAuthorization(tx, auth, { ...end, status: 'voided' }, current));
    current = { ...current, holds: current.holds.filter((x) => x !== id), pending: current.pending.filter((x) => x !== id), updatedAt: end.at };
  }
  return { voided, load: current };
}

async function electionRules(tx: TxOps, electionId: string): Promise<RuleSet> {
  const election = await readDoc(tx, 'election', electionId, electionDoc);
  if (!election) throw new Error(`voidProxiesOfCandidate: no election ${electionId}`);
  return rulesOf(election);
}

/** `known`: the election's rule set when the caller already holds it (one read saved per candidate). */
export async function voidProxiesOfCandidate(tx: TxOps, t: VoidTarget, known?: RuleSet): Promise<WithId<ProxyDoc>[]> {
  const rules = known ?? (await electionRules(tx, t.electionId));
  const load = await readLoad(tx, t.electionId, t.voterId);
  const spare = (a: ProxyDoc) => rules.proxy.candidateMayBeProxy === 'nearRelativeOnly' && !isInLaw(a.relation);
  const end = { reasonCode: 'PROXY_IS_CANDIDATE', reason: '受托人成为正式候选人，不能再接受委托投票', at: t.at };
  const r = await voidAll(tx, [...load.holds, ...load.pending], load, end, spare);
  await writeLoad(tx, { ...r.load, formalCandidate: true, updatedAt: t.at });
  await appendAudit(tx, { scope: t.electionId, action: 'proxies.voidOfCandidate', actor: 'system', at: t.at, subject: t.voterId, data: { voided: r.voided.map((a) => a._id) } });
  return r.voided;
}

export async function voidProxiesOfVoter(tx: TxOps, t: VoidTarget): Promise<WithId<ProxyDoc>[]> {
  const principal = await readPrincipal(tx, t.electionId, t.voterId);
  const load = await readLoad(tx, t.electionId, t.voterId);
  if (principal.active === null && load.holds.length === 0 && load.pending.length === 0) return [];
  const asPrincipal = principal.active ? await readAuthorization(tx, principal.active) : null;
  const voided: WithId<ProxyDoc>[] = [];
  if (asPrincipal && ACTIVE_STATUSES.has(asPrincipal.status)) {
    voided.push(await endAuthorization(tx, asPrincipal, { status: 'voided', reasonCode: 'PRINCIPAL_STRUCK_OFF', reason: '委托人已不在选民名单上', at: t.at }));
  }
  const asProxy = await voidAll(tx, [...load.holds, ...load.pending], load, { reasonCode: 'PROXY_STRUCK_OFF', reason: '受托人已不在选民名单上', at: t.at });
  voided.push(...asProxy.voided);
  if (voided.length) await appendAudit(tx, { scope: t.electionId, action: 'proxies.voidOfVoter', actor: 'system', at: t.at, subject: t.voterId, data: { voided: voided.map((a) => a._id) } });
  return voided;
}

/** After the caller's commit: each principal whose authorization was voided is told (one consent each). */
export async function notifyVoided(ctx: CallContext, voided: readonly WithId<ProxyDoc>[]): Promise<void> {
  for (const a of voided) await notifyPrincipal(ctx, a);
}
