/** WeChat: the sheet goes to CloudBase storage under roll-imports/{villageId}/ (wx.cloud.uploadFile). */
import Taro from '@tarojs/taro';
import type { PickedRollFile, UploadResult } from './roll-upload';
import { rollUploadPath } from './roll-upload-rules';

export type { PickedRollFile, UploadResult } from './roll-upload';

export async function uploadRollFile(file: PickedRollFile, where: { villageId: string; electionId: string }): Promise<UploadResult> {
  if (typeof file.handle !== 'string') return { ok: false, message: '读取文件失败，请再选一次' };
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: rollUploadPath(where.villageId, file.name), filePath: file.handle });
    return res.fileID ? { ok: true, fileId: res.fileID } : { ok: false, message: '上传文件失败，请再试一次' };
  } catch {
    return { ok: false, message: '上传文件失败，请检查网络后再试' };
  }
}
