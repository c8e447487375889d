/**
 * The SDK's floating rejection (see installTcbRejectionGuard); installed by createCloudbaseStoreFromSdk.
 */
const GUARD = Symbol.for('cunxuantong.tcbRejectionGuard');

/**
 * True for the rejection @cloudbase/node-sdk leaves unawaited in TcbApiHttpRequester
 * (`prepareCredentials.bind(this)()` without await): a TcbError — an Error whose class is named
 * TcbError, or, should a bundler rename the class, an Error carrying the TcbError fields
 * (string `code` and string `requestId`).
 */
export function isTcbError(reason: unknown): reason is Error & { code: string } {
  if (!(reason instanceof Error)) return false;
  const r = reason as Error & { code?: unknown; requestId?: unknown };
  if (reason.constructor?.name === 'TcbError' || reason.name === 'TcbError') return true;
  return typeof r.code === 'string' && typeof r.requestId === 'string';
}

type RejectionLog = (event: string, fields: Record<string, unknown>) => void;

const defaultRejectionLog: RejectionLog = (event, fields) => {
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level: 'warn', event, ...fields })}\n`);
};

/**
 * Keeps the SDK's floating TcbError rejection from killing the process (Node ≥ 15 crashes on an
 * unhandled rejection). The same failure also reaches the awaited call, which reports it, so
 * swallowing the stray copy loses nothing. Logged once, by error code only (no message, no
 * request data). Every other unhandled rejection keeps Node's default: if this is the only
 * listener it is rethrown as an uncaught exception; if other listeners exist, they decide.
 * Idempotent across module copies (the marker lives on `process`).
 */
export function installTcbRejectionGuard(log: RejectionLog = defaultRejectionLog): void {
  const marked = process as NodeJS.Process & { [GUARD]?: true };
  if (marked[GUARD]) return;
  marked[GUARD] = true;
  let logged = false;
  const listener = (reason: unknown): void => {
    if (isTcbError(reason)) {
      if (!logged) {
        logged = true;
        log('cloudbase.sdk.floating-rejection', { code: reason.code, note: 'swallowed; the awaited SDK call reports the failure' });
      }
      return;
    }
    if (process.listenerCount('unhandledRejection') === 1) {
      throw reason instanceof Error ? reason : new Error(`Unhandled promise rejection: ${String(reason)}`);
    }
  };
  process.on('unhandledRejection', listener);
}
