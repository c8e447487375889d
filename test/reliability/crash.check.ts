/**
 * crash: the local host (server/local/start.ts --api-only --data-dir D --port 0) under a burst of
 * writes — villages created by the township, notices published by the committee, each with its
 * requestId — is killed with SIGKILL once about half of them are acknowledged. After a restart
 * on the same directory (and a clean stop, which links the audit chain), every acknowledged write
 * must be in the database and `npm run audit:verify` must pass. Counted: acknowledged writes found.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as auditVerify } from '../../scripts/audit-verify';
import { DATABASE_FILE } from '../../server/local/local-app';
import { DEMO_OPENIDS } from '../../server/seed/demo-seed';
import type { CheckResult, Profile } from './profile';
import type { PiiLedger } from './pii-scan';
import { scanFiles } from './scan-files';
import { startHost, type Host } from './local-host';

const CONCURRENCY = 12;

async function post(port: number, fn: string, openid: string, event: Record<string, unknown>, ledger: PiiLedger): Promise<{ ok: boolean; data?: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': openid }, body: JSON.stringify(event) });
  const text = await res.text();
  ledger.scan(text, `reply ${fn}`);
  return JSON.parse(text) as { ok: boolean; data?: unknown };
}

const chineseNumber = (n: number) => String(n).replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]!);

/** Sends `total` writes CONCURRENCY at a time; kills the host once half are acknowledged. */
async function burst(host: Host, total: number, electionId: string, ledger: PiiLedger): Promise<{ collection: string; id: string }[]> {
  const acked: { collection: string; id: string }[] = [];
  let next = 0;
  let killed = false;
  const one = async (i: number) => {
    const notice = i % 4 === 3;
    const requestId = `crash-${i.toString().padStart(6, '0')}`;
    try {
      if (notice) {
        const r = await post(host.port, 'committee', DEMO_OPENIDS.committee, { action: 'publishNotice', electionId, type: 'freeText', title: `第${chineseNumber(i)}号通知`, body: '请各位村民留意本村选举的有关安排。', requestId }, ledger);
        if (r.ok) acked.push({ collection: 'notice', id: (r.data as { notice: { id: string } }).notice.id });
      } else {
        const r = await post(host.port, 'township', DEMO_OPENIDS.township, { action: 'createVillage', name: `测试${chineseNumber(i)}村`, kind: 'village', presetId: 'national', groups: ['第一村民小组'], requestId }, ledger);
        if (r.ok) acked.push({ collection: 'village', id: (r.data as { village: { id: string } }).village.id });
      }
    } catch {
      // No reply: not acknowledged (the host is gone).
    }
    if (!killed && acked.length >= total / 2) {
      killed = true;
      host.child.kill('SIGKILL');
    }
  };
  const worker = async () => {
    while (next < total && !killed) await one(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (!killed) host.child.kill('SIGKILL');
  await host.exited;
  return acked;
}

export async function crashCheck(profile: Profile, ledger: PiiLedger): Promise<CheckResult> {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-crash-'));
  const findings: string[] = [];
  try {
    const first = await startHost(dir, ledger);
    const who = await post(first.port, 'identity', DEMO_OPENIDS.committee, { action: 'whoami' }, ledger);
    const electionId = (who.data as { elections?: { id: string }[] } | undefined)?.elections?.[0]?.id;
    if (!electionId) throw new Error('the demo committee has no election');
    const acked = await burst(first, profile.crashRequests, electionId, ledger);
    const second = await startHost(dir, ledger);
    second.child.kill('SIGTERM');
    await second.exited;
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const has = db.prepare('SELECT 1 FROM docs WHERE collection = ? AND id = ?');
    let passed = 0;
    for (const a of acked) {
      if (has.get(a.collection, a.id)) passed += 1;
      else findings.push(`acknowledged ${a.collection}/${a.id} missing after restart`);
    }
    db.close();
    const lines: string[] = [];
    const code = await auditVerify(['--data-dir', dir], (l) => lines.push(l), {});
    if (code !== 0) findings.push(`audit chain does not verify after the crash: ${lines.filter((l) => l.startsWith('BROKEN')).join(' | ')}`);
    scanFiles(dir, ledger);
    const summary = lines[lines.length - 1] ?? '';
    return { name: 'crash', passed, failed: findings.length, note: `${acked.length} of ${profile.crashRequests} writes acknowledged before kill -9; ${summary}`, findings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
