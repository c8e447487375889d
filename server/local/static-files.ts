/**
 * The built H5 app as the local host serves it: compressed and cached, so a slow phone's first
 * screen is not held up by the transfer (issue 11 — 631 KiB of uncompressed scripts on 400 kbps).
 *
 * - Compression: brotli when the browser accepts it, else gzip, for text types only. A
 *   precompressed sibling (`app.js.br`, `app.js.gz`, written by the build) is used when present;
 *   otherwise the file is compressed once on first request and kept in memory, keyed by path,
 *   size and mtime (a rebuilt file is compressed again). Bounded: the H5 build is ~1 MB.
 * - Caching: hashed assets (`js/`, `css/`, names with a content hash) are immutable for a year;
 *   index.html is revalidated every time (no-cache + ETag → 304), so a new build shows at once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

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

const cache = new Map<string, Variant>();

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

function variant(file: string, encoding: Encoding): Variant {
  const st = statSync(file);
  const key = `${file}\0${encoding}\0${st.size}\0${st.mtimeMs}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const pre = encoding === 'br' ? `${file}.br` : encoding === 'gzip' ? `${file}.gz` : null;
  let body: Buffer;
  if (pre && existsSync(pre) && statSync(pre).mtimeMs >= st.mtimeMs) body = readFileSync(pre);
  else {
    const raw = readFileSync(file);
    body =
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : encoding === 'gzip'
          ? gzipSync(raw, { level: 9 })
          : raw;
  }
  const made = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}-${encoding}"` };
  cache.set(key, made);
  return made;
}

/** The file a URL path names inside root, or index.html (hash routing); null outside root. */
function resolveFile(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  } catch {
    return null;
  }
  let file = resolve(root, rel);
  if (file !== root && !file.startsWith(root + sep)) return null;
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  return existsSync(file) ? file : null;
}

/** Serves a GET for the built app; false when there is nothing to serve (the caller answers 404). */
export function serveStatic(root: string, urlPath: string, req: IncomingMessage, res: ServerResponse): boolean {
  const file = resolveFile(root, urlPath);
  if (!file) return false;
  const ext = extname(file);
  const size = statSync(file).size;
  const encoding = COMPRESSIBLE.has(ext) && size >= MIN_COMPRESS_BYTES ? pickEncoding(req.headers['accept-encoding']) : 'identity';
  const v = variant(file, encoding);
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
