/**
 * Roll import on the CloudBase FAKE with 20 ms per SDK call (issue 7): a 3,000-row sheet
 * uploaded and imported as the page does it — call, then call again with the importId until
 * done — with the production budget of 20 s per call. Reports the SDK calls per row, the number
 * of function calls and the wall time (figures only; nothing asserts them).
 */
import { performance } from 'node:perf_hooks';
import { FakeCloudbaseDatabase } from '../server/adapters/cloudbase/cloudbase-db.fake';
import { rollImportPrefix } from '../server/ports/storage.port';
import { syntheticIdNumber, syntheticName, birthDateForAge } from '../server/seed/synthetic-people';
import { seededRandom } from '../server/security/keyed-hash';
import { CLERK, villageWithElection } from '../test/server/harness';
import { makeImportApp } from '../test/server/roll/import-app';

const ROWS = 3000;
const LATENCY_MS = 20;

interface Reply {
  importId: string;
  done: boolean;
  from: number;
  processed: number;
  rows: unknown[];
  created: number;
}

export async function benchImportJob(): Promise<Record<string, number>> {
  const t = makeImportApp({ kind: 'cloudbase', db: new FakeCloudbaseDatabase({ throwOnNotFound: false }), latencyMs: LATENCY_MS }, 20_000);
  try {
    const f = await villageWithElection(t, { voters: 0 });
    const rng = seededRandom(3000);
    const lines = ['姓名,身份证号码,村民小组,类别'];
    for (let i = 0; i < ROWS; i++) {
      const sex = i % 2 ? 'F' : 'M';
      lines.push([syntheticName(rng, sex), syntheticIdNumber(rng, birthDateForAge(rng, 20 + (i % 60), f.electionDay), sex), i % 2 ? '第一村民小组' : '第二村民小组', i % 3 ? 'A' : 'B'].join(','));
    }
    const fileId = await t.app.storage.put(`${rollImportPrefix(f.villageId)}bench.csv`, Buffer.from(lines.join('\r\n'), 'utf8'));
    const before = t.meter!.calls;
    const started = performance.now();
    const callMs: number[] = [];
    let event: Record<string, unknown> = { action: 'importRoll', electionId: f.electionId, fileId };
    let reply: Reply;
    for (;;) {
      const c0 = performance.now();
      reply = await t.ok<Reply>('committee', event, CLERK);
      callMs.push(performance.now() - c0);
      if (reply.done && reply.from + reply.rows.length >= reply.processed) break;
      event = { action: 'importRoll', electionId: f.electionId, importId: reply.importId, from: reply.from + reply.rows.length };
    }
    const ms = performance.now() - started;
    if (reply.created !== ROWS) throw new Error(`bench import created ${reply.created} of ${ROWS}`);
    return {
      'import.3000.sdk_calls_per_row': Number(((t.meter!.calls - before) / ROWS).toFixed(3)),
      'import.3000.calls': callMs.length,
      'import.3000.ms': Math.round(ms),
      'import.3000.max_call_ms': Math.round(Math.max(...callMs)),
      'import.3000.latency_ms_per_sdk_call': LATENCY_MS,
    };
  } finally {
    await t.close();
  }
}
