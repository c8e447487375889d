/**
 * Builds a use-case context from its adapters: the push service (`ctx.push`) is made here from
 * the store, clock, notifier and log, with the notices' message wording — the one place where
 * server/push meets use-cases/notices, so that neither imports the other. Used by every wiring:
 * the cloud-function entry, the local host, the docs' example runs and the test harness.
 */
import type { PushDeps } from '../ports/push.port';
import { createPushService } from '../push/push.service';
import type { AppContext } from '../runtime/context';
import { composeNoticeMessage } from '../use-cases/notices/notice-message.text';

export type AppParts = Omit<AppContext, 'push'>;

export function createAppContext(parts: AppParts): AppContext {
  const app = { ...parts } as AppParts & { push: AppContext['push'] };
  // Read through the context at each use, so a harness that swaps the notifier or the store on
  // this object (test/server/harness.ts setNotifier) moves the push service with it.
  const deps: PushDeps = {
    get store() {
      return app.store;
    },
    get clock() {
      return app.clock;
    },
    get notifier() {
      return app.notifier;
    },
    get log() {
      return app.log;
    },
    composeMessage: composeNoticeMessage,
  };
  app.push = createPushService(deps);
  return app;
}
