/**
 * 不重登 — one registration per person across every village of the deployment (RULES.md §1):
 * `idIndex/{idHash}` names the entry that holds it. Only a registered entry holds it — the first
 * registration confirmed anywhere wins (人户分离): it is taken in the transaction that makes an
 * entry registered (A at import, B at its declaration, C at the meeting's approval, a restore, an
 * upheld objection) and released in the one that takes it off the list. It is read and written
 * only inside transactions, so of two villages racing for one person exactly one gets it.
 *
 * A claim is stale — and may be taken over — when it belongs to another election of the same
 * village (the previous term) or to an election that is no longer active anywhere.
 *
 * `meta/rollKey:{electionId}:{idHash}` is the other half: one entry per person on one roll,
 * whatever its status, so two applications or imports racing within one election make one entry.
 */
import { electionDoc, villageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { duplicateDoc, idIndexDoc, type DuplicateDoc, type IdIndexDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { CivilDate } from '../../../src/domain/civil-date';
import type { TxOps } from '../../ports/store.port';
import { readDoc, type WithId } from '../../runtime/documents';
import { TOWNSHIP_ID } from '../township/create-village.use-case';

export type ClaimState =
  | { readonly kind: 'free' }
  /** Held by an entry of this election (the same person already on this roll). */
  | { readonly kind: 'thisElection'; readonly voterId: string }
  | { readonly kind: 'stale'; readonly claim: IdIndexDoc }
  | { readonly kind: 'elsewhere'; readonly claim: IdIndexDoc; readonly villageName: string };

/** Per-transaction memo of other elections' liveness and village names (reads by id only). */
export type ClaimCache = Map<string, { live: boolean; villageName: string }>;

export async function inspectClaim(tx: TxOps, idHash: string, here: { electionId: string; villageId: string }, cache: ClaimCache = new Map()): Promise<ClaimState> {
  const claim = await readDoc(tx, 'idIndex', idHash, idIndexDoc);
  if (!claim) return { kind: 'free' };
  if (claim.electionId === here.electionId) return { kind: 'thisElection', voterId: claim.voterId };
  if (claim.villageId === here.villageId) return { kind: 'stale', claim };
  let other = cache.get(claim.electionId);
  if (!other) {
    const e = await readDoc(tx, 'election', claim.electionId, electionDoc);
    const v = await readDoc(tx, 'village', claim.villageId, villageDoc);
    other = { live: e?.status === 'active', villageName: v?.name ?? '另一个村' };
    cache.set(claim.electionId, other);
  }
  return other.live ? { kind: 'elsewhere', claim, villageName: other.villageName } : { kind: 'stale', claim };
}

export async function takeClaim(tx: TxOps, idHash: string, holder: { voterId: string; villageId: string; electionId: string }, at: string): Promise<void> {
  const doc: IdIndexDoc = { voterId: holder.voterId, villageId: holder.villageId, electionId: holder.electionId, at };
  await tx.set('idIndex', idHash, doc);
}

/** Frees the claim if `voterId` holds it; true when it did. */
export async function releaseClaim(tx: TxOps, idHash: string, voterId: string): Promise<boolean> {
  const claim = await readDoc(tx, 'idIndex', idHash, idIndexDoc);
  if (!claim || claim.voterId !== voterId) return false;
  await tx.remove('idIndex', idHash);
  return true;
}

/** meta/rollKey:{electionId}:{idHash} → the entry of this person on this election's roll. */
export const rollKeyId = (electionId: string, idHash: string) => `rollKey:${electionId}:${idHash}`;

/** The entry of this person on this roll, by its roll key (entries written before roll keys existed are found by query). */
export async function readRollKey(tx: TxOps, electionId: string, idHash: string): Promise<string | null> {
  const doc = await tx.get<{ voterId?: unknown }>('meta', rollKeyId(electionId, idHash));
  return typeof doc?.voterId === 'string' ? doc.voterId : null;
}

export async function setRollKey(tx: TxOps, electionId: string, idHash: string, voterId: string): Promise<void> {
  await tx.set('meta', rollKeyId(electionId, idHash), { voterId });
}

export async function removeRollKey(tx: TxOps, electionId: string, idHash: string, voterId: string): Promise<void> {
  if ((await readRollKey(tx, electionId, idHash)) === voterId) await tx.remove('meta', rollKeyId(electionId, idHash));
}

export const doubleRegistrationMessage = (villageName: string) =>
  `此人已在“${villageName}”登记为选民，一个人不能在两个村重复登记。如确应在本村登记（人户分离），须先由该村选举委员会释放其登记`;

export const duplicateId = (electionId: string, idHash: string) => `${electionId}:${idHash}`;

/** Records a refusal for the township's duplicates view (one document per person and election). */
export async function recordDoubleRegistration(
  tx: TxOps,
  r: {
    electionId: string;
    villageId: string;
    idHash: string;
    birthDate: CivilDate;
    name: string;
    claim: IdIndexDoc;
    source: DuplicateDoc['source'];
    importId: string | null;
    row: number | null;
    at: string;
  },
): Promise<void> {
  const id = duplicateId(r.electionId, r.idHash);
  const prev = await readDoc(tx, 'duplicate', id, duplicateDoc);
  const doc: DuplicateDoc = {
    townshipId: TOWNSHIP_ID,
    electionId: r.electionId,
    villageId: r.villageId,
    idHash: r.idHash,
    birthDate: r.birthDate,
    name: r.name,
    registeredVillageId: r.claim.villageId,
    registeredElectionId: r.claim.electionId,
    source: r.source,
    importId: r.importId,
    row: r.row,
    firstAt: prev?.firstAt ?? r.at,
    lastAt: r.at,
    attempts: (prev?.attempts ?? 0) + 1,
    resolvedAt: null,
  };
  await tx.set('duplicate', id, doc);
}

export type ClaimOutcome =
  | { readonly ok: true; readonly take: () => Promise<void> }
  | { readonly ok: false; readonly reason: 'DOUBLE_REGISTRATION'; readonly villageName: string; readonly claim: IdIndexDoc }
  | { readonly ok: false; readonly reason: 'NOT_HELD' };

/**
 * Whether `voter` may become registered (hold the person's registration): a free or stale claim
 * is taken (by the returned `take`, to run with the other writes), its own claim is kept; another
 * village's live claim refuses (DOUBLE_REGISTRATION), as does another entry of this roll (NOT_HELD).
 */
export async function claimFor(
  tx: TxOps,
  voter: { _id: string; idHash: string; electionId: string; villageId: string; duplicateOf?: string | null },
  at: string,
  cache?: ClaimCache,
): Promise<ClaimOutcome> {
  // An application naming a number this roll already has (apply-residence.use-case.ts) never holds it.
  if (voter.duplicateOf) return { ok: false, reason: 'NOT_HELD' };
  const claim = await inspectClaim(tx, voter.idHash, { electionId: voter.electionId, villageId: voter.villageId }, cache);
  if (claim.kind === 'elsewhere') return { ok: false, reason: 'DOUBLE_REGISTRATION', villageName: claim.villageName, claim: claim.claim };
  if (claim.kind === 'thisElection' && claim.voterId === voter._id) return { ok: true, take: async () => undefined };
  if (claim.kind === 'thisElection') return { ok: false, reason: 'NOT_HELD' };
  return { ok: true, take: () => takeClaim(tx, voter.idHash, { voterId: voter._id, villageId: voter.villageId, electionId: voter.electionId }, at) };
}

/** The person got registered here after all (the other village released them). */
export async function resolveDoubleRegistration(tx: TxOps, electionId: string, idHash: string, at: string): Promise<void> {
  const id = duplicateId(electionId, idHash);
  const prev: WithId<DuplicateDoc> | null = await readDoc(tx, 'duplicate', id, duplicateDoc);
  if (prev && prev.resolvedAt === null) await tx.update('duplicate', id, { resolvedAt: at });
}
