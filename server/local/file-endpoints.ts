/**
 * The local host's stand-in for cloud storage (CloudBase: the mini-program uploads with
 * wx.cloud.uploadFile and the function gets temporary URLs).
 *
 * `POST /files?electionId=…` — the H5 committee page uploads a roll sheet (raw bytes, the file
 * name URI-encoded in `X-File-Name`). Dev mode only, identity as on /api (`X-Dev-Openid`), only a
 * member of that election's village committee, at most MAX_ROLL_FILE_BYTES. Stored under
 * roll-imports/{villageId}/, where committee.importRoll looks. → `{ ok: true, data: { fileId } }`.
 *
 * `GET /files/{token}` — the file a short-lived URL names (Storage.url: an HMAC-signed expiry),
 * 404 once expired or altered.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { LocalStorage } from '../adapters/local/local-storage';
import { rollImportPrefix } from '../ports/storage.port';
import { MAX_ROLL_FILE_BYTES } from '../roll/roll-file';
import type { CallContext } from '../runtime/context';
import { loadCommitteeElection } from '../use-cases/roll/roll-access.policy';
import { readBytes, sendJson } from './http-host';

export async function handleFileUpload(req: IncomingMessage, res: ServerResponse, url: URL, ctx: CallContext, storage: LocalStorage): Promise<void> {
  if (ctx.settings.mode !== 'dev') return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '仅开发模式可用' });
  if (!ctx.openid) return sendJson(res, 401, { ok: false, code: 'UNAUTHENTICATED', reason: 'NO_OPENID', message: '请先登录' });
  const scope = await loadCommitteeElection(ctx, url.searchParams.get('electionId') ?? '');
  if (!scope.ok) return sendJson(res, scope.code === 'FORBIDDEN' ? 403 : 404, { ok: false, code: scope.code, reason: scope.reason, message: scope.message });
  // Refused before reading when the length is declared, so the client gets the answer.
  const declared = Number(req.headers['content-length'] ?? 0);
  const bytes = declared > MAX_ROLL_FILE_BYTES ? null : await readBytes(req, MAX_ROLL_FILE_BYTES);
  if (bytes === null) return sendJson(res, 413, { ok: false, code: 'LIMIT_EXCEEDED', reason: 'FILE_TOO_LARGE', message: '文件超过5MB，请分成几个文件导入' });
  if (bytes.length === 0) return sendJson(res, 400, { ok: false, code: 'INVALID_INPUT', reason: 'EMPTY_FILE', message: '文件是空的，没有读到任何内容' });
  const name = decodeName(req.headers['x-file-name']);
  const ext = /\.xlsx$/i.test(name) ? 'xlsx' : 'csv';
  const fileId = await storage.put(`${rollImportPrefix(scope.value.village._id)}${Date.now()}-${randomBytes(6).toString('hex')}.${ext}`, bytes);
  return sendJson(res, 200, { ok: true, data: { fileId, fileName: name } });
}

function decodeName(header: string | string[] | undefined): string {
  const raw = typeof header === 'string' ? header : '';
  try {
    return decodeURIComponent(raw).slice(0, 200) || 'roll';
  } catch {
    return 'roll';
  }
}

export async function handleFileDownload(res: ServerResponse, token: string, storage: LocalStorage): Promise<void> {
  const fileId = storage.fileOfToken(token);
  const bytes = fileId ? await storage.read(fileId) : null;
  if (!bytes) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '链接已过期或文件不存在' });
  const type = fileId!.endsWith('.svg') ? 'image/svg+xml' : fileId!.endsWith('.json') ? 'application/json' : 'application/octet-stream';
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'content-length': bytes.length, 'x-content-type-options': 'nosniff' });
  res.end(bytes);
}
