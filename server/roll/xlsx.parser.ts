/**
 * .xlsx → rows of cells, with read-excel-file (maintained, MIT, no native code, no open CVE at
 * the time of writing). Numbers are kept as the text stored in the file and marked as numbers,
 * so an ID column formatted as a number — which Excel truncates to 15 digits — is recognised
 * instead of silently accepted with wrong last digits.
 */
import { readSheet } from 'read-excel-file/node';
import type { SheetCell } from './roll-sheet';
import { MAX_XLSX_INFLATED_BYTES, storedZip, unzipBounded } from './zip-guard';

export { MAX_XLSX_INFLATED_BYTES } from './zip-guard';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * Sum of the uncompressed sizes the zip's central directory declares, or null when the
 * directory cannot be read (not a zip, ZIP64, truncated). A cheap first refusal only: the
 * sizes are the file's word, so the real bound is the counting inflate of zip-guard.ts.
 */
export function declaredInflatedBytes(buf: Buffer): number | null {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
    const size = buf.readUInt32LE(at + 24);
    if (size === 0xffffffff) return null;
    total += size;
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return total;
}

function civilOfExcelDate(d: Date): string {
  // read-excel-file gives date cells as UTC midnight of the calendar date written in the cell.
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function toCell(v: unknown): SheetCell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : civilOfExcelDate(v);
  if (typeof v === 'object' && 'numberText' in v) return v as SheetCell;
  return String(v);
}

/** The zip entries a workbook's cells live in (what read-excel-file reads). */
const isWorkbookPart = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

/**
 * The first sheet's rows. Throws on a file that is not a readable workbook, and ZipGuardError
 * on a zip bomb: the parser gets the workbook re-packed by the counting inflate of zip-guard.ts.
 */
export async function readXlsxRows(buf: Buffer): Promise<SheetCell[][]> {
  const declared = declaredInflatedBytes(buf);
  if (declared === null || declared > MAX_XLSX_INFLATED_BYTES) throw new Error('xlsx: unreadable or oversized zip directory');
  const { entries } = unzipBounded(buf, { maxInflated: MAX_XLSX_INFLATED_BYTES, keep: isWorkbookPart });
  const rows = await readSheet<{ numberText: string }>(storedZip(entries), { parseNumber: (s: string) => ({ numberText: s }) });
  return rows.map((r) => r.map(toCell));
}
