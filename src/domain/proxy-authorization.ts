/**
 * 委托投票 — may this principal authorize this proxy (RULES.md §4, §8)?
 *
 * - Only where the election's mode has proxies: the preset allows them and the electorate is all
 *   voters (residents' committees elected by household or group representatives have none).
 * - Principal: a registered voter (on the list) with no active authorization.
 * - Proxy: a registered voter of the same village and election, not the principal, a near relative
 *   (民法典 Art. 1045; in-laws only where the preset extends it), not a formal candidate unless the
 *   preset allows a candidate to act for a true near relative, holding fewer than the preset's maximum.
 * - Filed and approved on or before E − N (Asia/Shanghai days): nothing on election day.
 * The limits are re-checked by the use case inside a transaction that writes the proxy's load
 * document, so concurrent requests cannot exceed them; this function is the rule, not the lock.
 */
import { endOfShanghaiDay, addDays, type CivilDate } from './civil-date';
import type { RuleSet } from './presets/types';
import { isInLaw, isNearRelative, type Relation } from './relations';
import { err, ok, type Result } from './result';
import type { VoterStatus } from './voter-todo';

export type ProxyRefusal =
  | 'NO_PROXIES'
  | 'PRINCIPAL_NOT_REGISTERED'
  | 'ALREADY_AUTHORIZED'
  | 'PROXY_NOT_REGISTERED'
  | 'PROXY_OTHER_VILLAGE'
  | 'PROXY_IS_SELF'
  | 'NOT_NEAR_RELATIVE'
  | 'PROXY_IS_CANDIDATE'
  | 'PROXY_LIMIT'
  | 'DEADLINE_PASSED';

export type ProxyRefusalCode = 'NOT_ELIGIBLE' | 'CONFLICT' | 'LIMIT_EXCEEDED' | 'WINDOW_CLOSED';

export interface ProxyParty {
  readonly voterId: string;
  readonly villageId: string;
  readonly electionId: string;
  readonly status: VoterStatus;
}

export interface ProxyRequestFacts {
  readonly principal: ProxyParty;
  readonly proxy: ProxyParty | null;
  readonly relation: Relation;
  /** The principal already has a requested, accepted or approved authorization. */
  readonly principalHasActive: boolean;
  /** Principals the proxy holds now: accepted or approved (the slot is taken when the proxy accepts; a request only waits). */
  readonly proxyHolds: number;
  readonly proxyIsFormalCandidate: boolean;
  readonly electionDay: CivilDate;
}

/** The last instant a proxy may be filed or approved: end of E − N, Beijing time. */
export const proxyDeadline = (electionDay: CivilDate, rules: RuleSet): Date => endOfShanghaiDay(addDays(electionDay, -rules.proxy.deadlineDaysBefore));

export const proxiesAllowed = (rules: RuleSet): boolean => rules.proxy.allowed && rules.electorate === 'allVoters';

export function canAuthorizeProxy(f: ProxyRequestFacts, now: Date, rules: RuleSet): Result<void, ProxyRefusalCode, ProxyRefusal> {
  if (!proxiesAllowed(rules)) return err('NOT_ELIGIBLE', 'NO_PROXIES', '本次选举不实行委托投票');
  if (now.getTime() >= proxyDeadline(f.electionDay, rules).getTime()) {
    return err('WINDOW_CLOSED', 'DEADLINE_PASSED', `委托投票要在选举日${rules.proxy.deadlineDaysBefore}天前办完，现在已经过了截止时间`);
  }
  if (f.principal.status !== 'registered') return err('NOT_ELIGIBLE', 'PRINCIPAL_NOT_REGISTERED', '您还不在本届选民名单上，不能委托别人投票');
  if (f.principalHasActive) return err('CONFLICT', 'ALREADY_AUTHORIZED', '您已经委托了一位受托人；要换人，请先撤销原来的委托');
  const proxy = f.proxy;
  if (!proxy || proxy.villageId !== f.principal.villageId || proxy.electionId !== f.principal.electionId) {
    return err('NOT_ELIGIBLE', 'PROXY_OTHER_VILLAGE', '受托人必须是本村登记的选民');
  }
  if (proxy.voterId === f.principal.voterId) return err('NOT_ELIGIBLE', 'PROXY_IS_SELF', '不能委托自己');
  if (proxy.status !== 'registered') return err('NOT_ELIGIBLE', 'PROXY_NOT_REGISTERED', '受托人不在本届选民名单上');
  if (!isNearRelative(f.relation, rules)) return err('NOT_ELIGIBLE', 'NOT_NEAR_RELATIVE', '只能委托近亲属（配偶、父母、子女、兄弟姐妹、祖父母外祖父母、孙子女外孙子女）');
  if (f.proxyIsFormalCandidate && (rules.proxy.candidateMayBeProxy === 'never' || isInLaw(f.relation))) {
    return err('NOT_ELIGIBLE', 'PROXY_IS_CANDIDATE', '正式候选人不能接受委托投票');
  }
  if (f.proxyHolds >= rules.proxy.maxPrincipalsPerProxy) {
    return err('LIMIT_EXCEEDED', 'PROXY_LIMIT', `这位受托人已经接受了${rules.proxy.maxPrincipalsPerProxy}人的委托，不能再多了`);
  }
  return ok(undefined);
}
