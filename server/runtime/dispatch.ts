import type { z } from 'zod';
import { DEFAULT_MESSAGES, type Envelope, type ErrorCode } from '../../src/contracts/envelope';
import type { ActionContract, OutputOf, ParsedInputOf } from '../../src/contracts/define-action';
import '../../src/contracts/zod-locale';
import type { Result } from '../../src/domain/result';
import type { CallContext } from './context';

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

/** Fields the platform adds to every event; never part of an action's input. */
const PLATFORM_FIELDS = new Set(['action', 'userInfo']);

function issuesToFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

/**
 * The one envelope (ARCHITECTURE.md principle 6): validates the event against the action's
 * contract, runs the use case, validates what it returns, and turns every fault into INTERNAL
 * with a request id — logged without personal data.
 */
export async function dispatch(fn: string, routes: FunctionRoutes, event: unknown, ctx: CallContext): Promise<Envelope<unknown>> {
  const started = Date.now();
  const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined;
  if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(routes, action)) {
    return { ok: false, code: 'INVALID_INPUT', reason: 'UNKNOWN_ACTION', message: '不认识的操作' };
  }
  const r = routes[action]!;
  const raw = Object.fromEntries(Object.entries(event as Record<string, unknown>).filter(([k]) => !PLATFORM_FIELDS.has(k)));
  const parsed = r.contract.input.safeParse(raw);
  if (!parsed.success) {
    const fields = issuesToFields(parsed.error);
    return { ok: false, code: 'INVALID_INPUT', message: Object.values(fields)[0] ?? DEFAULT_MESSAGES.INVALID_INPUT, fields };
  }
  try {
    const result = await r.run(parsed.data, ctx);
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
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    ctx.log.error('action.failed', { fn, action, requestId: ctx.requestId, error: error.name, detail: error.message, stack: error.stack });
    return { ok: false, code: 'INTERNAL', message: `${DEFAULT_MESSAGES.INTERNAL}（编号 ${ctx.requestId}）`, requestId: ctx.requestId };
  }
}
