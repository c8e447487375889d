/**
 * An uploaded roll file (base64 in the call) → roll rows. The type is recognised from the bytes,
 * not the file name: a zip is a workbook, an OLE2 header is the old .xls format (refused with a
 * way out), anything else is read as CSV text.
 */
import { err, ok, type Result } from '../../src/domain/result';
import { decodeText, parseCsv, type TextEncodingName } from './csv.parser';
import { sheetToRollRows, type RollSheet } from './roll-sheet';
import { readXlsxRows } from './xlsx.parser';

/** 5 MB: a 5,000-row sheet is well under 1 MB as .xlsx and about 1 MB as CSV. */
export const MAX_ROLL_FILE_BYTES = 5 * 1024 * 1024;

export type RollFileReason = 'BAD_FILE' | 'BAD_HEADER' | 'EMPTY_FILE';
export type RollFileError = 'INVALID_INPUT' | 'LIMIT_EXCEEDED';

export interface ReadRollFile extends RollSheet {
  readonly format: 'xlsx' | 'csv';
  readonly encoding: TextEncodingName | null;
}

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle2 = (b: Buffer) => b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;

export async function readRollFile(file: { name: string; contentBase64: string }): Promise<Result<ReadRollFile, RollFileError, RollFileReason | 'FILE_TOO_LARGE'>> {
  const bytes = Buffer.from(file.contentBase64.replace(/^data:[^,]*,/, ''), 'base64');
  if (bytes.length > MAX_ROLL_FILE_BYTES) return err('LIMIT_EXCEEDED', 'FILE_TOO_LARGE', '文件超过5MB，请分成几个文件导入');
  if (bytes.length === 0) return err('INVALID_INPUT', 'EMPTY_FILE', '文件是空的，没有读到任何内容');
  if (isOle2(bytes)) {
    return err('INVALID_INPUT', 'BAD_FILE', '这是旧版 Excel（.xls）文件，请在 Excel 里“另存为” .xlsx 或 CSV 后再导入');
  }
  if (isZip(bytes)) {
    let cells;
    try {
      cells = await readXlsxRows(bytes);
    } catch {
      return err('INVALID_INPUT', 'BAD_FILE', `“${file.name.slice(0, 60)}”不是能读取的 Excel（.xlsx）文件，请在 Excel 里重新保存后再试`);
    }
    const sheet = sheetToRollRows(cells);
    return sheet.ok ? ok({ ...sheet.value, format: 'xlsx', encoding: null }) : sheet;
  }
  const { text, encoding } = decodeText(bytes);
  // Control characters other than tab and line breaks mean binary data, not a CSV.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) {
    return err('INVALID_INPUT', 'BAD_FILE', '只能导入 Excel（.xlsx）或 CSV 文件');
  }
  const sheet = sheetToRollRows(parseCsv(text));
  return sheet.ok ? ok({ ...sheet.value, format: 'csv', encoding }) : sheet;
}
