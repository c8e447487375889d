import { route, type FunctionRoutes } from '../runtime/dispatch';
import { lazyRoute } from './lazy-route';

// Contract and use-case modules are required on an action's first call (lazy-route.ts): a cold
// start builds the schemas and evaluates the code of the one action it serves.
const contracts = {
  proxy: () => require('../../src/contracts/proxy.contract') as typeof import('../../src/contracts/proxy.contract'),
};

export const proxiesRoutes: FunctionRoutes = {
  request: lazyRoute(() => route(contracts.proxy().request, (require('../use-cases/proxies/request-proxy.use-case') as typeof import('../use-cases/proxies/request-proxy.use-case')).requestProxyUseCase)),
  revoke: lazyRoute(() => route(contracts.proxy().revoke, (require('../use-cases/proxies/revoke-proxy.use-case') as typeof import('../use-cases/proxies/revoke-proxy.use-case')).revokeProxyUseCase)),
  incoming: lazyRoute(() => route(contracts.proxy().incoming, (require('../use-cases/proxies/incoming-proxies.use-case') as typeof import('../use-cases/proxies/incoming-proxies.use-case')).incomingProxiesUseCase)),
  respond: lazyRoute(() => route(contracts.proxy().respond, (require('../use-cases/proxies/respond-proxy.use-case') as typeof import('../use-cases/proxies/respond-proxy.use-case')).respondProxyUseCase)),
  mine: lazyRoute(() => route(contracts.proxy().mine, (require('../use-cases/proxies/my-proxies.use-case') as typeof import('../use-cases/proxies/my-proxies.use-case')).myProxiesUseCase)),
};
