/**
 * The real wx-server-sdk, offline (no network, no credentials): every database call fails fast,
 * and the SDK also leaves a TcbError rejection nobody awaits, which kills a plain Node process
 * unless installTcbRejectionGuard is in place. Jest replaces `process` inside test files and
 * reports unhandled rejections itself, so the check runs in a child Node process.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { isTcbError } from '../../../server/adapters/cloudbase/cloudbase.store';
import { TcbError } from '../../../server/adapters/cloudbase/cloudbase-db.fake';

const ROOT = join(__dirname, '..', '..', '..');
const PROBE = join(__dirname, 'cloudbase-offline.probe.ts');

interface ProbeRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runProbe(mode: string): Promise<ProbeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', PROBE, mode], {
      cwd: ROOT,
      // SILENCE turns off the SDK's "request longer than 3s" timer, which would hold the process.
      env: { ...process.env, SILENCE: 'true', TENCENTCLOUD_SECRETID: '', TENCENTCLOUD_SECRETKEY: '', TENCENTCLOUD_SESSIONTOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

// Both child processes start at once: each pays Node + tsx start-up, not one after the other.
let sdkRun: Promise<ProbeRun>;
let unrelatedRun: Promise<ProbeRun>;
beforeAll(() => {
  sdkRun = runProbe('sdk');
  unrelatedRun = runProbe('unrelated');
});

describe('CloudBase adapter on the real wx-server-sdk, offline', () => {
  it('rejects with StoreError UNAVAILABLE, fast, and the process survives the stray TcbError', async () => {
    const r = await sdkRun;
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { kind?: string; ms?: number; survived?: boolean };
    expect(out).toMatchObject({ kind: 'UNAVAILABLE', survived: true });
    expect(out.ms).toBeLessThan(5000);
    // The guard saw the stray rejection and logged it once, by code only.
    const guardLines = r.stderr.split('\n').filter((l) => l.includes('cloudbase.sdk.floating-rejection'));
    expect(guardLines).toHaveLength(1);
    expect(guardLines[0]).not.toMatch(/secret/i);
  }, 25_000);

  it('still lets any other unhandled rejection crash the process', async () => {
    const r = await unrelatedRun;
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('unrelated failure');
    expect(r.stdout).not.toContain('survived');
  }, 25_000);

  it('recognises TcbError by class name or by its fields, and nothing else', () => {
    expect(isTcbError(new TcbError('INVALID_PARAM', 'missing secretId or secretKey of tencent cloud'))).toBe(true);
    expect(isTcbError(Object.assign(new Error('x'), { code: 'INVALID_PARAM', requestId: '' }))).toBe(true);
    expect(isTcbError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false);
    expect(isTcbError({ code: 'INVALID_PARAM', requestId: '' })).toBe(false);
    expect(isTcbError('TcbError')).toBe(false);
  });
});
