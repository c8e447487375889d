/**
 * The built H5 app as the local host serves it: compressed and cached, so a slow phone's first
 * screen is not held up by the transfer (issue 11 — 631 KiB of uncompressed scripts on 400 kbps).
 *
 * - Compression: brotli when the browser accepts it, else gzip, for text types only. A
 *   precompressed sibling (`app.js.br`, `app.js.gz`, written by the build) is used when present;
 *   otherwise the file is compressed once and kept in memory, keyed by path, size and mtime (a
 *   rebuilt file is compressed again). Compression runs on libuv's thread pool (never blocking
 *   the API), one job per file version however many requests wait for it, and `warmStatic`
 *   starts it for the whole build when the host starts. Bounded: the H5 build is ~1 MB.
 * - Brotli at its best quality (11, 16 MB window): the build's files never change once built, so
 *   the ~1 s of CPU it costs for the whole build is spent once, in the background, and saves ~8%
 *   of the bytes over quality 9 (app.js 96 → 89 KB: ~0.25 s of a 400 kbps first visit).
 * - Caching: hashed assets (`js/`, `css/`, names with a content hash) are immutable for a year;
 *   index.html is revalidated every time (no-cache + ETag → 304), so a new build shows at once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.ttf']);
/** Below this a compressed body saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;
const HASHED = /\.[0-9a-f]{8,}\.(js|css)$/;

type Encoding = 'br' | 'gzip' | 'identity';
interface Variant {
  body: Buffer;
  etag: string;
}

const cache = new Map<string, Promise<Variant>>();
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The best encoding the request accepts (q=0 refuses), brotli first. */
export function pickEncoding(header: string | string[] | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

async function encode(file: string, encoding: Encoding, mtimeMs: number): Promise<Variant> {
  const pre = encoding === 'br' ? `${file}.br` : encoding === 'gzip' ? `${file}.gz` : null;
  let body: Buffer;
  if (pre && existsSync(pre) && statSync(pre).mtimeMs >= mtimeMs) body = readFileSync(pre);
  else {
    const raw = readFileSync(file);
    body =
      encoding === 'br'
        ? await brotliAsync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_LGWIN]: 24, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : encoding === 'gzip'
          ? await gzipAsync(raw, { level: 9 })
          : raw;
  }
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}-${encoding}"` };
}

function variant(file: string, encoding: Encoding, st: Stats = statSync(file)): Promise<Variant> {
  const key = `${file}\0${encoding}\0${st.size}\0${st.mtimeMs}`;
  let v = cache.get(key);
  if (!v) {
    v = encode(file, encoding, st.mtimeMs);
    cache.set(key, v);
    // A failed read is not remembered: the next request tries again.
    v.catch(() => cache.delete(key));
  }
  return v;
}

/** Compresses every text file of the build in the background, so the first visitor does not wait. */
export function warmStatic(root: string): void {
  const files: Array<{ path: string; st: Stats }> = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (COMPRESSIBLE.has(extname(path))) {
        const st = statSync(path);
        if (st.size >= MIN_COMPRESS_BYTES) files.push({ path, st });
      }
    }
  };
  if (!existsSync(root)) return;
  walk(root);
  // Largest first (app.js and the vendor chunk are on every first visit's critical path), and
  // brotli for all before gzip, which only old browsers ask for.
  files.sort((a, b) => b.st.size - a.st.size);
  void (async () => {
    for (const enc of ['br', 'gzip'] as const) for (const f of files) await variant(f.path, enc, f.st).catch(() => undefined);
  })();
}

/** The file a URL path names inside root, or index.html (hash routing), with its stat; null outside root. */
function resolveFile(root: string, urlPath: string): { file: string; st: Stats } | null {
  let rel: string;
  try {
    rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  } catch {
    return null;
  }
  const file = resolve(root, rel);
  if (file !== root && !file.startsWith(root + sep)) return null;
  const st = statSync(file, { throwIfNoEntry: false });
  if (st && !st.isDirectory()) return { file, st };
  const index = join(root, 'index.html');
  const indexSt = statSync(index, { throwIfNoEntry: false });
  return indexSt ? { file: index, st: indexSt } : null;
}

/** Serves a GET for the built app; false when there is nothing to serve (the caller answers 404). */
export async function serveStatic(root: string, urlPath: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const found = resolveFile(root, urlPath);
  if (!found) return false;
  const { file, st } = found;
  const ext = extname(file);
  const encoding = COMPRESSIBLE.has(ext) && st.size >= MIN_COMPRESS_BYTES ? pickEncoding(req.headers['accept-encoding']) : 'identity';
  const v = await variant(file, encoding, st);
  const headers: Record<string, string | number> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : file.endsWith('index.html') ? 'no-cache' : 'public, max-age=300',
    etag: v.etag,
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
  };
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  if (req.headers['if-none-match'] === v.etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  headers['content-length'] = v.body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : v.body);
  return true;
}
