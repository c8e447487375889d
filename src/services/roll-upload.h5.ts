/** Browser (local host): the sheet goes to POST /files, which checks the committee as /api does. */
import { currentDevOpenid } from './dev-personas';
import type { PickedRollFile, UploadResult } from './roll-upload';

export type { PickedRollFile, UploadResult } from './roll-upload';

export async function uploadRollFile(file: PickedRollFile, where: { villageId: string; electionId: string }): Promise<UploadResult> {
  if (typeof file.handle === 'string') return { ok: false, message: '读取文件失败，请再选一次' };
  const headers: Record<string, string> = { 'x-file-name': encodeURIComponent(file.name) };
  const openid = currentDevOpenid();
  if (openid) headers['X-Dev-Openid'] = openid;
  try {
    const res = await fetch(`/files?electionId=${encodeURIComponent(where.electionId)}`, { method: 'POST', headers, body: file.handle });
    const env = (await res.json()) as { ok?: boolean; data?: { fileId?: string }; message?: string };
    if (env.ok && typeof env.data?.fileId === 'string') return { ok: true, fileId: env.data.fileId };
    return { ok: false, message: env.message ?? '上传文件失败，请再试一次' };
  } catch {
    return { ok: false, message: '上传文件失败，请检查网络后再试' };
  }
}
