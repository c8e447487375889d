import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pickEncoding, serveStatic } from '../../../server/local/static-files';

type Reply = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** A raw GET (fetch would decompress and hide the encoding). */
function raw(base: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((ok, fail) => {
    get(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

describe('static files of the H5 build: compressed and cached (issue 11, first screen)', () => {
  let dir: string;
  let server: Server;
  let base: string;
  const script = `/* app */\n${'console.log("村选通 first screen");\n'.repeat(400)}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxt-static-'));
    mkdirSync(join(dir, 'js'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><title>村选通</title>${'<p>正在打开</p>'.repeat(100)}`);
    writeFileSync(join(dir, 'js', 'app.0123abcd.js'), script);
    writeFileSync(join(dir, 'tiny.txt'), 'ok');
    server = createServer((req, res) => {
      void serveStatic(dir, new URL(req.url ?? '/', 'http://x').pathname, req, res).then((served) => {
        if (served) return;
        res.writeHead(404);
        res.end();
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends brotli when accepted, the same bytes once decompressed, much smaller', async () => {
    const r = await raw(base, '/js/app.0123abcd.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(r.body).toString('utf8')).toBe(script);
    expect(r.body.length).toBeLessThan(Buffer.byteLength(script) / 10);
  });

  it('sends gzip to a client without brotli, and the file as is to one that accepts neither', async () => {
    const gz = await raw(base, '/js/app.0123abcd.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(script);
    const plain = await raw(base, '/js/app.0123abcd.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
  });

  it('marks hashed assets immutable and revalidates index.html with an ETag (304)', async () => {
    const js = await raw(base, '/js/app.0123abcd.js', { 'accept-encoding': 'br' });
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const html = await raw(base, '/', { 'accept-encoding': 'br' });
    expect(html.headers['cache-control']).toBe('no-cache');
    const again = await raw(base, '/', { 'accept-encoding': 'br', 'if-none-match': String(html.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('compresses a rebuilt file again (the cache is keyed by size and time)', async () => {
    const file = join(dir, 'js', 'app.0123abcd.js');
    const before = await raw(base, '/js/app.0123abcd.js', { 'accept-encoding': 'br' });
    writeFileSync(file, script + '// rebuilt\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const after = await raw(base, '/js/app.0123abcd.js', { 'accept-encoding': 'br' });
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(brotliDecompressSync(after.body).toString('utf8')).toContain('// rebuilt');
  });

  it('leaves tiny files uncompressed and never serves outside the build folder', async () => {
    const tiny = await raw(base, '/tiny.txt', { 'accept-encoding': 'br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    const escape = await raw(base, '/..%2f..%2fetc%2fpasswd');
    expect(escape.body.toString('utf8')).not.toContain('root:');
  });

  it('honours q=0 and wildcards in Accept-Encoding', () => {
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('gzip;q=0, br;q=0')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
  });
});
