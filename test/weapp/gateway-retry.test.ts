/**
 * The gateway's retries (src/services/api.ts, retry-policy.ts): a state-changing call carries a
 * fresh crypto-random requestId and is retried with the SAME id on BUSY and on a timeout or
 * network failure, a bounded number of times, with growing jittered pauses; read-only calls and
 * other refusals are never retried.
 */
const callFunction = jest.fn();
const getRandomValues = jest.fn();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { cloud: { callFunction: (...a: unknown[]) => callFunction(...a) }, getRandomValues: (...a: unknown[]) => getRandomValues(...a) },
}));

import { identity, notice as notices } from '../../src/contracts';
import { callAction, NETWORK_MESSAGE } from '../../src/services/api';
import { RETRY_LIMIT, requestIdFromBytes, retryDelayMs } from '../../src/services/retry-policy';

const busy = { ok: false, code: 'BUSY', message: '现在办理的人较多，请稍等几秒再试，不会重复办理', requestId: 'srv-1' };
const read = { ok: true, data: { noticeId: 'n_1', firstRead: true, readAt: '2026-03-01T02:00:00.000Z', unread: 0 } };
const sentIds = () => callFunction.mock.calls.map((c) => (c[0] as { data: { requestId?: string } }).data.requestId);

/** Runs `p` while advancing jest's clock, as the retry pauses need. */
async function settle<T>(p: Promise<T>): Promise<T> {
  let done = false;
  void p.finally(() => (done = true));
  while (!done) await jest.advanceTimersByTimeAsync(500);
  return p;
}

beforeEach(() => {
  jest.useFakeTimers();
  callFunction.mockReset();
  getRandomValues.mockReset();
  process.env.TARO_ENV = 'weapp';
});
afterEach(() => jest.useRealTimers());

describe('retry policy', () => {
  it('grows the pause exponentially, with jitter between half and all of it, capped', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, () => 0))).toEqual([150, 300, 600]);
    expect([1, 2, 3].map((n) => retryDelayMs(n, () => 1))).toEqual([300, 600, 1200]);
    expect(retryDelayMs(20, () => 1)).toBe(3000);
    expect(RETRY_LIMIT).toBe(3);
  });

  it('makes a requestId the server accepts, from 21 random bytes, and refuses fewer', () => {
    const id = requestIdFromBytes(new Uint8Array(21).map((_, i) => i * 12));
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(id).toHaveLength(22);
    expect(() => requestIdFromBytes(new Uint8Array(8))).toThrow();
  });
});

describe('callAction retries', () => {
  it('retries BUSY with the same requestId and returns the success', async () => {
    callFunction.mockResolvedValueOnce({ result: busy }).mockResolvedValueOnce({ result: busy }).mockResolvedValueOnce({ result: read });
    const res = await settle(callAction(notices.markRead, { noticeId: 'n_1' }));
    expect(res).toEqual(read);
    const ids = sentIds();
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^r[A-Za-z0-9_-]{21}$/);
  });

  it('retries a timeout with the same requestId', async () => {
    callFunction.mockRejectedValueOnce(new Error('cloud.callFunction:fail timeout')).mockResolvedValueOnce({ result: read });
    expect(await settle(callAction(notices.markRead, { noticeId: 'n_1' }))).toEqual(read);
    expect(new Set(sentIds()).size).toBe(1);
    expect(callFunction).toHaveBeenCalledTimes(2);
  });

  it('gives up after the bounded number of tries, with the last answer', async () => {
    callFunction.mockResolvedValue({ result: busy });
    expect(await settle(callAction(notices.markRead, { noticeId: 'n_1' }))).toEqual(busy);
    expect(callFunction).toHaveBeenCalledTimes(1 + RETRY_LIMIT);
    callFunction.mockReset();
    callFunction.mockRejectedValue(new Error('cloud.callFunction:fail timeout'));
    expect(await settle(callAction(notices.markRead, { noticeId: 'n_1' }))).toEqual({ ok: false, code: 'INTERNAL', message: NETWORK_MESSAGE });
    expect(callFunction).toHaveBeenCalledTimes(1 + RETRY_LIMIT);
  });

  it('gives each new call its own requestId', async () => {
    callFunction.mockResolvedValue({ result: read });
    await settle(callAction(notices.markRead, { noticeId: 'n_1' }));
    await settle(callAction(notices.markRead, { noticeId: 'n_1' }));
    const ids = sentIds();
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('never retries other refusals', async () => {
    const refused = { ok: false, code: 'NOT_FOUND', reason: 'NOTICE_UNKNOWN', message: '没有找到这份公告' };
    callFunction.mockResolvedValue({ result: refused });
    expect(await settle(callAction(notices.markRead, { noticeId: 'n_1' }))).toEqual(refused);
    expect(callFunction).toHaveBeenCalledTimes(1);
  });

  it('sends no requestId and never retries a read-only action', async () => {
    callFunction.mockRejectedValue(new Error('cloud.callFunction:fail timeout'));
    expect(await settle(callAction(identity.whoami, {}))).toEqual({ ok: false, code: 'INTERNAL', message: NETWORK_MESSAGE });
    expect(callFunction).toHaveBeenCalledTimes(1);
    expect(sentIds()).toEqual([undefined]);
  });

  describe('without Web Crypto (the mini-program runtime)', () => {
    const original = globalThis.crypto;
    beforeEach(() => Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true }));
    afterEach(() => Object.defineProperty(globalThis, 'crypto', { value: original, configurable: true }));

    it('takes the requestId from wx.getRandomValues', async () => {
      getRandomValues.mockResolvedValue({ randomValues: new Uint8Array(21).fill(5).buffer });
      callFunction.mockResolvedValue({ result: read });
      await settle(callAction(notices.markRead, { noticeId: 'n_1' }));
      expect(getRandomValues).toHaveBeenCalledWith({ length: 21 });
      expect(sentIds()).toEqual(['r' + 'F'.repeat(21)]);
    });

    it('without any secure source sends no id, retries BUSY (nothing applied) but not a timeout', async () => {
      getRandomValues.mockRejectedValue(new Error('getRandomValues:fail'));
      callFunction.mockResolvedValueOnce({ result: busy }).mockResolvedValueOnce({ result: read });
      expect(await settle(callAction(notices.markRead, { noticeId: 'n_1' }))).toEqual(read);
      expect(sentIds()).toEqual([undefined, undefined]);
      callFunction.mockReset();
      callFunction.mockRejectedValue(new Error('cloud.callFunction:fail timeout'));
      expect(await settle(callAction(notices.markRead, { noticeId: 'n_1' }))).toEqual({ ok: false, code: 'INTERNAL', message: NETWORK_MESSAGE });
      expect(callFunction).toHaveBeenCalledTimes(1);
    });
  });
});
