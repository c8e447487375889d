import { route, type FunctionRoutes } from '../runtime/dispatch';
import { lazyRoute } from './lazy-route';

// Contract and use-case modules are required on an action's first call (lazy-route.ts): a cold
// start builds the schemas and evaluates the code of the one action it serves.
const contracts = {
  notice: () => require('../../src/contracts/notice.contract') as typeof import('../../src/contracts/notice.contract'),
};

export const noticesRoutes: FunctionRoutes = {
  list: lazyRoute(() => route(contracts.notice().list, (require('../use-cases/notices/list-notices.use-case') as typeof import('../use-cases/notices/list-notices.use-case')).listNoticesUseCase)),
  get: lazyRoute(() => route(contracts.notice().get, (require('../use-cases/notices/get-notice.use-case') as typeof import('../use-cases/notices/get-notice.use-case')).getNoticeUseCase)),
  markRead: lazyRoute(() => route(contracts.notice().markRead, (require('../use-cases/notices/mark-read.use-case') as typeof import('../use-cases/notices/mark-read.use-case')).markReadUseCase)),
  subscribe: lazyRoute(() => route(contracts.notice().subscribe, (require('../use-cases/notices/subscribe.use-case') as typeof import('../use-cases/notices/subscribe.use-case')).subscribeUseCase)),
};
