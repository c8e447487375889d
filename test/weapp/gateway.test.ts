/**
 * The client gateway (src/services/api.ts) on its own: input checked against the shared
 * contract before any network, the weapp transport (Taro.cloud.callFunction) and the H5
 * transport (fetch to the local host with the dev persona header). No build needed.
 */
const callFunction = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { cloud: { callFunction: (...a: unknown[]) => callFunction(...a) } } }));
// The browser build resolves dev-personas.h5.ts; jest would take the inert default.
jest.mock('../../src/services/dev-personas', () => jest.requireActual('../../src/services/dev-personas.h5'));

import { identity, registration } from '../../src/contracts';
import { callAction, NETWORK_MESSAGE } from '../../src/services/api';
import { saveChosenPersona } from '../../src/services/dev-personas';
import * as fx from './fixtures';

const goodBind = { name: '王秀英', idNumber: '33010219580315002X', bindingCode: 'k7pm-3qxa', consent: true as const };

beforeEach(() => {
  callFunction.mockReset();
  process.env.TARO_ENV = 'weapp';
  localStorage.clear();
});

describe('fixtures', () => {
  it('match the contracts the pages are built against', () => {
    expect(identity.whoami.output.safeParse(fx.whoamiBound).success).toBe(true);
    expect(identity.whoami.output.safeParse(fx.whoamiUnbound).success).toBe(true);
    expect(identity.whoami.output.safeParse(fx.whoamiCommittee).success).toBe(true);
    expect(registration.mine.output.safeParse(fx.mine).success).toBe(true);
  });
});

describe('callAction: input', () => {
  it('rejects bad input with the Chinese field messages and no network', async () => {
    const res = await callAction(identity.bind, { name: '', idNumber: '123', bindingCode: 'abc', consent: false as unknown as true });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.code).toBe('INVALID_INPUT');
    expect(res.fields).toEqual(
      expect.objectContaining({
        idNumber: '身份证号码应为18位',
        bindingCode: '绑定码是告知书上的8位字母和数字',
        consent: '请先阅读并同意个人信息处理说明',
      }),
    );
    expect(res.fields?.name).toMatch(/姓名/);
    expect(res.message).toBeTruthy();
    expect(callFunction).not.toHaveBeenCalled();
  });
});

describe('callAction: weapp transport', () => {
  it('calls the cloud function with the action and the normalized input', async () => {
    callFunction.mockResolvedValue({ result: { ok: true, data: { voter: fx.voter, election: fx.election } } });
    const res = await callAction(identity.bind, goodBind);
    expect(res.ok).toBe(true);
    expect(callFunction).toHaveBeenCalledWith({
      name: 'identity',
      data: { action: 'bind', name: '王秀英', idNumber: '33010219580315002X', bindingCode: 'K7PM3QXA', consent: true, requestId: expect.stringMatching(/^r[A-Za-z0-9_-]{21}$/) },
    });
  });

  it('passes error envelopes through unchanged', async () => {
    const err = { ok: false, code: 'NOT_FOUND', reason: 'BIND_MISMATCH', message: '姓名、身份证号码和绑定码对不上' };
    callFunction.mockResolvedValue({ result: err });
    expect(await callAction(identity.bind, goodBind)).toEqual(err);
  });

  it('turns a reply that breaks the contract into INTERNAL', async () => {
    callFunction.mockResolvedValue({ result: { ok: true, data: { roles: 'voter' } } });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const res = await callAction(identity.whoami, {});
    warn.mockRestore();
    expect(res).toMatchObject({ ok: false, code: 'INTERNAL' });
  });

  it('reports a failed call as a network problem in plain Chinese', async () => {
    callFunction.mockRejectedValue(new Error('cloud.callFunction:fail timeout'));
    expect(await callAction(identity.whoami, {})).toEqual({ ok: false, code: 'INTERNAL', message: NETWORK_MESSAGE });
    expect(NETWORK_MESSAGE).toBe('网络不通，请检查网络后再试');
  });
});

describe('callAction: H5 transport', () => {
  const fetchMock = jest.fn();
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
    fetchMock.mockReset();
    (globalThis as { fetch?: unknown }).fetch = fetchMock;
  });

  it('POSTs the event to /api/<function> with the chosen persona as X-Dev-Openid', async () => {
    saveChosenPersona({ key: 'villager', label: '村民 王秀英', role: 'villager', openid: 'o-dev-villager', hint: '', bindWith: null });
    fetchMock.mockResolvedValue({ status: 200, json: async () => ({ ok: true, data: fx.whoamiBound }) });
    const res = await callAction(identity.whoami, {});
    expect(res).toEqual({ ok: true, data: fx.whoamiBound });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/identity');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json', 'X-Dev-Openid': 'o-dev-villager' });
    expect(JSON.parse(String(init.body))).toEqual({ action: 'whoami' });
  });

  it('sends no persona header when none is chosen', async () => {
    fetchMock.mockResolvedValue({ status: 200, json: async () => ({ ok: true, data: fx.whoamiUnbound }) });
    await callAction(identity.whoami, {});
    expect((fetchMock.mock.calls[0] as [string, RequestInit])[1].headers).toEqual({ 'content-type': 'application/json' });
  });

  it('reports an unreachable host as a network problem', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    expect(await callAction(identity.whoami, {})).toEqual({ ok: false, code: 'INTERNAL', message: NETWORK_MESSAGE });
  });

  it('treats a body that is not JSON as INTERNAL, not as a crash', async () => {
    fetchMock.mockResolvedValue({ status: 502, json: async () => JSON.parse('<html>') });
    expect(await callAction(identity.whoami, {})).toMatchObject({ ok: false, code: 'INTERNAL' });
  });
});
