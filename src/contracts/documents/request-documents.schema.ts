import * as z from 'zod/mini';

/**
 * Shapes of stored documents, checked on every read (ARCHITECTURE.md principle 4): a document
 * that does not match is a fault, never silently trusted. Storage only: no action contract
 * imports this folder (docs/architecture.md, "Contracts describe the wire").
 */

/**
 * request/{keyedHash(caller, fn.action, requestId)} — one applied state-changing call
 * (server/runtime/idempotency.ts). `appliedBy` is the nonce of the call that applied it (written
 * in the same transaction as the change); `reply` the JSON of its envelope once answered (absent
 * for a secret reply or a call that died in between). Honoured for REQUEST_RETENTION_DAYS.
 */
export const requestDoc = z.object({
  appliedBy: z.string(),
  action: z.string(),
  appliedAt: z.string(),
  expiresAt: z.string(),
  reply: z.optional(z.string()),
  repliedAt: z.optional(z.string()),
});
export type RequestDoc = z.infer<typeof requestDoc>;
