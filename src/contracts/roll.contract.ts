/**
 * 选民登记 — the roll: import from the committee's sheet, search, status flags and category
 * decisions, the villager's own confirmation, a migrant's declaration, a category C application,
 * the township's view of double registrations, and the dashboard figures (RULES.md §1, §7).
 *
 * Personal data: replies carry the ID number and phone only masked; binding codes appear once,
 * in the reply that issues them, for printing the 选民登记告知书.
 */
import * as z from 'zod';
import { defineAction } from './define-action';
import {
  COMMITTEE_REFUSALS,
  civilDateSchema,
  electionSummarySchema,
  idNumberInputSchema,
  personNameSchema,
  voterCategorySchema,
  voterStatusSchema,
  voterViewSchema,
} from './common.schema';

const ID_REASONS = ['ID_LENGTH', 'ID_CHARS', 'ID_CHECK_DIGIT', 'ID_BIRTH_DATE'] as const;

/** Per-row reasons of committee.importRoll (see src/domain/registration-row.ts). */
export const ROLL_ROW_REASONS = [
  'MISSING_FIELD',
  'BAD_NAME',
  ...ID_REASONS,
  'UNDER_18',
  'UNKNOWN_GROUP',
  'BAD_CATEGORY',
  'BAD_DATE',
  'DUPLICATE_IN_FILE',
  'DOUBLE_REGISTRATION',
] as const;

/** Largest import in one call (rows) — a big village's roll; larger files are split. */
export const MAX_IMPORT_ROWS = 5000;
/** 5 MB file → about 7 million base64 characters. */
const MAX_BASE64_CHARS = 7_000_000;

const electionIdSchema = z.string({ error: '缺少选举编号' }).trim().min(1, { error: '缺少选举编号' }).max(64, { error: '选举编号不对' });
const voterIdSchema = z.string({ error: '缺少选民编号' }).trim().min(1, { error: '缺少选民编号' }).max(64, { error: '选民编号不对' });
const reasonSchema = z.string({ error: '请写明理由' }).trim().min(2, { error: '理由至少写两个字' }).max(200, { error: '理由不超过200字' });
const cell = (max: number) => z.string({ error: '单元格内容应为文字' }).max(max, { error: `单元格内容不超过${max}字` });

export const meetingSchema = z.enum(['villagerMeeting', 'representativeMeeting'], { error: '请选择村民会议或村民代表会议' });
export const declarationChannelSchema = z.enum(['app', 'inPerson', 'phone', 'objection']);

/** A row sent as data (a client that parsed the sheet itself): the same columns, as text. */
export const rollRowInputSchema = z
  .object({
    /** Row number in the clerk's sheet; defaults to the position in `rows` (1-based). */
    row: z.number({ error: '行号应为数字' }).int({ error: '行号应为整数' }).min(1, { error: '行号从1开始' }).max(1_000_000, { error: '行号太大' }).optional(),
    name: cell(50).default(''),
    /** A number here means the spreadsheet stored the ID as a number (digits lost): rejected as ID_CHARS. */
    idNumber: z.union([cell(40), z.number({ error: '身份证号码应为文字' })]).default(''),
    group: cell(40).default(''),
    category: cell(60).default(''),
    phone: cell(40).optional(),
    residenceSince: cell(40).optional(),
    note: cell(1000).optional(),
  })
  .strict();
export type RollRowData = z.input<typeof rollRowInputSchema>;

export const rollFileSchema = z
  .object({
    name: z.string({ error: '缺少文件名' }).trim().min(1, { error: '缺少文件名' }).max(200, { error: '文件名太长了' }),
    contentBase64: z.string({ error: '缺少文件内容' }).min(1, { error: '文件是空的' }).max(MAX_BASE64_CHARS, { error: '文件超过5MB，请分成几个文件导入' }),
  })
  .strict();

export const importRowStatusSchema = z.enum(['created', 'updated', 'unchanged', 'rejected']);

/**
 * Warnings on accepted rows (the row is imported; the clerk should look):
 * SAME_NAME_OTHER_ID — a new entry has the name and group of an entry already on the roll under
 * another ID number that this file does not contain: perhaps this file corrects that person's ID
 * number, and the old entry should be flagged off.
 */
export const ROLL_ROW_WARNINGS = ['SAME_NAME_OTHER_ID'] as const;

export const importRollRowSchema = z.object({
  row: z.number().int(),
  status: importRowStatusSchema,
  /** Rejected rows: one of ROLL_ROW_REASONS. */
  reason: z.enum(ROLL_ROW_REASONS).optional(),
  /** Why rejected, or a note on an accepted row (phone not kept, residence too short so far…). */
  message: z.string().optional(),
  name: z.string().optional(),
  group: z.string().optional(),
  idMasked: z.string().optional(),
  category: voterCategorySchema.optional(),
  voterStatus: voterStatusSchema.optional(),
  voterId: z.string().optional(),
  /** New entries only, shown once: printed on the 选民登记告知书, stored only as a keyed hash. */
  bindingCode: z.string().optional(),
  /** Updated rows: which fields changed. */
  changed: z.array(z.string()).optional(),
  /** Accepted rows the clerk should check (see ROLL_ROW_WARNINGS); the other entry only masked. */
  warning: z
    .object({
      reason: z.enum(ROLL_ROW_WARNINGS),
      message: z.string(),
      other: z.object({ voterId: z.string(), name: z.string(), group: z.string(), idMasked: z.string(), status: voterStatusSchema }),
    })
    .optional(),
});

/** A file in cloud storage (weapp: Taro.cloud.uploadFile; local H5: POST /files) under roll-imports/{villageId}/. */
export const rollFileIdSchema = z
  .string({ error: '缺少文件编号' })
  .trim()
  .min(1, { error: '缺少文件编号' })
  .max(500, { error: '文件编号不对' })
  .regex(/^(cloud|local):\/\//, { error: '文件编号不对，请重新上传文件' });

/** 导入选民登记表 */
export const importRoll = defineAction({
  fn: 'committee',
  action: 'importRoll',
  mutates: true,
  secretReply: true,
  who: 'committee',
  summary:
    '导入选民登记表（上传到云存储的 Excel .xlsx 或 CSV，或已解析的行）：分批导入，每次调用处理一段时间后返回进度，用 importId 再调用继续，直到 done；逐行接受或拒绝并说明原因，新登记的选民发放绑定码（打印告知书前可以再次查看）',
  input: z
    .object({
      electionId: electionIdSchema,
      /** Start: the uploaded sheet's file id (preferred: the file does not travel in the call). */
      fileId: rollFileIdSchema.optional(),
      /** With fileId: the name shown in the report (the clerk's file name). */
      fileName: z.string({ error: '文件名应为文字' }).trim().min(1, { error: '缺少文件名' }).max(200, { error: '文件名太长了' }).optional(),
      /** Start, small files only: the sheet inline as base64 (stored, then read like a fileId). */
      file: rollFileSchema.optional(),
      /** Start: rows a client parsed itself. */
      rows: z
        .array(rollRowInputSchema, { error: '导入的行应为列表' })
        .min(1, { error: '没有要导入的行' })
        .max(MAX_IMPORT_ROWS, { error: `一次最多导入${MAX_IMPORT_ROWS}行，请分成几个文件` })
        .optional(),
      /** Continue (or read again) the import this id names. */
      importId: z.string({ error: '导入编号应为文字' }).trim().min(1, { error: '缺少导入编号' }).max(64, { error: '导入编号不对' }).optional(),
      /** Report rows the client already holds: the reply's `rows` start there (default 0: every row so far). */
      from: z.number({ error: '应为数字' }).int({ error: '应为整数' }).min(0, { error: '不能小于0' }).default(0),
      /** With importId, once the 告知书 slips are printed: the stored binding codes are deleted. */
      printed: z.literal(true, { error: '只能是 true' }).optional(),
    })
    .strict()
    .refine((x) => (x.file ? 1 : 0) + (x.rows ? 1 : 0) + (x.fileId ? 1 : 0) + (x.importId ? 1 : 0) === 1, {
      error: '请上传一个文件，或者提供要导入的行，或者给出要继续的导入编号（三选一）',
      path: ['file'],
    })
    .refine((x) => !x.printed || x.importId, { error: '确认已打印时要给出导入编号', path: ['printed'] }),
  output: z.object({
    importId: z.string(),
    /** False: call again with this importId (and `from`) to go on. Done, but `from + rows.length < processed`: more report rows to fetch the same way. */
    done: z.boolean(),
    /** Sheet rows handled so far, of `total`. */
    processed: z.number().int(),
    /** Position of `rows[0]` in the whole report (at most 1,000 rows per reply). */
    from: z.number().int(),
    format: z.enum(['xlsx', 'csv', 'rows']),
    /** CSV only: how the text was decoded (utf-8, gb18030, utf-16le…). */
    encoding: z.string().nullable(),
    headerRow: z.number().int().nullable(),
    ignoredColumns: z.array(z.string()),
    fileName: z.string().nullable(),
    /** Rows of the sheet; the counts below cover the rows processed so far. */
    total: z.number().int(),
    accepted: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    rejectedByReason: z.record(z.string(), z.number().int()),
    /** Accepted rows with a warning. */
    warned: z.number().int(),
    /** Binding codes stay readable until the clerk confirms printing or until this time (ISO); null once deleted. */
    codesUntil: z.string().nullable(),
    rows: z.array(importRollRowSchema),
  }),
  errors: {
    INVALID_INPUT: ['BAD_FILE', 'BAD_HEADER', 'EMPTY_FILE', 'FILE_UNKNOWN'],
    FORBIDDEN: COMMITTEE_REFUSALS,
    NOT_FOUND: ['ELECTION_UNKNOWN', 'IMPORT_UNKNOWN'],
    LIMIT_EXCEEDED: ['TOO_MANY_ROWS', 'FILE_TOO_LARGE'],
    WINDOW_CLOSED: ['LIST_PUBLISHED', 'ELECTION_CLOSED'],
  },
});

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

/** 选民名单查询 */
export const listVoters = defineAction({
  fn: 'committee',
  action: 'listVoters',
  who: 'committee',
  summary: '查询本村选民登记：按姓名、身份证后四位、小组、类别、状态、是否绑定或核对筛选，分页；只显示脱敏信息',
  input: z
    .object({
      electionId: electionIdSchema,
      /** Part of the name (any position). */
      name: z.string({ error: '姓名应为文字' }).trim().max(20, { error: '姓名太长了' }).optional(),
      idLast4: z
        .string({ error: '请填写身份证号码后四位' })
        .trim()
        .regex(/^\d{3}[\dXx]$/, { error: '身份证号码后四位是4个数字（最后一位可以是X）' })
        .optional(),
      group: z.string({ error: '小组应为文字' }).trim().min(1, { error: '请选择小组' }).max(40, { error: '小组名称太长了' }).optional(),
      category: z.enum(['A', 'B', 'C'], { error: '类别只能是 A、B 或 C' }).optional(),
      status: z.enum(voterStatusSchema.options, { error: '请选择状态' }).optional(),
      bound: z.boolean({ error: '是否绑定应为是或否' }).optional(),
      confirmed: z.boolean({ error: '是否核对应为是或否' }).optional(),
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

/** 核对本人登记信息 */
export const confirm = defineAction({
  fn: 'registration',
  action: 'confirm',
  mutates: true,
  who: 'voter',
  summary: '选民核对本人登记信息无误（重复核对也返回成功，alreadyConfirmed 为 true）',
  input: z.object({}).strict(),
  output: z.object({ voter: voterViewSchema, confirmedAt: z.string(), alreadyConfirmed: z.boolean() }),
  errors: { UNAUTHENTICATED: ['NO_OPENID', 'NOT_BOUND'], NOT_FOUND: ['ELECTION_GONE'], WINDOW_CLOSED: ['ELECTION_CLOSED'] },
});

/** 外出选民表示参加选举 */
export const declareParticipation = defineAction({
  fn: 'registration',
  action: 'declareParticipation',
  mutates: true,
  who: 'voter',
  summary: '户籍在本村、外出居住的选民（B类）在手机上表示参加本届选举，可填现居住城市；重复表示也返回成功',
  input: z
    .object({
      livesIn: z.string({ error: '现居住地应为文字' }).trim().min(2, { error: '现居住地至少两个字' }).max(40, { error: '现居住地不超过40字' }).optional(),
    })
    .strict(),
  output: z.object({ voter: voterViewSchema, declaredOn: civilDateSchema, alreadyDeclared: z.boolean() }),
  errors: {
    UNAUTHENTICATED: ['NO_OPENID', 'NOT_BOUND'],
    NOT_FOUND: ['ELECTION_GONE'],
    NOT_ELIGIBLE: ['NOT_CATEGORY_B', 'FLAGGED'],
    CONFLICT: ['DOUBLE_REGISTRATION'],
    WINDOW_CLOSED: ['LIST_PUBLISHED', 'REGISTRATION_CLOSED', 'ELECTION_CLOSED'],
  },
});

/** 外来居住村民申请参加选举（C类） */
export const applyResidence = defineAction({
  fn: 'registration',
  action: 'applyResidence',
  mutates: true,
  who: 'anyone',
  summary: '户籍不在本村、在本村居住的村民申请参加选举（C类）：登记为待村民会议同意，并绑定本微信；不能在两个村同时登记',
  input: z
    .object({
      electionId: electionIdSchema,
      name: personNameSchema,
      idNumber: idNumberInputSchema,
      group: z.string({ error: '请选择村民小组' }).trim().min(1, { error: '请选择村民小组' }).max(40, { error: '小组名称太长了' }),
      residenceSince: civilDateSchema,
      /** 个人信息保护法 Art. 29: separate consent for sensitive personal information. */
      consent: z.literal(true, { error: '请先阅读并同意个人信息处理说明' }),
    })
    .strict(),
  output: z.object({ voter: voterViewSchema, election: electionSummarySchema }),
  errors: {
    INVALID_INPUT: [...ID_REASONS, 'UNKNOWN_GROUP', 'BAD_DATE'],
    UNAUTHENTICATED: ['NO_OPENID'],
    NOT_FOUND: ['ELECTION_UNKNOWN'],
    CONFLICT: ['ALREADY_BOUND', 'ALREADY_ON_ROLL', 'DOUBLE_REGISTRATION'],
    NOT_ELIGIBLE: ['UNDER_18', 'RESIDENCE_TOO_SHORT'],
    WINDOW_CLOSED: ['LIST_PUBLISHED', 'REGISTRATION_CLOSED', 'ELECTION_CLOSED'],
  },
});

export const duplicateRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  idMasked: z.string(),
  /** The village whose import or application was refused. */
  village: z.object({ id: z.string(), name: z.string() }),
  /** Where the person is registered. */
  registeredIn: z.object({ id: z.string(), name: z.string() }),
  /** What was refused: a roll row, a category C application, a migrant's declaration, a committee act (approval, recorded declaration, restore), an objection's list change. */
  source: z.enum(['import', 'application', 'declaration', 'committee', 'objection']),
  importId: z.string().nullable(),
  fileName: z.string().nullable(),
  row: z.number().int().nullable(),
  firstAt: z.string(),
  lastAt: z.string(),
  attempts: z.number().int(),
  resolvedAt: z.string().nullable(),
});

/** 重复登记 */
export const duplicates = defineAction({
  fn: 'township',
  action: 'duplicates',
  who: 'township',
  summary: '因已在别的村登记而被拒绝的人：哪个村、何时、哪次导入，身份证号码只显示脱敏形式',
  input: z
    .object({
      villageId: z.string({ error: '村编号应为文字' }).trim().min(1, { error: '请选择村（社区）' }).max(64, { error: '村编号不对' }).optional(),
      includeResolved: z.boolean({ error: '应为是或否' }).default(false),
    })
    .strict(),
  output: z.object({ total: z.number().int(), rows: z.array(duplicateRowSchema) }),
  errors: { FORBIDDEN: ['NOT_TOWNSHIP'] },
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
