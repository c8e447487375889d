/**
 * RULES.md §7 as amended (issue #10): no digit of an ID number beyond the birth date and sex is
 * stored. Stores written before kept a "first 4 + last 4" mask (`idMasked`) on roll entries,
 * objections, township duplicate rows and roll-import reports; this removes it in place, giving
 * duplicate rows and import warnings the birth date and sex instead (from the entry of the same
 * person), and records each election's village name (identity.bind reads no village then).
 *
 * Idempotent: a document without the mask is left alone; each rewrite re-reads the document in
 * its own transaction. Run by the local host at start and by `npm run migrate`; the same function
 * runs against CloudBase (the store port), where reads keep working before it has run (the stored
 * shapes ignore the old field).
 */
import { electionDoc, villageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { rollImportDoc, voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { Collection, DocData, Store, StoredDoc, Where } from '../../ports/store.port';
import { findAllDocs, readDoc, storePages } from '../../runtime/documents';
import { rollImportBatchId } from '../roll/import-batch.job';

export interface IdMaskMigration {
  readonly voters: number;
  readonly objections: number;
  readonly duplicates: number;
  readonly importBatches: number;
  readonly elections: number;
}

type Raw = StoredDoc<DocData>;

/** Raw documents (not parsed: the stored shapes would drop the very field being removed). */
async function rawAll(store: Store, collection: Collection, where: Where): Promise<Raw[]> {
  const out: Raw[] = [];
  for await (const page of storePages(store, collection, where)) out.push(...page);
  return out;
}

const hasMask = (v: unknown): boolean => typeof v === 'object' && v !== null && 'idMasked' in v;
const withoutMask = <T extends object>(v: T): T => {
  const { idMasked: _drop, ...rest } = v as T & { idMasked?: unknown };
  return rest as T;
};

/** Rewrites one document when `fix` changes it (re-read in the transaction; null: nothing to do). */
async function rewrite(store: Store, collection: Collection, id: string, fix: (doc: Raw) => Promise<DocData | null> | DocData | null): Promise<boolean> {
  return store.runTransaction(async (tx) => {
    const doc = await tx.get(collection, id);
    if (!doc) return false;
    const next = await fix(doc);
    if (!next) return false;
    const { _id: _ignored, ...data } = next as Raw;
    await tx.set(collection, id, data);
    return true;
  });
}

/** Birth date and sex of the person behind a blind index, from any entry of theirs. */
async function factsOf(store: Store, idHash: unknown): Promise<{ birthDate: string; sex: 'M' | 'F' } | null> {
  if (typeof idHash !== 'string') return null;
  const [v] = await store.find('voter', { idHash }, { limit: 1 });
  const parsed = v ? voterDoc.safeParse(v) : null;
  return parsed?.success ? { birthDate: parsed.data.birthDate, sex: parsed.data.sex } : null;
}

async function migrateImportBatches(store: Store, electionId: string): Promise<number> {
  let n = 0;
  for (const job of await findAllDocs(store, 'rollImport', { electionId }, rollImportDoc)) {
    for (let b = 1; b <= job.batches; b++) {
      const changed = await rewrite(store, 'rollImportBatch', rollImportBatchId(job._id, b), async (doc) => {
        const rows = Array.isArray(doc.rows) ? (doc.rows as Record<string, unknown>[]) : [];
        if (!rows.some((r) => hasMask(r) || hasMask((r.warning as { other?: unknown } | undefined)?.other))) return null;
        const fixed = [];
        for (const r of rows) {
          const row = withoutMask(r);
          const warning = r.warning as { other?: Record<string, unknown> } | undefined;
          if (warning?.other && hasMask(warning.other)) {
            const other = await readDoc(store, 'voter', String(warning.other.voterId), voterDoc);
            // The other entry gone: the warning cannot name it any more without the mask.
            if (other) row.warning = { ...warning, other: { ...withoutMask(warning.other), birthDate: other.birthDate, sex: other.sex } };
            else delete row.warning;
          }
          fixed.push(row);
        }
        return { ...doc, rows: fixed };
      });
      if (changed) n++;
    }
  }
  return n;
}

export async function migrateIdMask(store: Store, townshipId: string): Promise<IdMaskMigration> {
  const counts = { voters: 0, objections: 0, duplicates: 0, importBatches: 0, elections: 0 };
  for (const village of await findAllDocs(store, 'village', { townshipId }, villageDoc)) {
    for (const election of await findAllDocs(store, 'election', { villageId: village._id }, electionDoc)) {
      if (election.villageName === undefined && (await rewrite(store, 'election', election._id, (d) => (d.villageName === undefined ? { ...d, villageName: village.name } : null)))) counts.elections++;
      for (const v of await rawAll(store, 'voter', { electionId: election._id })) {
        if (hasMask(v) && (await rewrite(store, 'voter', v._id, (d) => (hasMask(d) ? withoutMask(d) : null)))) counts.voters++;
      }
      for (const o of await rawAll(store, 'objection', { electionId: election._id })) {
        if (!hasMask(o.subject)) continue;
        const done = await rewrite(store, 'objection', o._id, (d) => (hasMask(d.subject) ? { ...d, subject: withoutMask(d.subject as object) } : null));
        if (done) counts.objections++;
      }
      counts.importBatches += await migrateImportBatches(store, election._id);
    }
  }
  for (const d of await rawAll(store, 'duplicate', { townshipId })) {
    if (!hasMask(d)) continue;
    const facts = await factsOf(store, d.idHash);
    if (await rewrite(store, 'duplicate', d._id, (x) => (hasMask(x) ? { ...withoutMask(x), birthDate: facts?.birthDate ?? null } : null))) counts.duplicates++;
  }
  return counts;
}
