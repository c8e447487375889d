import * as z from 'zod/mini';
import { civilDateSchema, idSchema, voterCategorySchema, voterStatusSchema } from './common.schema';

/**
 * Schemas only the villagers' identity and registration contracts use (who the caller is, the
 * voter as they see themselves, the binding code). Apart from common.schema.ts so that a function
 * without those actions (committee) does not bundle them: schemas are built by calls, which a
 * bundler keeps wherever the module is imported (issue 12).
 */

export const bindingCodeSchema = z.pipe(z.pipe(z
  .string({ error: '请填写绑定码' }).check(z.trim(), z.maxLength(32, { error: '绑定码是告知书上的8位字母和数字' })), z.transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))), z.string().check(z.regex(/^[A-Z2-9]{8}$/, { error: '绑定码是告知书上的8位字母和数字' })));

export const roleSchema = z.enum(['voter', 'committee', 'township']);

/** The election a QR code names, as anyone may see it on the poster: the village and its 村民小组 (identity.whoami). */
export const askedElectionSchema = z.object({ id: idSchema, villageName: z.string(), groups: z.array(z.string()) });
export type AskedElection = z.infer<typeof askedElectionSchema>;

/** A voter as the voter sees it: no digit of the ID number (RULES.md §7), only what derives from it (sex, age). */
export const voterViewSchema = z.object({
  id: idSchema,
  electionId: idSchema,
  villageName: z.string(),
  name: z.string(),
  sex: z.enum(['M', 'F']),
  ageOnElectionDay: z.int(),
  group: z.string(),
  category: voterCategorySchema,
  categoryLabel: z.string(),
  status: voterStatusSchema,
  statusLabel: z.string(),
  confirmed: z.boolean(),
  /** Category B: the day the person declared they take part (本人表示参加选举), null before. */
  declaredOn: z.optional(z.nullable(civilDateSchema)),
});
export type VoterView = z.infer<typeof voterViewSchema>;
