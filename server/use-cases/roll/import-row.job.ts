/**
 * committee.importRoll, one row inside its batch transaction, reading what it needs by id
 * (the slow path: an entry or a claim already exists for this person, or the batch's batched
 * inserts lost a race). A row that registers its person takes the deployment-wide claim
 * (idIndex) here: of two villages importing one person at once, exactly one registers them, the
 * other row is DOUBLE_REGISTRATION and the township sees it. A row that takes the entry off the
 * list (A → B) releases the claim. Each entry gets its roll key (one entry per person per roll).
 */
import { voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { holdsRegistration, isFlagged, statusForCategory } from '../../../src/domain/registration';
import type { TxOps } from '../../ports/store.port';
import type { CallContext } from '../../runtime/context';
import { readDoc, type WithId } from '../../runtime/documents';
import { phoneBoxOf } from '../../security/phone-box';
import { categoryRecordOf, draftRollEntry } from './roll-entry.records';
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
} from './registration-claim.records';
import { categoryHint, described, diffEntry, rejected, sameNameWarning, type Field, type PlannedRow, type RowReport, type SameName } from './import-row-plan.policy';

export interface RowOutcome {
  readonly report: RowReport;
  readonly bindingCode?: string;
  readonly created?: string;
  readonly updated?: { voterId: string; fields: Field[] };
  readonly double?: true;
}

export interface BatchEnv {
  readonly ctx: Pick<CallContext, 'settings' | 'rng'>;
  readonly here: { readonly electionId: string; readonly villageId: string };
  readonly known: ReadonlyMap<string, WithId<VoterDoc>>;
  readonly sameName: SameName;
  readonly inFile: ReadonlySet<string>;
  readonly openDuplicates: ReadonlySet<string>;
  readonly importId: string;
  readonly at: string;
}

/** The report of a new entry (its binding code travels beside it, to be sealed). */
export function createdReport(p: PlannedRow, env: BatchEnv, voterId: string, status: VoterDoc['status']): RowReport {
  const notes = [...categoryHint(p.valid), ...p.valid.warnings];
  const warning = sameNameWarning(p.valid, p.idHash, env.sameName, env.inFile);
  return {
    row: p.valid.row,
    status: 'created',
    ...described(p.valid),
    voterStatus: status,
    voterId,
    ...(notes.length ? { message: notes.join('；') } : {}),
    ...(warning ? { warning } : {}),
  };
}

async function updateExisting(tx: TxOps, p: PlannedRow, env: BatchEnv, existing: WithId<VoterDoc>, existingId: string, claim: Awaited<ReturnType<typeof inspectClaim>>): Promise<RowOutcome> {
  const { valid, idHash } = p;
  const { here, at } = env;
  const { fields, patch } = diffEntry(existing, valid, phoneBoxOf(env.ctx.settings));
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
    await recordDoubleRegistration(tx, { ...here, idHash, birthDate: valid.birthDate, name: valid.name, claim: claim.claim, source: 'import', importId: env.importId, row: valid.row, at });
    return { report: rejected(valid.row, 'DOUBLE_REGISTRATION', doubleRegistrationMessage(claim.villageName), { ...described(valid), voterId: existing._id }), double: true };
  }
  if (fields.length === 0 && !takes && !releases) {
    return { report: { row: valid.row, status: 'unchanged', ...described(valid), voterStatus: existing.status, voterId: existing._id } };
  }
  const reconfirm = fields.some((f) => f === 'name' || f === 'group' || f === 'category');
  await Promise.all([
    takes ? takeClaim(tx, idHash, { voterId: existing._id, ...here }, at) : undefined,
    releases ? releaseClaim(tx, idHash, existing._id) : undefined,
    readRollKey(tx, here.electionId, idHash).then((key) => (key !== existingId ? setRollKey(tx, here.electionId, idHash, existing._id) : undefined)),
    tx.update('voter', existing._id, {
      ...patch,
      status: next.status,
      residenceDecision: next.residenceDecision ?? null,
      ...(reconfirm && existing.confirmed ? { confirmed: false, confirmedAt: null } : {}),
      updatedAt: at,
    }),
  ]);
  const message = valid.warnings.length ? { message: valid.warnings.join('；') } : {};
  return {
    report: { row: valid.row, status: 'updated', ...described(valid), voterStatus: next.status, voterId: existing._id, changed: fields, ...message },
    updated: { voterId: existing._id, fields },
  };
}

/** One row through reads by id inside the batch transaction. */
export async function importRowInTx(tx: TxOps, p: PlannedRow, env: BatchEnv, cache: ClaimCache): Promise<RowOutcome> {
  const { valid, idHash } = p;
  const { here, at } = env;
  const claim = await inspectClaim(tx, idHash, here, cache);
  // This person's entry on this roll: its roll key, else (entries older than roll keys) the snapshot or the claim.
  const existingId = (await readRollKey(tx, here.electionId, idHash)) ?? env.known.get(idHash)?._id ?? (claim.kind === 'thisElection' ? claim.voterId : undefined);
  const existing = existingId ? await readDoc(tx, 'voter', existingId, voterDoc) : null;
  if (existing && existingId && existing.electionId === here.electionId) return updateExisting(tx, p, env, existing, existingId, claim);

  // Registered elsewhere: refused whatever the category — a pending B or C entry here would
  // only wait for a registration the other village holds (they must be released there first).
  if (claim.kind === 'elsewhere') {
    await recordDoubleRegistration(tx, { ...here, idHash, birthDate: valid.birthDate, name: valid.name, claim: claim.claim, source: 'import', importId: env.importId, row: valid.row, at });
    return { report: rejected(valid.row, 'DOUBLE_REGISTRATION', doubleRegistrationMessage(claim.villageName), described(valid)), double: true };
  }
  const entry = draftEntry(p, env);
  await Promise.all([
    tx.set('voter', entry.id, entry.doc),
    setRollKey(tx, here.electionId, idHash, entry.id),
    holdsRegistration(entry.doc.status) ? takeClaim(tx, idHash, { voterId: entry.id, ...here }, at) : undefined,
    env.openDuplicates.has(idHash) ? resolveDoubleRegistration(tx, here.electionId, idHash, at) : undefined,
  ]);
  return { report: createdReport(p, env, entry.id, entry.doc.status), bindingCode: entry.bindingCode, created: entry.id };
}

/** A new roll entry for a valid row (voter id and binding code drawn here). */
export function draftEntry(p: PlannedRow, env: BatchEnv): ReturnType<typeof draftRollEntry> {
  const { valid, idHash } = p;
  return draftRollEntry(
    {
      ...env.here,
      name: valid.name,
      idHash,
      birthDate: valid.birthDate,
      sex: valid.sex,
      group: valid.group,
      category: valid.category,
      phoneMasked: valid.phoneMasked ?? null,
      phoneSealed: valid.phone ? phoneBoxOf(env.ctx.settings).seal(valid.phone, idHash) : null,
      residenceSince: valid.residenceSince ?? null,
      note: valid.note ?? null,
      boundTo: null,
    },
    env.ctx.settings.idHmacKey,
    env.ctx.rng,
    env.at,
  );
}
