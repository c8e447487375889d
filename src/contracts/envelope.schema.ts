import * as z from 'zod/mini';
import { ERROR_CODES } from './envelope';

/**
 * The envelope as zod schemas, for the client (src/services/api.ts) and the reliability checks.
 * Apart from envelope.ts, whose codes and default messages every function uses: schemas are built
 * by calls, which a bundler keeps wherever the module is imported (issue 12).
 */

export const errorCodeSchema = z.enum(ERROR_CODES);

export const errEnvelopeSchema = z.object({
  ok: z.literal(false),
  code: errorCodeSchema,
  reason: z.optional(z.string()),
  message: z.string(),
  requestId: z.optional(z.string()),
  fields: z.optional(z.record(z.string(), z.string())),
});

export function envelopeSchema<T extends z.ZodMiniType>(data: T) {
  return z.union([z.object({ ok: z.literal(true), data }), errEnvelopeSchema]);
}
