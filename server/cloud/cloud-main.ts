/**
 * The cloud-function entry: one per function folder (cloudfunctions/<name>/index.ts calls this).
 * Cold start builds the CloudBase context once; each call takes the caller's identity from
 * `getWXContext().OPENID` only — never from the event.
 */
import { randomUUID } from 'node:crypto';
import type { FunctionName } from '../../src/contracts/define-action';
import type { Envelope } from '../../src/contracts/envelope';
import { createCloudbaseStoreFromSdk, installTcbRejectionGuard } from '../adapters/cloudbase/cloudbase.store';
import { createSubscribeMessageNotifier } from '../adapters/cloudbase/subscribe-message.notifier';
import { createCloudStorage } from '../adapters/cloudbase/cloud.storage';
import { createEd25519Signer } from '../adapters/crypto/ed25519.signer';
import { parseSettings } from '../config/settings';
import { systemClock } from '../ports/clock.port';
import type { AppContext } from '../runtime/context';
import { createAppContext } from '../functions/app-context.factory';
import { dispatch, type FunctionRoutes } from '../runtime/dispatch';
import { jsonLogger } from '../runtime/logger';
import { cryptoRandom } from '../security/keyed-hash';

/** The subset of wx-server-sdk this entry uses (the SDK module itself in production). */
export type WxCloud = typeof import('wx-server-sdk');

export interface CloudMainDeps {
  readonly cloud: WxCloud;
  readonly env: Record<string, string | undefined>;
}

export function createCloudMain(fn: FunctionName, routes: FunctionRoutes, deps: () => CloudMainDeps) {
  let app: AppContext | null = null;
  let cloud: WxCloud | null = null;
  const log = jsonLogger();

  function coldStart(): { app: AppContext; cloud: WxCloud } {
    if (app && cloud) return { app, cloud };
    const d = deps();
    // DYNAMIC_CURRENT_ENV is a symbol at runtime; the SDK typings only admit strings.
    d.cloud.init({ env: d.cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    installTcbRejectionGuard();
    const settings = parseSettings(d.env);
    app = createAppContext({
      store: createCloudbaseStoreFromSdk(d.cloud),
      storage: createCloudStorage(d.cloud),
      clock: systemClock,
      signer: createEd25519Signer(settings.signingKeyPem),
      notifier: createSubscribeMessageNotifier(d.cloud),
      settings,
      rng: cryptoRandom,
      log,
    });
    cloud = d.cloud;
    return { app, cloud };
  }

  return async function main(event: unknown, context?: { request_id?: string }): Promise<Envelope<unknown>> {
    const requestId = context?.request_id ?? randomUUID();
    let started: { app: AppContext; cloud: WxCloud };
    try {
      started = coldStart();
    } catch (e) {
      // Fail closed: no settings, no action.
      log.error('cold-start.failed', { fn, requestId, detail: e instanceof Error ? e.message : String(e) });
      return { ok: false, code: 'INTERNAL', message: `服务还没有配置好，请联系管理员（编号 ${requestId}）`, requestId };
    }
    const openid = started.cloud.getWXContext().OPENID || null;
    return dispatch(fn, routes, event, { ...started.app, openid, requestId });
  };
}
