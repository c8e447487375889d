import * as z from 'zod/mini';
import type { ErrorCode } from './envelope';

export const FUNCTION_NAMES = ['identity', 'township', 'committee', 'registration', 'notices', 'nominations', 'proxies'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** Who may call an action; the server enforces it from the WeChat context, never the payload. */
export type Audience = 'anyone' | 'voter' | 'committee' | 'township';

/**
 * The client-generated id of one intended change, sent unchanged on every retry of it
 * (API.md §Envelope): the server acts once per (caller, action, requestId) and answers a retry
 * with the first call's reply. Not part of any action's input schema — the dispatcher takes it
 * out of the event before the strict input is parsed.
 */
export const requestIdSchema = z
  .string({ error: '请求编号格式不对，请刷新后再试' }).check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不对，请刷新后再试' }));
export const REQUEST_ID_FIELD = 'requestId';

/** Reason of CONFLICT when a retry finds its request applied but its first reply not kept. */
export const REQUEST_ALREADY_APPLIED = 'REQUEST_ALREADY_APPLIED';
export const REQUEST_ALREADY_APPLIED_MESSAGE = '这件事已经办好了，请刷新页面查看结果';

export interface ActionContract<I extends z.ZodMiniType = z.ZodMiniType, O extends z.ZodMiniType = z.ZodMiniType> {
  readonly fn: FunctionName;
  readonly action: string;
  readonly who: Audience;
  /** One line of Chinese for docs/api.md. */
  readonly summary: string;
  readonly input: I;
  readonly output: O;
  /** Every error the action can return: code → reasons (empty = code without reason). */
  readonly errors: Partial<Record<ErrorCode, readonly string[]>>;
  /**
   * The action changes state: it accepts a `requestId`, a retry with the same id acts once, and
   * it may answer BUSY (defineAction adds BUSY and CONFLICT REQUEST_ALREADY_APPLIED to `errors`).
   */
  readonly mutates?: true;
  /**
   * The reply carries a one-time secret (an invitation or binding code shown once): it is not
   * kept for replay, so a retry of an applied call is told REQUEST_ALREADY_APPLIED instead.
   */
  readonly secretReply?: true;
}

export function defineAction<I extends z.ZodMiniType, O extends z.ZodMiniType>(c: ActionContract<I, O>): ActionContract<I, O> {
  if (!c.mutates) return c;
  const conflict = c.errors.CONFLICT ?? [];
  return {
    ...c,
    errors: {
      ...c.errors,
      CONFLICT: conflict.includes(REQUEST_ALREADY_APPLIED) ? conflict : [...conflict, REQUEST_ALREADY_APPLIED],
      BUSY: c.errors.BUSY ?? [],
    },
  };
}

export type InputOf<C> = C extends ActionContract<infer I, z.ZodMiniType> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends ActionContract<infer I, z.ZodMiniType> ? z.output<I> : never;
export type OutputOf<C> = C extends ActionContract<z.ZodMiniType, infer O> ? z.output<O> : never;
