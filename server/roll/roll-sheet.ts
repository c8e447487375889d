/**
 * The clerk's sheet → roll rows: finds the header row (a title line such as "××村选民登记表"
 * above it is fine), maps the Chinese column names clerks use, and reports unknown or missing
 * columns in one clear message.
 */
import type { RollRowInput } from '../../src/domain/registration-row';
import { err, ok, type Result } from '../../src/domain/result';

/** A cell as read: text, or a number kept as the text stored in the file. */
export type SheetCell = string | { readonly numberText: string };

export type RollField = 'name' | 'idNumber' | 'group' | 'category' | 'phone' | 'residenceSince' | 'note';

const REQUIRED: readonly RollField[] = ['name', 'idNumber', 'group', 'category'];

/** Column names accepted for each field (after dropping spaces, * marks and bracketed hints). */
export const COLUMN_ALIASES: Readonly<Record<RollField, readonly string[]>> = {
  name: ['姓名', '选民姓名', '名字'],
  idNumber: ['身份证号码', '身份证号', '公民身份号码', '身份证', '身份证件号码', '证件号码'],
  group: ['村民小组', '小组', '组别', '所在小组', '居民小组', '组'],
  category: ['类别', '选民类别', '登记类别', '类型'],
  phone: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式'],
  residenceSince: ['居住起始日期', '居住开始日期', '居住起始时间', '本村居住起始日期', '来村居住日期', '入住日期'],
  note: ['备注', '说明'],
};

/** The canonical name of each column, for messages and the import template. */
export const COLUMN_NAMES: Readonly<Record<RollField, string>> = {
  name: '姓名',
  idNumber: '身份证号码',
  group: '村民小组',
  category: '类别',
  phone: '联系电话',
  residenceSince: '居住起始日期',
  note: '备注',
};

/** Columns a registration sheet often has that the roll derives or does not need. */
const IGNORED = ['序号', '编号', '性别', '出生日期', '出生年月', '年龄'];

const normalizeHeader = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[(\[【（][^)\]】）]*[)\]】）]/g, '')
    .replace(/[\s*★:：]/g, '');

const textOf = (c: SheetCell | undefined): string => (c === undefined ? '' : typeof c === 'string' ? c : c.numberText);

function fieldOf(header: string): RollField | 'ignored' | null {
  const h = normalizeHeader(header);
  for (const [field, names] of Object.entries(COLUMN_ALIASES) as [RollField, readonly string[]][]) if (names.includes(h)) return field;
  return IGNORED.includes(h) ? 'ignored' : null;
}

export interface RollSheet {
  /** 1-based row number of the header. */
  readonly headerRow: number;
  readonly columns: readonly RollField[];
  readonly ignoredColumns: readonly string[];
  readonly rows: readonly RollRowInput[];
}

const isBlankRow = (r: readonly SheetCell[]) => r.every((c) => textOf(c).trim() === '');

/** The header is the first of the top rows naming both a name and an ID column (else the first non-blank row; -1: none). */
function findHeader(cells: readonly (readonly SheetCell[])[]): number {
  for (let i = 0; i < Math.min(cells.length, 10); i++) {
    const fields = (cells[i] ?? []).map((c) => fieldOf(textOf(c)));
    if (fields.includes('name') && fields.includes('idNumber')) return i;
  }
  return cells.findIndex((r) => !isBlankRow(r));
}

/** Which field each header column holds, or the refusal naming missing, unknown and repeated columns. */
function readHeader(header: readonly SheetCell[], headerIndex: number): Result<{ byColumn: Map<number, RollField>; ignored: string[] }, 'INVALID_INPUT', 'BAD_HEADER'> {
  const byColumn = new Map<number, RollField>();
  const unknown: string[] = [];
  const ignored: string[] = [];
  const twice: string[] = [];
  header.forEach((cell, col) => {
    const title = textOf(cell).trim();
    if (!title) return;
    const field = fieldOf(title);
    if (field === null) unknown.push(title);
    else if (field === 'ignored') ignored.push(title);
    else if ([...byColumn.values()].includes(field)) twice.push(title);
    else byColumn.set(col, field);
  });
  const present = [...byColumn.values()];
  const missing = REQUIRED.filter((f) => !present.includes(f));
  if (!unknown.length && !missing.length && !twice.length) return ok({ byColumn, ignored });
  const parts: string[] = [];
  if (missing.length) parts.push(`缺少必需的列：${missing.map((f) => COLUMN_NAMES[f]).join('、')}`);
  if (unknown.length) parts.push(`有不认识的列：${unknown.map((t) => `“${t.slice(0, 20)}”`).join('、')}`);
  if (twice.length) parts.push(`这些列重复了：${twice.map((t) => `“${t.slice(0, 20)}”`).join('、')}`);
  return err(
    'INVALID_INPUT',
    'BAD_HEADER',
    `第${headerIndex + 1}行表头不对：${parts.join('；')}。表头可用的列名：姓名、身份证号码、村民小组、类别（以上必填），联系电话、居住起始日期（C类必填）、备注`,
  );
}

/** One data row as the import reads it (null: a blank row). */
function rowOf(r: readonly SheetCell[], rowNo: number, byColumn: ReadonlyMap<number, RollField>, present: readonly RollField[]): RollRowInput | null {
  const get = (f: RollField): SheetCell | undefined => {
    for (const [col, field] of byColumn) if (field === f) return r[col] ?? '';
    return undefined;
  };
  const text = (f: RollField) => {
    const c = get(f);
    return c === undefined ? undefined : textOf(c).trim();
  };
  const values = present.map((f) => text(f) ?? '');
  if (values.every((v) => v === '')) return null;
  const id = get('idNumber');
  return {
    row: rowNo,
    name: text('name') ?? '',
    idNumber: text('idNumber') ?? '',
    ...(id !== undefined && typeof id !== 'string' ? { idWasNumber: true } : {}),
    group: text('group') ?? '',
    category: text('category') ?? '',
    ...(present.includes('phone') ? { phone: text('phone') ?? '' } : {}),
    ...(present.includes('residenceSince') ? { residenceSince: text('residenceSince') ?? '' } : {}),
    ...(present.includes('note') ? { note: text('note') ?? '' } : {}),
  };
}

export function sheetToRollRows(cells: readonly (readonly SheetCell[])[]): Result<RollSheet, 'INVALID_INPUT', 'BAD_HEADER' | 'EMPTY_FILE'> {
  const headerIndex = findHeader(cells);
  if (headerIndex < 0) return err('INVALID_INPUT', 'EMPTY_FILE', '文件是空的，没有读到任何内容');
  const header = readHeader(cells[headerIndex] ?? [], headerIndex);
  if (!header.ok) return header;
  const { byColumn, ignored } = header.value;
  const present = [...byColumn.values()];
  const rows: RollRowInput[] = [];
  for (let i = headerIndex + 1; i < cells.length; i++) {
    const row = rowOf(cells[i] ?? [], i + 1, byColumn, present);
    if (row) rows.push(row);
  }
  if (rows.length === 0) return err('INVALID_INPUT', 'EMPTY_FILE', '表头下面没有任何选民信息');
  return ok({ headerRow: headerIndex + 1, columns: present, ignoredColumns: ignored, rows });
}
