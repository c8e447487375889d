import { classifySubscribeMessageError, createSubscribeMessageNotifier, isTransientSubscribeError, type SubscribeMessageParams } from '../../../server/adapters/cloudbase/subscribe-message.notifier';
import type { NotifyMessage } from '../../../server/ports/notifier.port';

const msg: NotifyMessage = { openid: 'oABCDEFGHIJKLMNOPQRSTUVWXYZ12', templateId: 'tpl-1', page: 'pages/voter/index?e=1', data: { thing1: { value: '选民名单已公布' } } };

/** What wx-server-sdk's openapi wrapper throws for a WeChat errcode. */
const wxError = (errCode: number, errmsg: string) =>
  Object.assign(new Error(`errCode: ${errCode} | errMsg: openapi.subscribeMessage.send:fail ${errmsg}`), { errCode, errMsg: `openapi.subscribeMessage.send:fail ${errmsg}` });

describe('subscribe-message notifier', () => {
  it('calls openapi.subscribeMessage.send with the cloud-call parameter names', async () => {
    const calls: SubscribeMessageParams[] = [];
    const cloud = { openapi: { subscribeMessage: { send: async (p: SubscribeMessageParams) => (calls.push(p), { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }) } } };
    await expect(createSubscribeMessageNotifier(cloud).send(msg)).resolves.toEqual({ ok: true });
    expect(calls).toEqual([{ touser: msg.openid, templateId: 'tpl-1', page: 'pages/voter/index?e=1', data: { thing1: { value: '选民名单已公布' } }, miniprogramState: 'formal', lang: 'zh_CN' }]);
    await createSubscribeMessageNotifier(cloud, { miniprogramState: 'trial' }).send({ ...msg, page: undefined });
    expect(calls[1]).not.toHaveProperty('page');
    expect(calls[1]?.miniprogramState).toBe('trial');
  });

  it('returns a value instead of throwing, classified by errcode', async () => {
    const failing = (e: unknown) => createSubscribeMessageNotifier({ openapi: { subscribeMessage: { send: async () => Promise.reject(e) } } });
    await expect(failing(wxError(43101, 'user refuse to accept the msg')).send(msg)).resolves.toEqual({
      ok: false,
      transient: false,
      errCode: 43101,
      errMsg: 'openapi.subscribeMessage.send:fail user refuse to accept the msg',
    });
    await expect(failing(wxError(-1, 'system error')).send(msg)).resolves.toMatchObject({ ok: false, transient: true, errCode: -1 });
    await expect(failing(new Error('socket hang up')).send(msg)).resolves.toMatchObject({ ok: false, transient: true, errMsg: 'socket hang up' });
  });

  it('treats a resolved answer that carries a non-zero errCode as a failure', async () => {
    const n = createSubscribeMessageNotifier({ openapi: { subscribeMessage: { send: async () => ({ errCode: 47003, errMsg: 'argument invalid! data.thing1.value' }) } } });
    await expect(n.send(msg)).resolves.toMatchObject({ ok: false, transient: false, errCode: 47003 });
  });

  it('reports a missing openapi as a permanent failure', async () => {
    await expect(createSubscribeMessageNotifier({ openapi: {} }).send(msg)).resolves.toMatchObject({ ok: false, transient: false });
  });

  it('keeps the recipient openid out of the error message', () => {
    const r = classifySubscribeMessageError(wxError(40003, `invalid openid ${msg.openid}`));
    expect(r.errMsg).not.toContain(msg.openid);
  });

  describe('transient or permanent', () => {
    it.each([
      [-1, 'system busy'],
      [45009, 'daily API quota reached'],
      [45011, 'minute quota'],
      [42001, 'access_token expired'],
      [-501001, 'cloud system error'],
      [-501002, 'cloud timeout'],
      [-501004, 'concurrency limit'],
      [-601003, 'WeChat network error'],
      [-604102, 'open API timeout'],
      [undefined, 'no answer at all'],
    ] as Array<[number | undefined, string]>)('retries %p (%s)', (code) => {
      expect(isTransientSubscribeError(code)).toBe(true);
    });

    it.each([
      [43101, 'user refused or no subscription left'],
      [40003, 'invalid openid'],
      [40037, 'invalid template id'],
      [47003, 'invalid template data'],
      [41030, 'invalid page'],
      [-604101, 'function lacks the openapi permission'],
    ])('gives up on %p (%s)', (code) => {
      expect(isTransientSubscribeError(code)).toBe(false);
    });
  });
});
