import * as notice from '../../src/contracts/notice.contract';
import { route, type FunctionRoutes } from '../runtime/dispatch';
import { getNoticeUseCase } from '../use-cases/notices/get-notice.use-case';
import { listNoticesUseCase } from '../use-cases/notices/list-notices.use-case';
import { markReadUseCase } from '../use-cases/notices/mark-read.use-case';
import { subscribeUseCase } from '../use-cases/notices/subscribe.use-case';

export const noticesRoutes: FunctionRoutes = {
  list: route(notice.list, listNoticesUseCase),
  get: route(notice.get, getNoticeUseCase),
  markRead: route(notice.markRead, markReadUseCase),
  subscribe: route(notice.subscribe, subscribeUseCase),
};
