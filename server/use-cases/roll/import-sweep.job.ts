/**
 * Stops roll imports the clerk left running and deletes their sheets (RULES.md §7: an uploaded
 * roll sheet holds every villager's ID number in clear). A finished import deletes its sheet at
 * once (import-roll.use-case.ts); one abandoned half-way — the page closed, the phone out of
 * battery, the clerk gone home — used to keep it in storage for good.
 *
 * A job untouched for settings.importIdleHours is stopped: its sheet removed first
 * (idempotent), then the job marked `stopped` without a file, in a transaction that re-reads it
 * and leaves it alone if a call moved it on meanwhile. A crash between the two leaves a running
 * job without its sheet, which the next sweep stops. What was imported stays: every committed
 * batch is on the roll with its report; the clerk uploads the sheet again to go on, and rows
 * already in come back `unchanged`. importRoll answers a stopped job with CONFLICT IMPORT_STOPPED.
 *
 * Runs on the committee function's minute timer (server/cloud/cloud-audit-timer.ts) and the local
 * host's housekeeping loop. Reads the running jobs by query (rollImport.status), a page at a time.
 */
import { rollImportDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { Clock } from '../../ports/clock.port';
import type { Storage } from '../../ports/storage.port';
import type { Store } from '../../ports/store.port';
import { docPages, readDoc } from '../../runtime/documents';

export interface ImportSweepDeps {
  readonly store: Store;
  readonly storage: Storage;
  readonly clock: Clock;
}

/** When a job last moved: its last batch, or its start for jobs written before updatedAt existed. */
const lastMove = (job: { readonly at: string; readonly updatedAt?: string | undefined }) => Date.parse(job.updatedAt ?? job.at);

/** Stops every running import idle for `idleHours` (settings.importIdleHours); returns the ids stopped. */
export async function stopIdleImports(deps: ImportSweepDeps, idleHours: number): Promise<string[]> {
  const now = deps.clock.now();
  const cutoff = now.getTime() - idleHours * 3_600_000;
  const idle: Array<{ id: string; fileId: string | null; moved: number }> = [];
  for await (const page of docPages(deps.store, 'rollImport', { status: 'running' }, rollImportDoc)) {
    for (const job of page) if (lastMove(job) <= cutoff) idle.push({ id: job._id, fileId: job.fileId, moved: lastMove(job) });
  }
  const stopped: string[] = [];
  for (const job of idle) {
    if (job.fileId) await deps.storage.remove(job.fileId);
    const done = await deps.store.runTransaction(async (tx) => {
      const current = await readDoc(tx, 'rollImport', job.id, rollImportDoc);
      if (!current || current.status !== 'running' || lastMove(current) !== job.moved) return false;
      await tx.update('rollImport', job.id, { status: 'stopped', fileId: null, updatedAt: now.toISOString() });
      return true;
    });
    if (done) stopped.push(job.id);
  }
  return stopped;
}
