/**
 * The CloudBase Storage adapter against a double of wx-server-sdk's storage calls (the shapes of
 * index.d.ts: uploadFile → fileID, downloadFile → fileContent, getTempFileURL / deleteFile →
 * fileList with a per-file status).
 */
import { createCloudStorage, type WxStorageSource } from '../../../server/adapters/cloudbase/cloud.storage';
import { pathOfFileId } from '../../../server/ports/storage.port';

function fakeCloud(): WxStorageSource & { files: Map<string, Buffer>; asked: unknown[] } {
  const files = new Map<string, Buffer>();
  const asked: unknown[] = [];
  return {
    files,
    asked,
    async uploadFile({ cloudPath, fileContent }) {
      const fileID = `cloud://env-1.7465-env-1-1300000000/${cloudPath}`;
      files.set(fileID, Buffer.from(fileContent));
      return { fileID };
    },
    async downloadFile({ fileID }) {
      const f = files.get(fileID);
      if (!f) throw Object.assign(new Error('downloadFile:fail -503003 STORAGE_FILE_NONEXIST'), { errCode: -503003 });
      return { fileContent: f };
    },
    async getTempFileURL(p) {
      asked.push(p);
      return { fileList: p.fileList.map((x) => (files.has(x.fileID) ? { tempFileURL: `https://tmp.example/${x.maxAge}`, status: 0, errMsg: 'ok' } : { tempFileURL: '', status: -503003, errMsg: 'STORAGE_FILE_NONEXIST' })) };
    },
    async deleteFile({ fileList }) {
      return { fileList: fileList.map((id) => (files.delete(id) ? { status: 0, errMsg: 'ok' } : { status: -503003, errMsg: 'file not exist' })) };
    },
  };
}

describe('CloudBase storage adapter', () => {
  it('putAll starts every upload before any finishes and returns the ids in order', async () => {
    const cloud = fakeCloud();
    let inFlight = 0;
    let most = 0;
    const upload = cloud.uploadFile.bind(cloud);
    cloud.uploadFile = async (p) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      return upload(p);
    };
    const ids = await createCloudStorage(cloud).putAll([
      { path: 'signatures/a.json', content: Buffer.from('{}') },
      { path: 'signatures/a.svg', content: Buffer.from('<svg/>') },
    ]);
    expect(ids.map(pathOfFileId)).toEqual(['signatures/a.json', 'signatures/a.svg']);
    expect(most).toBe(2);
  });

  it('uploads, reads, gives a short-lived URL and deletes by file id', async () => {
    const cloud = fakeCloud();
    const storage = createCloudStorage(cloud);
    const id = await storage.put('roll-imports/v1/a.csv', Buffer.from('姓名'));
    expect(pathOfFileId(id)).toBe('roll-imports/v1/a.csv');
    expect((await storage.read(id))?.toString('utf8')).toBe('姓名');
    expect(await storage.url(id, 600)).toBe('https://tmp.example/600');
    expect(cloud.asked).toEqual([{ fileList: [{ fileID: id, maxAge: 600 }] }]);
    await storage.remove(id);
    expect(await storage.read(id)).toBeNull();
    await expect(storage.remove(id)).resolves.toBeUndefined();
    await expect(storage.url(id, 60)).rejects.toThrow(/STORAGE_FILE_NONEXIST/);
  });

  it('accepts only relative paths inside a file id', () => {
    expect(pathOfFileId('local://roll-imports/v1/a.csv')).toBe('roll-imports/v1/a.csv');
    expect(pathOfFileId('local://roll-imports/v1/../v2/a.csv')).toBeNull();
    expect(pathOfFileId('https://example.com/a.csv')).toBeNull();
  });
});
