import './zod-locale';
import * as identity from './identity.contract';
import * as township from './township.contract';
import * as committee from './committee.contract';
import * as registration from './registration.contract';
import type { ActionContract, FunctionName } from './define-action';

export * from './envelope';
export * from './common.schema';
export * from './define-action';
export { identity, township, committee, registration };

function actionsOf(mod: Record<string, unknown>): ActionContract[] {
  return Object.values(mod).filter((v): v is ActionContract => typeof v === 'object' && v !== null && 'action' in v && 'fn' in v);
}

/** Every action contract, by function then action: the catalogue docs/api.md is checked against. */
export const CONTRACTS: Partial<Record<FunctionName, Record<string, ActionContract>>> = Object.fromEntries(
  Object.entries({ identity, township, committee, registration }).map(([fn, mod]) => [
    fn,
    Object.fromEntries(actionsOf(mod as Record<string, unknown>).map((c) => [c.action, c])),
  ]),
);
