/**
 * Which cell styles show a number as a date. A date in .xlsx is a number (days since 1900 or
 * 1904) whose cell style (`s`, an index into styles.xml cellXfs) has a date number format:
 * a built-in one by id, or a custom format (numFmts) whose codes are all date/time tokens.
 * Same rules as read-excel-file 9 (isDateFormatStyle / isDateFormatTemplate), which read the
 * rolls before.
 */
import { walkXml } from './xlsx-xml';

/**
 * Built-in date formats: 14–22 and 45–47 in every locale; 27–36 and 50–58 are the
 * 年/月/日 formats of the Chinese (and Japanese/Korean) Excel; 71–81 the Thai ones.
 */
const BUILT_IN_DATE_IDS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);

const DATE_TOKENS: ReadonlySet<string> = new Set(['s', 'ss', 'm', 'mm', 'mmm', 'mmmm', 'mmmmm', 'h', 'hh', 'am', 'pm', 'a', 'p', 'd', 'dd', 'ddd', 'dddd', 'aaa', 'aaaa', 'aaaaa', 'y', 'yy', 'yyyy', 'e', 'ee', 'eeee']);

/** One section of a format code (between `;`) formats a date when every token left is a date token. */
function isDateSection(section: string): boolean {
  const tokens = section
    .replace(/"[^"]*"/g, ' ') // quoted literal text
    .replace(/(\[?[smhd]{1,2}\]?)[.,]00?0?/g, '$1') // fractional seconds
    .replace(/\[([smhd]{1,2})\]/g, '$1') // elapsed time [h]
    .replace(/\[[^\]]*\]/g, '') // colours, conditions, locales
    .split(/[^a-z0#?%]+/)
    .filter((t) => t !== '');
  return tokens.length > 0 && tokens.every((t) => DATE_TOKENS.has(t));
}

function isDateFormatCode(code: string): boolean {
  const normalized = code
    .toLowerCase()
    .replace(/;@$/, '') // "show text as typed"
    .replace(/\\./g, ' '); // escaped literal characters
  return normalized.split(';').some(isDateSection);
}

interface NumberFormat {
  readonly id: number;
  readonly code?: string;
}

const isDateFormat = (f: NumberFormat | undefined): boolean => f !== undefined && (BUILT_IN_DATE_IDS.has(f.id) || (f.code !== undefined && isDateFormatCode(f.code)));

/**
 * For each cellXfs index, whether it formats numbers as dates. A cellXfs entry without a
 * numFmtId takes its base style's (cellStyleXfs[xfId], for xfId ≥ 1).
 */
export function dateStylesOf(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  const formats = new Map<number, NumberFormat>();
  const base: (NumberFormat | undefined)[] = [];
  const cells: { format: NumberFormat | undefined; xfId: number | undefined }[] = [];
  let section: 'base' | 'cells' | null = null;
  const formatOf = (id: string | undefined): NumberFormat | undefined => {
    if (!id) return undefined;
    const n = Number(id);
    return formats.get(n) ?? { id: n };
  };
  walkXml(xml, {
    open(name, a) {
      if (name === 'numFmt') {
        const id = Number(a.numFmtId);
        // Ids below 100 are built-in; Excel itself lets files redefine ids from 100 up.
        formats.set(id, id >= 100 && a.formatCode !== undefined ? { id, code: a.formatCode } : { id });
      } else if (name === 'cellStyleXfs') section = 'base';
      else if (name === 'cellXfs') section = 'cells';
      else if (name === 'xf' && section === 'base') base.push(formatOf(a.numFmtId));
      else if (name === 'xf' && section === 'cells') cells.push({ format: formatOf(a.numFmtId), xfId: a.xfId ? Number(a.xfId) : undefined });
    },
    close(name) {
      if (name === 'cellStyleXfs' || name === 'cellXfs') section = null;
    },
  });
  // As read-excel-file: xfId 0 (the Normal style) is not merged in.
  return cells.map((c) => isDateFormat(c.format ?? (c.xfId ? base[c.xfId] : undefined)));
}
