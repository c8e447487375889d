import { z } from 'zod';
import { civilDateSchema, electionKindSchema, postSchema, voterCategorySchema, voterStatusSchema } from './common.schema';

/**
 * Shapes of stored documents, checked on every read (ARCHITECTURE.md principle 4): a document
 * that does not match is a fault, never silently trusted.
 */
export const villageDoc = z.object({
  name: z.string(),
  kind: electionKindSchema,
  presetId: z.string(),
  townshipId: z.string(),
  groups: z.array(z.string()),
  createdAt: z.string(),
});
export type VillageDoc = z.infer<typeof villageDoc>;

export const inviteDoc = z.object({
  villageId: z.string(),
  expiresAt: z.string(),
  usedBy: z.string().nullable(),
  usedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InviteDoc = z.infer<typeof inviteDoc>;

export const memberDoc = z.object({ openid: z.string(), villageId: z.string(), role: z.literal('committee'), joinedAt: z.string() });
export type MemberDoc = z.infer<typeof memberDoc>;

export const electionDoc = z.object({
  villageId: z.string(),
  title: z.string(),
  kind: electionKindSchema,
  presetId: z.string(),
  electionDay: civilDateSchema,
  posts: z.array(z.object({ post: postSchema, seats: z.number().int() })),
  registrationOpensOn: civilDateSchema.nullable(),
  nominationOpensOn: civilDateSchema.nullable(),
  nominationClosesOn: civilDateSchema.nullable(),
  voterListPublishedOn: civilDateSchema.nullable(),
  status: z.enum(['active', 'closed']),
  createdAt: z.string(),
});
export type ElectionDoc = z.infer<typeof electionDoc>;

export const voterDoc = z.object({
  electionId: z.string(),
  villageId: z.string(),
  name: z.string(),
  /** Normalized name for search and binding comparison. */
  nameKey: z.string(),
  /** Keyed HMAC of the normalized ID number (blind index); never the number itself. */
  idHash: z.string(),
  idMasked: z.string(),
  birthDate: civilDateSchema,
  sex: z.enum(['M', 'F']),
  group: z.string(),
  category: voterCategorySchema,
  status: voterStatusSchema,
  statusReason: z.string().nullable(),
  confirmed: z.boolean(),
  bindingCodeHash: z.string(),
  boundTo: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  residenceSince: civilDateSchema.nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VoterDoc = z.infer<typeof voterDoc>;

/** idIndex/{idHash}: one registration per person across every village (不重登). */
export const idIndexDoc = z.object({ voterId: z.string(), villageId: z.string(), electionId: z.string(), at: z.string() });
export type IdIndexDoc = z.infer<typeof idIndexDoc>;

/** binding/{openid}: one WeChat user ↔ one roll entry. */
export const bindingDoc = z.object({ voterId: z.string(), electionId: z.string(), villageId: z.string(), boundAt: z.string() });
export type BindingDoc = z.infer<typeof bindingDoc>;

export const bindAttemptDoc = z.object({ failures: z.number().int(), lockedUntil: z.string().nullable(), lastAt: z.string() });
export type BindAttemptDoc = z.infer<typeof bindAttemptDoc>;
