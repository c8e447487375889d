/**
 * Storage port: private files (handwritten signatures). Never public: the committee sees a file
 * only through a short-lived URL. Local adapter: a folder; cloud: CloudBase storage.
 */
export interface Storage {
  /** Stores `data` at `path` (replacing it); returns the file id to keep. */
  put(path: string, data: Buffer): Promise<string>;
  read(fileId: string): Promise<Buffer>;
  /** A URL valid for `ttlSeconds`. */
  url(fileId: string, ttlSeconds: number): Promise<string>;
  remove(fileId: string): Promise<void>;
}
