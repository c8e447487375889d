/**
 * Handwritten signatures (手写签名) in private storage, shared by nominations and proxy forms
 * (RULES.md §7: signatures are private, shown to the committee through short-lived URLs only).
 *
 * The canonical vector strokes are stored as JSON — the record, whose SHA-256 a receipt or an
 * authorization keeps — and next to it an SVG drawing of the same strokes for the committee's
 * screens (an <image> in weapp and H5 shows SVG; JSON it cannot). The SVG is derived, never hashed.
 */
import { createHash } from 'node:crypto';
import type { SignatureInput } from '../../../src/contracts/signature.schema';
import { canonicalJson } from '../../audit/canonical-json';
import type { AppContext, CallContext } from '../../runtime/context';

const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** Canonical strokes: pad size and integer coordinates, keys sorted. */
export const canonicalStrokes = (s: SignatureInput): string => canonicalJson({ width: s.width, height: s.height, strokes: s.strokes });

export const signatureDigest = (s: SignatureInput): string => sha256Hex(canonicalStrokes(s));

/** The drawing: one polyline per stroke (a single point as a dot), dark ink on white. */
export function signatureSvg(s: SignatureInput): string {
  const paths = s.strokes.map((st) => {
    const pts: string[] = [];
    for (let i = 0; i + 1 < st.length; i += 2) pts.push(`${st[i]},${st[i + 1]}`);
    return pts.length === 1 ? `<circle cx="${st[0]}" cy="${st[1]}" r="2" fill="#1a1a1a"/>` : `<polyline points="${pts.join(' ')}"/>`;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${s.width}" height="${s.height}" viewBox="0 0 ${s.width} ${s.height}">` +
    `<rect width="${s.width}" height="${s.height}" fill="#ffffff"/>` +
    `<g fill="none" stroke="#1a1a1a" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">${paths.join('')}</g></svg>`
  );
}

/** The SVG sibling of a stored strokes file (same path, `.svg`), for either storage adapter's ids. */
export const signatureImageId = (fileId: string): string => fileId.replace(/\.json$/, '.svg');

/**
 * Writes the strokes at `path` (must end in `.json`) and their SVG drawing beside it; returns the
 * strokes file's id and the SHA-256 of exactly the stored bytes.
 */
export async function storeSignatureAt(ctx: Pick<AppContext, 'storage'>, path: string, s: SignatureInput): Promise<{ fileId: string; digest: string }> {
  if (!path.endsWith('.json')) throw new Error(`storeSignatureAt: ${path} must end in .json`);
  const body = canonicalStrokes(s);
  const [fileId] = await ctx.storage.putAll([
    { path, content: Buffer.from(body, 'utf8') },
    { path: path.replace(/\.json$/, '.svg'), content: Buffer.from(signatureSvg(s), 'utf8') },
  ]);
  return { fileId: fileId!, digest: sha256Hex(body) };
}

/**
 * Nomination ballots: `signatures/{villageId}/{electionId}/{voterId}-{digest prefix}.json` — the
 * digest in the name means a retry or a concurrent duplicate writes the same bytes to the same
 * file, never another ballot's.
 */
export function storeSignature(ctx: Pick<AppContext, 'storage'>, where: { villageId: string; electionId: string; voterId: string }, s: SignatureInput): Promise<{ fileId: string; digest: string }> {
  return storeSignatureAt(ctx, `signatures/${where.villageId}/${where.electionId}/${where.voterId}-${signatureDigest(s).slice(0, 16)}.json`, s);
}

/**
 * Removes a stored signature — its strokes and its drawing — that no record came to hold (a
 * refused request or ballot): signatures are personal data and a refused one has no purpose.
 * A failure is logged, not thrown: the refusal the caller is about to return stays the answer.
 */
export async function discardSignatureFiles(ctx: Pick<CallContext, 'storage' | 'log' | 'requestId'>, fileId: string): Promise<void> {
  try {
    await ctx.storage.remove(fileId);
    await ctx.storage.remove(signatureImageId(fileId));
  } catch (e) {
    ctx.log.info('signature.orphan', { requestId: ctx.requestId, detail: e instanceof Error ? e.message : String(e) });
  }
}

/** Digest of the stored strokes file as it is now (null when it cannot be read): an edited file fails the receipt. */
export async function storedSignatureDigest(ctx: Pick<AppContext, 'storage'>, fileId: string): Promise<string | null> {
  const bytes = await ctx.storage.read(fileId);
  return bytes ? sha256Hex(bytes.toString('utf8')) : null;
}

/** A short-lived link to the drawing of a stored signature, for the committee. */
export const signatureImageUrl = (ctx: Pick<AppContext, 'storage'>, fileId: string, ttlSeconds: number): Promise<string> => ctx.storage.url(signatureImageId(fileId), ttlSeconds);
