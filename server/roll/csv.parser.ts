/**
 * CSV as clerks' spreadsheets save it: RFC 4180 fields (quotes, doubled quotes, line breaks
 * inside quotes, CRLF or LF), in UTF-8 with or without BOM, or in GBK/GB18030 — what Excel on a
 * Chinese Windows writes for "CSV (逗号分隔)" — or UTF-16 "Unicode 文本" (tab separated).
 */

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Bytes → text: BOM first, then strict UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Comma unless the first line has tabs and no commas (Excel's "文本文件(制表符分隔)"). */
function detectDelimiter(text: string): ',' | '\t' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  if (count('\t') > 0 && count(',') === 0) return '\t';
  if (count(';') > 0 && count(',') === 0) return ';';
  return ',';
}

/**
 * RFC 4180 records. Lenient where spreadsheets are: a quote in the middle of an unquoted field
 * is kept as a character, a missing closing quote ends at the end of the text, and a final line
 * break does not make an empty record.
 */
export function parseCsv(text: string, delimiter: ',' | '\t' | ';' = detectDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const n = text.length;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i += 1;
    } else if (c === delimiter) {
      endField();
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      fieldStarted = true;
      i += 1;
    }
  }
  if (fieldStarted || field !== '' || record.length > 0) endRecord();
  return records;
}
