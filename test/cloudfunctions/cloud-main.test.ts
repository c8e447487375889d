/**
 * The cloud functions' real index.ts, called in-process as CloudBase would call `main`, with
 * wx-server-sdk replaced by a stand-in whose database is the in-memory CloudBase FAKE
 * (server/adapters/cloudbase/cloudbase-db.fake.ts). Identity comes from getWXContext only.
 */
import { FakeCloudbaseDatabase } from '../../server/adapters/cloudbase/cloudbase-db.fake';
import { generateEd25519KeyPem } from '../../server/adapters/crypto/ed25519.signer';

const wx = { openid: '' as string, db: new FakeCloudbaseDatabase(), inits: 0 };

jest.mock('wx-server-sdk', () => ({
  __esModule: true,
  DYNAMIC_CURRENT_ENV: Symbol('current env'),
  init: () => {
    wx.inits++;
  },
  getWXContext: () => ({ OPENID: wx.openid, APPID: 'wx-test', UNIONID: '' }),
  database: () => wx.db,
  openapi: { subscribeMessage: { send: async () => ({ errCode: 0 }) } },
}));

const ENV = {
  ID_HMAC_KEY: 'cloud-test-hmac-key-0123456789abcdef',
  SIGNING_KEY_PEM: generateEd25519KeyPem(),
  TOWNSHIP_ADMIN_OPENIDS: 'o-township',
  NOTICE_TEMPLATE_ID: 'NoticeTemplate_cloud_main',
};

describe('cloud functions on the CloudBase adapter', () => {
  const saved = { ...process.env };
  beforeAll(() => Object.assign(process.env, ENV));
  afterAll(() => {
    process.env = saved;
  });

  it('runs township → committee → election through each function’s main, identity from OPENID only', async () => {
    const township = (await import('../../cloudfunctions/township/index')).main;
    const identity = (await import('../../cloudfunctions/identity/index')).main;
    const committee = (await import('../../cloudfunctions/committee/index')).main;

    wx.openid = 'o-township';
    const v = await township({ action: 'createVillage', name: '云上村', kind: 'village', presetId: 'national', groups: ['一组'], userInfo: { openId: 'o-township', appId: 'wx-test' } });
    expect(v).toMatchObject({ ok: true });
    const villageId = (v as { data: { village: { id: string } } }).data.village.id;
    const inv = (await township({ action: 'inviteCommittee', villageId })) as { ok: true; data: { code: string } };

    wx.openid = 'o-clerk';
    expect(await identity({ action: 'redeemInvite', code: inv.data.code })).toMatchObject({ ok: true });
    // A payload claiming another identity changes nothing: the caller is still o-clerk.
    const denied = await township({ action: 'inviteCommittee', villageId, userInfo: { openId: 'o-township' } });
    expect(denied).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const e = await committee({ action: 'createElection', villageId, electionDay: '2099-05-10', posts: [{ post: 'director', seats: 1 }, { post: 'member', seats: 2 }] });
    expect(e).toMatchObject({ ok: true });
    const who = await identity({ action: 'whoami' });
    expect(who).toMatchObject({ ok: true, data: { roles: ['committee'] } });
    expect(wx.inits).toBe(3);
  });

  it('refuses every action when the deployment secrets are missing (fail closed)', async () => {
    jest.resetModules();
    delete process.env.ID_HMAC_KEY;
    const identity = (await import('../../cloudfunctions/identity/index')).main;
    wx.openid = 'o-someone';
    const r = await identity({ action: 'whoami' });
    expect(r).toMatchObject({ ok: false, code: 'INTERNAL' });
    Object.assign(process.env, ENV);
  });
});
