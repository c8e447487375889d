/**
 * 选民登记 — the committee's roll: search, status flags and category decisions, and the
 * dashboard figures (RULES.md §1, §7). Replies carry the ID number and phone only masked.
 */
import * as z from 'zod';
import { defineAction } from './define-action';
import { COMMITTEE_REFUSALS, civilDateSchema, voterCategorySchema, voterStatusSchema } from './common.schema';

const electionIdSchema = z.string({ error: '缺少选举编号' }).trim().min(1, { error: '缺少选举编号' }).max(64, { error: '选举编号不对' });
const voterIdSchema = z.string({ error: '缺少选民编号' }).trim().min(1, { error: '缺少选民编号' }).max(64, { error: '选民编号不对' });
const reasonSchema = z.string({ error: '请写明理由' }).trim().min(2, { error: '理由至少写两个字' }).max(200, { error: '理由不超过200字' });

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
  statusReason: z.string().nullable(),
  idMasked: z.string(),
  phoneMasked: z.string().nullable(),
  sex: z.enum(['M', 'F']),
  ageOnElectionDay: z.number().int(),
  confirmed: z.boolean(),
  bound: z.boolean(),
  residenceSince: civilDateSchema.nullable(),
  /** Category C: the 村民会议/村民代表会议 decision. */
  residence: z
    .object({
      outcome: z.enum(['approved', 'rejected']),
      meeting: meetingSchema,
      meetingLabel: z.string(),
      meetingDate: civilDateSchema,
      minutesRef: z.string(),
    })
    .nullable(),
  /** Category B: how and when the person declared participation. */
  declaration: z.object({ channel: declarationChannelSchema, channelLabel: z.string(), on: civilDateSchema, livesIn: z.string().nullable() }).nullable(),
  note: z.string().nullable(),
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
  summary: '查询本村选民登记：按姓名或小组查找，按身份证后四位、小组、类别、状态、是否绑定或核对筛选，按小组、姓名、类别、状态或年龄排序，分页；只显示脱敏信息',
  input: z
    .object({
      electionId: electionIdSchema,
      /** Part of the name (any position). */
      name: z.string({ error: '姓名应为文字' }).trim().max(20, { error: '姓名太长了' }).optional(),
      idLast4: z
        .string({ error: '请填写身份证号码后四位' })
        .trim()
        .max(4, { error: '身份证号码后四位是4个数字（最后一位可以是X）' })
        .regex(/^\d{3}[\dXx]$/, { error: '身份证号码后四位是4个数字（最后一位可以是X）' })
        .optional(),
      group: z.string({ error: '小组应为文字' }).trim().min(1, { error: '请选择小组' }).max(40, { error: '小组名称太长了' }).optional(),
      category: z.enum(['A', 'B', 'C'], { error: '类别只能是 A、B 或 C' }).optional(),
      status: z.enum(voterStatusSchema.options, { error: '请选择状态' }).optional(),
      bound: z.boolean({ error: '是否绑定应为是或否' }).optional(),
      confirmed: z.boolean({ error: '是否核对应为是或否' }).optional(),
      /** Search box: part of a name, or part of a group's name (第三组, 三组). */
      query: z.string({ error: '查找内容应为文字' }).trim().max(20, { error: '查找内容太长了' }).optional(),
      /** Column to sort by (default: group order, then name); `desc` reverses it. */
      sort: z.enum(ROSTER_SORTS, { error: '排序方式不对' }).default('group'),
      desc: z.boolean({ error: '排序方向应为是或否' }).default(false),
      page: z.number({ error: '页码应为数字' }).int({ error: '页码应为整数' }).min(1, { error: '页码从1开始' }).default(1),
      pageSize: z.number({ error: '每页条数应为数字' }).int({ error: '每页条数应为整数' }).min(1, { error: '每页至少1条' }).max(200, { error: '每页最多200条' }).default(50),
    })
    .strict(),
  output: z.object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    groups: z.array(z.string()),
    rows: z.array(rosterEntrySchema),
  }),
  errors: { FORBIDDEN: COMMITTEE_REFUSALS, NOT_FOUND: ['ELECTION_UNKNOWN'] },
});

const statusTarget = { electionId: electionIdSchema, voterId: voterIdSchema };

export const setVoterStatusInputSchema = z.discriminatedUnion(
  'op',
  [
    /** 标记：被剥夺政治权利、去世、迁出、无法行使选举权（省级规则允许时） */
    z.object({ ...statusTarget, op: z.enum(['deprived', 'deceased', 'movedAway', 'unableToExercise']), reason: reasonSchema }).strict(),
    /** 恢复：回到类别和记录所允许的状态 */
    z.object({ ...statusTarget, op: z.literal('restore'), reason: reasonSchema }).strict(),
    /** C类：村民会议/村民代表会议同意 */
    z
      .object({
        ...statusTarget,
        op: z.literal('approveResidence'),
        meeting: meetingSchema,
        meetingDate: civilDateSchema,
        minutesRef: z.string({ error: '请填写会议记录编号' }).trim().min(1, { error: '请填写会议记录编号' }).max(60, { error: '会议记录编号太长了' }),
      })
      .strict(),
    /** C类：村民会议/村民代表会议不同意 */
    z
      .object({
        ...statusTarget,
        op: z.literal('rejectResidence'),
        meeting: meetingSchema,
        meetingDate: civilDateSchema,
        minutesRef: z.string({ error: '请填写会议记录编号' }).trim().min(1, { error: '请填写会议记录编号' }).max(60, { error: '会议记录编号太长了' }),
        reason: reasonSchema,
      })
      .strict(),
    /** B类：本人当面或电话向选举委员会表示参加选举 */
    z
      .object({
        ...statusTarget,
        op: z.literal('recordDeclaration'),
        channel: z.enum(['inPerson', 'phone'], { error: '请选择当面或电话' }),
        declaredOn: civilDateSchema,
      })
      .strict(),
    /** 重新生成绑定码（旧码作废） */
    z.object({ ...statusTarget, op: z.literal('reissueBindingCode') }).strict(),
    /** 人户分离：释放本人在全乡镇唯一的登记，让另一个村可以登记 */
    z.object({ ...statusTarget, op: z.literal('releaseRegistration'), reason: reasonSchema }).strict(),
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
    bindingCode: z.string().optional(),
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
  input: z.object({ electionId: electionIdSchema }).strict(),
  output: z.object({
    total: z.number().int(),
    registered: z.number().int(),
    registeredByCategory: z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int() }),
    /** Category B not yet declared. */
    pendingB: z.number().int(),
    /** Category C awaiting the meeting. */
    pendingC: z.number().int(),
    rejectedC: z.number().int(),
    /** Category B who declared (any channel), and of those from the phone. */
    migrantsDeclared: z.number().int(),
    migrantsDeclaredInApp: z.number().int(),
    confirmed: z.number().int(),
    bound: z.number().int(),
    flagged: z.object({ deprived: z.number().int(), deceased: z.number().int(), movedAway: z.number().int(), unableToExercise: z.number().int() }),
    objections: z.object({ open: z.number().int(), decided: z.number().int(), overdue: z.number().int() }),
    voterListPublishedOn: civilDateSchema.nullable(),
  }),
  errors: { FORBIDDEN: COMMITTEE_REFUSALS, NOT_FOUND: ['ELECTION_UNKNOWN'] },
});
