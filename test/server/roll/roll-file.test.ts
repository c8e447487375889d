import { declaredInflatedBytes } from '../../../server/roll/xlsx.parser';
import { decodeText, parseCsv } from '../../../server/roll/csv.parser';
import { readRollFile } from '../../../server/roll/roll-file';
import { sheetToRollRows } from '../../../server/roll/roll-sheet';
import { encodeGbk, HEADER, syntheticId, toCsv, toXlsx } from './roll-fixtures';

const b64 = (b: Buffer | string) => (typeof b === 'string' ? Buffer.from(b, 'utf8') : b).toString('base64');
const ID = syntheticId('1960-07-16', 124);

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\r\nlines"\r\nx,y,z,w\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\r\nlines'],
      ['x', 'y', 'z', 'w'],
    ]);
  });
  it('keeps empty fields and does not add a record for the final line break', () => {
    expect(parseCsv('a,,c\n,,\n')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });
  it('reads tab-separated text (Excel "Unicode 文本")', () => {
    expect(parseCsv('姓名\t身份证号码\n王五\t1')).toEqual([
      ['姓名', '身份证号码'],
      ['王五', '1'],
    ]);
  });
});

describe('decodeText', () => {
  it('drops a UTF-8 BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('姓名', 'utf8')]))).toEqual({ text: '姓名', encoding: 'utf-8' });
  });
  it('falls back to GB18030 for GBK bytes', () => {
    expect(decodeText(encodeGbk('姓名,村民小组'))).toEqual({ text: '姓名,村民小组', encoding: 'gb18030' });
  });
  it('reads UTF-16LE with its BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名', 'utf16le')]))).toEqual({ text: '姓名', encoding: 'utf-16le' });
  });
});

describe('sheetToRollRows (header)', () => {
  it('finds the header under a title line and maps the clerk column names, reporting sheet row numbers', () => {
    const r = sheetToRollRows([['清溪村第十二届村委会选民登记表'], ['序号', '姓名', '身份证号', '小组', '类别（A/B/C）', '电话'], ['1', '王秀英', ID, '一组', 'A', '13812345678']]);
    expect(r).toMatchObject({ ok: true, value: { headerRow: 2, ignoredColumns: ['序号'], rows: [{ row: 3, name: '王秀英', idNumber: ID, group: '一组', category: 'A', phone: '13812345678' }] } });
  });
  it('rejects BAD_HEADER naming the missing and unknown columns in one message', () => {
    const r = sheetToRollRows([['姓名', '身份证号码', '住址'], ['王秀英', ID, '某地']]);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BAD_HEADER' });
    if (!r.ok) {
      expect(r.message).toContain('缺少必需的列：村民小组、类别');
      expect(r.message).toContain('有不认识的列：“住址”');
    }
  });
  it('rejects EMPTY_FILE when no data row follows the header', () => {
    expect(sheetToRollRows([['姓名', '身份证号码', '村民小组', '类别'], ['', '', '', '']])).toMatchObject({ ok: false, reason: 'EMPTY_FILE' });
  });
  it('leaves optional columns undefined when the file has none, so stored values stay', () => {
    const r = sheetToRollRows([['姓名', '身份证号码', '村民小组', '类别'], ['王秀英', ID, '一组', 'A']]);
    expect(r.ok && r.value.rows[0]).toEqual({ row: 2, name: '王秀英', idNumber: ID, group: '一组', category: 'A' });
  });
});

describe('readRollFile', () => {
  it('reads a UTF-8 CSV with BOM', async () => {
    const text = '\ufeff' + toCsv([HEADER, ['王秀英', ID, '第一村民小组', '', 'A', '', '']]);
    const r = await readRollFile({ name: 'roll.csv', contentBase64: b64(text) });
    expect(r).toMatchObject({ ok: true, value: { format: 'csv', encoding: 'utf-8', rows: [{ name: '王秀英' }] } });
  });
  it('reads a GBK CSV as Excel exports it in China', async () => {
    const r = await readRollFile({ name: 'roll.csv', contentBase64: b64(encodeGbk(toCsv([HEADER, ['王秀英', ID, '第一村民小组', '', '户籍在本村居住在本村', '', '']]))) });
    expect(r).toMatchObject({ ok: true, value: { format: 'csv', encoding: 'gb18030', rows: [{ name: '王秀英', category: '户籍在本村居住在本村' }] } });
  });
  it('reads an .xlsx written by a spreadsheet library, marking numeric ID cells', async () => {
    const bytes = await toXlsx([HEADER, ['王秀英', ID, '第一村民小组', 13812345678, 'A', null, null], ['李四', 990101196007161240, '第一村民小组', null, 'A', null, null]]);
    const r = await readRollFile({ name: 'roll.xlsx', contentBase64: b64(bytes) });
    expect(r).toMatchObject({ ok: true, value: { format: 'xlsx', rows: [{ row: 2, name: '王秀英', idNumber: ID, phone: '13812345678' }, { row: 3, idWasNumber: true }] } });
  });
  it('refuses the old .xls format with a way out', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const r = await readRollFile({ name: 'roll.xls', contentBase64: b64(ole) });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BAD_FILE' });
    if (!r.ok) expect(r.message).toContain('.xlsx');
  });
  it('refuses a damaged workbook and binary data', async () => {
    expect(await readRollFile({ name: 'x.xlsx', contentBase64: b64(Buffer.from('PK\u0003\u0004garbage', 'latin1')) })).toMatchObject({ ok: false, reason: 'BAD_FILE' });
    expect(await readRollFile({ name: 'x.png', contentBase64: b64(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])) })).toMatchObject({ ok: false, reason: 'BAD_FILE' });
  });
  it('refuses a file over 5 MB', async () => {
    const r = await readRollFile({ name: 'big.csv', contentBase64: Buffer.alloc(5 * 1024 * 1024 + 1, 0x41).toString('base64') });
    expect(r).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED', reason: 'FILE_TOO_LARGE' });
  });
});

describe('declaredInflatedBytes (zip-bomb guard)', () => {
  it('sums the sizes a workbook declares', async () => {
    const bytes = await toXlsx([HEADER]);
    const n = declaredInflatedBytes(bytes);
    expect(n).toBeGreaterThan(bytes.length);
    expect(n).toBeLessThan(1_000_000);
  });
  it('gives null for something that is not a zip', () => {
    expect(declaredInflatedBytes(Buffer.from('not a zip at all, not even close'))).toBeNull();
  });
});
