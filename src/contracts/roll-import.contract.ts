/**
 * 选民登记 — importing the roll from the committee's sheet (RULES.md §1, §7). Binding codes
 * appear once, in the reply that issues them, for printing the 选民登记告知书.
 */
import * as z from 'zod';
import { defineAction } from './define-action';
import { COMMITTEE_REFUSALS, voterCategorySchema, voterStatusSchema } from './common.schema';

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
const cell = (max: number) => z.string({ error: '单元格内容应为文字' }).max(max, { error: `单元格内容不超过${max}字` });


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

