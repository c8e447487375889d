/**
 * The checkpoint a publication carries (存证 on a notice or a printed list): the election's
 * chain is linked first, in the publishing call (publication is a rare committee act), so the
 * notice pins every entry committed before it.
 */
import type { AuditCheckpoint } from '../ports/audit.port';
import type { AppContext } from '../runtime/context';
import { latestCheckpoint, linkAuditScope } from './audit-linker';

const LEASED_RETRIES = 3;
/** While the scope has no checkpoint at all, wait longer for a writer to finish signing the first. */
const LEASED_RETRIES_UNSIGNED = 30;
const LEASED_WAIT_MS = 150;
/** A publication's own share of a function call; the rest stays pending for the timer. */
const PUBLICATION_LINK_BUDGET_MS = 5_000;

/**
 * Links `scope` and returns its newest signed checkpoint (null for an empty chain). When another
 * writer holds the lease (the timer, briefly), waits a little for it; if it is still busy, the
 * newest checkpoint already signed is still a true pin, just an earlier one.
 */
export async function publicationCheckpoint(ctx: Pick<AppContext, 'store' | 'signer' | 'clock'>, scope: string): Promise<AuditCheckpoint | null> {
  for (let attempt = 0; ; attempt++) {
    const r = await linkAuditScope(ctx.store, scope, ctx.signer, ctx.clock, { budgetMs: PUBLICATION_LINK_BUDGET_MS });
    if (r.checkpoint) return r.checkpoint;
    if (r.stoppedBy !== 'leased') break;
    // The verifier requires a copy on every notice published after the scope's first signed
    // checkpoint; a writer holding the lease may be signing that first one right now.
    const latest = attempt >= LEASED_RETRIES ? await latestCheckpoint(ctx.store, scope) : null;
    if (latest || attempt >= LEASED_RETRIES_UNSIGNED) return latest;
    await new Promise((resolve) => setTimeout(resolve, LEASED_WAIT_MS));
  }
  return latestCheckpoint(ctx.store, scope);
}
