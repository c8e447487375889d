/**
 * Storage port: files too large for a function call's payload (a roll sheet; later signed lists)
 * live in file storage and travel as a file id.
 *
 * Adapters: CloudBase cloud storage in production (server/adapters/cloudbase/cloud.storage.ts:
 * `cloud.uploadFile` / `downloadFile` / `getTempFileURL` / `deleteFile`), a folder under DATA_DIR
 * locally (server/adapters/local/folder.storage.ts, URLs served by the local host with an
 * expiring HMAC token).
 */
export interface Storage {
  /** Stores `content` at `path` (relative, `a/b/c.xlsx`; replaced if present) → its file id. */
  put(path: string, content: Buffer): Promise<string>;
  /**
   * Stores several files → their ids, in order: CloudBase uploads them side by side, the embedded
   * storage writes them in one transaction. A signature's strokes and drawing go together this way.
   */
  putAll(files: ReadonlyArray<{ readonly path: string; readonly content: Buffer }>): Promise<string[]>;
  /** The file's bytes, or null when no such file exists. */
  read(fileId: string): Promise<Buffer | null>;
  /** A URL that downloads the file for `ttlSeconds` (short-lived: minutes, not days). */
  url(fileId: string, ttlSeconds: number): Promise<string>;
  /** Deletes the file; deleting a missing one is a no-op. */
  remove(fileId: string): Promise<void>;
}

/** Where a village's uploaded roll sheets live: `roll-imports/{villageId}/…` (checked on import). */
export const rollImportPrefix = (villageId: string) => `roll-imports/${villageId}/`;

/** The relative path inside a file id of either adapter (`local://p` or `cloud://env.bucket/p`). */
export function pathOfFileId(fileId: string): string | null {
  const m = /^(?:local:\/\/|cloud:\/\/[^/]+\/)(.+)$/.exec(fileId);
  if (!m) return null;
  const path = m[1]!;
  return path.split('/').some((part) => part === '' || part === '.' || part === '..') ? null : path;
}
