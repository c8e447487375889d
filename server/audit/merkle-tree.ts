/**
 * Merkle tree over the valid ballots' hashes at close, so each voter can check that their
 * ballot is in the published tally (the root is printed on the candidate notice) without
 * learning anything about other ballots but opaque hashes.
 *
 *   leaf  = sha256(0x00 ‖ hashBytes)          node = sha256(0x01 ‖ left ‖ right)
 *
 * Leaves are the ballot hashes sorted ascending. Levels are built pairwise; a last node without
 * a partner is promoted unchanged. With chunks of 2^k leaves, a chunk's root is exactly the tree's
 * node over that chunk, so the tree is stored as sorted leaf chunks plus the chunk roots, and an
 * inclusion path needs one chunk and the roots (two reads, whatever the village's size).
 *
 * A path step is `l:<hex>` (sibling on the left) or `r:<hex>` (sibling on the right).
 */
import { createHash } from 'node:crypto';

export const MERKLE_CHUNK = 1024;
const HEX64 = /^[0-9a-f]{64}$/;

function sha(...parts: Buffer[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

export function leafHash(ballotHash: string): string {
  if (!HEX64.test(ballotHash)) throw new Error('merkle: a leaf must be a SHA-256 hex digest');
  return sha(Buffer.from([0]), Buffer.from(ballotHash, 'hex'));
}

export function nodeHash(left: string, right: string): string {
  return sha(Buffer.from([1]), Buffer.from(left, 'hex'), Buffer.from(right, 'hex'));
}

/** Root over already-hashed nodes (pairwise, odd node promoted). Empty → sha256 of nothing. */
export function rootOfNodes(nodes: readonly string[]): string {
  if (nodes.length === 0) return sha();
  let level = [...nodes];
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? nodeHash(level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!;
}

/** Sibling steps from node `index` of `nodes` up to their root. */
export function pathInNodes(nodes: readonly string[], index: number): string[] {
  const path: string[] = [];
  let level = [...nodes];
  let i = index;
  while (level.length > 1) {
    const sibling = i % 2 === 0 ? i + 1 : i - 1;
    if (sibling < level.length) path.push(`${i % 2 === 0 ? 'r' : 'l'}:${level[sibling]!}`);
    const next: string[] = [];
    for (let j = 0; j < level.length; j += 2) next.push(j + 1 < level.length ? nodeHash(level[j]!, level[j + 1]!) : level[j]!);
    level = next;
    i = Math.floor(i / 2);
  }
  return path;
}

export interface ChunkedTree {
  readonly root: string;
  readonly leaves: number;
  readonly chunkSize: number;
  readonly chunkRoots: readonly string[];
  /** Sorted ballot hashes per chunk. */
  readonly chunks: readonly (readonly string[])[];
}

export function buildChunkedTree(ballotHashes: readonly string[], chunkSize = MERKLE_CHUNK): ChunkedTree {
  if (chunkSize < 1 || (chunkSize & (chunkSize - 1)) !== 0) throw new Error('merkle: chunk size must be a power of two');
  const sorted = [...new Set(ballotHashes)].sort();
  const chunks: string[][] = [];
  for (let i = 0; i < sorted.length; i += chunkSize) chunks.push(sorted.slice(i, i + chunkSize));
  const chunkRoots = chunks.map((c) => rootOfNodes(c.map(leafHash)));
  return { root: rootOfNodes(chunkRoots), leaves: sorted.length, chunkSize, chunkRoots, chunks };
}

/** Chunk that would hold `ballotHash`, by the first leaf of each chunk (sorted order). */
export function chunkIndexFor(firstLeaves: readonly string[], ballotHash: string): number {
  let lo = 0;
  for (let i = 0; i < firstLeaves.length; i++) if (firstLeaves[i]! <= ballotHash) lo = i;
  return lo;
}

/** Inclusion of `ballotHash` given its chunk and the chunk roots; null when it is not a leaf. */
export function inclusionPath(ballotHash: string, chunk: readonly string[], chunkIndex: number, chunkSize: number, chunkRoots: readonly string[]): { index: number; path: string[] } | null {
  const at = chunk.indexOf(ballotHash);
  if (at < 0) return null;
  const inChunk = pathInNodes(chunk.map(leafHash), at);
  const above = pathInNodes(chunkRoots, chunkIndex);
  return { index: chunkIndex * chunkSize + at, path: [...inChunk, ...above] };
}

/** Recomputes the root from a ballot hash and its path; true when it equals `root`. */
export function verifyInclusion(ballotHash: string, path: readonly string[], root: string): boolean {
  if (!HEX64.test(ballotHash) || !HEX64.test(root)) return false;
  let node = leafHash(ballotHash);
  for (const step of path) {
    const m = /^([lr]):([0-9a-f]{64})$/.exec(step);
    if (!m) return false;
    node = m[1] === 'l' ? nodeHash(m[2]!, node) : nodeHash(node, m[2]!);
  }
  return node === root;
}
