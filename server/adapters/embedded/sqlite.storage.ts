/**
 * Embedded file storage: the local host's files (signatures, roll sheets) as rows of a SQLite
 * database beside the document store — DATA_DIR/files.db, file ids `local://{path}`, URLs served
 * by the local host (server/adapters/local/local-storage.ts).
 *
 * Why not a folder: a nomination or a proxy form writes two small files (the strokes and their
 * drawing) on the villager's path, and creating a file cost ≈ 190 µs here against ≈ 60 µs for a
 * row (issue 12's throughput figures); a file's bytes are also never half-written (one
 * transaction), and the data directory backs up as database files.
 *
 * Its own database file and connection, not a table of the document store: the store's writer
 * holds BEGIN IMMEDIATE across a transaction body's awaits, and a second connection writing the
 * same file would then block the one thread until busy_timeout.
 *
 * Removing a file zeroes its bytes in the database (secure_delete) and empties the write-ahead
 * log (a checkpoint with TRUNCATE): no copy of a deleted roll sheet's ID numbers stays on disk.
 *
 * Files an earlier version kept in DATA_DIR/files (`legacyFolder`) are still read and removed
 * there; new files are written to the database only.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Clock } from '../../ports/clock.port';
import { folderFileOf } from '../local/folder.storage';
import { localFileUrls, localPathOf, type LocalStorage } from '../local/local-storage';

export interface SqliteFileStorageOptions {
  /** Database file path, or ':memory:'. */
  readonly file: string;
  readonly urlKey: string;
  readonly clock: Clock;
  /** A folder of files written by earlier versions (read and removed, never written). */
  readonly legacyFolder?: string;
}

export interface SqliteFileStorage extends LocalStorage {
  close(): void;
}

export function openSqliteFileStorage(opts: SqliteFileStorageOptions): SqliteFileStorage {
  const db = new Database(opts.file);
  try {
    if (opts.file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // A removed file's bytes are zeroed, not left in free pages: an uploaded roll sheet holds
    // clear ID numbers and phones until the import deletes it (RULES.md §7).
    db.pragma('secure_delete = ON');
    // A rowid table: blobs of a few MB (roll sheets) do not belong in a WITHOUT ROWID b-tree.
    db.exec('CREATE TABLE IF NOT EXISTS files (path TEXT NOT NULL UNIQUE, content BLOB NOT NULL)');
  } catch (e) {
    db.close();
    throw e;
  }
  const put = db.prepare<[string, Buffer]>('INSERT INTO files (path, content) VALUES (?, ?) ON CONFLICT (path) DO UPDATE SET content = excluded.content');
  const get = db.prepare<[string], { content: Buffer }>('SELECT content FROM files WHERE path = ?');
  const del = db.prepare<[string]>('DELETE FROM files WHERE path = ?');
  const legacyFileOf = opts.legacyFolder ? folderFileOf(opts.legacyFolder) : () => null;
  const idOf = (path: string): string => {
    const fileId = `local://${path}`;
    if (localPathOf(fileId) !== path) throw new Error(`storage: bad path ${JSON.stringify(path)}`);
    return fileId;
  };
  const putAll = db.transaction((files: ReadonlyArray<{ readonly path: string; readonly content: Buffer }>) => {
    for (const f of files) put.run(f.path, f.content);
  });
  return {
    async put(path, content) {
      const fileId = idOf(path);
      put.run(path, content);
      return fileId;
    },
    async putAll(files) {
      // Every path checked before anything is written: all or none.
      const ids = files.map((f) => idOf(f.path));
      putAll.immediate(files);
      return ids;
    },
    async read(fileId) {
      const path = localPathOf(fileId);
      if (!path) return null;
      const row = get.get(path);
      if (row) return row.content;
      const legacy = legacyFileOf(fileId);
      return legacy && existsSync(legacy) ? readFileSync(legacy) : null;
    },
    async remove(fileId) {
      const path = localPathOf(fileId);
      // …and the log's frames that still hold them are folded into the file and the log emptied.
      if (path && del.run(path).changes > 0) db.pragma('wal_checkpoint(TRUNCATE)');
      const legacy = legacyFileOf(fileId);
      if (legacy) rmSync(legacy, { force: true });
    },
    ...localFileUrls(opts.urlKey, opts.clock, (fileId) => localPathOf(fileId) !== null),
    close: () => db.close(),
  };
}
