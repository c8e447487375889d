import * as proxy from '../../src/contracts/proxy.contract';
import { route, type FunctionRoutes } from '../runtime/dispatch';
import { incomingProxiesUseCase } from '../use-cases/proxies/incoming-proxies.use-case';
import { myProxiesUseCase } from '../use-cases/proxies/my-proxies.use-case';
import { requestProxyUseCase } from '../use-cases/proxies/request-proxy.use-case';
import { respondProxyUseCase } from '../use-cases/proxies/respond-proxy.use-case';
import { revokeProxyUseCase } from '../use-cases/proxies/revoke-proxy.use-case';

/** 委托投票 — the villagers' proxy actions (RULES.md §4). */
export const proxiesRoutes: FunctionRoutes = {
  request: route(proxy.request, requestProxyUseCase),
  revoke: route(proxy.revoke, revokeProxyUseCase),
  incoming: route(proxy.incoming, incomingProxiesUseCase),
  respond: route(proxy.respond, respondProxyUseCase),
  mine: route(proxy.mine, myProxiesUseCase),
};
