/**
 * contention.* in `npm run bench`: the burst of issue 7 (test/server/contention/burst-scenario.ts)
 * — 200 villagers of one election acting at once, half of them sent twice with one requestId,
 * each call retried like the client gateway (RETRY_LIMIT) — on the CloudBase fake answering each
 * call after 20 ± 10 ms.
 */
import { makeTestApp } from '../test/server/harness';
import { prepareBurst, runBurst, summary } from '../test/server/contention/burst-scenario';

export async function benchContention(voters = 200): Promise<Record<string, number>> {
  const t = makeTestApp({ store: 'cloudbase-fake' });
  try {
    const setup = await prepareBurst(t, voters);
    const { figures: f } = await runBurst(t, setup);
    console.log(summary('cloudbase-fake', f));
    return { voters: f.voters, calls: f.calls, ok: f.ok, busy: f.busy, busyAfterRetries: f.busyAfterRetries, internal: f.internal, lost: f.lost, double: f.double, retries: f.retries, p50Ms: f.p50, p95Ms: f.p95, totalMs: f.ms };
  } finally {
    await t.close();
  }
}
