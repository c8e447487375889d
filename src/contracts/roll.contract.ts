/**
 * 选民登记 — the committee's roll: search, status flags and category decisions, and the
 * dashboard figures (RULES.md §1, §7). Replies carry no digit of an ID number (RULES.md §7) and phones only masked.
 */
import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { civilDateSchema, COMMITTEE_REFUSALS, idNumberInputSchema, refuseUnsafeCharacters, requiredText, voterCategorySchema, voterStatusSchema } from './common.schema';
import { ID_REASONS } from '../domain/id-number';

const electionIdSchema = requiredText('缺少选举编号', 64, '选举编号不对');
const voterIdSchema = requiredText('缺少选民编号', 64, '选民编号不对');
const reasonSchema = refuseUnsafeCharacters(z.string({ error: '请写明理由' }).check(z.trim(), z.minLength(2, { error: '理由至少写两个字' }), z.maxLength(200, { error: '理由不超过200字' })), '理由');

export const meetingSchema = z.enum(['villagerMeeting', 'representativeMeeting'], { error: '请选择村民会议或村民代表会议' });
export const declarationChannelSchema = z.enum(['app', 'inPerson', 'phone', 'objection']);

/** One roll entry as the committee sees it: masked, never the ID number or phone in clear. */
export const rosterEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  group: z.string(),
  category: voterCategorySchema,
  categoryLabel: z.string(),
  status: voterStatusSchema,
  statusLabel: z.string(),
  statusReason: z.nullable(z.string()),
  /** From the ID number (no digit of the number itself, RULES.md §7): with sex and group, tells namesakes apart. */
  birthDate: civilDateSchema,
  phoneMasked: z.nullable(z.string()),
  sex: z.enum(['M', 'F']),
  ageOnElectionDay: z.int(),
  confirmed: z.boolean(),
  bound: z.boolean(),
  /** Binding locked by too many wrong tries (identity.bind ENTRY_LOCKED): committee.unlockBinding lifts it. */
  locked: z.boolean(),
  residenceSince: z.nullable(civilDateSchema),
  /** Category C: the 村民会议/村民代表会议 decision. */
  residence: z.nullable(z
    .object({
      outcome: z.enum(['approved', 'rejected']),
      meeting: meetingSchema,
      meetingLabel: z.string(),
      meetingDate: civilDateSchema,
      minutesRef: z.string(),
    })),
  /** Category B: how and when the person declared participation. */
  declaration: z.nullable(z.object({ channel: declarationChannelSchema, channelLabel: z.string(), on: civilDateSchema, livesIn: z.nullable(z.string()) })),
  note: z.nullable(z.string()),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** Sort columns of committee.listVoters: group order, name, category, status, age on election day. */
export const ROSTER_SORTS = ['group', 'name', 'category', 'status', 'age'] as const;
export type RosterSort = (typeof ROSTER_SORTS)[number];

/** 选民名单查询 */
export const listVoters = defineAction({
  fn: 'committee',
  action: 'listVoters',
  who: 'committee',
  summary: '查询本村选民登记：按姓名或小组查找，按完整身份证号码（按密文索引比对）、小组、类别、状态、是否绑定或核对筛选，按小组、姓名、类别、状态或年龄排序，分页；不显示身份证号码的任何数字',
  input: z.strictObject({
      electionId: electionIdSchema,
      /** Part of the name (any position). */
      name: z.optional(z.string({ error: '姓名应为文字' }).check(z.trim(), z.maxLength(20, { error: '姓名太长了' }))),
      /** The whole ID number, matched by its keyed hash: no digit of it is stored to match a part against (RULES.md §7). */
      idNumber: z.optional(idNumberInputSchema),
      group: z.optional(z.string({ error: '小组应为文字' }).check(z.trim(), z.minLength(1, { error: '请选择小组' }), z.maxLength(40, { error: '小组名称太长了' }))),
      category: z.optional(z.enum(['A', 'B', 'C'], { error: '类别只能是 A、B 或 C' })),
      status: z.optional(z.enum(voterStatusSchema.options, { error: '请选择状态' })),
      bound: z.optional(z.boolean({ error: '是否绑定应为是或否' })),
      confirmed: z.optional(z.boolean({ error: '是否核对应为是或否' })),
      /** Search box: part of a name, or part of a group's name (第三组, 三组). */
      query: z.optional(z.string({ error: '查找内容应为文字' }).check(z.trim(), z.maxLength(20, { error: '查找内容太长了' }))),
      /** Column to sort by (default: group order, then name); `desc` reverses it. */
      sort: z._default(z.enum(ROSTER_SORTS, { error: '排序方式不对' }), 'group'),
      desc: z._default(z.boolean({ error: '排序方向应为是或否' }), false),
      page: z._default(z.int({ error: '页码应为整数' }).check(z.gte(1, { error: '页码从1开始' })), 1),
      pageSize: z._default(z.int({ error: '每页条数应为整数' }).check(z.gte(1, { error: '每页至少1条' }), z.lte(200, { error: '每页最多200条' })), 50),
    }),
  output: z.object({
    total: z.int(),
    page: z.int(),
    pageSize: z.int(),
    groups: z.array(z.string()),
    rows: z.array(rosterEntrySchema),
  }),
  errors: { INVALID_INPUT: [...ID_REASONS], FORBIDDEN: COMMITTEE_REFUSALS, NOT_FOUND: ['ELECTION_UNKNOWN'] },
});

const statusTarget = { electionId: electionIdSchema, voterId: voterIdSchema };

export const setVoterStatusInputSchema = z.discriminatedUnion(
  'op',
  [
    /** 标记：被剥夺政治权利、去世、迁出、无法行使选举权（省级规则允许时） */
    z.strictObject({ ...statusTarget, op: z.enum(['deprived', 'deceased', 'movedAway', 'unableToExercise']), reason: reasonSchema }),
    /** 恢复：回到类别和记录所允许的状态 */
    z.strictObject({ ...statusTarget, op: z.literal('restore'), reason: reasonSchema }),
    /** C类：村民会议/村民代表会议同意 */
    z.strictObject({
        ...statusTarget,
        op: z.literal('approveResidence'),
        meeting: meetingSchema,
        meetingDate: civilDateSchema,
        minutesRef: requiredText('请填写会议记录编号', 60, '会议记录编号太长了'),
      }),
    /** C类：村民会议/村民代表会议不同意 */
    z.strictObject({
        ...statusTarget,
        op: z.literal('rejectResidence'),
        meeting: meetingSchema,
        meetingDate: civilDateSchema,
        minutesRef: requiredText('请填写会议记录编号', 60, '会议记录编号太长了'),
        reason: reasonSchema,
      }),
    /** B类：本人当面或电话向选举委员会表示参加选举 */
    z.strictObject({
        ...statusTarget,
        op: z.literal('recordDeclaration'),
        channel: z.enum(['inPerson', 'phone'], { error: '请选择当面或电话' }),
        declaredOn: civilDateSchema,
      }),
    /** 重新生成绑定码（旧码作废） */
    z.strictObject({ ...statusTarget, op: z.literal('reissueBindingCode') }),
    /** 人户分离：释放本人在全乡镇唯一的登记，让另一个村可以登记 */
    z.strictObject({ ...statusTarget, op: z.literal('releaseRegistration'), reason: reasonSchema }),
  ],
  { error: '请选择要做的操作' },
);
export type SetVoterStatusInput = z.output<typeof setVoterStatusInputSchema>;
export type VoterStatusOp = SetVoterStatusInput['op'];

/** 选民状态和类别审核 */
export const setVoterStatus = defineAction({
  fn: 'committee',
  action: 'setVoterStatus',
  mutates: true,
  secretReply: true,
  who: 'committee',
  summary: '标记或恢复选民状态（附理由），记录C类村民会议决定、B类本人表示参加，重新生成绑定码，人户分离时释放登记；每项都记入审计日志',
  input: setVoterStatusInputSchema,
  output: z.object({
    voter: rosterEntrySchema,
    /** reissueBindingCode only: the new code, shown once. */
    bindingCode: z.optional(z.string()),
  }),
  errors: {
    INVALID_INPUT: ['BAD_DATE'],
    FORBIDDEN: COMMITTEE_REFUSALS,
    NOT_FOUND: ['ELECTION_UNKNOWN', 'VOTER_UNKNOWN'],
    CONFLICT: ['ALREADY_SET', 'NOT_FLAGGED', 'NOT_CATEGORY_C', 'NOT_CATEGORY_B', 'ALREADY_DECIDED', 'ALREADY_DECLARED', 'NOT_HELD', 'DOUBLE_REGISTRATION'],
    NOT_ELIGIBLE: ['FLAG_NOT_ALLOWED', 'RESIDENCE_TOO_SHORT', 'NO_RESIDENCE_DATE', 'FLAGGED'],
    WINDOW_CLOSED: ['LIST_PUBLISHED', 'ELECTION_CLOSED'],
  },
});

/** 选民登记统计 */
export const stats = defineAction({
  fn: 'committee',
  action: 'stats',
  who: 'committee',
  summary: '选民登记统计：各类已登记人数、待表示参加的外出选民、待审议的C类申请、已核对、已绑定、各类标记，以及申诉件数',
  input: z.strictObject({ electionId: electionIdSchema }),
  output: z.object({
    total: z.int(),
    registered: z.int(),
    registeredByCategory: z.object({ A: z.int(), B: z.int(), C: z.int() }),
    /** Category B not yet declared. */
    pendingB: z.int(),
    /** Category C awaiting the meeting. */
    pendingC: z.int(),
    rejectedC: z.int(),
    /** Category B who declared (any channel), and of those from the phone. */
    migrantsDeclared: z.int(),
    migrantsDeclaredInApp: z.int(),
    confirmed: z.int(),
    bound: z.int(),
    flagged: z.object({ deprived: z.int(), deceased: z.int(), movedAway: z.int(), unableToExercise: z.int() }),
    objections: z.object({ open: z.int(), decided: z.int(), overdue: z.int() }),
    voterListPublishedOn: z.nullable(civilDateSchema),
  }),
  errors: { FORBIDDEN: COMMITTEE_REFUSALS, NOT_FOUND: ['ELECTION_UNKNOWN'] },
});
