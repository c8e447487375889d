import * as z from 'zod/mini';
import { memberRoleSchema } from '../common.schema';

/**
 * Committee invitations (invite/…), read by identity.redeemInvite. Stored-document shape as in
 * election-documents.schema.ts; apart so that functions that never read invitations (committee)
 * do not bundle it (schemas are built by calls, which a bundler keeps; issue 12).
 */
export const inviteDoc = z.object({
  villageId: z.string(),
  /** The role the township chose; invites issued before roles existed grant 委员. */
  role: z._default(memberRoleSchema, 'member'),
  expiresAt: z.string(),
  usedBy: z.nullable(z.string()),
  usedAt: z.nullable(z.string()),
  createdAt: z.string(),
  /**
   * invite/{hash(first 5 characters)}: the rest of the code is checked against this keyed hash
   * of the whole code, so wrong guesses at one invitation count against it (absent on invites
   * stored under the whole code's hash, issued before).
   */
  secretHash: z.optional(z.string()),
  failures: z.optional(z.int().check(z.gte(0))),
  /** Too many wrong guesses: void; the township issues a new one. */
  lockedAt: z.optional(z.nullable(z.string())),
});
export type InviteDoc = z.infer<typeof inviteDoc>;
