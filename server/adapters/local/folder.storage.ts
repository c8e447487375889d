/**
 * Storage in a local folder (npm start, tests). STAND-IN until the `import` branch's adapter is
 * merged: url() answers a data: URL that carries the file itself, which the local host's pages
 * can load without a file route; nothing here is reachable from outside the process.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import type { Storage } from '../../ports/storage.port';

const PREFIX = 'local://';

export function createFolderStorage(root: string): Storage {
  const fileOf = (fileId: string): string => {
    if (!fileId.startsWith(PREFIX)) throw new Error('not a local file id');
    const rel = normalize(fileId.slice(PREFIX.length));
    if (rel.startsWith('..') || rel.includes(`${sep}..`)) throw new Error('file id outside the storage folder');
    return join(root, rel);
  };
  return {
    put: async (path, data) => {
      const fileId = PREFIX + path;
      const file = fileOf(fileId);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, data, { mode: 0o600 });
      return fileId;
    },
    read: async (fileId) => readFileSync(fileOf(fileId)),
    url: async (fileId) => `data:application/json;base64,${readFileSync(fileOf(fileId)).toString('base64')}`,
    remove: async (fileId) => rmSync(fileOf(fileId), { force: true }),
  };
}
