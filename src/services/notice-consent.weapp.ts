/**
 * WeChat: wx.requestSubscribeMessage. It must run inside a tap handler, and every accepted
 * template allows exactly one message (one-time subscribe message).
 */
import Taro from '@tarojs/taro';
import type { ConsentKind, ConsentRequest, ConsentResult } from './notice-consent';

export type { ConsentKind, ConsentRequest, ConsentResult } from './notice-consent';
export const CONSENT_KIND: ConsentKind = 'wechat';

export async function requestConsent(templateIds: string[]): Promise<ConsentResult> {
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] })) as unknown as Record<string, unknown>;
    return { ok: true, accepted: templateIds.filter((t) => res[t] === 'accept') };
  } catch (e) {
    const code = (e as { errCode?: number } | null)?.errCode;
    // 20004: the user switched off 订阅消息 for this mini-program in its settings.
    if (code === 20004) return { ok: false, message: '您在微信设置里关闭了本小程序的订阅消息，请在右上角“…”→“设置”里打开' };
    return { ok: false, message: '微信没有打开订阅窗口，请稍后再试' };
  }
}

export function currentConsentRequest(): ConsentRequest | null {
  return null;
}

export function watchConsentRequest(_listener: () => void): () => void {
  return () => undefined;
}

export function answerConsentRequest(_accept: boolean): void {}
