/**
 * committee.importRoll — the committee's roll sheet (.xlsx or CSV, or rows a client parsed)
 * into this election's roll, row by row.
 *
 * Outcomes:
 * - ok: a per-row report; each row `created` (with its binding code, shown this once),
 *   `updated` (the changed field names), `unchanged`, or `rejected` with a reason:
 *   MISSING_FIELD | BAD_NAME | ID_LENGTH | ID_CHARS | ID_CHECK_DIGIT | ID_BIRTH_DATE | UNDER_18 |
 *   UNKNOWN_GROUP | BAD_CATEGORY | BAD_DATE | DUPLICATE_IN_FILE | DOUBLE_REGISTRATION (registered in
 *   another village — whatever the row's category: a pending B or C row for that person is refused
 *   too, they must be released there first); an accepted new row may carry a `warning`
 *   SAME_NAME_OTHER_ID (an entry of the same name and group under another ID number that this
 *   file does not contain: perhaps a corrected ID number, the old entry to be flagged off)
 * - INVALID_INPUT BAD_FILE | BAD_HEADER | EMPTY_FILE: the file itself cannot be read as a roll
 * - LIMIT_EXCEEDED TOO_MANY_ROWS | FILE_TOO_LARGE
 * - FORBIDDEN NOT_COMMITTEE | NOT_FOUND ELECTION_UNKNOWN
 * - WINDOW_CLOSED LIST_PUBLISHED (changes then go through objections) | ELECTION_CLOSED
 *
 * Idempotent: the same file again reports every row `unchanged` and writes nothing to the roll.
 * A corrected file updates only the rows and fields that differ; entries missing from a later
 * file stay (removal is a status flag with a reason). An optional column absent from the file
 * leaves that field alone; a blank cell in a present column clears it. A change of name, group or
 * category asks the voter to confirm again.
 *
 * Writes go in transactions of ROLL_BATCH rows. A row that registers its person (category A, or a
 * category change that makes the entry registered) takes the deployment-wide claim (idIndex)
 * inside its transaction: of two villages importing one person at once, exactly one registers
 * them, the other row is DOUBLE_REGISTRATION and the township sees it. A row that takes the entry
 * off the list (A → B) releases the claim. Each entry also gets its roll key (one entry per
 * person per roll), and each transaction bumps the roll version (publication's optimistic check).
 * One audit entry per transaction lists the entries created and the field names changed (never values).
 */
import { MAX_IMPORT_ROWS, type importRoll } from '../../../src/contracts/roll.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { voterDoc, duplicateDoc, type VoterDoc } from '../../../src/contracts/store-documents.schema';
import { holdsRegistration, isFlagged, statusForCategory } from '../../../src/domain/registration';
import { checkRollRow, type RollRejectReason, type RollRowInput, type ValidRollRow } from '../../../src/domain/registration-row';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { TxOps } from '../../ports/store.port';
import { readRollFile } from '../../roll/roll-file';
import type { OutputOf } from '../../../src/contracts/define-action';
import type { CallContext } from '../../runtime/context';
import { findAllDocs, readDoc, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { keyedHash, newId } from '../../security/keyed-hash';
import { actorOf } from '../shared/access';
import { nameKey } from '../shared/name-key';
import { bumpRollVersion, listPublishedError, loadCommitteeElection, requireActiveElection, requireListOpen, isVoterListPublished, type ElectionScope } from './roll-access';
import { categoryRecordOf, draftRollEntry } from './roll-entry';
import {
  doubleRegistrationMessage,
  inspectClaim,
  readRollKey,
  recordDoubleRegistration,
  releaseClaim,
  resolveDoubleRegistration,
  setRollKey,
  takeClaim,
  type ClaimCache,
} from './registration-claim';

/** Rows per transaction: small enough for CloudBase transaction limits, large enough to be fast. */
export const ROLL_BATCH = 50;

type Reply = OutputOf<typeof importRoll>;
type RowReport = Reply['rows'][number];

interface Planned {
  readonly valid: ValidRollRow;
  readonly idHash: string;
}

/** Field names as audited and reported (never values of ID or phone). */
type Field = 'name' | 'group' | 'category' | 'phone' | 'residenceSince' | 'note';

function diffEntry(v: VoterDoc, r: ValidRollRow): { fields: Field[]; patch: Partial<VoterDoc> } {
  const fields: Field[] = [];
  const patch: Partial<VoterDoc> = {};
  if (v.name !== r.name) {
    fields.push('name');
    patch.name = r.name;
    patch.nameKey = nameKey(r.name);
  }
  if (v.group !== r.group) {
    fields.push('group');
    patch.group = r.group;
  }
  if (v.category !== r.category) {
    fields.push('category');
    patch.category = r.category;
  }
  // Masked forms are compared: a number changed only in its hidden digits reads as unchanged.
  if (r.phoneMasked !== undefined && v.phoneMasked !== r.phoneMasked) {
    fields.push('phone');
    patch.phoneMasked = r.phoneMasked;
  }
  if (r.residenceSince !== undefined && v.residenceSince !== r.residenceSince) {
    fields.push('residenceSince');
    patch.residenceSince = r.residenceSince;
  }
  if (r.note !== undefined && v.note !== r.note) {
    fields.push('note');
    patch.note = r.note;
  }
  return { fields, patch };
}

function categoryHint(r: ValidRollRow): string[] {
  if (r.category === 'B') return ['外出选民：本人表示参加选举后列入名单'];
  if (r.category === 'C') return ['C类：经村民会议或村民代表会议同意后列入名单'];
  return [];
}

const rejected = (row: number, reason: RollRejectReason, message: string, extra: Partial<RowReport> = {}): RowReport => ({
  row,
  status: 'rejected',
  reason,
  message,
  ...extra,
});

const described = (r: ValidRollRow) => ({ name: r.name, group: r.group, idMasked: r.idMasked, category: r.category });

function fromRows(rows: NonNullable<Parameters<UseCase<typeof importRoll>>[0]['rows']>): RollRowInput[] {
  return rows.map((r, i) => ({
    row: r.row ?? i + 1,
    name: r.name,
    idNumber: String(r.idNumber),
    ...(typeof r.idNumber === 'number' ? { idWasNumber: true } : {}),
    group: r.group,
    category: r.category,
    ...(r.phone !== undefined ? { phone: r.phone } : {}),
    ...(r.residenceSince !== undefined ? { residenceSince: r.residenceSince } : {}),
    ...(r.note !== undefined ? { note: r.note } : {}),
  }));
}

type BatchOutcome = { rows: RowReport[] };

type SameName = ReadonlyMap<string, readonly WithId<VoterDoc>[]>;
const sameNameKey = (name: string, group: string) => `${nameKey(name)}|${group}`;

/**
 * A new entry named like an existing one of the same group, under an ID number this file does not
 * contain: the file may correct that person's ID number, leaving the old entry registered.
 */
function sameNameWarning(valid: ValidRollRow, idHash: string, sameName: SameName, inFile: ReadonlySet<string>): RowReport['warning'] {
  const other = (sameName.get(sameNameKey(valid.name, valid.group)) ?? []).find((v) => v.idHash !== idHash && !inFile.has(v.idHash) && !isFlagged(v.status));
  if (!other) return undefined;
  return {
    reason: 'SAME_NAME_OTHER_ID',
    message: `本村${other.group}已有一位${other.name}（身份证号码${other.idMasked}），这次的文件里没有那一条。如果这次是改正了此人的身份证号码，请把原来那一条注销（标记为“已迁出”并写明“身份证号码登记错误”），以免一人两条登记`,
    other: { voterId: other._id, name: other.name, group: other.group, idMasked: other.idMasked, status: other.status },
  };
}

/** One transaction: every row's claim, entry and duplicate record, and one audit entry. */
async function importBatch(
  tx: TxOps,
  ctx: CallContext,
  scope: ElectionScope,
  batch: readonly Planned[],
  known: ReadonlyMap<string, WithId<VoterDoc>>,
  sameName: SameName,
  inFile: ReadonlySet<string>,
  openDuplicates: ReadonlySet<string>,
  importId: string,
  batchNo: number,
  at: string,
): Promise<Result<BatchOutcome, ErrorCode>> {
  const open = await requireListOpen(tx, scope.election._id);
  if (!open.ok) return open;
  const here = { electionId: scope.election._id, villageId: scope.village._id };
  const cache: ClaimCache = new Map();
  const rows: RowReport[] = [];
  const created: string[] = [];
  const updated: { voterId: string; fields: Field[] }[] = [];
  let doubles = 0;

  for (const { valid, idHash } of batch) {
    const claim = await inspectClaim(tx, idHash, here, cache);
    // This person's entry on this roll: its roll key, else (entries older than roll keys) the snapshot or the claim.
    const existingId = (await readRollKey(tx, here.electionId, idHash)) ?? known.get(idHash)?._id ?? (claim.kind === 'thisElection' ? claim.voterId : undefined);
    const existing = existingId ? await readDoc(tx, 'voter', existingId, voterDoc) : null;

    if (existing && existing.electionId === here.electionId) {
      const { fields, patch } = diffEntry(existing, valid);
      const next = { ...existing, ...patch };
      if (fields.includes('category')) {
        // The meeting's decision is about residence (category C) only.
        if (next.category !== 'C') next.residenceDecision = null;
        if (!isFlagged(existing.status)) next.status = statusForCategory(categoryRecordOf(next));
      }
      const holds = claim.kind === 'thisElection' && claim.voterId === existing._id;
      const takes = !holds && holdsRegistration(next.status);
      const releases = holds && !holdsRegistration(next.status);
      if (takes && claim.kind === 'elsewhere') {
        await recordDoubleRegistration(tx, { ...here, idHash, idMasked: valid.idMasked, name: valid.name, claim: claim.claim, source: 'import', importId, row: valid.row, at });
        doubles += 1;
        rows.push(rejected(valid.row, 'DOUBLE_REGISTRATION', doubleRegistrationMessage(claim.villageName), { ...described(valid), voterId: existing._id }));
        continue;
      }
      if (fields.length === 0 && !takes && !releases) {
        rows.push({ row: valid.row, status: 'unchanged', ...described(valid), voterStatus: existing.status, voterId: existing._id });
        continue;
      }
      if (takes) await takeClaim(tx, idHash, { voterId: existing._id, ...here }, at);
      if (releases) await releaseClaim(tx, idHash, existing._id);
      if (existingId !== (await readRollKey(tx, here.electionId, idHash))) await setRollKey(tx, here.electionId, idHash, existing._id);
      const reconfirm = fields.some((f) => f === 'name' || f === 'group' || f === 'category');
      await tx.update('voter', existing._id, {
        ...patch,
        status: next.status,
        residenceDecision: next.residenceDecision ?? null,
        ...(reconfirm && existing.confirmed ? { confirmed: false, confirmedAt: null } : {}),
        updatedAt: at,
      });
      updated.push({ voterId: existing._id, fields });
      rows.push({
        row: valid.row,
        status: 'updated',
        ...described(valid),
        voterStatus: next.status,
        voterId: existing._id,
        changed: fields,
        ...(valid.warnings.length ? { message: valid.warnings.join('；') } : {}),
      });
      continue;
    }

    // Registered elsewhere: refused whatever the category — a pending B or C entry here would
    // only wait for a registration the other village holds (they must be released there first).
    if (claim.kind === 'elsewhere') {
      await recordDoubleRegistration(tx, { ...here, idHash, idMasked: valid.idMasked, name: valid.name, claim: claim.claim, source: 'import', importId, row: valid.row, at });
      doubles += 1;
      rows.push(rejected(valid.row, 'DOUBLE_REGISTRATION', doubleRegistrationMessage(claim.villageName), described(valid)));
      continue;
    }
    const entry = draftRollEntry(
      {
        ...here,
        name: valid.name,
        idHash,
        idMasked: valid.idMasked,
        birthDate: valid.birthDate,
        sex: valid.sex,
        group: valid.group,
        category: valid.category,
        phoneMasked: valid.phoneMasked ?? null,
        residenceSince: valid.residenceSince ?? null,
        note: valid.note ?? null,
        boundTo: null,
      },
      ctx.settings.idHmacKey,
      ctx.rng,
      at,
    );
    await tx.set('voter', entry.id, entry.doc);
    await setRollKey(tx, here.electionId, idHash, entry.id);
    if (holdsRegistration(entry.doc.status)) await takeClaim(tx, idHash, { voterId: entry.id, ...here }, at);
    if (openDuplicates.has(idHash)) await resolveDoubleRegistration(tx, here.electionId, idHash, at);
    created.push(entry.id);
    const notes = [...categoryHint(valid), ...valid.warnings];
    const warning = sameNameWarning(valid, idHash, sameName, inFile);
    rows.push({
      row: valid.row,
      status: 'created',
      ...described(valid),
      voterStatus: entry.doc.status,
      voterId: entry.id,
      bindingCode: entry.bindingCode,
      ...(notes.length ? { message: notes.join('；') } : {}),
      ...(warning ? { warning } : {}),
    });
  }

  if (created.length || updated.length) await bumpRollVersion(tx, here.electionId);
  if (created.length || updated.length || doubles) {
    await appendAudit(tx, {
      scope: here.electionId,
      action: 'committee.importRoll',
      actor: actorOf(ctx),
      at,
      subject: importId,
      data: { batch: batchNo, created, updated, doubleRegistrations: doubles },
    });
  }
  return ok({ rows });
}

export const importRollUseCase: UseCase<typeof importRoll> = async (input, ctx) => {
  const started = Date.now();
  const loaded = await loadCommitteeElection(ctx, input.electionId);
  if (!loaded.ok) return loaded;
  const scope = loaded.value;
  const { election, village, rules, today, now } = scope;
  const active = requireActiveElection(election);
  if (!active.ok) return active;
  if (await isVoterListPublished(ctx.store, election)) return listPublishedError();

  let sheet: { rows: readonly RollRowInput[]; format: Reply['format']; encoding: string | null; headerRow: number | null; ignoredColumns: readonly string[]; fileName: string | null };
  if (input.file) {
    const read = await readRollFile(input.file);
    if (!read.ok) return read;
    sheet = { ...read.value, fileName: input.file.name };
  } else {
    sheet = { rows: fromRows(input.rows ?? []), format: 'rows', encoding: null, headerRow: null, ignoredColumns: [], fileName: null };
  }
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    return err('LIMIT_EXCEEDED', 'TOO_MANY_ROWS', `文件有${sheet.rows.length}行，一次最多导入${MAX_IMPORT_ROWS}行，请分成几个文件`);
  }

  const at = now.toISOString();
  const importId = newId(ctx.rng, 'ri');
  const env = { groups: village.groups, electionDay: election.electionDay, today, rules };
  const reports = new Map<number, RowReport>();
  const planned: { index: number; p: Planned }[] = [];
  const firstRowOf = new Map<string, number>();
  sheet.rows.forEach((input, index) => {
    const check = checkRollRow(input, env);
    if (!check.ok) {
      reports.set(index, rejected(input.row, check.reason, check.message, input.name.trim() ? { name: input.name.trim().slice(0, 20) } : {}));
      return;
    }
    const idHash = keyedHash(ctx.settings.idHmacKey, 'id', check.value.idNumber);
    const first = firstRowOf.get(idHash);
    if (first !== undefined) {
      reports.set(index, rejected(input.row, 'DUPLICATE_IN_FILE', `与本文件第${first}行是同一个身份证号码，同一个人只能登记一次`, described(check.value)));
      return;
    }
    firstRowOf.set(idHash, input.row);
    planned.push({ index, p: { valid: check.value, idHash } });
  });

  // Snapshot of this roll: rows already stored as they are need no transaction at all.
  const roll = await findAllDocs(ctx.store, 'voter', { electionId: election._id }, voterDoc);
  const known = new Map(roll.map((v) => [v.idHash, v]));
  const sameName = new Map<string, WithId<VoterDoc>[]>();
  for (const v of roll) sameName.set(sameNameKey(v.name, v.group), [...(sameName.get(sameNameKey(v.name, v.group)) ?? []), v]);
  const inFile = new Set(firstRowOf.keys());
  const openDuplicates = new Set(
    (await findAllDocs(ctx.store, 'duplicate', { electionId: election._id }, duplicateDoc)).filter((d) => d.resolvedAt === null).map((d) => d.idHash),
  );
  const work: { index: number; p: Planned }[] = [];
  for (const w of planned) {
    const v = known.get(w.p.idHash);
    if (v && diffEntry(v, w.p.valid).fields.length === 0) {
      reports.set(w.index, { row: w.p.valid.row, status: 'unchanged', ...described(w.p.valid), voterStatus: v.status, voterId: v._id });
    } else work.push(w);
  }

  for (let i = 0; i < work.length; i += ROLL_BATCH) {
    const batch = work.slice(i, i + ROLL_BATCH);
    const out = await ctx.store.runTransaction((tx) =>
      importBatch(
        tx,
        ctx,
        scope,
        batch.map((w) => w.p),
        known,
        sameName,
        inFile,
        openDuplicates,
        importId,
        i / ROLL_BATCH + 1,
        at,
      ),
    );
    if (!out.ok) {
      // The list was published while this import ran: earlier batches stand, the rest is refused.
      if (i > 0 && out.reason === 'LIST_PUBLISHED') {
        return err('WINDOW_CLOSED', 'LIST_PUBLISHED', `导入过程中选民名单已经公布：第${batch[0]!.p.valid.row}行及以后的行没有导入，请通过申诉处理`);
      }
      return out;
    }
    out.value.rows.forEach((r, k) => reports.set(batch[k]!.index, r));
  }

  const rows = sheet.rows.map((_, index) => reports.get(index)).filter((r): r is RowReport => r !== undefined);
  const count = (s: RowReport['status']) => rows.filter((r) => r.status === s).length;
  const rejectedByReason: Record<string, number> = {};
  for (const r of rows) if (r.reason) rejectedByReason[r.reason] = (rejectedByReason[r.reason] ?? 0) + 1;
  const summary = { total: rows.length, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected') };

  await ctx.store.runTransaction(async (tx) => {
    await tx.set('rollImport', importId, { electionId: election._id, villageId: village._id, fileName: sheet.fileName, format: sheet.format, ...summary, actor: actorOf(ctx), at });
    await appendAudit(tx, { scope: election._id, action: 'committee.importRoll', actor: actorOf(ctx), at, subject: importId, data: { format: sheet.format, ...summary } });
  });
  ctx.log.info('roll.imported', { electionId: election._id, importId, format: sheet.format, ...summary, ms: Date.now() - started });

  return ok({
    importId,
    format: sheet.format,
    encoding: sheet.encoding,
    headerRow: sheet.headerRow,
    ignoredColumns: [...sheet.ignoredColumns],
    ...summary,
    accepted: summary.created + summary.updated + summary.unchanged,
    rejectedByReason,
    warned: rows.filter((r) => r.warning).length,
    rows,
  });
};
