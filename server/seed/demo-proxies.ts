/**
 * Demo data for proxy voting (委托投票): once the list is published and before the deadline, the
 * migrant persona is on the list. While nominations run (objections, nomination phases) he has
 * already asked his brother, the proxy persona, to vote for him — a request waiting for the
 * proxy's answer, with a handwritten signature in private storage — so the proxy's page has
 * something to show. Once candidates are known (candidates, campaign phases: the last stretch
 * before the deadline) he has not filed yet, so a tester — and the browser e2e — files and signs
 * the whole way. Written directly (like the election), through the same documents the use cases keep.
 */
import type { ElectionDoc } from '../../src/contracts/documents/election-documents.schema';
import type { ElectionPhase } from '../../src/domain/calendar';
import type { RuleSet } from '../../src/domain/presets/types';
import { proxiesAllowed, proxyDeadline } from '../../src/domain/proxy-authorization';
import { appendAudit } from '../audit/audit-log';
import type { AppContext } from '../runtime/context';
import { newId, type RandomSource } from '../security/keyed-hash';
import { proxyLoadId, proxyPrincipalId, requestedProxyDoc } from '../use-cases/proxies/proxy.records';
import { signaturePath, storeSignature } from '../use-cases/proxies/proxy-scope.policy';
import type { DraftVoter } from './voter-factory';

/** A few strokes, as the signature pad would send them. */
const DEMO_SIGNATURE = { width: 320, height: 160, strokes: [[30, 90, 50, 60, 70, 50, 90, 60, 100, 80], [120, 40, 122, 80, 124, 120], [150, 70, 180, 66, 210, 70, 240, 80, 260, 96]] };

/** Whether a principal could file a request today: proxies allowed, the list out, before the deadline. */
export const proxyWindowOpen = (election: ElectionDoc, rules: RuleSet, now: Date): boolean =>
  proxiesAllowed(rules) && election.voterListPublishedOn !== null && now.getTime() < proxyDeadline(election.electionDay, rules).getTime();

/** Phases whose demo has the migrant's request already filed (see the header). */
const FILED_IN: readonly ElectionPhase[] = ['objections', 'nomination'];
export const proxyRequestSeeded = (phase: ElectionPhase): boolean => FILED_IN.includes(phase);

/** The migrant persona's hint, true to what the seed left for him. */
export function migrantHint(group: string, onList: boolean, filed: boolean): string {
  if (!onList) return `${group}，在深圳打工，需表示参加选举`;
  return filed ? `${group}，在深圳打工，已请哥哥代为投票（委托投票），待哥哥确认` : `${group}，在深圳打工，选举日回不来，可以请哥哥代为投票（委托投票）`;
}

export async function seedProxyRequest(
  app: AppContext,
  s: { electionId: string; election: ElectionDoc; principal: DraftVoter; proxy: DraftVoter; rng: RandomSource; at: string },
): Promise<string> {
  const id = newId(s.rng, 'px');
  const signature = await storeSignature(app, signaturePath(s.electionId, id, 'principal'), DEMO_SIGNATURE);
  const doc = requestedProxyDoc({
    electionId: s.electionId,
    villageId: s.election.villageId,
    principalVoterId: s.principal.id,
    proxyVoterId: s.proxy.id,
    relation: 'sibling',
    awayPlace: '广东深圳',
    principalSignature: signature,
    requestedAt: s.at,
  });
  await app.store.runTransaction(async (tx) => {
    await tx.set('proxy', id, doc);
    await tx.set('proxyLoad', proxyLoadId(s.electionId, s.proxy.id), { electionId: s.electionId, proxyVoterId: s.proxy.id, holds: [], pending: [id], formalCandidate: false, updatedAt: s.at });
    await tx.set('proxyPrincipal', proxyPrincipalId(s.electionId, s.principal.id), { electionId: s.electionId, principalVoterId: s.principal.id, active: id, updatedAt: s.at });
    await appendAudit(tx, { scope: s.electionId, action: 'seed.proxyRequest', actor: 'system', at: s.at, subject: id, data: { principalVoterId: s.principal.id, proxyVoterId: s.proxy.id } });
  });
  return id;
}
