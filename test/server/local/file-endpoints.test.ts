/**
 * The local host's file endpoints: the H5 committee page's upload (dev mode, committee of the
 * election only, size-capped) and the short-lived signed download URL; then committee.importRoll
 * with the uploaded file's id.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ROUTES } from '../../../server/functions/routes';
import { createHttpHost } from '../../../server/local/http-host';
import { openLocalApp, type LocalApp } from '../../../server/local/local-app';
import { MAX_ROLL_FILE_BYTES } from '../../../server/roll/roll-file';
import { DEMO_OPENIDS } from '../../../server/seed/demo-seed';
import { addDays, shanghaiDateOf } from '../../../src/domain/civil-date';
import { HEADER, syntheticId, toCsv } from '../roll/roll-fixtures';

const CLERK = 'ot-upload-clerk';

describe('local host file endpoints', () => {
  let dir: string;
  let local: LocalApp;
  let server: Server;
  let base: string;
  let electionId: string;
  let now = new Date('2026-03-01T02:00:00.000Z');

  const api = async <T,>(fn: string, body: Record<string, unknown>, openid: string): Promise<T> => {
    const r = await fetch(`${base}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Dev-Openid': openid }, body: JSON.stringify(body) });
    const env = (await r.json()) as { ok: boolean; data: T; message?: string };
    if (!env.ok) throw new Error(`${fn}.${String(body.action)}: ${env.message}`);
    return env.data;
  };
  const upload = (body: Buffer, openid: string | null, election = electionId, name = '名册.csv') =>
    fetch(`${base}/files?electionId=${encodeURIComponent(election)}`, { method: 'POST', headers: { 'x-file-name': encodeURIComponent(name), ...(openid ? { 'X-Dev-Openid': openid } : {}) }, body });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxt-files-'));
    local = openLocalApp({ dataDir: dir, env: { APP_MODE: 'dev' }, log: 'silent', clock: { now: () => now } });
    server = createHttpHost({ app: local.app, routes: ROUTES, storage: local.storage });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { village } = await api<{ village: { id: string } }>('township', { action: 'createVillage', name: '上传村', kind: 'village', presetId: 'national', groups: ['第一村民小组'] }, DEMO_OPENIDS.township);
    const { code } = await api<{ code: string }>('township', { action: 'inviteCommittee', villageId: village.id }, DEMO_OPENIDS.township);
    await api('identity', { action: 'redeemInvite', code }, CLERK);
    const electionDay = addDays(shanghaiDateOf(now), 40);
    electionId = (await api<{ election: { id: string } }>('committee', { action: 'createElection', villageId: village.id, electionDay, posts: [{ post: 'director', seats: 1 }, { post: 'member', seats: 2 }] }, CLERK)).election.id;
  });
  afterAll(async () => {
    server.close();
    await local.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a sheet from the committee and imports it by file id', async () => {
    const csv = toCsv([HEADER, ['张三', syntheticId('1960-01-01', 1), '第一村民小组', '', 'A', '', '']]);
    const r = await upload(Buffer.from(csv, 'utf8'), CLERK);
    expect(r.status).toBe(200);
    const { data } = (await r.json()) as { data: { fileId: string; fileName: string } };
    expect(data.fileName).toBe('名册.csv');
    expect(data.fileId).toMatch(/^local:\/\/roll-imports\//);
    const reply = await api<{ done: boolean; created: number; fileName: string }>('committee', { action: 'importRoll', electionId, fileId: data.fileId, fileName: data.fileName }, CLERK);
    expect(reply).toMatchObject({ done: true, created: 1, fileName: '名册.csv' });
  });

  it('refuses an upload without identity, from someone not on the committee, and above 5 MB', async () => {
    expect((await upload(Buffer.from('x'), null)).status).toBe(401);
    const stranger = await upload(Buffer.from('x'), 'ot-stranger');
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'NOT_COMMITTEE' });
    expect((await upload(Buffer.from('x'), CLERK, 'e_nope')).status).toBe(404);
    expect((await upload(Buffer.alloc(MAX_ROLL_FILE_BYTES + 1, 0x41), CLERK)).status).toBe(413);
  });

  it('serves a file by its short-lived URL until it expires, never with an altered token', async () => {
    const fileId = await local.app.storage.put('notices/a.txt', Buffer.from('公告'));
    const url = await local.app.storage.url(fileId, 60);
    const got = await fetch(`${base}${url}`);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).toString('utf8')).toBe('公告');
    const [payload, mac] = url.slice('/files/'.length).split('.');
    const forged = Buffer.from(JSON.stringify({ f: fileId, e: Date.parse('2030-01-01') })).toString('base64url');
    expect((await fetch(`${base}/files/${forged}.${mac}`)).status).toBe(404);
    expect((await fetch(`${base}/files/${payload}.${mac}x`)).status).toBe(404);
    now = new Date(now.getTime() + 61_000);
    expect((await fetch(`${base}${url}`)).status).toBe(404);
  });
});
