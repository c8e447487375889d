/**
 * Notifier over WeChat subscribe messages (订阅消息), sent by cloud call
 * `cloud.openapi.subscribeMessage.send`. The SDK converts the camelCase parameters to the HTTP
 * API's snake_case (templateId → template_id, miniprogramState → miniprogram_state) and rejects
 * with `errCode` = the WeChat errcode when the API refuses (wx-server-sdk 4 openapi wrapper).
 */
import type { NotifyMessage, NotifyResult, Notifier } from '../../ports/notifier.port';

export type MiniprogramState = 'developer' | 'trial' | 'formal';

export interface SubscribeMessageParams {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState: MiniprogramState;
  lang?: 'zh_CN';
}

/**
 * The part of wx-server-sdk this adapter uses. The SDK types `openapi` as an untyped record
 * (it is a Proxy that turns any path into a cloud call), so the method is found at call time.
 */
export interface SubscribeMessageCloud {
  readonly openapi: Readonly<Record<string, unknown>>;
}

type SendFn = (params: SubscribeMessageParams) => Promise<unknown>;

function subscribeSend(cloud: SubscribeMessageCloud): SendFn | null {
  const ns: unknown = cloud.openapi.subscribeMessage;
  if ((typeof ns !== 'object' && typeof ns !== 'function') || ns === null) return null;
  const send: unknown = (ns as { send?: unknown }).send;
  return typeof send === 'function' ? (params) => Promise.resolve((send as SendFn).call(ns, params)) : null;
}

/**
 * errcodes after which the same message may go through later. Sources: subscribeMessage.send
 * reference (40003, 40037, 43101, 47003, 41030 are the API's own codes — all permanent), the
 * WeChat global return codes (-1 system busy, 45009 daily quota, 45011 minute quota,
 * 42001 access_token expired — refreshed by the platform on a cloud call) and the wx-server-sdk
 * error table (-501xxx cloud side, -601xxx WeChat server side, -604102/-604103 cloud call).
 */
const TRANSIENT = new Set([
  -1, // 系统繁忙
  45009, // daily API quota reached: works again after the quota resets
  45011, // per-minute quota
  42001, // access_token expired
  -501001, // resource system error
  -501002, // resource server timeout
  -501003, // exceed request limit
  -501004, // exceed concurrent request limit
  -601001, // WeChat system error
  -601003, // WeChat network error
  -601008, // server-side request timed out
  -604102, // call open API timeout
  -604103, // call open API system error
]);

/**
 * Permanent on purpose: 43101 (the user refused, or has no subscription left — each consent
 * allows one message), 40003 (bad openid), 40037 (bad template id), 47003 (bad template data),
 * 41030 (bad page), -604101 (function lacks the openapi permission in config.json).
 */
export function isTransientSubscribeError(errCode: number | undefined): boolean {
  // No errCode at all means the call never got an answer (network, runtime): worth retrying.
  return errCode === undefined || TRANSIENT.has(errCode);
}

function errorFields(e: unknown): { errCode: number | undefined; errMsg: string } {
  if (typeof e === 'object' && e !== null) {
    const o = e as { errCode?: unknown; errMsg?: unknown; message?: unknown };
    const errCode = typeof o.errCode === 'number' && Number.isFinite(o.errCode) ? o.errCode : undefined;
    const errMsg = typeof o.errMsg === 'string' ? o.errMsg : typeof o.message === 'string' ? o.message : 'subscribeMessage.send failed';
    return { errCode, errMsg };
  }
  return { errCode: undefined, errMsg: String(e) };
}

export function classifySubscribeMessageError(e: unknown): Extract<NotifyResult, { ok: false }> {
  const { errCode, errMsg } = errorFields(e);
  // The SDK message may quote the request; keep it short and free of the recipient's openid.
  const safeMsg = errMsg.replace(/o[A-Za-z0-9_-]{20,}/g, '[openid]').slice(0, 300);
  return { ok: false, transient: isTransientSubscribeError(errCode), ...(errCode !== undefined ? { errCode } : {}), errMsg: safeMsg };
}

export function createSubscribeMessageNotifier(cloud: SubscribeMessageCloud, opts: { miniprogramState?: MiniprogramState } = {}): Notifier {
  const miniprogramState = opts.miniprogramState ?? 'formal';
  return {
    async send(msg: NotifyMessage): Promise<NotifyResult> {
      const send = subscribeSend(cloud);
      if (!send) return { ok: false, transient: false, errMsg: 'cloud.openapi.subscribeMessage.send is not available' };
      try {
        const res = await send({
          touser: msg.openid,
          templateId: msg.templateId,
          ...(msg.page !== undefined ? { page: msg.page } : {}),
          data: Object.fromEntries(Object.entries(msg.data).map(([k, v]) => [k, { value: v.value }])),
          miniprogramState,
          lang: 'zh_CN',
        });
        // The SDK resolves only on errcode 0, but a stand-in (or an older SDK) may resolve with one.
        const code = typeof res === 'object' && res !== null ? (res as { errCode?: unknown }).errCode : undefined;
        if (typeof code === 'number' && code !== 0) return classifySubscribeMessageError(res);
        return { ok: true };
      } catch (e) {
        return classifySubscribeMessageError(e);
      }
    },
  };
}
