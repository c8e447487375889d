/**
 * The local host (../shared/docs/API.md §Local host): every cloud function over HTTP on one
 * port, plus the built H5 app. `POST /api/<function>` → envelope (HTTP 200; 400 only for a body
 * that is not JSON). In dev mode the caller's openid comes from `X-Dev-Openid`; otherwise that
 * header is ignored and nothing needing identity is callable.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LocalStorage } from '../adapters/local/local-storage';
import type { AppContext } from '../runtime/context';
import { dispatch, type FunctionRoutes } from '../runtime/dispatch';
import { handleFileDownload, handleFileUpload } from './file-endpoints';
import { serveStatic, warmStatic } from './static-files';

export interface HostOptions {
  readonly app: AppContext;
  readonly routes: Readonly<Record<string, FunctionRoutes | undefined>>;
  readonly staticDir?: string | null;
  readonly personasFile?: string | null;
  /** Extra dev-only JSON endpoints under /dev/ (e.g. recorded deliveries). */
  readonly devEndpoints?: Readonly<Record<string, () => unknown>>;
  readonly maxBodyBytes?: number;
  /** Local file storage: `POST /files` (dev mode, committee only) and `GET /files/{token}`. */
  readonly storage?: LocalStorage | null;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * The body, or null when it is larger than `limit`. An oversized body is read to its end and
 * dropped (not buffered) so the client gets its typed 413 instead of a connection reset; past
 * DRAIN_FACTOR × limit the sender is abusive and the connection is cut.
 */
export function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else if (chunks.length) chunks.length = 0;
      if (size > limit * DRAIN_FACTOR) {
        resolveBody(null);
        req.destroy();
      }
    });
    req.on('end', () => resolveBody(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** How far past the limit an oversized body is still drained before the connection is cut. */
const DRAIN_FACTOR = 4;

/** POST /api/<function> bodies: an import of a few thousand rows is well under 1 MB. */
const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return (await readBytes(req, limit))?.toString('utf8') ?? null;
}

export function createHttpHost(opts: HostOptions): Server {
  const { app } = opts;
  const dev = app.settings.mode === 'dev';
  const limit = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const staticRoot = opts.staticDir ? resolve(opts.staticDir) : null;
  if (staticRoot) warmStatic(staticRoot);

  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/healthz') return sendJson(res, 200, { ok: true, mode: app.settings.mode });

      const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
      if (api) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, code: 'INVALID_INPUT', message: '请用 POST 调用' });
        const fn = api[1]!;
        // Own properties only: `constructor`, `toString`… of the prototype are not functions of ours.
        const routes = Object.hasOwn(opts.routes, fn) ? opts.routes[fn] : undefined;
        if (!routes) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', reason: 'UNKNOWN_FUNCTION', message: `没有名为 ${fn} 的云函数` });
        const text = await readBody(req, limit);
        if (text === null) return sendJson(res, 413, { ok: false, code: 'INVALID_INPUT', reason: 'BODY_TOO_LARGE', message: '提交的内容太大，请分几次提交' });
        let event: unknown;
        try {
          event = text.length ? JSON.parse(text) : {};
        } catch {
          return sendJson(res, 400, { ok: false, code: 'INVALID_INPUT', message: '请求内容不是合法的 JSON' });
        }
        const header = req.headers['x-dev-openid'];
        const openid = dev && typeof header === 'string' && header.trim() ? header.trim() : null;
        const envelope = await dispatch(fn, routes, event, { ...app, openid, requestId: randomUUID() });
        return sendJson(res, 200, envelope);
      }

      if (opts.storage && (url.pathname === '/files' || url.pathname.startsWith('/files/'))) {
        const header = req.headers['x-dev-openid'];
        const openid = dev && typeof header === 'string' && header.trim() ? header.trim() : null;
        if (req.method === 'POST' && url.pathname === '/files') return handleFileUpload(req, res, url, { ...app, openid, requestId: randomUUID() }, opts.storage);
        if (req.method === 'GET') return handleFileDownload(res, url.pathname.slice('/files/'.length), opts.storage);
        return sendJson(res, 405, { ok: false, code: 'INVALID_INPUT', message: '不支持这种请求' });
      }

      if (url.pathname.startsWith('/dev/')) {
        if (!dev) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '仅开发模式可用' });
        if (url.pathname === '/dev/personas' && opts.personasFile && existsSync(opts.personasFile)) {
          return sendJson(res, 200, JSON.parse(readFileSync(opts.personasFile, 'utf8')));
        }
        const endpoint = opts.devEndpoints?.[url.pathname.slice('/dev/'.length)];
        if (endpoint) return sendJson(res, 200, endpoint());
        return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '没有这个开发接口' });
      }

      if ((req.method === 'GET' || req.method === 'HEAD') && staticRoot && (await serveStatic(staticRoot, url.pathname, req, res))) return;
      return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: staticRoot ? '没有这个页面' : '只启动了云函数（npm run api）；完整应用请用 npm start' });
    })().catch((e: unknown) => {
      app.log.error('host.failed', { detail: e instanceof Error ? e.message : String(e) });
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '系统出了点问题，请稍后再试' });
    });
  });
}
