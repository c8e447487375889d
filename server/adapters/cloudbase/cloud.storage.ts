/**
 * Private files in CloudBase storage (wx-server-sdk uploadFile / downloadFile / getTempFileURL /
 * deleteFile). STAND-IN until the `import` branch's adapter is merged. Files under the cloud
 * environment's storage are private unless its security rules say otherwise; the committee sees
 * them through temporary URLs only.
 */
import type { Storage } from '../../ports/storage.port';

/** The part of wx-server-sdk this adapter uses, with the SDK's callback overloads left out. */
export interface StorageCloud {
  uploadFile(p: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  downloadFile(p: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(p: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{ fileList: Array<{ tempFileURL: string; status: number; errMsg?: string }> }>;
  deleteFile(p: { fileList: string[] }): Promise<unknown>;
}

export function createCloudStorage(cloud: StorageCloud): Storage {
  return {
    put: async (path, data) => (await cloud.uploadFile({ cloudPath: path, fileContent: data })).fileID,
    read: async (fileId) => (await cloud.downloadFile({ fileID: fileId })).fileContent,
    url: async (fileId, ttlSeconds) => {
      const [f] = (await cloud.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: ttlSeconds }] })).fileList;
      if (!f || f.status !== 0) throw new Error(`getTempFileURL failed: ${f?.errMsg ?? 'no answer'}`);
      return f.tempFileURL;
    },
    remove: async (fileId) => {
      await cloud.deleteFile({ fileList: [fileId] });
    },
  };
}
