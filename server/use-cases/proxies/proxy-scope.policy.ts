/**
 * What every proxy action needs before its transaction: the caller's standing, the election's
 * rules and deadline, and the handwritten signature stored as a private file.
 */
import type { ErrorCode } from '../../../src/contracts/envelope';
import type { StoredSignature } from '../../../src/contracts/documents/proxy-documents.schema';
import type { SignatureInput } from '../../../src/contracts/signature.schema';
import type { ElectionDoc } from '../../../src/contracts/documents/election-documents.schema';
import type { RuleSet } from '../../../src/domain/presets/types';
import { proxiesAllowed, proxyDeadline } from '../../../src/domain/proxy-authorization';
import { err, ok, type Result } from '../../../src/domain/result';
import type { CallContext } from '../../runtime/context';
import type { WithId } from '../../runtime/documents';
import { isVoterListPublished } from '../roll/roll-access.policy';
import { storeSignatureAt } from '../shared/signature-file.records';

export const deadlineOf = (election: ElectionDoc, rules: RuleSet): Date => proxyDeadline(election.electionDay, rules);

export const noProxies = () => err('NOT_ELIGIBLE', 'NO_PROXIES', '本次选举不实行委托投票');
export const deadlinePassed = (rules: RuleSet) =>
  err('WINDOW_CLOSED', 'DEADLINE_PASSED', `委托投票要在选举日${rules.proxy.deadlineDaysBefore}天前办完，现在已经过了截止时间`);
export const noSuchAuthorization = () => err('NOT_FOUND', 'NO_SUCH_AUTHORIZATION', '没有找到这份委托');

/**
 * A request may be filed while proxies are allowed, the voter list is published (a principal
 * must be on it: calendar entry proxyDeadline opens at publication) and the deadline has not
 * passed (end of E − N, Beijing time).
 */
export async function requestWindow(ctx: CallContext, election: WithId<ElectionDoc>, rules: RuleSet, now: Date): Promise<Result<void, ErrorCode>> {
  if (!proxiesAllowed(rules)) return noProxies();
  if (now.getTime() >= deadlineOf(election, rules).getTime()) return deadlinePassed(rules);
  if (!(await isVoterListPublished(ctx.store, election))) {
    return err('WINDOW_CLOSED', 'LIST_NOT_PUBLISHED', '选民名单还没有公布；名单公布后，名单上的选民才能办理委托投票');
  }
  return ok(undefined);
}

/** Signatures are short-lived to the committee: a link valid for ten minutes. */
export const SIGNATURE_URL_TTL_SECONDS = 600;

/**
 * Stores a handwritten signature in private storage (RULES.md §7: never public), with its drawing
 * for the committee, and returns the strokes file's id with the SHA-256 of exactly the stored
 * bytes, kept on the authorization so a file swapped later is detectable.
 */
export async function storeSignature(ctx: Pick<CallContext, 'storage' | 'clock'>, path: string, signature: SignatureInput): Promise<StoredSignature> {
  const { fileId, digest } = await storeSignatureAt(ctx, path, signature);
  return { fileId, sha256: digest, at: ctx.clock.now().toISOString() };
}

export const signaturePath = (electionId: string, authorizationId: string, role: 'principal' | 'proxy') => `private/signatures/proxies/${electionId}/${authorizationId}-${role}.json`;
