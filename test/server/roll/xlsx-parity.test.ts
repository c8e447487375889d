/**
 * The own .xlsx reader (server/roll/xlsx.parser.ts) gives exactly what read-excel-file 9 gave the
 * roll reader before it (kept as a devDependency for this test only): the same workbooks read by
 * both, compared cell by cell, plus the expected values of the cells that matter.
 */
import { readSheet } from 'read-excel-file/node';
import writeExcelFile from 'write-excel-file/node';
import type { SheetCell } from '../../../server/roll/roll-sheet';
import { readXlsxRows } from '../../../server/roll/xlsx.parser';
import { storedZip, unzipBounded } from '../../../server/roll/zip-guard';

/** The previous reader, verbatim: read-excel-file on the guard's re-packed zip. */
async function readWithReadExcelFile(buf: Buffer): Promise<SheetCell[][]> {
  const { entries } = unzipBounded(buf, { keep: (n) => n.endsWith('.xml') || n.endsWith('.rels') });
  const rows = await readSheet<{ numberText: string }>(storedZip(entries), { parseNumber: (s: string) => ({ numberText: s }) });
  const civil = (d: Date) => `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  return rows.map((r) =>
    r.map((v: unknown): SheetCell => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'string') return v;
      if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : civil(v);
      if (typeof v === 'object' && 'numberText' in v) return v as SheetCell;
      return String(v);
    }),
  );
}

async function bothReaders(buf: Buffer): Promise<SheetCell[][]> {
  const [own, previous] = await Promise.all([readXlsxRows(buf), readWithReadExcelFile(buf)]);
  expect(own).toEqual(previous);
  return own;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A hand-written workbook: the parts other tools (WPS, LibreOffice, Excel) write and write-excel-file does not. */
function workbook(opts: { sheet: string; sharedStrings?: string[]; styles?: string; date1904?: boolean; sheetTarget?: string }): Buffer {
  const target = opts.sheetTarget ?? 'worksheets/sheet2.xml';
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: { name: string; data: Buffer }[] = [
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">${opts.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets><sheet name="选民" sheetId="1" r:id="rId7"/><sheet name="其他" sheetId="2" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="${REL}/worksheet" Target="${target}"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>不是第一张</t></is></c></row></sheetData></worksheet>`) },
    { name: path, data: Buffer.from(`<?xml version="1.0"?>\n<!-- written by hand -->\n<worksheet xmlns="${MAIN}"><dimension ref="A1:F9"/><sheetData>${opts.sheet}</sheetData></worksheet>`) },
  ];
  if (opts.sharedStrings) parts.push({ name: 'xl/sharedStrings.xml', data: Buffer.from(`<sst xmlns="${MAIN}" count="${opts.sharedStrings.length}">${opts.sharedStrings.join('')}</sst>`) });
  if (opts.styles) parts.push({ name: 'xl/styles.xml', data: Buffer.from(`<styleSheet xmlns="${MAIN}">${opts.styles}</styleSheet>`) });
  return storedZip(parts);
}

const STYLES =
  '<numFmts count="5"><numFmt numFmtId="164" formatCode="yyyy/mm/dd;@"/><numFmt numFmtId="165" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>' +
  '<numFmt numFmtId="166" formatCode="0.00_);[Red]\\(0.00\\)"/><numFmt numFmtId="167" formatCode="#,##0 &quot;元&quot;"/><numFmt numFmtId="168" formatCode="[h]:mm:ss"/></numFmts>' +
  '<cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellStyleXfs>' +
  // 0 General, 1 built-in 14, 2 built-in 22, 3 built-in 31 (yyyy"年"m"月"d"日"), 4 custom 164, 5 custom 165,
  // 6 custom 166 (number), 7 custom 167 (number), 8 text @, 9 inherits 14 from its base style, 10 [h]:mm:ss
  '<cellXfs count="11"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0"/><xf numFmtId="22"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/>' +
  '<xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="49"/><xf xfId="1"/><xf numFmtId="168"/></cellXfs>';

describe('own .xlsx reader = read-excel-file, cell by cell', () => {
  it('reads write-excel-file workbooks: Chinese text, numbers, long digit strings, dates, booleans, gaps', async () => {
    const s = (value: string) => ({ type: String, value });
    const n = (value: number) => ({ type: Number, value });
    const date = (iso: string, format: string) => ({ type: Date, value: new Date(`${iso}T00:00:00.000Z`), format });
    const data = [
      [s('××村选民登记表'), null, null],
      [],
      [s('姓名'), s('身份证号码'), s('村民小组'), s('居住起始日期'), s('在册'), s('金额')],
      [s('  张三 '), s('990101199001011234'), s('第一组'), date('2020-03-01', 'yyyy-mm-dd'), { type: Boolean, value: true }, n(1234.5)],
      [s('李四'), n(990101199001011234), n(2), date('1999-12-31', 'yyyy"年"m"月"d"日"'), { type: Boolean, value: false }, n(-0.25)],
      [s('王五 & <赵六>'), n(123456789012345), null, date('1900-03-01', 'mm/dd/yyyy'), null, { type: 'Formula', value: 'SUM(F4:F5)' }],
      [],
      [null, null, s('末行')],
      [s('   ')],
    ];
    const buf = (await writeExcelFile(data as never).toBuffer()) as Buffer;
    const rows = await bothReaders(buf);
    expect(rows[0]).toEqual(['××村选民登记表', '', '', '', '', '']);
    expect(rows[3]).toEqual(['张三', '990101199001011234', '第一组', '2020-03-01', 'TRUE', { numberText: '1234.5' }]);
    expect(rows[4]?.[1]).toEqual({ numberText: '990101199001011200' });
    expect(rows[4]?.[3]).toBe('1999-12-31');
    expect(rows[5]?.[0]).toBe('王五 & <赵六>');
    expect(rows[5]?.[3]).toBe('1900-03-01');
    expect(rows).toHaveLength(8);
  });

  it('reads hand-written parts: rich text, phonetic runs, entities, escapes, inline and formula strings, errors', async () => {
    const sharedStrings = [
      '<si><t xml:space="preserve">  姓名 </t></si>',
      '<si><r><rPr><b/></rPr><t>身份证</t></r><r><t xml:space="preserve">号码</t></r><rPh sb="0" eb="1"><t>shen</t></rPh></si>',
      '<si><t>A&amp;B &lt;组&gt; &quot;一&quot; &apos;二&apos; &#20013;&#x6587;</t></si>',
      '<si><t>行一_x000D_行二</t></si>',
      '<si><t/></si>',
      '<si><t>第三组</t></si>',
    ];
    const sheet =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
      '<row r="3" spans="1:6"><c r="A3" t="inlineStr"><is><t>内联</t></is></c><c r="B3" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c>' +
      '<c r="C3" t="str"><f>CONCATENATE("第","一组")</f><v>第一组</v></c><c r="D3"><f>1+1</f><v>2</v></c><c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F3" t="b"><v>1</v></c></row>' +
      '<row r="4"><c r="A4" t="s"><v>4</v></c><c r="B4" s="0"/><c r="C4" t="str"><f>""</f><v></v></c><c r="E4" t="s"><v>5</v></c></row>' +
      '<row r="5"><c r="B5" t="d"><v>2021-06-10T00:47:45.700Z</v></c><c r="C5" t="n"><v>110101199001011</v></c><c r="AA5"><v>1.10101199001011E+17</v></c></row>' +
      '<row r="7"/><row r="8"><c r="A8" t="s"><v>4</v></c></row>';
    const rows = await bothReaders(workbook({ sheet, sharedStrings, styles: STYLES }));
    expect(rows[0]).toEqual(expect.arrayContaining(['姓名', '身份证号码', 'A&B <组> "一" \'二\' 中文', '行一\r行二']));
    expect(rows[1]?.every((c) => c === '')).toBe(true);
    expect(rows[2]?.slice(0, 6)).toEqual(['内联', '富文本', '第一组', { numberText: '2' }, '', 'TRUE']);
    expect(rows[3]?.[4]).toBe('第三组');
    expect(rows[4]?.slice(1, 3)).toEqual(['2021-06-10', { numberText: '110101199001011' }]);
    expect(rows[4]?.[26]).toEqual({ numberText: '1.10101199001011E+17' });
    expect(rows).toHaveLength(5);
  });

  it('tells dates from numbers by style: built-in, Chinese, custom and inherited formats, 1900 and 1904', async () => {
    const cells = (row: number) =>
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0].map((s, i) => `<c r="${String.fromCharCode(65 + i)}${row}" s="${s}"><v>${row === 1 ? 43891 : 36525.75}</v></c>`).join('');
    const sheet = `<row r="1">${cells(1)}</row><row r="2">${cells(2)}</row>`;
    for (const date1904 of [false, true]) {
      const rows = await bothReaders(workbook({ sheet, styles: STYLES, date1904, sheetTarget: '/xl/worksheets/roll.xml' }));
      const d1 = date1904 ? '2024-03-02' : '2020-03-01';
      const d2 = date1904 ? '2004-01-01' : '1999-12-31';
      expect(rows[0]).toEqual([d1, d1, d1, d1, d1, { numberText: '43891' }, { numberText: '43891' }, { numberText: '43891' }, d1, d1, { numberText: '43891' }]);
      expect(rows[1]?.[1]).toBe(d2);
    }
  });

  it('reads CDATA text, which read-excel-file dropped (the one intended difference)', async () => {
    const buf = workbook({ sheet: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sharedStrings: ['<si><t><![CDATA[第<三>组]]></t></si>'] });
    expect(await readXlsxRows(buf)).toEqual([['第<三>组']]);
    expect(await readWithReadExcelFile(buf)).toEqual([]);
  });

  it.each([
    ['cells out of order', '<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>'],
    ['an unknown cell type', '<row r="1"><c r="A1" t="zz"><v>1</v></c></row>'],
    ['a boolean that is neither 0 nor 1', '<row r="1"><c r="A1" t="b"><v>2</v></c></row>'],
    ['a shared string that does not exist', '<row r="1"><c r="A1" t="s"><v>9</v></c></row>'],
    ['a date cell without a number', '<row r="1"><c r="A1" s="1"><v>x</v></c></row>'],
  ])('refuses a sheet with %s, as read-excel-file did', async (_what, sheet) => {
    const buf = workbook({ sheet, sharedStrings: ['<si><t>a</t></si>'], styles: STYLES });
    await expect(readXlsxRows(buf)).rejects.toThrow();
    await expect(readWithReadExcelFile(buf)).rejects.toThrow();
  });

  it('reads a workbook without shared strings or styles', async () => {
    const rows = await bothReaders(workbook({ sheet: '<row r="2"><c r="B2" t="inlineStr"><is><t>只有一格</t></is></c><c r="C2"><v>7</v></c></row>' }));
    expect(rows).toEqual([
      ['', '', ''],
      ['', '只有一格', { numberText: '7' }],
    ]);
  });
});
