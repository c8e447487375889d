/**
 * The `committee` cloud function's audit timer (cloudfunctions/committee/config.json,
 * `linkAuditChain`, every minute): links every scope's pending audit entries and signs the new
 * heads (docs/decisions/0001-audit-chain.md). In the cloud an entry is therefore in the chain
 * within about a minute of its commit, plus a tick when a backlog exceeds one tick's budget.
 * Each tick then stops the roll imports left idle past settings.importIdleHours and deletes their
 * sheets (server/use-cases/roll/import-sweep.job.ts).
 *
 * A sibling of the push timer (server/cloud/cloud-push-timer.ts), on another function so each
 * has its own time limit. Same event rules: CloudBase calls a timer trigger with
 * `{ Type: 'Timer', TriggerName, Time }` and no WeChat user; a "timer" event that carries an
 * OPENID is an ordinary action call. Unlike the push timer it needs the deployment's signing
 * key, so it reads the settings (and fails closed without them).
 */
import type { Envelope } from '../../src/contracts/envelope';
import { createCloudbaseStoreFromSdk, installTcbRejectionGuard } from '../adapters/cloudbase/cloudbase.store';
import { createCloudStorage } from '../adapters/cloudbase/cloud.storage';
import { createEd25519Signer } from '../adapters/crypto/ed25519.signer';
import type { WxCloud } from './cloud-main';
import { parseSettings } from '../config/settings';
import { systemClock } from '../ports/clock.port';
import { isTimerEvent } from './timer-event';
import { jsonLogger } from '../runtime/logger';
import type { LinkDeps, LinkOptions } from '../audit/audit-linker';
import type { ImportSweepDeps } from '../use-cases/roll/import-sweep.job';

/** Leaves headroom inside the function's 60 s timeout (README, deployment step 6). */
export const AUDIT_TIMER_RUN: LinkOptions = { budgetMs: 40_000, batchSize: 50 };

type ActionMain = (event: unknown, context?: { request_id?: string }) => Promise<Envelope<unknown>>;

export function withAuditTimer(actions: ActionMain, cloud: () => WxCloud, env: () => Record<string, string | undefined>, options: LinkOptions = AUDIT_TIMER_RUN): ActionMain {
  let deps: (LinkDeps & ImportSweepDeps & { idleHours: number }) | null = null;
  const log = jsonLogger();
  const coldStart = () => {
    if (deps) return deps;
    const c = cloud();
    const settings = parseSettings(env());
    // DYNAMIC_CURRENT_ENV is a symbol at runtime; the SDK typings only admit strings.
    c.init({ env: c.DYNAMIC_CURRENT_ENV as unknown as string });
    installTcbRejectionGuard();
    deps = {
      store: createCloudbaseStoreFromSdk(c),
      storage: createCloudStorage(c),
      clock: systemClock,
      signer: createEd25519Signer(settings.signingKeyPem),
      idleHours: settings.importIdleHours,
    };
    return deps;
  };
  return async (event, context) => {
    if (!isTimerEvent(event) || cloud().getWXContext().OPENID) return actions(event, context);
    const d = coldStart();
    // Required here, not at load: only timer calls link the chain (an action's cold start skips it).
    const { linkAllScopes } = require('../audit/audit-linker') as typeof import('../audit/audit-linker');
    const { reports, failed } = await linkAllScopes(d.store, d.signer, d.clock, options);
    for (const f of failed) log.error('audit.link.failed', { scope: f.scope, detail: f.error instanceof Error ? f.error.message : String(f.error) });
    // The same tick stops roll imports left idle and deletes their sheets (import-sweep.job.ts).
    const { stopIdleImports } = require('../use-cases/roll/import-sweep.job') as typeof import('../use-cases/roll/import-sweep.job');
    const importsStopped = await stopIdleImports(d, d.idleHours).catch((e: unknown) => {
      log.error('roll.import.sweep.failed', { detail: e instanceof Error ? e.message : String(e) });
      return [];
    });
    return {
      ok: true,
      data: {
        scopes: reports.map((r) => ({ scope: r.scope, linked: r.linked, seq: r.head.seq, stoppedBy: r.stoppedBy })),
        failed: failed.map((f) => f.scope),
        importsStopped: importsStopped.length,
      },
    };
  };
}
