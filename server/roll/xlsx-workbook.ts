/**
 * The workbook parts around a sheet: which part is the first worksheet (xl/workbook.xml and its
 * relationships), the 1904 date system flag, the shared strings, and which cell styles format a
 * number as a date (xl/styles.xml). Behaviour follows read-excel-file 9, which read the rolls
 * before (test/server/roll/xlsx-parity.test.ts compares the two readers).
 */
import { walkXml } from './xlsx-xml';

const REL_TYPES = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/', 'http://purl.oclc.org/ooxml/officeDocument/relationships/'];

/** A relationship target as a zip entry name: absolute targets from the root, others under xl/. */
const partPath = (target: string): string => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

export interface WorkbookParts {
  /** Zip entry name of the first sheet of the workbook. */
  readonly sheet: string;
  readonly sharedStrings: string;
  readonly styles: string;
  /** workbookPr date1904="1": serial dates count from 1904-01-01. */
  readonly date1904: boolean;
}

/** Throws when the workbook has no sheet or its first sheet has no worksheet part. */
export function workbookParts(workbookXml: string, relsXml: string): WorkbookParts {
  const byId = new Map<string, string>();
  let sharedStrings = 'xl/sharedStrings.xml';
  let styles = 'xl/styles.xml';
  walkXml(relsXml, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Type || !a.Target) return;
      const kind = REL_TYPES.find((base) => a.Type?.startsWith(base)) ? a.Type.slice(a.Type.lastIndexOf('/') + 1) : '';
      if (kind === 'worksheet' && a.Id) byId.set(a.Id, partPath(a.Target));
      else if (kind === 'sharedStrings') sharedStrings = partPath(a.Target);
      else if (kind === 'styles') styles = partPath(a.Target);
    },
  });
  let firstSheetRel: string | undefined;
  let date1904: boolean | undefined;
  walkXml(workbookXml, {
    open(name, a) {
      if (name === 'workbookPr' && date1904 === undefined) date1904 = a.date1904 === '1';
      else if (name === 'sheet' && a.name && firstSheetRel === undefined) firstSheetRel = a.id ?? '';
    },
  });
  const sheet = firstSheetRel === undefined ? undefined : byId.get(firstSheetRel);
  if (!sheet) throw new Error('xlsx: the workbook has no first worksheet');
  return { sheet, sharedStrings, styles, date1904: date1904 ?? false };
}

/** Excel's _xHHHH_ escapes of characters XML cannot hold (ECMA-376 ST_Xstring). */
export function unescapeXstring(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/**
 * Collects the text of a string item (<si> or a cell's <is>): a plain <t>, or the <t> of every
 * rich-text run <r> concatenated; phonetic runs (<rPh>) are not part of the text.
 */
export class StringItemText {
  private inT = false;
  private inR = false;
  private inPhonetic = false;
  value = '';

  open(name: string): void {
    if (name === 't') this.inT = true;
    else if (name === 'r') this.inR = true;
    else if (name === 'rPh') this.inPhonetic = true;
  }

  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'r') this.inR = false;
    else if (name === 'rPh') this.inPhonetic = false;
  }

  text(text: string): void {
    if (this.inPhonetic || !this.inT) return;
    this.value = this.inR ? this.value + text : text;
  }
}

export function sharedStringsOf(xml: string | undefined): string[] {
  const out: string[] = [];
  if (xml === undefined) return out;
  let item: StringItemText | null = null;
  walkXml(xml, {
    open(name) {
      if (name === 'si') item = new StringItemText();
      else item?.open(name);
    },
    close(name) {
      if (name === 'si' && item) {
        out.push(unescapeXstring(item.value));
        item = null;
      } else {
        item?.close(name);
      }
    },
    text(t) {
      item?.text(t);
    },
  });
  return out;
}
