/** Building roll files the way clerks' tools write them: CSV (UTF-8, GBK), .xlsx. */
import writeExcelFile from 'write-excel-file/node';
import { idCheckChar } from '../../../src/domain/id-number';
import type { TestApp } from '../harness';
import { CLERK } from '../harness';

/** A synthetic ID number (area 990101 does not exist) with a valid check character. */
export function syntheticId(birthDate: string, seq: number): string {
  const first = `990101${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first + idCheckChar(first);
}

export function wrongCheckDigit(id: string): string {
  const last = id.slice(-1);
  return id.slice(0, 17) + (last === '1' ? '2' : '1');
}

/** RFC 4180: quote fields holding a comma, quote or line break; double the quotes. */
export function toCsv(rows: readonly (readonly string[])[], eol = '\r\n'): string {
  return rows.map((r) => r.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join(eol) + eol;
}

let gbkTable: Map<string, number[]> | null = null;
/** GBK bytes of a text, as Excel on a Chinese Windows saves "CSV (逗号分隔)". */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(Uint8Array.of(hi, lo));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const b = gbkTable.get(ch);
      if (!b) throw new Error(`no GBK code for ${ch}`);
      out.push(...b);
    }
  }
  return Buffer.from(out);
}

export const HEADER = ['姓名', '身份证号码', '村民小组', '联系电话', '类别', '居住起始日期', '备注'];

export async function toXlsx(rows: readonly (readonly (string | number | null)[])[]): Promise<Buffer> {
  const data = rows.map((r) => r.map((v) => (v === null ? null : { value: v, type: typeof v === 'number' ? Number : String })));
  return (await writeExcelFile(data as never).toBuffer()) as Buffer;
}

export const fileEvent = (electionId: string, name: string, bytes: Buffer | string) => ({
  action: 'importRoll',
  electionId,
  file: { name, contentBase64: (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64') },
});

export interface ImportReply {
  importId: string;
  format: string;
  encoding: string | null;
  total: number;
  accepted: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  warned: number;
  rows: {
    row: number;
    status: string;
    reason?: string;
    message?: string;
    name?: string;
    group?: string;
    voterId?: string;
    bindingCode?: string;
    voterStatus?: string;
    changed?: string[];
    birthDate?: string;
    sex?: 'M' | 'F';
    warning?: { reason: string; message: string; other: { voterId: string; name: string; group: string; birthDate: string; sex: string; status: string } };
  }[];
}

/** Calls again with the importId until the job is done, as the page does; the rows of every call in one report. */
async function followImport(t: TestApp, first: Record<string, unknown>, openid: string): Promise<ImportReply> {
  let r = await t.ok<ImportReply & { done: boolean; from: number; processed: number }>('committee', first, openid);
  const rows = [...r.rows];
  while (!r.done || rows.length < r.processed) {
    r = await t.ok('committee', { action: 'importRoll', electionId: first.electionId, importId: r.importId, from: rows.length }, openid);
    rows.push(...r.rows);
  }
  return { ...r, rows };
}

export const importFile = (t: TestApp, electionId: string, name: string, bytes: Buffer | string, openid = CLERK) => followImport(t, fileEvent(electionId, name, bytes), openid);

export const importRows = (t: TestApp, electionId: string, rows: Record<string, unknown>[], openid = CLERK) => followImport(t, { action: 'importRoll', electionId, rows }, openid);
