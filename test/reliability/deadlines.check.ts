/**
 * deadlines: statutory cutoffs at −1 s / +1 s in Asia/Shanghai, run in a child process whose
 * host time zone is America/Los_Angeles (a server outside China must not shift a cutoff):
 * - every calendar entry of every rule set (registration, list publication, objection filing and
 *   decision, nomination, candidate list, proxy cutoff, election day), for a year of election
 *   days: its deadline is 00:00 Asia/Shanghai after its last day (16:00 UTC on the last day,
 *   computed here independently), and the phase at −1 s is not the phase at +1 s only where the
 *   phase ends there;
 * - through the action: an objection filed 1 s before the filing cutoff is not refused for the
 *   window, one filed 1 s after is WINDOW_CLOSED.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { CheckResult } from './profile';

const ROOT = resolve(__dirname, '../..');
export const HOST_TZ = 'America/Los_Angeles';

export async function deadlinesCheck(): Promise<CheckResult> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'deadlines.child.ts')], { cwd: ROOT, env: { ...process.env, TZ: HOST_TZ }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (r.status !== 0 || !line) return { name: 'deadlines', passed: 0, failed: 1, findings: [`child failed (${r.status}): ${r.stderr.slice(-800)}`] };
  return JSON.parse(line) as CheckResult;
}
