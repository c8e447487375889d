/**
 * Issue #10: invitation-code guesses are limited per WeChat user and per invitation — wrong
 * guesses whose first part names a live invitation count against it, and it is void after
 * settings.inviteCodeMaxFailures of them, however many users guess.
 */
import { CODE_ALPHABET } from '../../../server/security/keyed-hash';
import { INVITE_LOOKUP_LENGTH } from '../../../server/use-cases/identity/invite-code';
import { describeEachStore, makeTestApp, TOWNSHIP, type TestApp } from '../harness';

/** The same lookup part, a different rest: a guess at this invitation. */
const wrongRest = (code: string, i: number) => {
  const rest = code.slice(INVITE_LOOKUP_LENGTH).split('');
  rest[0] = CODE_ALPHABET[(CODE_ALPHABET.indexOf(rest[0]!) + 1 + (i % (CODE_ALPHABET.length - 1))) % CODE_ALPHABET.length]!;
  return code.slice(0, INVITE_LOOKUP_LENGTH) + rest.join('');
};

describe('identity.redeemInvite: guessing limits', () => {
  let t: TestApp;
  let villageId: string;
  beforeEach(async () => {
    t = makeTestApp();
    const r = await t.ok<{ village: { id: string } }>('township', { action: 'createVillage', name: '邀请村', kind: 'village', presetId: 'national', groups: ['第一村民小组'] }, TOWNSHIP);
    villageId = r.village.id;
  });
  afterEach(() => t.close());

  const invite = async () => (await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId }, TOWNSHIP)).code;

  it('locks a WeChat user for inviteLockMinutes after inviteMaxFailures wrong codes, even the right code', async () => {
    const code = await invite();
    const max = t.app.settings.inviteMaxFailures;
    const rs = [];
    for (let i = 0; i < max; i++) rs.push(await t.call('identity', { action: 'redeemInvite', code: `ZZZZZ${String(i).padStart(5, '2').replace(/[01]/g, '2')}` }, 'wx-guess'));
    expect(rs.slice(0, -1).every((r) => !r.ok && r.reason === 'INVITE_INVALID')).toBe(true);
    expect(rs.at(-1)).toMatchObject({ ok: false, code: 'RATE_LIMITED', reason: 'INVITE_TRIES' });
    expect(await t.call('identity', { action: 'redeemInvite', code }, 'wx-guess')).toMatchObject({ ok: false, reason: 'INVITE_TRIES' });
    t.setNow(new Date(t.app.clock.now().getTime() + t.app.settings.inviteLockMinutes * 60_000).toISOString());
    expect(await t.call('identity', { action: 'redeemInvite', code }, 'wx-guess')).toMatchObject({ ok: true });
  });

  it('voids an invitation after inviteCodeMaxFailures wrong guesses at it from many users, and says so to its holder', async () => {
    const code = await invite();
    const max = t.app.settings.inviteCodeMaxFailures;
    const rs = [];
    for (let i = 0; i < max + 3; i++) rs.push(await t.call('identity', { action: 'redeemInvite', code: wrongRest(code, i) }, `wx-g-${i}`));
    expect(rs.slice(0, max - 1).every((r) => !r.ok && r.reason === 'INVITE_INVALID')).toBe(true);
    expect(rs.slice(max - 1).every((r) => !r.ok && r.code === 'RATE_LIMITED' && r.reason === 'INVITE_LOCKED')).toBe(true);
    const holder = await t.call('identity', { action: 'redeemInvite', code }, 'wx-holder');
    expect(holder).toMatchObject({ ok: false, code: 'RATE_LIMITED', reason: 'INVITE_LOCKED' });
    if (!holder.ok) expect(holder.message).toContain('乡镇');
    // A new invitation works.
    expect(await t.call('identity', { action: 'redeemInvite', code: await invite() }, 'wx-holder')).toMatchObject({ ok: true });
  });
});

describeEachStore('identity.redeemInvite: racing guesses at one invitation', (kind) => {
  it('evaluates at most inviteCodeMaxFailures of them; the invitation is then void', async () => {
    const t = makeTestApp({ store: kind });
    try {
      const r = await t.ok<{ village: { id: string } }>('township', { action: 'createVillage', name: '邀请村', kind: 'village', presetId: 'national', groups: ['第一村民小组'] }, TOWNSHIP);
      const { code } = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId: r.village.id }, TOWNSHIP);
      const max = t.app.settings.inviteCodeMaxFailures;
      const replies: Array<{ ok: boolean; code?: string; reason?: string }> = [];
      for (let round = 0; round < 5 && !replies.some((x) => x.reason === 'INVITE_LOCKED'); round++) {
        replies.push(...(await Promise.all(Array.from({ length: max * 3 }, (_, i) => t.call('identity', { action: 'redeemInvite', code: wrongRest(code, i) }, `wx-r-${round}-${i}`)))));
      }
      expect(replies.filter((x) => x.reason === 'INVITE_INVALID')).toHaveLength(max - 1);
      expect(replies.every((x) => x.reason === 'INVITE_INVALID' || x.reason === 'INVITE_LOCKED' || x.code === 'BUSY')).toBe(true);
      expect(await t.call('identity', { action: 'redeemInvite', code }, 'wx-holder')).toMatchObject({ ok: false, reason: 'INVITE_LOCKED' });
    } finally {
      await t.close();
    }
  }, 60_000);
});
