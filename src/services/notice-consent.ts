/**
 * WeChat one-time subscribe-message consent (订阅消息). Each tap on 允许 allows exactly one
 * message per template later; the result is reported to notices.subscribe.
 *
 * The real implementations are notice-consent.weapp.ts (wx.requestSubscribeMessage) and
 * notice-consent.h5.ts (dev mode only: an on-page simulation of the WeChat dialog, labelled as
 * such). This file is what other targets get: no consent is possible.
 */

/** 'wechat': the real dialog; 'simulated': the H5 dev-mode stand-in; 'none': not offered. */
export type ConsentKind = 'wechat' | 'simulated' | 'none';
export const CONSENT_KIND: ConsentKind = 'none';

export type ConsentResult = { ok: true; accepted: string[] } | { ok: false; message: string };

export async function requestConsent(_templateIds: string[]): Promise<ConsentResult> {
  return { ok: false, message: '这里不能订阅微信消息，请在微信小程序里订阅' };
}

/** The simulated dialog's open request (H5 dev mode only). */
export interface ConsentRequest {
  templateIds: string[];
}

export function currentConsentRequest(): ConsentRequest | null {
  return null;
}

export function watchConsentRequest(_listener: () => void): () => void {
  return () => undefined;
}

export function answerConsentRequest(_accept: boolean): void {}
