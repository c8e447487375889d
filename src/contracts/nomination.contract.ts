import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { idSchema, postSchema, requiredText } from './common.schema';
import { signatureInputSchema } from './signature.schema';
import { ballotNamesSchema, nomineeViewSchema } from './nominee.schema';

export { ballotNamesSchema, nomineeViewSchema, type NomineeView } from './nominee.schema';

/** 直接提名 — schemas of the villager's nomination actions (RULES.md §3). */

const electionIdSchema = requiredText('缺少选举编号', 64, '选举编号不对');

export const receiptSchema = z.object({
  /** Short code printed for the voter, e.g. `NM7K-3QPA-X9`. */
  code: z.string(),
  /** SHA-256 (hex) of the submission's canonical form. */
  hash: z.string(),
  keyId: z.string(),
  /** Ed25519 over the hash, base64url. */
  signature: z.string(),
  submittedAt: z.string(),
});
export type Receipt = z.infer<typeof receiptSchema>;

const postLineSchema = z.object({ post: postSchema, label: z.string(), seats: z.int(), names: z.array(nomineeViewSchema) });

export const form = defineAction({
  fn: 'nominations',
  action: 'form',
  who: 'voter',
  summary: '提名票：每个职位可提名的人数、提名时间、本人是否已提名',
  input: z.strictObject({ electionId: z.optional(electionIdSchema) }),
  output: z.object({
    electionId: idSchema,
    title: z.string(),
    posts: z.array(z.object({ post: postSchema, label: z.string(), seats: z.int() })),
    window: z.object({ opensOn: z.nullable(z.string()), closesOn: z.nullable(z.string()), open: z.boolean(), message: z.nullable(z.string()), closesAt: z.nullable(z.string()) }),
    jointMinimum: z.int(),
    resubmission: z.enum(['replace', 'reject']),
    mine: z.nullable(z.array(postLineSchema)),
  }),
  errors: { UNAUTHENTICATED: ['NOT_BOUND'], NOT_ELIGIBLE: ['NOT_REGISTERED'], NOT_FOUND: ['ELECTION_GONE'] },
});

export const searchNominees = defineAction({
  fn: 'nominations',
  action: 'searchNominees',
  who: 'voter',
  summary: '查找本村可被提名的选民：按姓名，显示小组、性别、出生年份以区分同名',
  input: z.strictObject({ electionId: z.optional(electionIdSchema), name: requiredText('请输入姓名', 20, '姓名太长了') }),
  output: z.object({ results: z.array(nomineeViewSchema), more: z.boolean() }),
  errors: { UNAUTHENTICATED: ['NOT_BOUND'], NOT_ELIGIBLE: ['NOT_REGISTERED'], NOT_FOUND: ['ELECTION_GONE'] },
});

export const submit = defineAction({
  fn: 'nominations',
  action: 'submit',
  who: 'voter',
  mutates: true,
  summary: '提交本人签名的提名票，得到可核验的回执',
  input: z.strictObject({ electionId: z.optional(electionIdSchema), names: ballotNamesSchema, signature: signatureInputSchema }),
  output: z.object({ receipt: receiptSchema, replaced: z.boolean(), names: z.array(postLineSchema) }),
  errors: {
    UNAUTHENTICATED: ['NOT_BOUND'],
    NOT_FOUND: ['ELECTION_GONE'],
    INVALID_INPUT: ['EMPTY_BALLOT', 'UNKNOWN_POST', 'TOO_MANY_NAMES', 'DUPLICATE_NOMINEE'],
    NOT_ELIGIBLE: ['NOT_REGISTERED', 'NOMINEE_OTHER_VILLAGE', 'NOMINEE_NOT_REGISTERED', 'NOMINEE_UNDER_AGE'],
    WINDOW_CLOSED: ['NOT_OPEN_YET', 'CLOSED', 'NO_WINDOW'],
    CONFLICT: ['ALREADY_SUBMITTED', 'PAPER_BALLOT_EXISTS'],
  },
});

export const mine = defineAction({
  fn: 'nominations',
  action: 'mine',
  who: 'voter',
  summary: '我的提名：本人提交的提名票和回执',
  input: z.strictObject({ electionId: z.optional(electionIdSchema) }),
  output: z.object({ ballot: z.nullable(z.object({ names: z.array(postLineSchema), receipt: receiptSchema, channel: z.enum(['app', 'paper']) })) }),
  errors: { UNAUTHENTICATED: ['NOT_BOUND'], NOT_FOUND: ['ELECTION_GONE'] },
});

export const verifyReceipt = defineAction({
  fn: 'nominations',
  action: 'verifyReceipt',
  who: 'anyone',
  summary: '核验提名回执：回执是否真实、覆盖哪张提名票、是否计入已公布的计票',
  input: z.strictObject({ code: z.string({ error: '请输入回执编号' }).check(z.trim(), z.minLength(6, { error: '回执编号不完整' }), z.maxLength(40, { error: '回执编号太长' })) }),
  output: z.object({
    valid: z.boolean(),
    /** Why not valid, in Chinese. */
    problem: z.nullable(z.string()),
    covers: z.nullable(z.object({ electionTitle: z.string(), villageName: z.string(), submittedAt: z.string(), postsNamed: z.array(z.object({ label: z.string(), count: z.int() })) })),
    receipt: z.nullable(receiptSchema),
    /** Inclusion in the closed tally (Merkle path to the root printed on the candidate notice). */
    inclusion: z.nullable(z.object({ root: z.string(), index: z.int(), path: z.array(z.string()) })),
  }),
  errors: { NOT_FOUND: ['NO_SUCH_RECEIPT'] },
});
