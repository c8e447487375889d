/**
 * The notices and committee cloud functions in-process on the CloudBase adapter (in-memory
 * CloudBase fake), with `cloud.openapi.subscribeMessage.send` stubbed: publishing pushes in the
 * same invocation; a push stopped by WeChat's daily quota is resumed by the timer trigger.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeCloudbaseDatabase } from '../../../server/adapters/cloudbase/cloudbase-db.fake';
import { createCloudbaseStore } from '../../../server/adapters/cloudbase/cloudbase.store';
import { generateEd25519KeyPem } from '../../../server/adapters/crypto/ed25519.signer';
import { draftVoter, writeVoters } from '../../../server/seed/voter-factory';
import { seededRandom } from '../../../server/security/keyed-hash';
import { consentId } from '../../../server/push/consent';

type Sent = { touser: string; templateId: string; page?: string; data: Record<string, { value: string }> };
const wx = { openid: '' as string, db: new FakeCloudbaseDatabase(), sent: [] as Sent[] };

jest.mock('wx-server-sdk', () => ({
  __esModule: true,
  DYNAMIC_CURRENT_ENV: Symbol('current env'),
  init: () => undefined,
  getWXContext: () => ({ OPENID: wx.openid, APPID: 'wx-test', UNIONID: '' }),
  database: () => wx.db,
  openapi: {
    subscribeMessage: {
      send: async (p: Sent) => {
        wx.sent.push(p);
        return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
      },
    },
  },
}));

const TEMPLATE = 'NoticeTemplate_cloud_0001';
const ENV = { ID_HMAC_KEY: 'cloud-notices-hmac-key-0123456789abcdef', SIGNING_KEY_PEM: generateEd25519KeyPem(), TOWNSHIP_ADMIN_OPENIDS: 'o-township', NOTICE_TEMPLATE_ID: TEMPLATE };
const TIMER = { Type: 'Timer', TriggerName: 'resumeNoticePush', Time: '2026-03-01T02:01:00Z' };

describe('notices on CloudBase', () => {
  const saved = { ...process.env };
  beforeAll(() => Object.assign(process.env, ENV));
  afterAll(() => {
    process.env = saved;
  });

  it('pushes on publication, resumes on the timer after the daily quota, and never sends twice', async () => {
    const township = (await import('../../../cloudfunctions/township/index')).main;
    const identity = (await import('../../../cloudfunctions/identity/index')).main;
    const committee = (await import('../../../cloudfunctions/committee/index')).main;
    const notices = (await import('../../../cloudfunctions/notices/index')).main;

    wx.openid = 'o-township';
    const v = (await township({ action: 'createVillage', name: '云上公告村', kind: 'village', presetId: 'national', groups: ['一组', '二组'] })) as { ok: true; data: { village: { id: string } } };
    const villageId = v.data.village.id;
    const inv = (await township({ action: 'inviteCommittee', villageId })) as { ok: true; data: { code: string } };
    wx.openid = 'o-clerk';
    await identity({ action: 'redeemInvite', code: inv.data.code });
    const e = (await committee({ action: 'createElection', villageId, electionDay: '2099-05-10', posts: [{ post: 'director', seats: 1 }, { post: 'member', seats: 2 }] })) as { ok: true; data: { election: { id: string } } };
    const electionId = e.data.election.id;

    // Six bound voters, five of whom subscribed (written as an import and the subscribe action would).
    const store = createCloudbaseStore(wx.db);
    const at = '2026-03-01T02:00:00.000Z';
    const rng = seededRandom(3);
    const drafts = Array.from({ length: 6 }, (_, i) =>
      draftVoter({ electionId, villageId, name: ['王建国', '李秀英', '张伟', '刘芳', '陈明', '杨丽'][i]!, sex: i % 2 ? 'F' : 'M', birthDate: `197${i}-03-0${i + 1}`, group: i % 2 ? '二组' : '一组', category: 'A', status: 'registered', electionDay: '2099-05-10' }, ENV.ID_HMAC_KEY, rng, at),
    );
    await writeVoters(store, drafts, at);
    for (const [i, d] of drafts.entries()) {
      const openid = `o-cloud-${i}`;
      await store.update('voter', d.id, { boundTo: openid });
      await store.set('binding', openid, { voterId: d.id, electionId, villageId, boundAt: at });
    }
    for (let i = 0; i < 5; i++) {
      wx.openid = `o-cloud-${i}`;
      expect(await notices({ action: 'subscribe', templateIds: [TEMPLATE], accepted: [TEMPLATE] })).toMatchObject({ ok: true, data: { pushesOwed: 1 } });
    }

    // WeChat's daily quota is reached after two messages: the publishing invocation stops there.
    wx.openid = 'o-clerk';
    const sentBefore = wx.sent.length;
    let calls = 0;
    const sdk = jest.requireMock('wx-server-sdk') as { openapi: { subscribeMessage: { send: (p: Sent) => Promise<unknown> } } };
    const realSend = sdk.openapi.subscribeMessage.send;
    sdk.openapi.subscribeMessage.send = async (p: Sent) => (++calls > 2 ? Promise.reject(Object.assign(new Error('quota'), { errCode: 45009, errMsg: 'reach max api daily quota limit' })) : realSend(p));
    const pub = (await committee({ action: 'publishNotice', electionId, type: 'freeText', title: '关于召开选民大会的通知', body: '定于3月8日上午9时在村委会召开选民大会。' })) as {
      ok: true;
      data: { notice: { id: string }; push: { status: string; counts: Record<string, number> } };
    };
    expect(pub).toMatchObject({ ok: true, data: { push: { status: 'running', counts: { sent: 2, pending: 3, noConsent: 1 } } } });
    expect(wx.sent.length - sentBefore).toBe(2);

    // A "timer" event from a user is just an unknown action.
    wx.openid = 'o-cloud-0';
    expect(await notices(TIMER)).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'UNKNOWN_ACTION' });

    // The next day the timer trigger (no user) resumes the job.
    sdk.openapi.subscribeMessage.send = realSend;
    wx.openid = '';
    const tick = (await notices(TIMER)) as { ok: true; data: { jobs: { jobId: string; status: string; counts: Record<string, number> }[] } };
    expect(tick.data.jobs).toEqual([expect.objectContaining({ jobId: pub.data.notice.id, status: 'done', counts: expect.objectContaining({ sent: 5, noConsent: 1 }) })]);
    const perUser = new Map<string, number>();
    for (const s of wx.sent) perUser.set(s.touser, (perUser.get(s.touser) ?? 0) + 1);
    expect([...perUser.entries()].sort()).toEqual([0, 1, 2, 3, 4].map((i) => [`o-cloud-${i}`, 1]));
    expect(wx.sent[0]).toMatchObject({ templateId: TEMPLATE, page: `subpackages/notice/pages/detail/index?id=${pub.data.notice.id}`, data: { thing1: { value: '关于召开选民大会的通知' } } });
    expect(await notices(TIMER)).toMatchObject({ ok: true, data: { jobs: [] } });

    // The villager reads it; the committee sees the rate.
    wx.openid = 'o-cloud-3';
    expect(await notices({ action: 'list' })).toMatchObject({ ok: true, data: { unread: 1, pushesOwed: 0 } });
    expect(await notices({ action: 'markRead', noticeId: pub.data.notice.id })).toMatchObject({ ok: true, data: { firstRead: true, unread: 0 } });
    wx.openid = 'o-clerk';
    expect(await committee({ action: 'noticeStats', electionId, noticeId: pub.data.notice.id })).toMatchObject({
      ok: true,
      data: { detail: { awareness: { overall: { readers: 1, registered: 6 } }, deliveries: { sent: 5, noConsent: 1 } } },
    });
    expect(await store.get('consent', consentId('o-cloud-4', TEMPLATE))).toMatchObject({ unused: 0, used: 1 });
  });

  it('declares the subscribeMessage.send permission and the timer trigger in config.json', () => {
    const root = join(__dirname, '../../../cloudfunctions');
    const notices = JSON.parse(readFileSync(join(root, 'notices/config.json'), 'utf8')) as { permissions: { openapi: string[] }; triggers: { name: string; type: string; config: string }[] };
    const committee = JSON.parse(readFileSync(join(root, 'committee/config.json'), 'utf8')) as { permissions: { openapi: string[] } };
    expect(notices.permissions.openapi).toEqual(['subscribeMessage.send']);
    expect(committee.permissions.openapi).toEqual(['subscribeMessage.send']);
    expect(notices.triggers).toEqual([{ name: 'resumeNoticePush', type: 'timer', config: expect.stringMatching(/^(\S+ ){6}\S+$/) }]);
  });
});
