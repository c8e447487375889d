/**
 * committee.importRoll's job: where the sheet lives between calls (storage, never the call's
 * payload), how a call reads it back, and the report so far.
 *
 * The sheet holds ID numbers in clear, so its file is deleted as soon as the job is done. The
 * per-row reports stay (no ID digits, phones masked; binding codes sealed, see import-codes.ts) until the
 * clerk confirms printing (`printed: true`) or CODES_KEPT_DAYS pass — then the codes are deleted
 * from them, the rest of the report stays for the record.
 */
import * as z from 'zod/mini';
import { importRollRowSchema, rollRowInputSchema, MAX_IMPORT_ROWS } from '../../../src/contracts/roll-import.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { rollImportBatchDoc, type RollImportDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { RollRowInput } from '../../../src/domain/registration-row';
import { err, ok, type Result } from '../../../src/domain/result';
import { pathOfFileId, rollImportPrefix } from '../../ports/storage.port';
import { readRollFile } from '../../roll/roll-file';
import type { CallContext } from '../../runtime/context';
import type { WithId } from '../../runtime/documents';
import { CODES_KEPT_DAYS, openCode } from './import-codes.records';
import { fromRows, type RowReport } from './import-row-plan.policy';
import { ROLL_BATCH, rollImportBatchId } from './import-batch.job';

export interface Sheet {
  readonly rows: readonly RollRowInput[];
  readonly format: RollImportDoc['format'];
  readonly encoding: string | null;
  readonly headerRow: number | null;
  readonly ignoredColumns: readonly string[];
}

const fileUnknown = () => err('INVALID_INPUT', 'FILE_UNKNOWN', '没有找到上传的文件，请重新选择文件上传');

/** The file's bytes, provided it was uploaded for this village. */
export async function readVillageFile(ctx: CallContext, villageId: string, fileId: string): Promise<Result<Buffer, ErrorCode>> {
  const path = pathOfFileId(fileId);
  if (!path?.startsWith(rollImportPrefix(villageId))) return fileUnknown();
  const bytes = await ctx.storage.read(fileId);
  return bytes ? ok(bytes) : fileUnknown();
}

/** A stored sheet → rows: a workbook or CSV, or the JSON of rows a client sent. */
export async function parseSheet(bytes: Buffer, name: string, rowsJson: boolean): Promise<Result<Sheet, ErrorCode>> {
  let sheet: Sheet;
  if (rowsJson) {
    const rows = z.array(rollRowInputSchema).parse(JSON.parse(bytes.toString('utf8')));
    sheet = { rows: fromRows(rows), format: 'rows', encoding: null, headerRow: null, ignoredColumns: [] };
  } else {
    const read = await readRollFile({ name, contentBase64: bytes.toString('base64') });
    if (!read.ok) return read;
    sheet = read.value;
  }
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    return err('LIMIT_EXCEEDED', 'TOO_MANY_ROWS', `文件有${sheet.rows.length}行，一次最多导入${MAX_IMPORT_ROWS}行，请分成几个文件`);
  }
  return ok(sheet);
}

export const isRowsFile = (fileId: string) => fileId.endsWith('.rows.json');

/** The sheet of a running job, read again from storage. */
export async function loadJobSheet(ctx: CallContext, job: WithId<RollImportDoc>): Promise<Result<Sheet, ErrorCode>> {
  if (!job.fileId) return fileUnknown();
  const bytes = await readVillageFile(ctx, job.villageId, job.fileId);
  if (!bytes.ok) return bytes;
  return parseSheet(bytes.value, job.fileName ?? 'roll', isRowsFile(job.fileId));
}

export function newJob(base: Pick<RollImportDoc, 'electionId' | 'villageId' | 'fileId' | 'fileName' | 'actor' | 'at'>, sheet: Sheet, now: Date): RollImportDoc {
  return {
    ...base,
    format: sheet.format,
    encoding: sheet.encoding,
    headerRow: sheet.headerRow,
    ignoredColumns: [...sheet.ignoredColumns],
    total: sheet.rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    warned: 0,
    rejectedByReason: {},
    status: 'running',
    nextRow: 0,
    batches: 0,
    codesUntil: new Date(now.getTime() + CODES_KEPT_DAYS * 86_400_000).toISOString(),
    updatedAt: base.at,
  };
}

/** A stored report row (zod on reads): the reply's row with its binding code sealed. */
const storedRow = z.extend(z.omit(importRollRowSchema, { bindingCode: true }), { sealedCode: z.optional(z.string()) });

const codesReadable = (job: RollImportDoc, now: Date) => job.codesUntil !== null && Date.parse(job.codesUntil) > now.getTime();

/**
 * Report rows per reply: a function's answer must stay well under WeChat's size limit (a row is
 * about 300 bytes); a client holding fewer rows than `processed` asks again with `from`.
 */
export const MAX_REPLY_ROWS = 1000;

/** Report rows of the committed batches from `from` on (at most MAX_REPLY_ROWS), codes opened while they are kept. */
export async function readReport(ctx: CallContext, job: WithId<RollImportDoc>, from: number): Promise<RowReport[]> {
  // Every batch but the last holds ROLL_BATCH sheet rows (a job runs under one deployment), so
  // only the batches overlapping the slice are read.
  const first = Math.floor(from / ROLL_BATCH);
  const last = Math.min(job.batches, Math.ceil((from + MAX_REPLY_ROWS) / ROLL_BATCH));
  const ids = Array.from({ length: Math.max(0, last - first) }, (_, i) => rollImportBatchId(job._id, first + i + 1));
  const docs = await ctx.store.getMany('rollImportBatch', ids);
  const readable = codesReadable(job, ctx.clock.now());
  const rows: RowReport[] = [];
  for (const id of ids) {
    const doc = docs.get(id);
    if (!doc) throw new Error(`rollImport ${job._id}: batch report ${id} is missing`);
    for (const raw of rollImportBatchDoc.parse(doc).rows) {
      const { sealedCode, ...report } = storedRow.parse(raw);
      const code = readable && sealedCode !== undefined ? openCode(ctx.settings.idHmacKey, sealedCode, `${job._id}:${report.row}`) : null;
      rows.push(code ? { ...report, bindingCode: code } : report);
    }
  }
  return rows.slice(from - first * ROLL_BATCH, from - first * ROLL_BATCH + MAX_REPLY_ROWS);
}

/** Deletes the sealed codes from the job's reports (printing confirmed, or kept too long). */
export async function forgetCodes(ctx: CallContext, job: WithId<RollImportDoc>): Promise<WithId<RollImportDoc>> {
  const ids = Array.from({ length: job.batches }, (_, i) => rollImportBatchId(job._id, i + 1));
  const docs = await ctx.store.getMany('rollImportBatch', ids);
  await Promise.all(
    [...docs.values()].map((doc) => {
      const parsed = rollImportBatchDoc.parse(doc);
      const rows = parsed.rows.map(({ sealedCode: _gone, ...rest }) => rest);
      return ctx.store.set('rollImportBatch', doc._id, { ...parsed, rows });
    }),
  );
  await ctx.store.update('rollImport', job._id, { codesUntil: null });
  return { ...job, codesUntil: null };
}

export { codesReadable };
