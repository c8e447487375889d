import * as z from 'zod/mini';
import { isCivilDate } from '../domain/civil-date';
import { containsIdOrPhone, unsafeCharacters } from '../domain/text-guard';

/** Shared field schemas with Chinese messages; forms reuse them for instant feedback. */
export const civilDateSchema = z
  .string({ error: '请填写日期' }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 2026-05-10 这样' }), z.refine(isCivilDate, { error: '这个日期不存在，请核对' }));

/**
 * Input hygiene (issue 10): every string an action accepts has a maximum length, and text a
 * person wrote (names, titles, free text) holds no control characters, bidi overrides or lone
 * surrogates. Ids the client sends back are bounded too — an over-long id is a plain
 * INVALID_INPUT, never an INTERNAL from the store.
 */
const MAX_ID_LENGTH = 64;

const UNSAFE_MESSAGES = {
  CONTROL: '不能含有看不见的控制字符，请重新输入',
  BIDI: '不能含有改变文字方向的特殊字符，请重新输入',
  SURROGATE: '含有无法显示的字符，请重新输入',
} as const;

/** Refuses control characters, bidi overrides and lone surrogates, with the reason in Chinese. */
export function refuseUnsafeCharacters<T extends z.ZodMiniType<string>>(schema: T, what: string, multiline = false) {
  return schema.check(
    z.superRefine((s: string, ctx) => {
      const bad = unsafeCharacters(s, multiline);
      if (bad) ctx.addIssue({ code: 'custom', message: `${what}${UNSAFE_MESSAGES[bad]}` });
    }),
  );
}

/**
 * A required text field (an id, a reference, a name): trimmed; `missing` when absent, not text or
 * empty, `tooLong` past `max` characters. One builder for the many fields written this way.
 */
export function requiredText(missing: string, max: number, tooLong: string) {
  return z.string({ error: missing }).check(z.trim(), z.minLength(1, { error: missing }), z.maxLength(max, { error: tooLong }));
}

/** An id the client sends back (a document id, a reference): 1–max characters, no unsafe characters. */
export function idInput(what: string, max = MAX_ID_LENGTH) {
  return refuseUnsafeCharacters(
    z
      .string({ error: `请选择${what}` }).check(z.minLength(1, { error: `请选择${what}` }), z.maxLength(max, { error: `${what}编号不对（太长）` })),
    what,
  );
}

/**
 * Text a person writes (a name, a title, a reason, a notice body): trimmed, min–max characters,
 * no unsafe characters, and — for text that is published or kept — nothing shaped like an ID or
 * phone number, obfuscated forms included (src/domain/text-guard.ts; RULES.md §7).
 */
export function safeText(
  what: string,
  opts: { readonly min?: number; readonly max: number; readonly multiline?: boolean; readonly noNumbers?: boolean; readonly minMessage?: string },
) {
  const min = opts.min ?? 1;
  const base = refuseUnsafeCharacters(
    z
      .string({ error: `请填写${what}` }).check(z.trim(), z.minLength(min, { error: opts.minMessage ?? (min > 1 ? `${what}至少${min}个字` : `请填写${what}`) }), z.maxLength(opts.max, { error: `${what}不能超过${opts.max}个字` })),
    what,
    opts.multiline === true,
  );
  return opts.noNumbers === false ? base : base.check(z.refine((s: string) => !containsIdOrPhone(s), { error: `${what}里请不要写身份证号码或手机号码` }));
}

export const idSchema = z.string({ error: '缺少编号' }).check(z.minLength(1, { error: '缺少编号' }), z.maxLength(MAX_ID_LENGTH, { error: '编号太长' }));

export const personNameSchema = z
  .string({ error: '请填写姓名' }).check(z.trim(), z.minLength(2, { error: '姓名至少两个字' }), z.maxLength(20, { error: '姓名太长了' }), z.regex(/^[\u3400-\u9fff\u00b7·]+$/u, { error: '姓名只能是汉字' }));

/** Accepts half- or full-width digits and x/X; the server normalizes and checks it (GB 11643-1999). */
export const idNumberInputSchema = z
  .string({ error: '请填写身份证号码' }).check(z.trim(), z.minLength(15, { error: '身份证号码应为18位' }), z.maxLength(24, { error: '身份证号码应为18位' }));

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
  opensOn: z.nullable(civilDateSchema),
  lastDay: civilDateSchema,
  /** Exclusive instant (ISO): the end of lastDay in Asia/Shanghai. */
  deadline: z.string(),
  provisional: z.optional(z.boolean()),
  /** A one-time act (the voter list's publication) done on this day. */
  doneOn: z.optional(civilDateSchema),
});
export type CalendarEntryView = z.infer<typeof calendarEntrySchema>;

/** An election as every page shows it: the village, the posts, where it stands, its calendar. */
export const electionSummarySchema = z.object({
  id: idSchema,
  villageId: idSchema,
  villageName: z.string(),
  kind: electionKindSchema,
  title: z.string(),
  electionDay: civilDateSchema,
  presetId: z.string(),
  presetName: z.string(),
  posts: z.array(z.object({ post: postSchema, label: z.string(), seats: z.int() })),
  phase: phaseSchema,
  phaseLabel: z.string(),
  next: z.nullable(z.object({ key: z.string(), label: z.string(), deadline: z.string() })),
  calendar: z.array(calendarEntrySchema),
  /** Server time at reply (ISO): the client corrects its countdown for a wrong phone clock. */
  serverNow: z.string(),
});
export type ElectionSummary = z.infer<typeof electionSummarySchema>;

