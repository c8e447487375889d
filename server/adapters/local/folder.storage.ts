/**
 * Files in a folder, file ids `local://{path}`: the docs generator's storage, and the place the
 * embedded storage (server/adapters/embedded/sqlite.storage.ts) still reads files from that data
 * directories of earlier versions keep in DATA_DIR/files.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Clock } from '../../ports/clock.port';
import { localFileUrls, localPathOf, type LocalStorage } from './local-storage';

/** The file a `local://` id names inside `root`, or null when it names none there. */
export function folderFileOf(root: string): (fileId: string) => string | null {
  const base = resolve(root);
  return (fileId) => {
    const path = localPathOf(fileId);
    if (!path) return null;
    const file = resolve(base, path);
    return file.startsWith(base + sep) ? file : null;
  };
}

export function createFolderStorage(root: string, urlKey: string, clock: Clock): LocalStorage {
  const fileOf = folderFileOf(root);
  /** Folders made by this process: a signature's two files share one, and mkdir on every put cost a syscall walk. */
  const folders = new Set<string>();
  const storage: LocalStorage = {
    async putAll(files) {
      const ids: string[] = [];
      for (const f of files) ids.push(await storage.put(f.path, f.content));
      return ids;
    },
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
    async remove(fileId) {
      const file = fileOf(fileId);
      if (file) rmSync(file, { force: true });
    },
    ...localFileUrls(urlKey, clock, (fileId) => fileOf(fileId) !== null),
  };
  return storage;
}

/** DATA_DIR/files: where data directories of earlier versions keep their files. */
export const filesDir = (dataDir: string) => join(dataDir, 'files');
