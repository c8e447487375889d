/**
 * CloudBase Storage adapter over wx-server-sdk's cloud storage: `uploadFile({ cloudPath,
 * fileContent })` → fileID, `downloadFile({ fileID })` → fileContent, `getTempFileURL({ fileList:
 * [{ fileID, maxAge }] })` → tempFileURL (maxAge in seconds), `deleteFile({ fileList })`
 * (wx-server-sdk index.d.ts). Per-file failures come back as a non-zero `status` in fileList.
 */
import type { Storage } from '../../ports/storage.port';

/** The subset of wx-server-sdk this adapter uses (structural: the SDK module or a test double). */
export interface WxStorageSource {
  uploadFile(p: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  downloadFile(p: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(p: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{ fileList: Array<{ tempFileURL: string; status: number; errMsg: string }> }> | void;
  deleteFile(p: { fileList: string[] }): Promise<{ fileList: Array<{ status: number; errMsg: string }> }> | void;
}

/** STORAGE_FILE_NOT_EXIST and the like: a download of a missing file. */
const isMissing = (e: unknown) => /not ?exist|NOT_EXIST|-503003|404/i.test(e instanceof Error ? e.message : String((e as { errMsg?: unknown })?.errMsg ?? e));

export function createCloudStorage(cloud: WxStorageSource): Storage {
  return {
    async put(path, content) {
      return (await cloud.uploadFile({ cloudPath: path, fileContent: content })).fileID;
    },
    putAll(files) {
      // Independent uploads: in parallel, one round trip of waiting instead of one per file.
      return Promise.all(files.map(async (f) => (await cloud.uploadFile({ cloudPath: f.path, fileContent: f.content })).fileID));
    },
    async read(fileId) {
      try {
        return (await cloud.downloadFile({ fileID: fileId })).fileContent;
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },
    async url(fileId, ttlSeconds) {
      const res = await cloud.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: ttlSeconds }] });
      const item = res?.fileList[0];
      if (!item || item.status !== 0) throw new Error(`getTempFileURL failed: ${item?.errMsg ?? 'no answer'}`);
      return item.tempFileURL;
    },
    async remove(fileId) {
      const res = await cloud.deleteFile({ fileList: [fileId] });
      const item = res?.fileList[0];
      if (item && item.status !== 0 && !/not ?exist/i.test(item.errMsg)) throw new Error(`deleteFile failed: ${item.errMsg}`);
    },
  };
}
