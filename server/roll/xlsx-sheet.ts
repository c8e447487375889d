/**
 * A worksheet's XML → rows of cells, as read-excel-file 9 gave them to the roll reader before
 * (test/server/roll/xlsx-parity.test.ts compares both on the same workbooks):
 * - a cell's place comes from its `r` reference (A1, AB12): sparse cells and missing rows leave
 *   empty cells; rows after the last row with a value and columns after the last column with a
 *   value are dropped; every row is as wide as the widest;
 * - strings (shared `s`, `inlineStr`, formula `str`) are trimmed, an empty one is an empty cell;
 * - numbers (`n`, the default) keep the text stored in the file, marked as numbers, so a
 *   15-digit-truncated ID column is recognised; a number whose style is a date format is a date,
 *   written as a civil YYYY-MM-DD (1900 date system, or 1904 when the workbook says so);
 * - booleans are TRUE / FALSE; error values (#N/A, #DIV/0! …) are empty cells.
 * Malformed sheets (cells out of order, unknown types, bad values) throw.
 */
import type { SheetCell } from './roll-sheet';
import { StringItemText, unescapeXstring } from './xlsx-workbook';
import { walkXml } from './xlsx-xml';

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

type Value = SheetCell | null;

const DAY_MS = 86_400_000;
/** Serial day number of 1970-01-01 in the 1900 system (with Excel's phantom 1900-02-29). */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days from the 1900 system's day 0 to the 1904 system's. */
const DATE_1904_SHIFT = 1_462;

/** A cell reference → [row, column], both from 1. */
function position(ref: string | undefined): [number, number] {
  const m = /^([A-Z]{1,3})([0-9]+)$/.exec(ref ?? '');
  if (!m) throw new Error(`xlsx: bad cell reference ${ref ?? '(none)'}`);
  let column = 0;
  for (const c of m[1] ?? '') column = column * 26 + c.charCodeAt(0) - 64;
  return [Number(m[2]), column];
}

/** The calendar date of a UTC instant; '' when out of Date's range. */
function civilOfMs(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function stringValue(s: string | undefined): Value {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
}

function numberValue(v: string | undefined, style: string | undefined, ctx: SheetContext): Value {
  if (!v) return null;
  if (style && ctx.dateStyles[Number(style)]) {
    const serial = Number(v);
    if (Number.isNaN(serial)) throw new Error('xlsx: a date cell holds no number');
    // Same arithmetic as read-excel-file (a time of day is dropped by the floor).
    return civilOfMs(Math.floor((serial + (ctx.date1904 ? DATE_1904_SHIFT : 0) - UNIX_EPOCH_SERIAL) * DAY_MS));
  }
  return { numberText: v };
}

interface RawCell {
  readonly type: string;
  readonly style: string | undefined;
  readonly v: string | undefined;
  readonly inline: string | undefined;
}

function cellValue(c: RawCell, ctx: SheetContext): Value {
  switch (c.type) {
    case 'str':
      return stringValue(c.v === undefined ? undefined : unescapeXstring(c.v));
    case 'inlineStr':
      return stringValue(c.inline === undefined ? undefined : unescapeXstring(c.inline));
    case 's': {
      if (!c.v) return null;
      const s = ctx.sharedStrings[Number(c.v)];
      if (s === undefined) throw new Error('xlsx: unknown shared string');
      return stringValue(s);
    }
    case 'b':
      if (!c.v) return null;
      if (c.v !== '0' && c.v !== '1') throw new Error('xlsx: bad boolean');
      return c.v === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return null;
    case 'd': {
      if (!c.v) return null;
      const t = new Date(c.v).getTime();
      if (Number.isNaN(t)) throw new Error('xlsx: bad date');
      return civilOfMs(t);
    }
    case 'n':
      return numberValue(c.v, c.style, ctx);
    default:
      throw new Error(`xlsx: unknown cell type ${c.type}`);
  }
}

/** Rows so far; every value placed by its reference. */
class Grid {
  readonly rows: Value[][] = [];
  private lastRow = 0;
  private lastColumn = 0;
  private dataRows = 0;
  private dataColumns = 0;

  place(row: number, column: number, value: Value): void {
    if (row < this.lastRow || (row === this.lastRow && column <= this.lastColumn)) throw new Error('xlsx: cells out of order');
    [this.lastRow, this.lastColumn] = [row, column];
    if (value === null) return;
    while (this.rows.length < row) this.rows.push([]);
    const cells = this.rows[row - 1] ?? [];
    while (cells.length < column - 1) cells.push(null);
    cells.push(value);
    this.dataRows = Math.max(this.dataRows, row);
    this.dataColumns = Math.max(this.dataColumns, column);
  }

  result(): SheetCell[][] {
    return this.rows.slice(0, this.dataRows).map((r) => Array.from({ length: this.dataColumns }, (_, i) => r[i] ?? ''));
  }
}

export function readSheetXml(xml: string, ctx: SheetContext): SheetCell[][] {
  const grid = new Grid();
  let cell: { r: string | undefined; type: string; style: string | undefined; v?: string; inline?: StringItemText; inV: boolean } | null = null;
  walkXml(xml, {
    open(name, a) {
      if (name === 'c') cell = { r: a.r, type: a.t || 'n', style: a.s, inV: false };
      else if (cell && name === 'v') [cell.inV, cell.v] = [true, ''];
      else if (cell && name === 'is') cell.inline = new StringItemText();
      else cell?.inline?.open(name);
    },
    close(name) {
      if (!cell) return;
      if (name === 'c') {
        const [row, column] = position(cell.r);
        grid.place(row, column, cellValue({ type: cell.type, style: cell.style, v: cell.v, inline: cell.inline?.value }, ctx));
        cell = null;
      } else if (name === 'v') cell.inV = false;
      else cell.inline?.close(name);
    },
    text(t) {
      if (cell?.inV) cell.v = t;
      else cell?.inline?.text(t);
    },
  });
  return grid.result();
}
