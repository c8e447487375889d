/**
 * .xlsx → the first worksheet's rows of cells, read by our own small reader (xlsx-workbook.ts,
 * xlsx-styles.ts, xlsx-sheet.ts) on the bounded unzip of zip-guard.ts. It replaced
 * read-excel-file (+ unzipper, graceful-fs …: ≈ 80 KB of the committee function's bundle) with
 * the same output, proven cell by cell in test/server/roll/xlsx-parity.test.ts. Numbers are
 * kept as the text stored in the file and marked as numbers, so an ID column formatted as a
 * number — which Excel truncates to 15 digits — is recognised instead of silently accepted
 * with wrong last digits.
 */
import type { SheetCell } from './roll-sheet';
import { readSheetXml } from './xlsx-sheet';
import { dateStylesOf } from './xlsx-styles';
import { sharedStringsOf, workbookParts } from './xlsx-workbook';
import { CENTRAL, EOCD, MAX_XLSX_INFLATED_BYTES, unzipBounded } from './zip-guard';

export { MAX_XLSX_INFLATED_BYTES } from './zip-guard';

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

/** The zip entries a workbook's cells live in. */
const isWorkbookPart = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

/**
 * The first sheet's rows. Throws on a file that is not a readable workbook, and ZipGuardError
 * on a zip bomb: every entry is inflated by the counting inflate of zip-guard.ts.
 */
export async function readXlsxRows(buf: Buffer): Promise<SheetCell[][]> {
  const declared = declaredInflatedBytes(buf);
  if (declared === null || declared > MAX_XLSX_INFLATED_BYTES) throw new Error('xlsx: unreadable or oversized zip directory');
  const { entries } = unzipBounded(buf, { maxInflated: MAX_XLSX_INFLATED_BYTES, keep: isWorkbookPart });
  const text = new Map(entries.map((e) => [e.name, e.data.toString('utf8')]));
  const part = (name: string): string => {
    const xml = text.get(name);
    if (xml === undefined) throw new Error(`xlsx: ${name} missing`);
    return xml;
  };
  const parts = workbookParts(part('xl/workbook.xml'), part('xl/_rels/workbook.xml.rels'));
  return readSheetXml(part(parts.sheet), {
    sharedStrings: sharedStringsOf(text.get(parts.sharedStrings)),
    dateStyles: dateStylesOf(text.get(parts.styles)),
    date1904: parts.date1904,
  });
}
