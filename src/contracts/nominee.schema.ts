import * as z from 'zod/mini';
import { idSchema } from './common.schema';

/**
 * The nominee schemas shared by the villagers' nomination contract (nomination.contract.ts), the
 * committee's candidate and proxy contracts and the stored nomination documents. In a file of
 * their own so that a function importing them (committee) does not bundle the villager actions
 * built beside them: a module's schemas are built by calls, which a bundler keeps (issue 12).
 */

/** Nominee ids per post, as the ballot holds them. */
export const ballotNamesSchema = z.strictObject({
    director: z.optional(z.array(idSchema).check(z.maxLength(20))),
    deputy: z.optional(z.array(idSchema).check(z.maxLength(20))),
    member: z.optional(z.array(idSchema).check(z.maxLength(20))),
  }, { error: '提名内容不对' });

/** A nominee as a villager sees them: enough to tell namesakes apart, no ID digits (RULES.md §7). */
export const nomineeViewSchema = z.object({
  voterId: idSchema,
  name: z.string(),
  group: z.string(),
  sex: z.enum(['M', 'F']),
  birthYear: z.int(),
});
export type NomineeView = z.infer<typeof nomineeViewSchema>;
