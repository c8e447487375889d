/**
 * http: input probes against the local host over real HTTP (server/local/start.ts --port 0), as
 * issue 10 found them: a function name that is a property of every object (constructor,
 * __proto__, hasOwnProperty, toString) must get HTTP 404 with a typed error envelope, never 500;
 * a 25 MB body must get HTTP 413 with a typed envelope, never a reset connection. An unknown
 * plain name is probed too, as the control the prototype names must answer like.
 */
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errEnvelopeSchema } from '../../src/contracts/envelope.schema';
import { DEMO_OPENIDS } from '../../server/seed/demo-seed';
import { startHost } from './local-host';
import type { CheckResult } from './profile';
import type { PiiLedger } from './pii-scan';

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'hasOwnProperty', 'toString'] as const;
const CONTROL_NAME = 'noSuchFunction';
const BIG_BODY_BYTES = 25 * 1024 * 1024;

interface Answer {
  readonly status: number | null;
  readonly body: string;
  /** The client-side error when no response arrived (e.g. ECONNRESET, EPIPE). */
  readonly error: string | null;
}

function post(port: number, path: string, body: string | Buffer): Promise<Answer> {
  return new Promise((done) => {
    let settled = false;
    const finish = (a: Answer) => {
      if (!settled) done(a);
      settled = true;
    };
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-dev-openid': DEMO_OPENIDS.committee } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => finish({ status: res.statusCode ?? null, body: Buffer.concat(chunks).toString('utf8'), error: null }));
      res.on('error', (e: NodeJS.ErrnoException) => finish({ status: res.statusCode ?? null, body: Buffer.concat(chunks).toString('utf8'), error: e.code ?? e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => finish({ status: null, body: '', error: e.code ?? e.message }));
    req.end(body);
  });
}

/** Null when `a` is HTTP `status` with a typed error envelope; else what it was. */
function fault(a: Answer, status: number): string | null {
  if (a.status === null) return `no response (${a.error ?? 'closed'})`;
  let typed = false;
  try {
    typed = errEnvelopeSchema.safeParse(JSON.parse(a.body)).success;
  } catch {
    typed = false;
  }
  if (a.status === status && typed) return null;
  return `HTTP ${a.status}${typed ? '' : ', not a typed envelope'}: ${a.body.slice(0, 120)}`;
}

export async function httpCheck(_profile: unknown, ledger: PiiLedger): Promise<CheckResult> {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-http-'));
  const findings: string[] = [];
  let passed = 0;
  const host = await startHost(dir, ledger);
  try {
    for (const name of [...PROTOTYPE_NAMES, CONTROL_NAME]) {
      const a = await post(host.port, `/api/${name}`, JSON.stringify({ action: 'whoami' }));
      ledger.scan(a.body, `reply /api/${name}`);
      const f = fault(a, 404);
      if (f) findings.push(`POST /api/${name}: ${f}, expected HTTP 404 with a typed envelope`);
      else passed += 1;
    }
    const big = Buffer.alloc(BIG_BODY_BYTES, 'a');
    big.write('{"action":"whoami","pad":"', 0, 'utf8');
    big.write('"}', BIG_BODY_BYTES - 2, 'utf8');
    const a = await post(host.port, '/api/identity', big);
    const f = fault(a, 413);
    if (f) findings.push(`POST /api/identity with a 25 MB body: ${f}, expected HTTP 413 with a typed envelope`);
    else passed += 1;
    return { name: 'http', passed, failed: findings.length, note: 'prototype names as function names → 404, a 25 MB body → 413, each with a typed envelope, over HTTP to the local host', findings };
  } finally {
    host.child.kill('SIGTERM');
    await host.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}
