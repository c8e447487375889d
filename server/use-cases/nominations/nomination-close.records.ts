/**
 * Building the close record from the count: every nominee per post with their votes and the
 * details a committee needs to tell namesakes apart, the canonical tally hash; then, once the
 * count is frozen, sealing it with the Merkle tree over the valid ballots' hashes (leaf chunks
 * stored beside the record). The seal is the one step that reads every ballot — it needs each
 * ballot's hash — so it runs after the count's freeze rather than on its path, and resumes when
 * a call ended between the two (docs/decisions/0002-nomination-counts.md).
 */
import type { NominationCloseDoc, NomineeRecord } from '../../../src/contracts/documents/nomination-documents.schema';
import type { BallotTally } from '../../../src/domain/nomination-tally';
import { canonicalJson } from '../../audit/canonical-json';
import { buildChunkedTree, type ChunkedTree } from '../../audit/merkle-tree';
import type { Store, TxOps } from '../../ports/store.port';
import { appendAudit } from '../../audit/audit-log';
import { eachBallot } from './ballot-count.records';
import { readClose } from './candidate-selection.view';
import { sha256Hex } from './ballot-receipt.records';
import { merkleChunkId, postsOf, readVoters } from './nomination-scope.policy';
import type { ElectionDoc } from '../../../src/contracts/documents/election-documents.schema';
import type { WithId } from '../../runtime/documents';

/** SHA-256 of the counts per post and nominee (sorted): the figure the committee can quote. */
export function tallyHashOf(t: BallotTally): string {
  const votes: Record<string, Record<string, number>> = {};
  for (const [post, per] of t.votes) votes[post] = Object.fromEntries([...per].sort(([a], [b]) => (a < b ? -1 : 1)));
  return sha256Hex(canonicalJson({ ballots: t.ballots, valid: t.valid, invalid: t.invalid, votes }));
}

export async function nomineeRecords(ops: TxOps, election: WithId<ElectionDoc>, t: BallotTally): Promise<NominationCloseDoc['posts']> {
  const ids = [...t.votes.values()].flatMap((per) => [...per.keys()]);
  const voters = await readVoters(ops, ids);
  return postsOf(election).map(({ post, seats }) => {
    const nominees: NomineeRecord[] = [...(t.votes.get(post) ?? new Map<string, number>())].flatMap(([id, votes]) => {
      const v = voters.get(id);
      return v ? [{ voterId: id, name: v.name, group: v.group, sex: v.sex, birthYear: Number(v.birthDate.slice(0, 4)), votes }] : [];
    });
    nominees.sort((a, b) => b.votes - a.votes || (a.voterId < b.voterId ? -1 : 1));
    return { post, seats, margin: null, nominees };
  });
}

async function writeMerkleChunks(tx: TxOps, electionId: string, tree: ChunkedTree): Promise<void> {
  for (const [index, leaves] of tree.chunks.entries()) await tx.set('meta', merkleChunkId(electionId, index), { electionId, index, leaves: [...leaves] });
}

/** Hashes of the election's valid ballots, read page by page. */
async function validBallotHashes(store: Store, electionId: string): Promise<string[]> {
  const hashes: string[] = [];
  await eachBallot(store, electionId, (b) => {
    if (b.valid) hashes.push(b.hash);
  });
  return hashes;
}

const merkleSummary = (tree: ChunkedTree): NonNullable<NominationCloseDoc['merkle']> => ({
  root: tree.root,
  leaves: tree.leaves,
  chunkSize: tree.chunkSize,
  chunkRoots: [...tree.chunkRoots],
  chunkFirsts: tree.chunks.map((c) => c[0]!),
});

/**
 * Seals a frozen count: the Merkle tree over the valid ballots, its chunks and root written once
 * (a concurrent seal that got there first is kept). The ballots cannot change any more — app
 * submissions end with the window, paper entry with the close — so the tree is the same whenever
 * it is built.
 */
export type SealedClose = WithId<NominationCloseDoc> & { readonly merkle: NonNullable<NominationCloseDoc['merkle']> };

const isSealed = (c: WithId<NominationCloseDoc>): c is SealedClose => c.merkle !== null;

export async function sealClose(store: Store, close: WithId<NominationCloseDoc>, actor: string, at: string): Promise<SealedClose> {
  if (isSealed(close)) return close;
  const tree = buildChunkedTree(await validBallotHashes(store, close.electionId));
  const merkle = merkleSummary(tree);
  return store.runTransaction(async (tx) => {
    const now = await readClose(tx, close.electionId);
    if (!now) throw new Error(`nomination close of ${close.electionId} disappeared while sealing`);
    if (isSealed(now)) return now;
    await writeMerkleChunks(tx, close.electionId, tree);
    await tx.update('meta', now._id, { merkle });
    await appendAudit(tx, { scope: close.electionId, action: 'committee.sealNominations', actor, at, subject: close.electionId, data: { merkleRoot: tree.root, leaves: tree.leaves } });
    return { ...now, merkle };
  });
}
