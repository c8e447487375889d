import './zod-locale';
import * as identity from './identity.contract';
import * as township from './township.contract';
import * as committee from './committee.contract';
import * as registration from './registration.contract';
import * as objection from './objection.contract';
import * as objectionCommittee from './objection-committee.contract';
import * as roll from './roll.contract';
import * as rollImport from './roll-import.contract';
import * as notice from './notice.contract';
import * as noticeCommittee from './notice-committee.contract';
import * as nomination from './nomination.contract';
import * as candidate from './candidate.contract';
import * as proxy from './proxy.contract';
import * as proxyCommittee from './proxy-committee.contract';
import * as bindingLock from './binding-lock.contract';
import * as phone from './phone.contract';
import type { ActionContract, FunctionName } from './define-action';

export * from './envelope';
export * from './envelope.schema';
export * from './common.schema';
export * from './voter.schema';
export * from './define-action';
export { identity, township, committee, registration };
export { objection, objectionCommittee };
export { roll, rollImport };
export { notice, noticeCommittee };
export { nomination, candidate };
export { proxy, proxyCommittee };
export { bindingLock };
export { phone };

/**
 * Every contract module. A module may hold actions of several functions; the catalogue below
 * groups them by each contract's `fn`. Add new *.contract.ts modules here.
 */
const MODULES: readonly Record<string, unknown>[] = [identity, township, committee, registration, objection, objectionCommittee, roll, rollImport, notice, noticeCommittee, nomination, candidate, proxy, proxyCommittee, phone, bindingLock];

function isContract(v: unknown): v is ActionContract {
  return typeof v === 'object' && v !== null && 'action' in v && 'fn' in v && 'input' in v;
}

/** Every action contract, by function then action: the catalogue docs/api.md is checked against. */
export const CONTRACTS: Partial<Record<FunctionName, Record<string, ActionContract>>> = {};
for (const mod of MODULES) {
  for (const c of Object.values(mod).filter(isContract)) {
    const byAction = (CONTRACTS[c.fn] ??= {});
    if (byAction[c.action]) throw new Error(`two contracts for ${c.fn}.${c.action}`);
    byAction[c.action] = c;
  }
}
