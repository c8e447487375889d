/**
 * The local host's chain writer: links every scope's pending entries every `intervalMs`
 * (default 1 s), so on `npm start` an entry is in the chain within about a second of its
 * commit (docs/decisions/0001-audit-chain.md). The timer is unref'd (it never keeps the process
 * alive); stop() waits for a run in progress and links once more, so a host that shuts down
 * cleanly leaves nothing pending.
 */
import type { AppContext } from '../runtime/context';
import { linkAllScopes, type LinkOptions, type LinkReport } from './audit-linker';

export const LOCAL_LINK_INTERVAL_MS = 1_000;

export interface AuditLinkLoop {
  /** Links now (waiting for a run in progress first); what tests and shutdown call. */
  linkNow(): Promise<LinkReport[]>;
  stop(): Promise<void>;
}

type Deps = Pick<AppContext, 'store' | 'signer' | 'clock' | 'log'>;

export function startAuditLinkLoop(deps: Deps, intervalMs: number = LOCAL_LINK_INTERVAL_MS, options: LinkOptions = {}): AuditLinkLoop {
  let running: Promise<LinkReport[]> = Promise.resolve([]);
  let stopped = false;
  const run = async (): Promise<LinkReport[]> => {
    const { reports, failed } = await linkAllScopes(deps.store, deps.signer, deps.clock, options);
    for (const f of failed) {
      deps.log.error('audit.link.failed', { scope: f.scope, error: f.error instanceof Error ? f.error.name : 'Error', detail: f.error instanceof Error ? f.error.message : String(f.error) });
    }
    return reports;
  };
  // Runs never overlap within this process (the lease keeps other processes apart).
  const next = (): Promise<LinkReport[]> => {
    running = running.then(run, run);
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) next().catch((e: unknown) => deps.log.error('audit.link.failed', { detail: e instanceof Error ? e.message : String(e) }));
  }, intervalMs);
  timer.unref();
  return {
    linkNow: next,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await next().catch((e: unknown) => deps.log.error('audit.link.failed', { detail: e instanceof Error ? e.message : String(e) }));
    },
  };
}
