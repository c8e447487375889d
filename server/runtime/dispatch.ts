import type * as z from 'zod/mini';
import { DEFAULT_MESSAGES, type Envelope, type ErrorCode } from '../../src/contracts/envelope';
import { REQUEST_ID_FIELD, requestIdSchema, type ActionContract, type OutputOf, type ParsedInputOf } from '../../src/contracts/define-action';
import '../../src/contracts/zod-locale';
import type { Result } from '../../src/domain/result';
import { StoreError } from '../ports/store.port';
import type { CallContext } from './context';
import { RequestAlreadyApplied, idempotentCall, type IdempotentCall } from './idempotency';

export type UseCase<C extends ActionContract> = (
  input: ParsedInputOf<C>,
  ctx: CallContext,
) => Promise<Result<OutputOf<C>, ErrorCode>>;

export interface Route {
  readonly contract: ActionContract;
  readonly run: (input: unknown, ctx: CallContext) => Promise<Result<unknown, ErrorCode>>;
}
export type FunctionRoutes = Readonly<Record<string, Route>>;

export function route<C extends ActionContract>(contract: C, run: UseCase<C>): Route {
  return { contract, run: run as Route['run'] };
}

/** Fields the platform or the gateway adds to every event; never part of an action's input. */
const PLATFORM_FIELDS = new Set(['action', 'userInfo', REQUEST_ID_FIELD]);

function issuesToFields(error: z.core.$ZodError, prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = prefix + (issue.path.length ? issue.path.join('.') : prefix ? '' : '_');
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

function invalid(fields: Record<string, string>): Envelope<never> {
  return { ok: false, code: 'INVALID_INPUT', message: Object.values(fields)[0] ?? DEFAULT_MESSAGES.INVALID_INPUT, fields };
}

type Parsed = { ok: true; input: unknown; requestId: string | null } | { ok: false; reply: Envelope<never> };

/** The action's input and the optional client requestId, both validated. */
function parseEvent(r: Route, event: Record<string, unknown>): Parsed {
  let requestId: string | null = null;
  if (event[REQUEST_ID_FIELD] !== undefined) {
    const id = requestIdSchema.safeParse(event[REQUEST_ID_FIELD]);
    if (!id.success) return { ok: false, reply: invalid(issuesToFields(id.error, REQUEST_ID_FIELD)) };
    requestId = id.data;
  }
  const raw = Object.fromEntries(Object.entries(event).filter(([k]) => !PLATFORM_FIELDS.has(k)));
  const parsed = r.contract.input.safeParse(raw);
  if (!parsed.success) return { ok: false, reply: invalid(issuesToFields(parsed.error)) };
  return { ok: true, input: parsed.data, requestId };
}

/**
 * The one envelope (ARCHITECTURE.md principle 6): validates the event against the action's
 * contract, runs the use case, validates what it returns, and turns every fault into INTERNAL
 * with a request id — logged without personal data.
 *
 * A store CONFLICT that outlives the adapter's own retries (too many callers on one document)
 * is BUSY, not INTERNAL: nothing was applied and a retry with the same requestId is safe. A
 * StoreError UNAVAILABLE stays INTERNAL: the adapter cannot tell a passing network fault from a
 * misconfiguration (missing collection, credentials), and the gateway already retries timeouts.
 * State-changing actions carrying a requestId act once per id (server/runtime/idempotency.ts).
 */
export async function dispatch(fn: string, routes: FunctionRoutes, event: unknown, ctx: CallContext): Promise<Envelope<unknown>> {
  const started = Date.now();
  const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined;
  if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(routes, action)) {
    return { ok: false, code: 'INVALID_INPUT', reason: 'UNKNOWN_ACTION', message: '不认识的操作' };
  }
  const r = routes[action]!;
  const parsed = parseEvent(r, event as Record<string, unknown>);
  if (!parsed.ok) return parsed.reply;
  const idem =
    r.contract.mutates && parsed.requestId
      ? idempotentCall({ store: ctx.store, clock: ctx.clock, log: ctx.log, hmacKey: ctx.settings.idHmacKey }, ctx.openid, `${fn}.${action}`, parsed.requestId)
      : null;
  const logged = { fn, action, requestId: ctx.requestId };
  try {
    if (idem) {
      const prior = await idem.prior();
      if (prior !== null) {
        const reply = prior === 'applied' ? await idem.afterRace() : prior;
        ctx.log.info('action.replayed', { ...logged, ok: reply.ok, ms: Date.now() - started });
        return reply;
      }
    }
    const reply = await runRoute(fn, r, parsed.input, idem ? { ...ctx, store: idem.store } : ctx, started);
    await idem?.keep(reply, r.contract.secretReply === true);
    return reply;
  } catch (e) {
    return fault(e, idem, ctx, logged, started);
  }
}

async function runRoute(fn: string, r: Route, input: unknown, ctx: CallContext, started: number): Promise<Envelope<unknown>> {
  const action = r.contract.action;
  const result = await r.run(input, ctx);
  if (!result.ok) {
    ctx.log.info('action.refused', { fn, action, code: result.code, reason: result.reason, requestId: ctx.requestId, ms: Date.now() - started });
    return {
      ok: false,
      code: result.code,
      ...(result.reason ? { reason: result.reason } : {}),
      message: result.message ?? DEFAULT_MESSAGES[result.code],
    };
  }
  const out = r.contract.output.safeParse(result.value);
  if (!out.success) {
    throw new Error(`output of ${fn}.${action} does not match its contract: ${out.error.issues.map((i) => i.path.join('.') + ' ' + i.code).join(', ')}`);
  }
  ctx.log.info('action.ok', { fn, action, requestId: ctx.requestId, ms: Date.now() - started });
  return { ok: true, data: out.data };
}

async function fault(e: unknown, idem: IdempotentCall | null, ctx: CallContext, logged: Record<string, string>, started: number): Promise<Envelope<unknown>> {
  if (e instanceof RequestAlreadyApplied && idem) {
    const reply = await idem.afterRace();
    ctx.log.info('action.replayed', { ...logged, ok: reply.ok, raced: true, ms: Date.now() - started });
    return reply;
  }
  if (e instanceof StoreError && e.storeCode === 'CONFLICT') {
    ctx.log.info('action.busy', { ...logged, code: 'BUSY', ms: Date.now() - started });
    return { ok: false, code: 'BUSY', message: DEFAULT_MESSAGES.BUSY, requestId: ctx.requestId };
  }
  const error = e instanceof Error ? e : new Error(String(e));
  ctx.log.error('action.failed', { ...logged, error: error.name, detail: error.message, stack: error.stack });
  return { ok: false, code: 'INTERNAL', message: `${DEFAULT_MESSAGES.INTERNAL}（编号 ${ctx.requestId}）`, requestId: ctx.requestId };
}
