/**
 * The local host as the checks drive it: `server/local/start.ts --api-only --data-dir D --port 0`
 * in dev mode, in a child process; resolves once it prints `LISTENING <port>`. Everything it
 * prints goes through the personal-data ledger.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { PiiLedger } from './pii-scan';

const ROOT = resolve(__dirname, '../..');

export interface Host {
  readonly child: ChildProcess;
  readonly port: number;
  readonly exited: Promise<void>;
}

export function startHost(dataDir: string, ledger: PiiLedger): Promise<Host> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/local/start.ts'), '--api-only', '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, APP_MODE: 'dev' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`host did not start: ${out.slice(-500)}`)), 120_000);
    const onData = (b: Buffer) => {
      const text = b.toString('utf8');
      ledger.scan(text, 'host log');
      out += text;
      const m = /LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ child, port: Number(m[1]), exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`host exited (${code}) before listening: ${out.slice(-500)}`)));
  });
}

