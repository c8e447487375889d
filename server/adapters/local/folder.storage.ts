/**
 * Local Storage adapter: files in DATA_DIR/files, file ids `local://{path}`, URLs
 * `/files/{token}` that the local host serves (server/local/http-host.ts) while the token's
 * HMAC-signed expiry lies ahead — the local stand-in for CloudBase's temporary file URLs.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { pathOfFileId, type Storage } from '../../ports/storage.port';
import type { Clock } from '../../ports/clock.port';

export interface FolderStorage extends Storage {
  /** The file id a valid, unexpired URL token names, else null. */
  fileOfToken(token: string): string | null;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export function createFolderStorage(root: string, urlKey: string, clock: Clock): FolderStorage {
  const base = resolve(root);
  const fileOf = (fileId: string): string | null => {
    const path = pathOfFileId(fileId);
    if (!path || !fileId.startsWith('local://')) return null;
    const file = resolve(base, path);
    return file.startsWith(base + sep) ? file : null;
  };
  const sign = (payload: string) => createHmac('sha256', `file-url:${urlKey}`).update(payload).digest();
  /** Folders made by this process: a signature's two files share one, and mkdir on every put cost a syscall walk. */
  const folders = new Set<string>();
  return {
    async put(path, content) {
      const fileId = `local://${path}`;
      const file = fileOf(fileId);
      if (!file) throw new Error(`storage: bad path ${JSON.stringify(path)}`);
      const dir = dirname(file);
      if (!folders.has(dir)) {
        mkdirSync(dir, { recursive: true });
        folders.add(dir);
      }
      try {
        writeFileSync(file, content, { mode: 0o600 });
      } catch (e) {
        // The folder was removed since (by hand): make it again, once.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, content, { mode: 0o600 });
      }
      return fileId;
    },
    async read(fileId) {
      const file = fileOf(fileId);
      return file && existsSync(file) ? readFileSync(file) : null;
    },
    async url(fileId, ttlSeconds) {
      if (!fileOf(fileId)) throw new Error('storage: not a local file id');
      const payload = b64url(JSON.stringify({ f: fileId, e: clock.now().getTime() + ttlSeconds * 1000 }));
      return `/files/${payload}.${b64url(sign(payload))}`;
    },
    async remove(fileId) {
      const file = fileOf(fileId);
      if (file) rmSync(file, { force: true });
    },
    fileOfToken(token) {
      const [payload, mac] = token.split('.');
      if (!payload || !mac) return null;
      const given = Buffer.from(mac, 'base64url');
      const want = sign(payload);
      if (given.length !== want.length || !timingSafeEqual(given, want)) return null;
      try {
        const { f, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { f?: unknown; e?: unknown };
        if (typeof f !== 'string' || typeof e !== 'number' || e < clock.now().getTime()) return null;
        return fileOf(f) ? f : null;
      } catch {
        return null;
      }
    },
  };
}

/** DATA_DIR/files. */
export const filesDir = (dataDir: string) => join(dataDir, 'files');
