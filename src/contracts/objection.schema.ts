import * as z from 'zod/mini';
import { civilDateSchema, requiredText, safeText, voterCategorySchema, voterStatusSchema } from './common.schema';

/** Wire shapes shared by the objection actions of villagers, the committee and the township (申诉, RULES.md §1). */

export const objectionKindSchema = z.enum(['missingPerson', 'wrongPerson', 'wrongDetails']);
export const objectionStatusSchema = z.enum(['open', 'upheld', 'rejected']);
export const wrongFieldSchema = z.enum(['name', 'group', 'idNumber', 'category', 'status', 'other']);
export const listChangeKindSchema = z.enum(['addVoter', 'registerVoter', 'reinstateVoter', 'removeVoter', 'correctDetails']);

export { ID_REASONS } from '../domain/id-number';

/** Free text that may be published or kept: refuses anything shaped like an ID or phone number (RULES.md §7). */
export function writtenText(min: number, max: number, what: string) {
  return safeText(what, { min, max, multiline: true, minMessage: `${what}至少写${min}个字` });
}

export const electionIdSchema = z.string({ error: '请选择选举' }).check(z.minLength(1, { error: '请选择选举' }), z.maxLength(64, { error: '编号太长' }));
export const groupNameSchema = requiredText('请选择村民小组', 20, '村民小组名称太长了');

const decisionViewSchema = z.object({
  outcome: z.enum(['upheld', 'rejected']),
  outcomeLabel: z.string(),
  reason: z.string(),
  decidedAt: z.string(),
  /** Decided after its statutory last day: permanently marked. */
  late: z.boolean(),
  change: z.nullable(z.object({ kind: listChangeKindSchema, label: z.string() })),
  noticeId: z.string(),
});

/** An objection as its objector sees it. */
export const myObjectionViewSchema = z.object({
  id: z.string(),
  no: z.int(),
  kind: objectionKindSchema,
  kindLabel: z.string(),
  subject: z.object({ name: z.string(), group: z.string() }),
  wrongFields: z.array(wrongFieldSchema),
  details: z.string(),
  filedAt: z.string(),
  receivedOn: civilDateSchema,
  status: objectionStatusSchema,
  statusLabel: z.string(),
  /** Statutory last day for the committee's decision (inclusive), and its exclusive end instant. */
  decisionLastDay: civilDateSchema,
  decisionDeadline: z.string(),
  decision: z.nullable(decisionViewSchema),
});
export type MyObjectionView = z.infer<typeof myObjectionViewSchema>;

/** An objection in the committee's queue: with its statutory clock; no digit of an ID number. */
export const queuedObjectionViewSchema = z.extend(myObjectionViewSchema, {
  subject: z.object({
    voterId: z.nullable(z.string()),
    name: z.string(),
    group: z.string(),
    /** The subject's roll entry as it stands now (pending, flagged…), when the objection names one. */
    entry: z.nullable(z.object({ status: voterStatusSchema, statusLabel: z.string(), category: voterCategorySchema, categoryLabel: z.string() })),
  }),
  /** `selfIdentified`: a WeChat user not on the roll who objected that they are missing (voterId null). */
  objector: z.object({ voterId: z.nullable(z.string()), name: z.string(), group: z.string(), selfIdentified: z.boolean() }),
  /** Filed by the person it is about: for category B, their objection is their declaration (本人表示参加选举). */
  byPerson: z.boolean(),
  clock: z.object({
    /** Asia/Shanghai calendar days to the last day: 0 on the last day, and once decided or overdue. */
    daysLeft: z.int(),
    overdue: z.boolean(),
    label: z.string(),
  }),
});
export type QueuedObjectionView = z.infer<typeof queuedObjectionViewSchema>;

export const objectionFiguresSchema = z.object({
  open: z.int(),
  decided: z.int(),
  /** Undecided past the deadline, plus decided late (a subset of open + decided). */
  overdue: z.int(),
});
