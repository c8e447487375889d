/**
 * committee.importRoll, one batch of sheet rows in one transaction: the rows' entries, claims and
 * roll keys, the batch's report (binding codes sealed), the job's progress and counts, the roll
 * version and one audit entry — all or nothing, so a call killed at any point either left the
 * whole batch, report included, or nothing of it, and the job resumes after the last batch.
 *
 * Cost on CloudBase: the rows the store has never seen (the bulk of a first import) are read
 * with two getMany calls (roll keys, claims) before the transaction and written with three
 * insertMany calls inside it (entries, roll keys, claims) — a few calls per batch, not per row.
 * Those inserts re-check the plan: a roll key or claim created meanwhile makes them fail with
 * CONFLICT, and the caller runs the batch again without the shortcut, each row read by id inside
 * the transaction (importRowInTx), as every row that meets an existing entry or claim is anyway.
 */
import type { ErrorCode } from '../../../src/contracts/envelope';
import { rollImportDoc, type IdIndexDoc, type RollImportDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { holdsRegistration } from '../../../src/domain/registration';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { Store, TxOps } from '../../ports/store.port';
import { readDoc, type WithId } from '../../runtime/documents';
import { sealCode } from './import-codes.records';
import { diffEntry, described, type Field, type PlannedRow, type RowReport, type SheetRow } from './import-row-plan.policy';
import { createdReport, draftEntry, importRowInTx, type BatchEnv, type RowOutcome } from './import-row.job';
import { rollKeyId, type ClaimCache } from './registration-claim.records';
import { bumpRollVersion, requireListOpen } from './roll-access.policy';
import { phoneBoxOf } from '../../security/phone-box';

/** Sheet rows per batch transaction: a few calls of overhead shared by many rows, well inside CloudBase's 30 s per transaction. */
export const ROLL_BATCH = 100;

export const rollImportBatchId = (importId: string, n: number) => `${importId}:${n}`;

export interface BatchRun {
  readonly start: number;
  readonly rows: readonly SheetRow[];
  /** Batched reads and inserts for rows the store has never seen; false after such an insert lost a race. */
  readonly fast: boolean;
  readonly actor: string;
}

export type BatchOutcome =
  | { readonly kind: 'committed'; readonly job: WithId<RollImportDoc>; readonly reports: RowReport[]; readonly codes: ReadonlyMap<number, string> }
  /** Another call processed this batch first: re-read the job. */
  | { readonly kind: 'moved' };

type Fresh = { p: PlannedRow; entry: ReturnType<typeof draftEntry> };

/** Which rows the batched shortcut may create (nothing of theirs stored yet), read before the transaction. */
async function planFresh(store: Store, env: BatchEnv, candidates: readonly PlannedRow[]): Promise<{ fresh: Fresh[]; slow: PlannedRow[] }> {
  const unseen = candidates.filter((p) => !env.known.has(p.idHash) && !env.openDuplicates.has(p.idHash));
  const [keys, claims] = await Promise.all([
    store.getMany('meta', unseen.map((p) => rollKeyId(env.here.electionId, p.idHash))),
    store.getMany('idIndex', unseen.map((p) => p.idHash)),
  ]);
  const freshSet = new Set(unseen.filter((p) => !keys.has(rollKeyId(env.here.electionId, p.idHash)) && !claims.has(p.idHash)));
  return {
    fresh: [...freshSet].map((p) => ({ p, entry: draftEntry(p, env) })),
    slow: candidates.filter((p) => !freshSet.has(p)),
  };
}

async function insertFresh(tx: TxOps, env: BatchEnv, fresh: readonly Fresh[]): Promise<RowOutcome[]> {
  const { here, at } = env;
  const claim = (f: Fresh): IdIndexDoc => ({ voterId: f.entry.id, villageId: here.villageId, electionId: here.electionId, at });
  await Promise.all([
    tx.insertMany('voter', fresh.map((f) => ({ id: f.entry.id, data: f.entry.doc }))),
    tx.insertMany('meta', fresh.map((f) => ({ id: rollKeyId(here.electionId, f.p.idHash), data: { voterId: f.entry.id } }))),
    tx.insertMany('idIndex', fresh.filter((f) => holdsRegistration(f.entry.doc.status)).map((f) => ({ id: f.p.idHash, data: claim(f) }))),
  ]);
  return fresh.map((f) => ({ report: createdReport(f.p, env, f.entry.id, f.entry.doc.status), bindingCode: f.entry.bindingCode, created: f.entry.id }));
}

function tally(job: RollImportDoc, reports: readonly RowReport[]): RollImportDoc {
  const next = { ...job, rejectedByReason: { ...job.rejectedByReason } };
  for (const r of reports) {
    next[r.status] += 1;
    if (r.reason) next.rejectedByReason[r.reason] = (next.rejectedByReason[r.reason] ?? 0) + 1;
    if (r.warning) next.warned += 1;
  }
  return next;
}

/** One batch; `env.known` says which rows are unchanged without a transaction. */
export async function runBatch(store: Store, env: BatchEnv, jobId: string, run: BatchRun): Promise<Result<BatchOutcome, ErrorCode>> {
  const byRow = new Map<number, RowOutcome>();
  const candidates: PlannedRow[] = [];
  run.rows.forEach((r, k) => {
    if (r.kind === 'rejected') return byRow.set(k, { report: r.report });
    const v = env.known.get(r.p.idHash);
    if (v && diffEntry(v, r.p.valid, phoneBoxOf(env.ctx.settings)).fields.length === 0) {
      return byRow.set(k, { report: { row: r.p.valid.row, status: 'unchanged', ...described(r.p.valid), voterStatus: v.status, voterId: v._id } });
    }
    candidates.push(r.p);
  });
  const { fresh, slow } = run.fast ? await planFresh(store, env, candidates) : { fresh: [], slow: candidates };
  const index = new Map(run.rows.map((r, k) => [r.kind === 'planned' ? r.p : null, k] as const));

  return store.runTransaction(async (tx): Promise<Result<BatchOutcome, ErrorCode>> => {
    const open = await requireListOpen(tx, env.here.electionId);
    if (!open.ok) return open;
    const job = await readDoc(tx, 'rollImport', jobId, rollImportDoc);
    if (!job || job.status !== 'running' || job.nextRow !== run.start) return ok({ kind: 'moved' });
    const cache: ClaimCache = new Map();
    const outcomes = new Map(byRow);
    const [freshOut, slowOut] = await Promise.all([insertFresh(tx, env, fresh), Promise.all(slow.map((p) => importRowInTx(tx, p, env, cache)))]);
    fresh.forEach((f, i) => outcomes.set(index.get(f.p)!, freshOut[i]!));
    slow.forEach((p, i) => outcomes.set(index.get(p)!, slowOut[i]!));
    const ordered = run.rows.map((_, k) => outcomes.get(k)!);
    const reports = ordered.map((o) => o.report);
    const codes = new Map<number, string>();
    ordered.forEach((o) => o.bindingCode && codes.set(o.report.row, o.bindingCode));
    const stored = ordered.map((o) => (o.bindingCode ? { ...o.report, sealedCode: sealCode(env.ctx.settings.idHmacKey, o.bindingCode, `${jobId}:${o.report.row}`) } : o.report));

    const nextRow = run.start + run.rows.length;
    const next: RollImportDoc = { ...tally(job, reports), nextRow, batches: job.batches + 1, status: nextRow >= job.total ? 'done' : 'running', updatedAt: env.at };
    const { _id: _ignored, ...jobData } = { ...job, ...next };
    const created = ordered.flatMap((o) => (o.created ? [o.created] : []));
    const updated = ordered.flatMap((o) => (o.updated ? [o.updated] : [])) as { voterId: string; fields: Field[] }[];
    const doubles = ordered.filter((o) => o.double).length;
    await Promise.all([
      tx.set('rollImportBatch', rollImportBatchId(jobId, next.batches), { importId: jobId, electionId: env.here.electionId, rows: stored }),
      tx.set('rollImport', jobId, jobData),
      created.length || updated.length ? bumpRollVersion(tx, env.here.electionId) : undefined,
    ]);
    const summary = next.status === 'done' ? { summary: { total: next.total, created: next.created, updated: next.updated, unchanged: next.unchanged, rejected: next.rejected } } : {};
    if (created.length || updated.length || doubles || next.status === 'done') {
      await appendAudit(tx, {
        scope: env.here.electionId,
        action: 'committee.importRoll',
        actor: run.actor,
        at: env.at,
        subject: jobId,
        data: { batch: next.batches, rows: [run.start + 1, nextRow], created, updated, doubleRegistrations: doubles, ...summary },
      });
    }
    return ok({ kind: 'committed', job: { ...next, _id: jobId }, reports, codes });
  });
}

export const listPublishedMidway = (row: number) =>
  err('WINDOW_CLOSED', 'LIST_PUBLISHED', `导入过程中选民名单已经公布：第${row}行及以后的行没有导入，请通过申诉处理`);
