import * as z from 'zod/mini';
import { COMMITTEE_REFUSALS, idSchema } from './common.schema';
import { defineAction } from './define-action';

/**
 * committee.revealPhone — one voter's phone number, for one call (RULES.md §7). Phones are kept
 * sealed with the deployment's key and shown masked; a committee member of the voter's village
 * opens one to dial it (the mini-program passes it straight to the phone's dialler). Every reveal
 * is written to the audit log, and each member may reveal only so many per hour (setting
 * PHONE_REVEALS_PER_HOUR): enough for the call list, not for copying the roll.
 */
export const revealPhone = defineAction({
  fn: 'committee',
  action: 'revealPhone',
  who: 'committee',
  summary: '显示一位选民的电话号码用于拨打（每次都记入审计日志，每人每小时有次数限制）',
  input: z.strictObject({
      electionId: idSchema,
      voterId: idSchema,
    }),
  output: z.object({
    voterId: z.string(),
    name: z.string(),
    /** Digits only, as dialled; never stored by the client. */
    phone: z.string(),
    /** Reveals this member has left in the current hour. */
    revealsLeft: z.int().check(z.gte(0)),
  }),
  errors: {
    UNAUTHENTICATED: ['NO_OPENID'],
    FORBIDDEN: COMMITTEE_REFUSALS,
    NOT_FOUND: ['ELECTION_UNKNOWN', 'VOTER_UNKNOWN'],
    NOT_ELIGIBLE: ['NO_PHONE', 'PHONE_NOT_CALLABLE'],
    RATE_LIMITED: ['REVEAL_LIMIT'],
  },
  mutates: true,
  secretReply: true,
});
