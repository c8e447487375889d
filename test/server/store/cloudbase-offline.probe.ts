/**
 * Run by cloudbase-offline.test.ts in a plain Node process (not under Jest, whose sandbox keeps
 * its own `process` object and reports every unhandled rejection itself): the real wx-server-sdk,
 * initialised offline, must fail a store call with StoreError UNAVAILABLE and leave the process
 * alive despite the SDK's floating TcbError rejection.
 *   mode "sdk":       the offline call; prints one JSON line with the outcome
 *   mode "unrelated": guard installed, then an unrelated rejection — must still crash the process
 */
import cloud from 'wx-server-sdk';
import { createCloudbaseStoreFromSdk, installTcbRejectionGuard } from '../../../server/adapters/cloudbase/cloudbase.store';
import { StoreError } from '../../../server/ports/store.port';

const mode = process.argv[2];

async function main(): Promise<void> {
  if (mode === 'unrelated') {
    installTcbRejectionGuard();
    void Promise.reject(new Error('unrelated failure'));
    await new Promise((r) => setTimeout(r, 200));
    process.stdout.write(`${JSON.stringify({ survived: true })}\n`);
    return;
  }
  cloud.init({ env: 'offline-test' });
  const store = createCloudbaseStoreFromSdk(cloud);
  const started = Date.now();
  const outcome = await store.get('voter', 'x').then(
    () => ({ kind: 'resolved' }),
    (e: unknown) => ({ kind: e instanceof StoreError ? e.storeCode : 'other', message: e instanceof Error ? e.message : String(e) }),
  );
  const ms = Date.now() - started;
  // Give the SDK's stray rejection time to surface; an unguarded process would be dead by now.
  await new Promise((r) => setTimeout(r, 150));
  process.stdout.write(`${JSON.stringify({ ...outcome, ms, survived: true })}\n`);
}

void main();
