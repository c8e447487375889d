/**
 * committee.listProxies — the committee's queue (待选举委员会审核 first, then the rest by filing
 * time), each with relation, away place and both signatures through short-lived URLs
 * (RULES.md §7: signature files are private), and the figures for the committee and reports:
 *
 * - principals: authorizations approved (or used on election day) — one per principal
 * - proxies: distinct proxies holding such an authorization
 * - approved: approved or used · rejected (and rejectedByReason: by the committee's reason text) ·
 *   revoked · used: ballots issued to a proxy on election day
 *
 * Outcomes: ok · FORBIDDEN NOT_COMMITTEE · NOT_FOUND ELECTION_UNKNOWN
 */
import type { listProxies } from '../../../src/contracts/proxy-committee.contract';
import { proxyDoc, type ProxyDoc, type StoredSignature } from '../../../src/contracts/documents/proxy-documents.schema';
import { ok } from '../../../src/domain/result';
import type { CallContext } from '../../runtime/context';
import { findAllDocs, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireCommitteeElection } from '../shared/election-access.policy';
import { deadlineOf, SIGNATURE_URL_TTL_SECONDS } from './proxy-scope.policy';
import { proxyView, votersOf } from './proxy.view';
import { signatureImageUrl } from '../shared/signature-file.records';

export function proxyFigures(all: readonly ProxyDoc[]) {
  const valid = all.filter((a) => a.status === 'approved' || a.status === 'used');
  const rejected = all.filter((a) => a.status === 'rejected');
  const rejectedByReason: Record<string, number> = {};
  for (const a of rejected) {
    const key = a.reason ?? '（未写理由）';
    rejectedByReason[key] = (rejectedByReason[key] ?? 0) + 1;
  }
  return {
    principals: new Set(valid.map((a) => a.principalVoterId)).size,
    proxies: new Set(valid.map((a) => a.proxyVoterId)).size,
    approved: valid.length,
    rejected: rejected.length,
    revoked: all.filter((a) => a.status === 'revoked').length,
    used: all.filter((a) => a.status === 'used').length,
    rejectedByReason,
  };
}

async function urlOf(ctx: CallContext, s: StoredSignature | null): Promise<string | null> {
  return s ? signatureImageUrl(ctx, s.fileId, SIGNATURE_URL_TTL_SECONDS) : null;
}

const queueOrder = (a: ProxyDoc, b: ProxyDoc) => Number(b.status === 'accepted') - Number(a.status === 'accepted') || (a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : 0);

export const listProxiesUseCase: UseCase<typeof listProxies> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, rules } = scope.value;
  // A village's authorizations are tens, not thousands: one paged query serves queue and figures.
  const all: WithId<ProxyDoc>[] = await findAllDocs(ctx.store, 'proxy', { electionId: election._id }, proxyDoc);
  const chosen = (input.status ? all.filter((a) => a.status === input.status) : all).sort(queueOrder);
  const skip = input.skip ?? 0;
  const page = chosen.slice(skip, skip + (input.limit ?? 20));
  const voters = await votersOf(ctx.store, page);
  const deadline = deadlineOf(election, rules);
  const items = await Promise.all(
    page.map(async (a) => ({
      ...proxyView(a, voters, deadline),
      principalSignatureUrl: await urlOf(ctx, a.principalSignature),
      proxySignatureUrl: await urlOf(ctx, a.proxySignature),
    })),
  );
  return ok({ items, total: chosen.length, figures: proxyFigures(all) });
};
