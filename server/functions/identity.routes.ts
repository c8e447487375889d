import { route, type FunctionRoutes } from '../runtime/dispatch';
import { lazyRoute } from './lazy-route';

// Contract and use-case modules are required on an action's first call (lazy-route.ts): a cold
// start builds the schemas and evaluates the code of the one action it serves.
const contracts = {
  identity: () => require('../../src/contracts/identity.contract') as typeof import('../../src/contracts/identity.contract'),
};

export const identityRoutes: FunctionRoutes = {
  whoami: lazyRoute(() => route(contracts.identity().whoami, (require('../use-cases/identity/whoami.use-case') as typeof import('../use-cases/identity/whoami.use-case')).whoAmIUseCase)),
  bind: lazyRoute(() => route(contracts.identity().bind, (require('../use-cases/identity/bind-voter.use-case') as typeof import('../use-cases/identity/bind-voter.use-case')).bindVoterUseCase)),
  unbind: lazyRoute(() => route(contracts.identity().unbind, (require('../use-cases/identity/unbind-voter.use-case') as typeof import('../use-cases/identity/unbind-voter.use-case')).unbindVoterUseCase)),
  redeemInvite: lazyRoute(() => route(contracts.identity().redeemInvite, (require('../use-cases/identity/redeem-invite.use-case') as typeof import('../use-cases/identity/redeem-invite.use-case')).redeemInviteUseCase)),
  publicKeys: lazyRoute(() => route(contracts.identity().publicKeys, (require('../use-cases/identity/public-keys.use-case') as typeof import('../use-cases/identity/public-keys.use-case')).listPublicKeysUseCase)),
};
