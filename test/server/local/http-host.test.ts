import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ROUTES } from '../../../server/functions/routes';
import { createHttpHost } from '../../../server/local/http-host';
import { openLocalApp, type LocalApp } from '../../../server/local/local-app';
import { seedDemo, type Persona } from '../../../server/seed/demo-seed';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const post = (base: string, fn: string, body: string, openid?: string) =>
  fetch(`${base}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(openid ? { 'X-Dev-Openid': openid } : {}) }, body });

describe('local host in dev mode, on a seeded demo', () => {
  let dir: string;
  let local: LocalApp;
  let server: Server;
  let base: string;
  let personas: Persona[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxt-host-'));
    local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'dev' }, log: 'silent' });
    const seeded = await seedDemo(local.app);
    personas = seeded.personas;
    writeFileSync(local.personasFile, JSON.stringify({ personas }));
    const staticDir = join(dir, 'www');
    require('node:fs').mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>村选通</title>');
    server = createHttpHost({ app: local.app, routes: ROUTES, staticDir, personasFile: local.personasFile });
    base = await listen(server);
  });
  afterAll(async () => {
    server.close();
    await local.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz', async () => {
    const r = await fetch(`${base}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true, mode: 'dev' });
  });

  it('seeds a village shaped like a real one, in the registration phase today', async () => {
    const villager = personas.find((p) => p.key === 'villager')!;
    const r = await post(base, 'identity', JSON.stringify({ action: 'bind', ...villager.bindWith, consent: true }), villager.openid);
    const env = (await r.json()) as { ok: boolean; data: { election: { phase: string; next: { key: string } } } };
    expect(env.ok).toBe(true);
    expect(env.data.election.phase).toBe('registration');
    // The next deadline is the end of registration, the day before the list is due.
    expect(env.data.election.next.key).toBe('registration');
    const count = await local.app.store.count('voter', {});
    expect(count).toBeGreaterThanOrEqual(2600);
    expect(count).toBeLessThanOrEqual(2800);
    const migrants = await local.app.store.count('voter', { category: 'B' });
    expect(migrants / count).toBeGreaterThan(0.3);
  });

  it('takes the caller from X-Dev-Openid in dev mode', async () => {
    const r = await post(base, 'identity', JSON.stringify({ action: 'whoami' }), 'dev-committee-clerk');
    const env = (await r.json()) as { ok: true; data: { roles: string[] } };
    expect(env.data.roles).toEqual(['committee']);
  });

  it('returns 400 for a body that is not JSON, and an envelope for an unknown function', async () => {
    const bad = await post(base, 'identity', '{not json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const unknown = await post(base, 'weather', '{}');
    expect(unknown.status).toBe(404);
  });

  it('serves personas and the H5 app (index.html for client routes)', async () => {
    const p = (await (await fetch(`${base}/dev/personas`)).json()) as { personas: Persona[] };
    expect(p.personas.map((x) => x.role)).toEqual(['villager', 'migrant', 'proxy', 'committee', 'township']);
    const page = await fetch(`${base}/pages/index/index`);
    expect(await page.text()).toContain('村选通');
    const escape = await fetch(`${base}/..%2f..%2fsecrets.json`);
    expect(await escape.text()).not.toContain('ID_HMAC_KEY');
  });

  it('keeps the personas file free of anything but synthetic IDs (area code 990101)', () => {
    const text = readFileSync(local.personasFile, 'utf8');
    for (const m of text.matchAll(/"idNumber":\s*"(\d{6})/g)) expect(m[1]).toBe('990101');
  });
});

describe('local host outside dev mode', () => {
  let dir: string;
  let local: LocalApp;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxt-prod-'));
    local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'production' }, log: 'silent' });
    server = createHttpHost({ app: local.app, routes: ROUTES, personasFile: local.personasFile });
    base = await listen(server);
  });
  afterAll(async () => {
    server.close();
    await local.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ignores X-Dev-Openid, so nothing needing identity is callable', async () => {
    const r = await post(base, 'registration', JSON.stringify({ action: 'mine' }), 'dev-villager');
    expect(await r.json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('hides the dev endpoints', async () => {
    expect((await fetch(`${base}/dev/personas`)).status).toBe(404);
  });
});

describe('local host input hygiene', () => {
  let dir: string;
  let local: LocalApp;
  let server: Server;
  let base: string;
  const LIMIT = 64 * 1024;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxt-host-hyg-'));
    local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'dev' }, log: 'silent', auditLinkIntervalMs: null });
    server = createHttpHost({ app: local.app, routes: ROUTES, maxBodyBytes: LIMIT });
    base = await listen(server);
  });
  afterAll(async () => {
    server.close();
    await local.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])('answers POST /api/%s with a typed 404, not a 500', async (fn) => {
    const r = await post(base, fn, JSON.stringify({ action: 'whoami' }));
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'UNKNOWN_FUNCTION' });
  });

  it('answers an action named after a prototype member with a typed refusal', async () => {
    const r = await post(base, 'identity', JSON.stringify({ action: '__proto__' }));
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'UNKNOWN_ACTION' });
  });

  it('answers a body over the limit with a typed 413 (the connection is not reset)', async () => {
    const body = JSON.stringify({ action: 'whoami', pad: 'x'.repeat(LIMIT * 3) });
    const r = await post(base, 'identity', body);
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BODY_TOO_LARGE' });
    // The host still serves the next request.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
