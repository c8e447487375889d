/**
 * Building the close record from the live count: every nominee per post with their votes and
 * the details a committee needs to tell namesakes apart, the canonical tally hash, and the Merkle
 * tree over the valid ballots' hashes (leaf chunks stored beside the record).
 */
import type { NominationCloseDoc, NomineeRecord } from '../../../src/contracts/documents/nomination-documents.schema';
import type { BallotTally } from '../../../src/domain/nomination-tally';
import { canonicalJson } from '../../audit/canonical-json';
import { buildChunkedTree, type ChunkedTree } from '../../audit/merkle-tree';
import type { TxOps } from '../../ports/store.port';
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

export function merkleOf(hashes: readonly string[]): ChunkedTree {
  return buildChunkedTree(hashes);
}

export async function writeMerkleChunks(tx: TxOps, electionId: string, tree: ChunkedTree): Promise<void> {
  for (const [index, leaves] of tree.chunks.entries()) await tx.set('meta', merkleChunkId(electionId, index), { electionId, index, leaves: [...leaves] });
}
