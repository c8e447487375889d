/**
 * 选民登记 — importing the roll from the committee's sheet (RULES.md §1, §7). Binding codes
 * appear once, in the reply that issues them, for printing the 选民登记告知书.
 */
import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { ROLL_REJECT_REASONS } from '../domain/registration-row';
import { civilDateSchema, COMMITTEE_REFUSALS, requiredText, voterCategorySchema, voterStatusSchema } from './common.schema';

/** Per-row reasons of committee.importRoll: the domain's, where each is decided. */
export const ROLL_ROW_REASONS = ROLL_REJECT_REASONS;

/** Largest import in one call (rows) — a big village's roll; larger files are split. */
export const MAX_IMPORT_ROWS = 5000;
/** 5 MB file → about 7 million base64 characters. */
const MAX_BASE64_CHARS = 7_000_000;

const electionIdSchema = requiredText('缺少选举编号', 64, '选举编号不对');
const cell = (max: number) => z.string({ error: '单元格内容应为文字' }).check(z.maxLength(max, { error: `单元格内容不超过${max}字` }));


/** A row sent as data (a client that parsed the sheet itself): the same columns, as text. */
export const rollRowInputSchema = z.strictObject({
    /** Row number in the clerk's sheet; defaults to the position in `rows` (1-based). */
    row: z.optional(z.int({ error: '行号应为整数' }).check(z.gte(1, { error: '行号从1开始' }), z.lte(1_000_000, { error: '行号太大' }))),
    name: z._default(cell(50), ''),
    /** A number here means the spreadsheet stored the ID as a number (digits lost): rejected as ID_CHARS. */
    idNumber: z._default(z.union([cell(40), z.number({ error: '身份证号码应为文字' })]), ''),
    group: z._default(cell(40), ''),
    category: z._default(cell(60), ''),
    phone: z.optional(cell(40)),
    residenceSince: z.optional(cell(40)),
    note: z.optional(cell(1000)),
  });
export type RollRowData = z.input<typeof rollRowInputSchema>;

export const rollFileSchema = z.strictObject({
    name: requiredText('缺少文件名', 200, '文件名太长了'),
    contentBase64: z.string({ error: '缺少文件内容' }).check(z.minLength(1, { error: '文件是空的' }), z.maxLength(MAX_BASE64_CHARS, { error: '文件超过5MB，请分成几个文件导入' })),
  });

export const importRowStatusSchema = z.enum(['created', 'updated', 'unchanged', 'rejected']);

/**
 * Warnings on accepted rows (the row is imported; the clerk should look):
 * SAME_NAME_OTHER_ID — a new entry has the name and group of an entry already on the roll under
 * another ID number that this file does not contain: perhaps this file corrects that person's ID
 * number, and the old entry should be flagged off.
 */
export const ROLL_ROW_WARNINGS = ['SAME_NAME_OTHER_ID'] as const;

export const importRollRowSchema = z.object({
  row: z.int(),
  status: importRowStatusSchema,
  /** Rejected rows: one of ROLL_ROW_REASONS. */
  reason: z.optional(z.enum(ROLL_ROW_REASONS)),
  /** Why rejected, or a note on an accepted row (phone not kept, residence too short so far…). */
  message: z.optional(z.string()),
  name: z.optional(z.string()),
  group: z.optional(z.string()),
  /** From the ID number: birth date and sex tell namesakes apart (no digit of the number itself, RULES.md §7). */
  birthDate: z.optional(civilDateSchema),
  sex: z.optional(z.enum(['M', 'F'])),
  category: z.optional(voterCategorySchema),
  voterStatus: z.optional(voterStatusSchema),
  voterId: z.optional(z.string()),
  /** New entries only, shown once: printed on the 选民登记告知书, stored only as a keyed hash. */
  bindingCode: z.optional(z.string()),
  /** Updated rows: which fields changed. */
  changed: z.optional(z.array(z.string())),
  /** Accepted rows the clerk should check (see ROLL_ROW_WARNINGS); the other entry by name, group, birth date. */
  warning: z.optional(z
    .object({
      reason: z.enum(ROLL_ROW_WARNINGS),
      message: z.string(),
      other: z.object({ voterId: z.string(), name: z.string(), group: z.string(), birthDate: civilDateSchema, sex: z.enum(['M', 'F']), status: voterStatusSchema }),
    })),
});

/** A file in cloud storage (weapp: Taro.cloud.uploadFile; local H5: POST /files) under roll-imports/{villageId}/. */
export const rollFileIdSchema = z
  .string({ error: '缺少文件编号' }).check(z.trim(), z.minLength(1, { error: '缺少文件编号' }), z.maxLength(500, { error: '文件编号不对' }), z.regex(/^(cloud|local):\/\//, { error: '文件编号不对，请重新上传文件' }));

/** 导入选民登记表 */
export const importRoll = defineAction({
  fn: 'committee',
  action: 'importRoll',
  mutates: true,
  secretReply: true,
  who: 'committee',
  summary:
    '导入选民登记表（上传到云存储的 Excel .xlsx 或 CSV，或已解析的行）：分批导入，每次调用处理一段时间后返回进度，用 importId 再调用继续，直到 done；逐行接受或拒绝并说明原因，新登记的选民发放绑定码（打印告知书前可以再次查看）',
  input: z.strictObject({
      electionId: electionIdSchema,
      /** Start: the uploaded sheet's file id (preferred: the file does not travel in the call). */
      fileId: z.optional(rollFileIdSchema),
      /** With fileId: the name shown in the report (the clerk's file name). */
      fileName: z.optional(z.string({ error: '文件名应为文字' }).check(z.trim(), z.minLength(1, { error: '缺少文件名' }), z.maxLength(200, { error: '文件名太长了' }))),
      /** Start, small files only: the sheet inline as base64 (stored, then read like a fileId). */
      file: z.optional(rollFileSchema),
      /** Start: rows a client parsed itself. */
      rows: z.optional(z
        .array(rollRowInputSchema, { error: '导入的行应为列表' }).check(z.minLength(1, { error: '没有要导入的行' }), z.maxLength(MAX_IMPORT_ROWS, { error: `一次最多导入${MAX_IMPORT_ROWS}行，请分成几个文件` }))),
      /** Continue (or read again) the import this id names. */
      importId: z.optional(z.string({ error: '导入编号应为文字' }).check(z.trim(), z.minLength(1, { error: '缺少导入编号' }), z.maxLength(64, { error: '导入编号不对' }))),
      /** Report rows the client already holds: the reply's `rows` start there (default 0: every row so far). */
      from: z._default(z.int({ error: '应为整数' }).check(z.gte(0, { error: '不能小于0' })), 0),
      /** With importId, once the 告知书 slips are printed: the stored binding codes are deleted. */
      printed: z.optional(z.literal(true, { error: '只能是 true' })),
    }).check(z.refine((x) => (x.file ? 1 : 0) + (x.rows ? 1 : 0) + (x.fileId ? 1 : 0) + (x.importId ? 1 : 0) === 1, {
      error: '请上传一个文件，或者提供要导入的行，或者给出要继续的导入编号（三选一）',
      path: ['file'],
    }), z.refine((x) => !x.printed || x.importId, { error: '确认已打印时要给出导入编号', path: ['printed'] })),
  output: z.object({
    importId: z.string(),
    /** False: call again with this importId (and `from`) to go on. Done, but `from + rows.length < processed`: more report rows to fetch the same way. */
    done: z.boolean(),
    /** Sheet rows handled so far, of `total`. */
    processed: z.int(),
    /** Position of `rows[0]` in the whole report (at most 1,000 rows per reply). */
    from: z.int(),
    format: z.enum(['xlsx', 'csv', 'rows']),
    /** CSV only: how the text was decoded (utf-8, gb18030, utf-16le…). */
    encoding: z.nullable(z.string()),
    headerRow: z.nullable(z.int()),
    ignoredColumns: z.array(z.string()),
    fileName: z.nullable(z.string()),
    /** Rows of the sheet; the counts below cover the rows processed so far. */
    total: z.int(),
    accepted: z.int(),
    created: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    rejected: z.int(),
    rejectedByReason: z.record(z.string(), z.int()),
    /** Accepted rows with a warning. */
    warned: z.int(),
    /** Binding codes stay readable until the clerk confirms printing or until this time (ISO); null once deleted. */
    codesUntil: z.nullable(z.string()),
    rows: z.array(importRollRowSchema),
  }),
  errors: {
    INVALID_INPUT: ['BAD_FILE', 'BAD_HEADER', 'EMPTY_FILE', 'FILE_UNKNOWN'],
    FORBIDDEN: COMMITTEE_REFUSALS,
    NOT_FOUND: ['ELECTION_UNKNOWN', 'IMPORT_UNKNOWN'],
    CONFLICT: ['IMPORT_STOPPED'],
    LIMIT_EXCEEDED: ['TOO_MANY_ROWS', 'FILE_TOO_LARGE'],
    WINDOW_CLOSED: ['LIST_PUBLISHED', 'ELECTION_CLOSED'],
  },
});

