import * as z from 'zod';
import { isCivilDate } from '../domain/civil-date';

/** Shared field schemas with Chinese messages; forms reuse them for instant feedback. */
export const civilDateSchema = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 2026-05-10 这样' })
  .refine(isCivilDate, { error: '这个日期不存在，请核对' });

export const idSchema = z.string({ error: '缺少编号' }).min(1, { error: '缺少编号' }).max(64, { error: '编号太长' });

export const personNameSchema = z
  .string({ error: '请填写姓名' })
  .trim()
  .min(2, { error: '姓名至少两个字' })
  .max(20, { error: '姓名太长了' })
  .regex(/^[\u3400-\u9fff\u00b7·]+$/u, { error: '姓名只能是汉字' });

/** Accepts half- or full-width digits and x/X; the server normalizes and checks it (GB 11643-1999). */
export const idNumberInputSchema = z
  .string({ error: '请填写身份证号码' })
  .trim()
  .min(15, { error: '身份证号码应为18位' })
  .max(24, { error: '身份证号码应为18位' });

export const bindingCodeSchema = z
  .string({ error: '请填写绑定码' })
  .trim()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z2-9]{8}$/, { error: '绑定码是告知书上的8位字母和数字' }));

export const electionKindSchema = z.enum(['village', 'community'], { error: '请选择村委会或居委会' });
export const voterCategorySchema = z.enum(['A', 'B', 'C']);
export const voterStatusSchema = z.enum(['pending', 'registered', 'deprived', 'deceased', 'movedAway', 'unableToExercise']);
export const postSchema = z.enum(['director', 'deputy', 'member'], { error: '职位只能是主任、副主任或委员' });
export const phaseSchema = z.enum([
  'preparation',
  'registration',
  'objections',
  'nomination',
  'candidates',
  'campaign',
  'electionDay',
  'closed',
]);
export const roleSchema = z.enum(['voter', 'committee', 'township']);

/** An election-committee (选举委员会) member's role: 主任 / 委员 / 办事员. */
export const memberRoleSchema = z.enum(['director', 'member', 'clerk'], { error: '职务只能是主任、委员或办事员' });
export type MemberRole = z.infer<typeof memberRoleSchema>;

/**
 * Every refusal of a committee-only action on membership grounds: not a member, revoked by the
 * township or on candidacy (RULES.md §2), or the term ended with its election.
 */
export const COMMITTEE_REFUSALS = ['NOT_COMMITTEE', 'MEMBER_REVOKED', 'TERM_ENDED'] as const;

export const calendarEntrySchema = z.object({
  key: z.string(),
  label: z.string(),
  opensOn: civilDateSchema.nullable(),
  lastDay: civilDateSchema,
  /** Exclusive instant (ISO): the end of lastDay in Asia/Shanghai. */
  deadline: z.string(),
  provisional: z.boolean().optional(),
  /** A one-time act (the voter list's publication) done on this day. */
  doneOn: civilDateSchema.optional(),
});
export type CalendarEntryView = z.infer<typeof calendarEntrySchema>;

export const electionSummarySchema = z.object({
  id: idSchema,
  villageId: idSchema,
  villageName: z.string(),
  kind: electionKindSchema,
  title: z.string(),
  electionDay: civilDateSchema,
  presetId: z.string(),
  presetName: z.string(),
  posts: z.array(z.object({ post: postSchema, label: z.string(), seats: z.number().int() })),
  phase: phaseSchema,
  phaseLabel: z.string(),
  next: z.object({ key: z.string(), label: z.string(), deadline: z.string() }).nullable(),
  calendar: z.array(calendarEntrySchema),
  /** Server time at reply (ISO): the client corrects its countdown for a wrong phone clock. */
  serverNow: z.string(),
});
export type ElectionSummary = z.infer<typeof electionSummarySchema>;

/** A voter as the voter sees it: never the ID number in clear. */
export const voterViewSchema = z.object({
  id: idSchema,
  electionId: idSchema,
  villageName: z.string(),
  name: z.string(),
  idMasked: z.string(),
  sex: z.enum(['M', 'F']),
  ageOnElectionDay: z.number().int(),
  group: z.string(),
  category: voterCategorySchema,
  categoryLabel: z.string(),
  status: voterStatusSchema,
  statusLabel: z.string(),
  confirmed: z.boolean(),
  /** Category B: the day the person declared they take part (本人表示参加选举), null before. */
  declaredOn: civilDateSchema.nullable().optional(),
});
export type VoterView = z.infer<typeof voterViewSchema>;
