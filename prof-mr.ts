import { Session } from 'node:inspector/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalApp } from './server/local/local-app';
import { ROUTES } from './server/functions/routes';
import { dispatch } from './server/runtime/dispatch';
import type { Envelope } from './src/contracts/envelope';
import { seedVillage, type Caller } from './bench/villager-ops.scenario';
(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'prof-'));
  const local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'production', TOWNSHIP_ADMIN_OPENIDS: 'tw' }, log: 'silent' });
  const app = local.app; let n = 0;
  const call: Caller = async (fn, event, openid) => { const r = (await dispatch(fn, ROUTES[fn as keyof typeof ROUTES]!, event, { ...app, openid, requestId: `p-${++n}` })) as Envelope<unknown>; if (!r.ok) throw new Error(r.message); return r.data; };
  const { electionId, drafts } = await seedVillage(app, call, 2000, 'tw');
  const ids = drafts.map((_, i) => i).filter((i) => i > 2 && i % 10 !== 9).slice(0, 400);
  for (const i of ids) await call('identity', { action: 'bind', name: drafts[i]!.doc.name, idNumber: drafts[i]!.idNumber, bindingCode: drafts[i]!.bindingCode, consent: true }, `wx-${i}`);
  const pub = (await call('committee', { action: 'publishVoterList', electionId }, 'ops-clerk')) as { notice: { id: string } };
  const action = process.argv[2] ?? 'markRead';
  const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 100 }); await s.post('Profiler.start');
  const t = performance.now();
  for (const i of ids) {
    if (action === 'markRead') await call('notices', { action: 'markRead', noticeId: pub.notice.id }, `wx-${i}`);
    else await call('identity', { action: 'whoami' }, `wx-${i}`);
  }
  console.log('ms/call', (performance.now() - t) / ids.length);
  const { profile } = await s.post('Profiler.stop');
  const self = new Map<string, number>(); const byId = new Map(profile.nodes.map((nd: any) => [nd.id, nd]));
  const dt = profile.timeDeltas; const counts = new Map<number, number>();
  profile.samples.forEach((id: number, k: number) => counts.set(id, (counts.get(id) ?? 0) + (dt[k] ?? 0)));
  for (const [id, us] of counts) { const nd: any = byId.get(id); const cf = nd.callFrame; const key = `${cf.functionName || '(anon)'} ${cf.url.replace(/.*perf2\//, '').replace(/.*node_modules\//, 'nm/')}:${cf.lineNumber}`; self.set(key, (self.get(key) ?? 0) + us); }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  // aggregate by file too
  const byFile = new Map<string, number>(); for (const [k, v] of self) { const f = k.split(' ')[1]!.split(':')[0]!.replace(/^nm\/([^/]+(\/[^/]+)?).*/, 'nm/$1'); byFile.set(f, (byFile.get(f) ?? 0) + v); }
  console.log([...byFile].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(100 * v / total).toFixed(1)}% ${k}`).join('\n'));
  console.log('---');
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(100 * v / total).toFixed(1)}% ${k}`).join('\n'));
  await local.close();
})();
