import type { z } from 'zod';
import type { ErrorCode } from './envelope';

export const FUNCTION_NAMES = ['identity', 'township', 'committee', 'registration', 'notices', 'nominations', 'proxies'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** Who may call an action; the server enforces it from the WeChat context, never the payload. */
export type Audience = 'anyone' | 'voter' | 'committee' | 'township';

export interface ActionContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly fn: FunctionName;
  readonly action: string;
  readonly who: Audience;
  /** One line of Chinese for docs/api.md. */
  readonly summary: string;
  readonly input: I;
  readonly output: O;
  /** Every error the action can return: code → reasons (empty = code without reason). */
  readonly errors: Partial<Record<ErrorCode, readonly string[]>>;
}

export function defineAction<I extends z.ZodType, O extends z.ZodType>(c: ActionContract<I, O>): ActionContract<I, O> {
  return c;
}

export type InputOf<C> = C extends ActionContract<infer I, z.ZodType> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends ActionContract<infer I, z.ZodType> ? z.output<I> : never;
export type OutputOf<C> = C extends ActionContract<z.ZodType, infer O> ? z.output<O> : never;
