/**
 * Uploading the committee's roll sheet to file storage, so that committee.importRoll gets a file
 * id instead of the file inside the call. The real implementations are roll-upload.weapp.ts
 * (Taro.cloud.uploadFile into CloudBase storage) and roll-upload.h5.ts (the local host's
 * POST /files); this file is what other targets get.
 */

/** A sheet the clerk picked: weapp a temporary file path, H5 the browser's File. */
export interface PickedRollFile {
  readonly name: string;
  readonly size: number;
  readonly handle: string | Blob;
}

export type UploadResult = { ok: true; fileId: string } | { ok: false; message: string };

export async function uploadRollFile(_file: PickedRollFile, _where: { villageId: string; electionId: string }): Promise<UploadResult> {
  return { ok: false, message: '这里不能上传文件，请在微信小程序里导入' };
}
