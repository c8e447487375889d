/**
 * Notifier port: WeChat subscribe messages (订阅消息). Sending is best effort and reports a
 * value, never throws: callers record the outcome and retry only what is transient.
 */
export interface NotifyMessage {
  /** Recipient; never logged. */
  readonly openid: string;
  readonly templateId: string;
  /** Mini-program page opened from the message card, e.g. `pages/voter/index?e=…`. */
  readonly page?: string;
  /** Template fields, e.g. `{ thing1: { value: '选民登记已公布' } }`. */
  readonly data: Readonly<Record<string, { readonly value: string }>>;
}

export type NotifyResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** True when the same message may succeed later (system busy, rate limits, network). */
      readonly transient: boolean;
      readonly errCode?: number;
      readonly errMsg: string;
    };

export interface Notifier {
  send(msg: NotifyMessage): Promise<NotifyResult>;
}
