/**
 * The committee cloud function's audit timer in-process on the CloudBase adapter (in-memory
 * CloudBase fake): a timer event links every pending entry and signs the head; a "timer"
 * event from a WeChat user is an ordinary (refused) action call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeCloudbaseDatabase } from '../../../server/adapters/cloudbase/cloudbase-db.fake';
import { createCloudbaseStore } from '../../../server/adapters/cloudbase/cloudbase.store';
import { createEd25519Signer, generateEd25519KeyPem } from '../../../server/adapters/crypto/ed25519.signer';
import { createKeyring } from '../../../server/adapters/crypto/ed25519.keyring';
import { verifyAuditChain } from '../../../server/audit/audit-verify';

const wx = { openid: '' as string, db: new FakeCloudbaseDatabase(), deleted: [] as string[] };

jest.mock('wx-server-sdk', () => ({
  __esModule: true,
  DYNAMIC_CURRENT_ENV: Symbol('current env'),
  init: () => undefined,
  getWXContext: () => ({ OPENID: wx.openid, APPID: 'wx-test', UNIONID: '' }),
  database: () => wx.db,
  deleteFile: async (p: { fileList: string[] }) => {
    wx.deleted.push(...p.fileList);
    return { fileList: p.fileList.map(() => ({ status: 0, errMsg: 'ok' })) };
  },
}));

const KEY = generateEd25519KeyPem();
const ENV = { ID_HMAC_KEY: 'cloud-audit-hmac-key-0123456789abcdef', SIGNING_KEY_PEM: KEY, TOWNSHIP_ADMIN_OPENIDS: 'o-township', NOTICE_TEMPLATE_ID: 'NoticeTemplate_cloud_0001' };
const TIMER = { Type: 'Timer', TriggerName: 'linkAuditChain', Time: '2026-03-01T02:01:00Z' };

describe('audit chain timer on CloudBase', () => {
  const saved = { ...process.env };
  beforeAll(() => Object.assign(process.env, ENV));
  afterAll(() => {
    process.env = saved;
  });

  it('is declared as a trigger of the committee function, every minute', () => {
    const config = JSON.parse(readFileSync(join(__dirname, '../../../cloudfunctions/committee/config.json'), 'utf8')) as { triggers: Array<{ name: string; type: string; config: string }> };
    expect(config.triggers).toContainEqual({ name: 'linkAuditChain', type: 'timer', config: '0 * * * * * *' });
  });

  it('links what the actions left pending and signs the head; a user-sent timer event links nothing', async () => {
    const township = (await import('../../../cloudfunctions/township/index')).main;
    const committee = (await import('../../../cloudfunctions/committee/index')).main;
    wx.openid = 'o-township';
    const v = (await township({ action: 'createVillage', name: '云上存证村', kind: 'village', presetId: 'national', groups: ['一组'] })) as { ok: true; data: { village: { id: string } } };
    const scope = `village:${v.data.village.id}`;
    const store = createCloudbaseStore(wx.db);
    expect(await store.count('auditPending', { scope })).toBe(1);

    wx.openid = 'o-someone';
    expect(await committee(TIMER)).toMatchObject({ ok: false });
    expect(await store.count('auditPending', { scope })).toBe(1);

    wx.openid = '';
    const r = (await committee(TIMER)) as { ok: true; data: { scopes: Array<{ scope: string; linked: number }>; failed: string[] } };
    expect(r.data.scopes).toContainEqual(expect.objectContaining({ scope, linked: 1 }));
    expect(r.data.failed).toEqual([]);
    expect(await store.count('auditPending', { scope })).toBe(0);
    const keyring = createKeyring(createEd25519Signer(KEY));
    expect(await verifyAuditChain(store, scope, { keyring })).toMatchObject({ ok: true, length: 1, checkpoints: 1 });
  });

  it('stops a roll import left idle past IMPORT_IDLE_HOURS and deletes its sheet from cloud storage, in the same tick', async () => {
    const committee = (await import('../../../cloudfunctions/committee/index')).main;
    const store = createCloudbaseStore(wx.db);
    const old = new Date(Date.now() - 25 * 3_600_000).toISOString();
    const recent = new Date(Date.now() - 3_600_000).toISOString();
    const job = (id: string, at: string) => ({
      electionId: 'e-cloud', villageId: 'v-cloud', fileName: '名册.xlsx', format: 'xlsx', total: 900, created: 500, updated: 0, unchanged: 0, rejected: 0,
      actor: 'a', at, status: 'running', fileId: `cloud://env/roll-imports/v-cloud/${id}.xlsx`, encoding: null, headerRow: 1, ignoredColumns: [],
      nextRow: 500, batches: 1, warned: 0, rejectedByReason: {}, codesUntil: null, updatedAt: at,
    });
    await store.set('rollImport', 'ri-idle', job('ri-idle', old));
    await store.set('rollImport', 'ri-busy', job('ri-busy', recent));
    wx.openid = '';
    const r = (await committee(TIMER)) as { ok: true; data: { importsStopped: number } };
    expect(r.data.importsStopped).toBe(1);
    expect(wx.deleted).toEqual(['cloud://env/roll-imports/v-cloud/ri-idle.xlsx']);
    expect(await store.get('rollImport', 'ri-idle')).toMatchObject({ status: 'stopped', fileId: null });
    expect(await store.get('rollImport', 'ri-busy')).toMatchObject({ status: 'running' });
  });
});
