/**
 * The handwritten signature's vector strokes as a private JSON file (RULES.md §7: signatures are
 * private, shown to the committee through short-lived URLs only). The ballot keeps the file id and
 * the SHA-256 of the canonical strokes, which the signed receipt covers.
 *
 * STAND-IN until the `import` branch's storage port (ctx.storage) is merged: when the context has
 * no `storage`, files are kept as `meta/file:{path}` documents of the store. Delete the fallback
 * at merge.
 */
import type { SignatureInput } from '../../../src/contracts/signature.schema';
import { canonicalJson } from '../../audit/canonical-json';
import type { Store } from '../../ports/store.port';
import type { AppContext } from '../../runtime/context';
import { sha256Hex } from './ballot-receipt';

/** The storage port as the `import` branch defines it. */
export interface FileStorage {
  put(path: string, data: Buffer): Promise<string>;
  read(fileId: string): Promise<Buffer>;
  url(fileId: string, ttlSeconds: number): Promise<string>;
  remove(fileId: string): Promise<void>;
}

function storeBackedStorage(store: Store): FileStorage {
  const id = (path: string) => `file:${path}`;
  return {
    put: async (path, data) => {
      await store.set('meta', id(path), { path, base64: data.toString('base64') });
      return path;
    },
    read: async (fileId) => {
      const doc = await store.get('meta', id(fileId));
      if (!doc || typeof doc.base64 !== 'string') throw new Error(`file ${fileId} not found`);
      return Buffer.from(doc.base64, 'base64');
    },
    url: async (fileId) => `data:application/json;base64,${(await storeBackedStorage(store).read(fileId)).toString('base64')}`,
    remove: (fileId) => store.remove('meta', id(fileId)),
  };
}

export function storageOf(ctx: AppContext): FileStorage {
  const port = (ctx as AppContext & { storage?: FileStorage }).storage;
  return port ?? storeBackedStorage(ctx.store);
}

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
  const fileId = await storageOf(ctx).put(path, Buffer.from(body, 'utf8'));
  return { fileId, digest };
}

/** Digest of the stored file as it is now (null when it cannot be read): an edited file fails the receipt. */
export async function storedSignatureDigest(ctx: AppContext, fileId: string): Promise<string | null> {
  try {
    return sha256Hex((await storageOf(ctx).read(fileId)).toString('utf8'));
  } catch {
    return null;
  }
}
