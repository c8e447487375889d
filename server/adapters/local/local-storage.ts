/**
 * What the local host's file storage adapters share: `local://{path}` file ids and the URLs
 * `/files/{token}` the host serves (server/local/file-endpoints.ts) while the token's HMAC-signed
 * expiry lies ahead — the local stand-in for CloudBase's temporary file URLs.
 * Adapters: the embedded default keeps files in SQLite (server/adapters/embedded/sqlite.storage.ts);
 * a plain folder (folder.storage.ts) serves the docs generator and reads files of older data dirs.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { pathOfFileId, type Storage } from '../../ports/storage.port';
import type { Clock } from '../../ports/clock.port';

export interface LocalStorage extends Storage {
  /** The file id a valid, unexpired URL token names, else null. */
  fileOfToken(token: string): string | null;
}

/** The relative path of a `local://` file id (null for any other id or an unsafe path). */
export const localPathOf = (fileId: string): string | null => (fileId.startsWith('local://') ? pathOfFileId(fileId) : null);

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** Signed, expiring download URLs for local file ids; `known` says whether an id is one this adapter can serve. */
export function localFileUrls(urlKey: string, clock: Clock, known: (fileId: string) => boolean): Pick<LocalStorage, 'url' | 'fileOfToken'> {
  const sign = (payload: string) => createHmac('sha256', `file-url:${urlKey}`).update(payload).digest();
  return {
    async url(fileId, ttlSeconds) {
      if (!known(fileId)) throw new Error('storage: not a local file id');
      const payload = b64url(JSON.stringify({ f: fileId, e: clock.now().getTime() + ttlSeconds * 1000 }));
      return `/files/${payload}.${b64url(sign(payload))}`;
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
        return known(f) ? f : null;
      } catch {
        return null;
      }
    },
  };
}
