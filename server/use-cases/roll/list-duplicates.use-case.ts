/**
 * township.duplicates — people refused in one village because another village holds their
 * registration (不重登): which villages, when, from which import or application. The ID number
 * appears only as name and birth date; the blind index never leaves the store.
 *
 * Outcomes: ok | FORBIDDEN NOT_TOWNSHIP
 */
import type { duplicates } from '../../../src/contracts/township.contract';
import { villageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { duplicateDoc, rollImportDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { ok } from '../../../src/domain/result';
import { findAllDocs, readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireTownship } from '../shared/access.policy';
import { TOWNSHIP_ID } from '../township/create-village.use-case';

export const listDuplicatesUseCase: UseCase<typeof duplicates> = async (input, ctx) => {
  const t = requireTownship(ctx);
  if (!t.ok) return t;
  const all = await findAllDocs(ctx.store, 'duplicate', { townshipId: TOWNSHIP_ID }, duplicateDoc);
  const rows = all
    .filter((d) => (input.includeResolved || d.resolvedAt === null) && (!input.villageId || d.villageId === input.villageId || d.registeredVillageId === input.villageId))
    .sort((a, b) => (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : a._id < b._id ? -1 : 1));

  const names = new Map<string, string>();
  const villageName = async (id: string) => {
    if (!names.has(id)) names.set(id, (await readDoc(ctx.store, 'village', id, villageDoc))?.name ?? '（已删除的村）');
    return names.get(id)!;
  };
  const files = new Map<string, string | null>();
  const fileName = async (importId: string | null) => {
    if (!importId) return null;
    if (!files.has(importId)) files.set(importId, (await readDoc(ctx.store, 'rollImport', importId, rollImportDoc))?.fileName ?? null);
    return files.get(importId) ?? null;
  };

  const out = [];
  for (const d of rows) {
    out.push({
      id: d._id.split(':')[0] + ':' + d._id.slice(-8),
      name: d.name,
      birthDate: d.birthDate ?? null,
      village: { id: d.villageId, name: await villageName(d.villageId) },
      registeredIn: { id: d.registeredVillageId, name: await villageName(d.registeredVillageId) },
      source: d.source,
      importId: d.importId,
      fileName: await fileName(d.importId),
      row: d.row,
      firstAt: d.firstAt,
      lastAt: d.lastAt,
      attempts: d.attempts,
      resolvedAt: d.resolvedAt,
    });
  }
  return ok({ total: out.length, rows: out });
};
