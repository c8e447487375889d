/**
 * Ballots against the audit log, for `npm run audit:verify`: every stored ballot
 * (`nomination/{electionId}:{voterId}`) must hash, from what is stored now, to the hash its
 * receipt was signed over, and that hash must be the one the audit log recorded for the ballot's
 * latest version (an entry written in the ballot's own transaction, then hash-chained). A ballot
 * edited in the database — names, validity, channel, time, signature digest — is named here even
 * though the chain itself still verifies.
 */
import { nominationDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import type { Collection, Store, StoredDoc } from '../../ports/store.port';
import { storePages } from '../../runtime/documents';
import { storedBallotHash } from './ballot-receipt.records';
import { PAPER_ACTION, SUBMIT_ACTION } from './ballot.records';

export interface BallotFault {
  readonly record: string;
  readonly why: string;
}

const PAGE = 1000;

async function* pages(store: Store, collection: string, where: Record<string, string>): AsyncGenerator<StoredDoc> {
  for await (const page of storePages(store, collection as Collection, where, { limit: PAGE })) yield* page;
}

/** Latest recorded version and hash per ballot of one election (pending entries read first, then linked ones). */
async function recordedVersions(store: Store, electionId: string): Promise<Map<string, { version: number; hash: string }>> {
  const latest = new Map<string, { version: number; hash: string }>();
  for (const collection of ['auditPending', 'audit']) {
    for await (const e of pages(store, collection, { scope: electionId })) {
      if ((e.action !== SUBMIT_ACTION && e.action !== PAPER_ACTION) || typeof e.subject !== 'string') continue;
      const data = e.data as { version?: unknown; hash?: unknown } | undefined;
      if (typeof data?.version !== 'number' || typeof data.hash !== 'string') continue;
      const seen = latest.get(e.subject);
      if (!seen || seen.version < data.version) latest.set(e.subject, { version: data.version, hash: data.hash });
    }
  }
  return latest;
}

export async function checkBallotsAgainstAudit(store: Store): Promise<BallotFault[]> {
  const byElection = new Map<string, StoredDoc[]>();
  for await (const d of pages(store, 'nomination', {})) {
    const electionId = String(d.electionId);
    byElection.set(electionId, [...(byElection.get(electionId) ?? []), d]);
  }
  const faults: BallotFault[] = [];
  for (const [electionId, docs] of byElection) {
    const recorded = await recordedVersions(store, electionId);
    for (const d of docs) {
      const record = `nomination/${d._id}`;
      const parsed = nominationDoc.safeParse(d);
      if (!parsed.success) {
        faults.push({ record, why: 'ballot is not a well-formed nomination document' });
        continue;
      }
      const b = parsed.data;
      const audit = recorded.get(d._id);
      if (!audit) faults.push({ record, why: 'no audit entry records this ballot' });
      else if (audit.version !== b.version) faults.push({ record, why: `ballot is version ${b.version}, the audit log's latest is ${audit.version}` });
      else if (storedBallotHash(b) !== audit.hash || b.hash !== audit.hash) faults.push({ record, why: 'ballot content does not match the hash recorded in the audit log' });
    }
  }
  return faults;
}
