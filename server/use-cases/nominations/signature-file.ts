/**
 * The handwritten signature's vector strokes as a private JSON file (RULES.md §7: signatures are
 * private, shown to the committee through short-lived URLs only). The ballot keeps the file id and
 * the SHA-256 of the canonical strokes, which the signed receipt covers.
 */
import type { SignatureInput } from '../../../src/contracts/signature.schema';
import { canonicalJson } from '../../audit/canonical-json';
import type { AppContext } from '../../runtime/context';
import { sha256Hex } from './ballot-receipt';

/** Canonical strokes: pad size and integer coordinates, keys sorted. */
export const canonicalStrokes = (s: SignatureInput): string => canonicalJson({ width: s.width, height: s.height, strokes: s.strokes });

export const signatureDigest = (s: SignatureInput): string => sha256Hex(canonicalStrokes(s));

/**
 * Writes the strokes under `signatures/{villageId}/{electionId}/{voterId}-{digest prefix}.json`:
 * the digest in the name means a retry or a concurrent duplicate writes the same bytes to the same
 * file, never another ballot's.
 */
export async function storeSignature(ctx: AppContext, where: { villageId: string; electionId: string; voterId: string }, s: SignatureInput): Promise<{ fileId: string; digest: string }> {
  const body = canonicalStrokes(s);
  const digest = sha256Hex(body);
  const path = `signatures/${where.villageId}/${where.electionId}/${where.voterId}-${digest.slice(0, 16)}.json`;
  const fileId = await ctx.storage.put(path, Buffer.from(body, 'utf8'));
  return { fileId, digest };
}

/** Digest of the stored file as it is now (null when it cannot be read): an edited file fails the receipt. */
export async function storedSignatureDigest(ctx: AppContext, fileId: string): Promise<string | null> {
  const bytes = await ctx.storage.read(fileId);
  return bytes ? sha256Hex(bytes.toString('utf8')) : null;
}
