/**
 * committee.importRoll — the committee's roll sheet (.xlsx or CSV uploaded to storage and passed
 * as a file id; or inline base64 for small files; or rows a client parsed) into this election's
 * roll, as a resumable job: each call works through batches of rows until its time budget
 * (settings.importBudgetMs, 20 s) is spent and returns the progress; the client calls again with
 * the importId until `done`.
 *
 * Outcomes:
 * - ok: `{ importId, done, processed, total, counts so far, rows }` — `rows` is the per-row report
 *   from `from` on (at most MAX_REPLY_ROWS; fewer than `processed` held → ask again); each row `created` (with its binding code, readable again until printing is
 *   confirmed or CODES_KEPT_DAYS pass), `updated` (the changed field names), `unchanged`, or
 *   `rejected` with a reason: MISSING_FIELD | BAD_NAME | ID_LENGTH | ID_CHARS | ID_CHECK_DIGIT |
 *   ID_BIRTH_DATE | UNDER_18 | UNKNOWN_GROUP | BAD_CATEGORY | BAD_DATE | DUPLICATE_IN_FILE |
 *   DOUBLE_REGISTRATION (registered in another village — whatever the row's category: a pending
 *   B or C row for that person is refused too, they must be released there first); an accepted
 *   new row may carry a `warning` SAME_NAME_OTHER_ID (an entry of the same name and group under
 *   another ID number that this file does not contain: perhaps a corrected ID number)
 * - INVALID_INPUT BAD_FILE | BAD_HEADER | EMPTY_FILE: the file cannot be read as a roll;
 *   FILE_UNKNOWN: no such file, or not uploaded for this village (roll-imports/{villageId}/)
 * - LIMIT_EXCEEDED TOO_MANY_ROWS | FILE_TOO_LARGE
 * - FORBIDDEN NOT_COMMITTEE | NOT_FOUND ELECTION_UNKNOWN | IMPORT_UNKNOWN (not a job of this election)
 * - CONFLICT IMPORT_STOPPED: the job was left idle for settings.importIdleHours and stopped, its
 *   sheet deleted (import-sweep.job.ts); upload the sheet again (`printed` still works)
 * - WINDOW_CLOSED LIST_PUBLISHED (changes then go through objections; batches committed before
 *   the publication stand) | ELECTION_CLOSED
 *
 * Idempotent: the same file again reports every row `unchanged` and writes nothing to the roll.
 * A corrected file updates only the rows and fields that differ; entries missing from a later
 * file stay (removal is a status flag with a reason). An optional column absent from the file
 * leaves that field alone; a blank cell in a present column clears it. A change of name, group or
 * category asks the voter to confirm again.
 *
 * Resumable without duplicates: each batch transaction (import-batch.ts) writes its rows, its
 * report and the job's progress together, and checks the progress it started from — a call
 * killed between batches, or two calls continuing one job at once, never apply a row twice nor
 * lose a binding code. Starting again with the fileId of a job still running continues that job.
 */
import { type importRoll } from '../../../src/contracts/roll-import.contract';
import type { OutputOf } from '../../../src/contracts/define-action';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { duplicateDoc, rollImportDoc, voterDoc, type RollImportDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { err, ok, type Result } from '../../../src/domain/result';
import { rollImportPrefix } from '../../ports/storage.port';
import { StoreError } from '../../ports/store.port';
import type { CallContext } from '../../runtime/context';
import { findAllDocs, findDocs, readDoc, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { newId } from '../../security/keyed-hash';
import { actorOf } from '../shared/access.policy';
import { listPublishedMidway, runBatch, ROLL_BATCH } from './import-batch.job';
import { codesReadable, forgetCodes, loadJobSheet, newJob, parseSheet, readReport, readVillageFile, type Sheet } from './import.job';
import { indexByName, planSheet, sheetRowNumber } from './import-row-plan.policy';
import type { BatchEnv } from './import-row.job';
import { isVoterListPublished, listPublishedError, loadCommitteeElection, requireActiveElection, type ElectionScope } from './roll-access.policy';

export { ROLL_BATCH };

type Input = Parameters<UseCase<typeof importRoll>>[0];
type Reply = OutputOf<typeof importRoll>;

/** A new job for the input's sheet (stored first when it came inline), or the running job of the same file. */
async function startJob(input: Input, ctx: CallContext, scope: ElectionScope): Promise<Result<{ job: WithId<RollImportDoc>; sheet: Sheet }, ErrorCode>> {
  const { election, village, now } = scope;
  const importId = newId(ctx.rng, 'ri');
  let fileId = input.fileId;
  let fileName = input.fileName ?? null;
  let bytes: Buffer;
  if (fileId) {
    const running = (await findDocs(ctx.store, 'rollImport', { electionId: election._id }, rollImportDoc, { limit: 1000 })).find((j) => j.status === 'running' && j.fileId === fileId);
    if (running) {
      const sheet = await loadJobSheet(ctx, running);
      return sheet.ok ? ok({ job: running, sheet: sheet.value }) : sheet;
    }
    const read = await readVillageFile(ctx, village._id, fileId);
    if (!read.ok) return read;
    bytes = read.value;
  } else if (input.file) {
    bytes = Buffer.from(input.file.contentBase64.replace(/^data:[^,]*,/, ''), 'base64');
    fileName = input.file.name;
  } else {
    bytes = Buffer.from(JSON.stringify(input.rows ?? []), 'utf8');
  }
  const sheet = await parseSheet(bytes, fileName ?? 'roll', !fileId && !input.file);
  if (!sheet.ok) return sheet;
  if (!fileId) {
    const ext = input.file ? (sheet.value.format === 'xlsx' ? 'xlsx' : 'csv') : 'rows.json';
    fileId = await ctx.storage.put(`${rollImportPrefix(village._id)}${importId}.${ext}`, bytes);
  }
  const job = newJob({ electionId: election._id, villageId: village._id, fileId, fileName, actor: actorOf(ctx), at: now.toISOString() }, sheet.value, now);
  await ctx.store.runTransaction((tx) => tx.set('rollImport', importId, job));
  return ok({ job: { ...job, _id: importId }, sheet: sheet.value });
}

/** Batches until the job is done or the call's budget is spent (at least one batch per call). */
async function work(ctx: CallContext, scope: ElectionScope, start: { job: WithId<RollImportDoc>; sheet: Sheet }): Promise<Result<WithId<RollImportDoc>, ErrorCode>> {
  const t0 = performance.now();
  const { election, village, rules, today, now } = scope;
  const plan = planSheet(start.sheet.rows, { groups: village.groups, electionDay: election.electionDay, today, rules }, ctx.settings.idHmacKey);
  // Snapshot of this roll: rows already stored as they are need no transaction at all.
  const roll = await findAllDocs(ctx.store, 'voter', { electionId: election._id }, voterDoc);
  const duplicates = await findAllDocs(ctx.store, 'duplicate', { electionId: election._id }, duplicateDoc);
  const env: BatchEnv = {
    ctx,
    here: { electionId: election._id, villageId: village._id },
    known: new Map(roll.map((v) => [v.idHash, v])),
    sameName: indexByName(roll),
    inFile: plan.inFile,
    openDuplicates: new Set(duplicates.filter((d) => d.resolvedAt === null).map((d) => d.idHash)),
    importId: start.job._id,
    at: now.toISOString(),
  };
  let job = start.job;
  let fast = true;
  for (let n = 0; job.status === 'running' && (n === 0 || performance.now() - t0 < ctx.settings.importBudgetMs); n++) {
    const run = { start: job.nextRow, rows: plan.rows.slice(job.nextRow, job.nextRow + ROLL_BATCH), fast, actor: actorOf(ctx) };
    let out;
    try {
      out = await runBatch(ctx.store, env, job._id, run);
    } catch (e) {
      // A roll key or claim appeared between the batched reads and the inserts: this batch again, row by row.
      if (!(e instanceof StoreError && e.storeCode === 'CONFLICT' && fast)) throw e;
      fast = false;
      continue;
    }
    if (!out.ok) return out.reason === 'LIST_PUBLISHED' && job.nextRow > 0 ? listPublishedMidway(sheetRowNumber(plan.rows[job.nextRow]!)) : out;
    fast = true;
    if (out.value.kind === 'moved') {
      const again = await readDoc(ctx.store, 'rollImport', job._id, rollImportDoc);
      if (!again) return err('NOT_FOUND', 'IMPORT_UNKNOWN', '没有找到这次导入');
      job = again;
    } else job = out.value.job;
  }
  if (job.status === 'done' && job.fileId) {
    // The sheet holds ID numbers in clear: gone as soon as every row is in.
    await ctx.storage.remove(job.fileId);
    ctx.log.info('roll.imported', { electionId: election._id, importId: job._id, format: job.format, total: job.total, created: job.created, updated: job.updated, unchanged: job.unchanged, rejected: job.rejected });
  }
  return ok(job);
}

async function reply(ctx: CallContext, job: WithId<RollImportDoc>, from: number): Promise<Reply> {
  const now = ctx.clock.now();
  // Past their time, the stored codes are deleted on the next read.
  const current = job.codesUntil !== null && !codesReadable(job, now) ? await forgetCodes(ctx, job) : job;
  const rows = await readReport(ctx, current, from);
  return {
    importId: job._id,
    done: job.status === 'done',
    processed: job.nextRow,
    from: Math.min(from, job.nextRow),
    format: job.format,
    encoding: job.encoding,
    headerRow: job.headerRow,
    ignoredColumns: [...job.ignoredColumns],
    fileName: job.fileName,
    total: job.total,
    accepted: job.created + job.updated + job.unchanged,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    rejected: job.rejected,
    rejectedByReason: job.rejectedByReason,
    warned: job.warned,
    codesUntil: current.codesUntil,
    rows,
  };
}

/** A job the sweep stopped (import-sweep.job.ts): its sheet is gone, what it imported stays. */
const importStopped = (ctx: CallContext, job: RollImportDoc) =>
  err(
    'CONFLICT',
    'IMPORT_STOPPED',
    `这次导入停了${ctx.settings.importIdleHours}小时以上没有继续，上传的表格已按规定删除。已经导入的${job.nextRow}行都在名册里；请重新上传这张表格继续，已导入的行会显示“未变化”`,
  );

export const importRollUseCase: UseCase<typeof importRoll> = async (input, ctx) => {
  const loaded = await loadCommitteeElection(ctx, input.electionId);
  if (!loaded.ok) return loaded;
  const scope = loaded.value;
  let started: { job: WithId<RollImportDoc>; sheet: Sheet };
  if (input.importId) {
    const job = await readDoc(ctx.store, 'rollImport', input.importId, rollImportDoc);
    if (!job || job.electionId !== scope.election._id) return err('NOT_FOUND', 'IMPORT_UNKNOWN', '没有找到这次导入，请重新选择文件导入');
    // Codes are deleted only once every row is in: a running job's later batches still issue some.
    if (input.printed && job.status !== 'running') return ok(await reply(ctx, await forgetCodes(ctx, job), input.from));
    if (job.status === 'done') return ok(await reply(ctx, job, input.from));
    if (job.status === 'stopped') return importStopped(ctx, job);
    const active = requireActiveElection(scope.election);
    if (!active.ok) return active;
    const sheet = await loadJobSheet(ctx, job);
    if (!sheet.ok) return sheet;
    started = { job, sheet: sheet.value };
  } else {
    const active = requireActiveElection(scope.election);
    if (!active.ok) return active;
    if (await isVoterListPublished(ctx.store, scope.election)) return listPublishedError();
    const s = await startJob(input, ctx, scope);
    if (!s.ok) return s;
    started = s.value;
  }
  const done = await work(ctx, scope, started);
  if (!done.ok) return done;
  return ok(await reply(ctx, done.value, input.from));
};
