import Taro from '@tarojs/taro';
import type * as z from 'zod/mini';
import {
  DEFAULT_MESSAGES,
  errEnvelopeSchema,
  type ActionContract,
  type Envelope,
  type ErrEnvelope,
  type InputOf,
  type OutputOf,
} from './contracts';
import { currentDevOpenid } from './dev-personas';
import { REQUEST_ID_BYTES, RETRY_LIMIT, requestIdFromBytes, retryDelayMs } from './retry-policy';

/** What a villager reads when the phone cannot reach the server. */
export const NETWORK_MESSAGE = '网络不通，请检查网络后再试';
const H5_TIMEOUT_MS = 15_000;

type Transport = (fn: string, event: Record<string, unknown>) => Promise<unknown>;
const transport: Transport = (fn, event) => (process.env.TARO_ENV === 'h5' ? postToLocalHost(fn, event) : callCloudFunction(fn, event));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one client gateway to the cloud functions. Input is checked against the shared contract
 * first (instant Chinese feedback, no network); the reply is checked against the contract too,
 * so a page never renders a shape it did not expect.
 *
 * A state-changing action (contract.mutates) gets a fresh requestId and is retried with that
 * same id on BUSY and on a timeout or network failure (retry-policy.ts: RETRY_LIMIT more tries,
 * exponential backoff with jitter); the server acts once per id, so a retry after a lost reply
 * returns the first outcome. The page keeps its busy state for the whole sequence. Without a
 * secure random source there is no id, and then only BUSY — which guarantees nothing was
 * applied — is retried.
 */
export async function callAction<C extends ActionContract>(contract: C, input: InputOf<C>): Promise<Envelope<OutputOf<C>>> {
  const parsed = contract.input.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const event: Record<string, unknown> = { action: contract.action, ...(parsed.data as Record<string, unknown>) };
  if (!contract.mutates) return callOnce(contract, event);
  const requestId = await freshRequestId();
  if (requestId) event.requestId = requestId;
  for (let attempt = 1; ; attempt++) {
    let raw: unknown;
    try {
      raw = await transport(contract.fn, event);
    } catch {
      if (!requestId || attempt > RETRY_LIMIT) return { ok: false, code: 'INTERNAL', message: NETWORK_MESSAGE };
      await sleep(retryDelayMs(attempt));
      continue;
    }
    const reply = readEnvelope(contract, raw);
    if (reply.ok || reply.code !== 'BUSY' || attempt > RETRY_LIMIT) return reply;
    await sleep(retryDelayMs(attempt));
  }
}

async function callOnce<C extends ActionContract>(contract: C, event: Record<string, unknown>): Promise<Envelope<OutputOf<C>>> {
  let raw: unknown;
  try {
    raw = await transport(contract.fn, event);
  } catch {
    return { ok: false, code: 'INTERNAL', message: NETWORK_MESSAGE };
  }
  return readEnvelope(contract, raw);
}

/** Crypto-quality random bytes: Web Crypto (H5, newer runtimes), else wx.getRandomValues; null if neither. */
async function randomBytes(n: number): Promise<Uint8Array | null> {
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (typeof webCrypto?.getRandomValues === 'function') return webCrypto.getRandomValues(new Uint8Array(n));
  if (process.env.TARO_ENV === 'weapp' && typeof Taro.getRandomValues === 'function') {
    try {
      const res = await Taro.getRandomValues({ length: n });
      return new Uint8Array(res.randomValues);
    } catch {
      return null;
    }
  }
  return null;
}

async function freshRequestId(): Promise<string | null> {
  const bytes = await randomBytes(REQUEST_ID_BYTES);
  return bytes && bytes.length >= REQUEST_ID_BYTES ? requestIdFromBytes(bytes) : null;
}

function invalidInput(error: z.core.$ZodError): ErrEnvelope {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  const first = error.issues[0]?.message;
  return { ok: false, code: 'INVALID_INPUT', message: first || DEFAULT_MESSAGES.INVALID_INPUT, fields };
}

/** Checks a raw reply against the contract (also for a reply obtained elsewhere: the whoami prefetch). */
export function readEnvelope<C extends ActionContract>(contract: C, raw: unknown): Envelope<OutputOf<C>> {
  if (raw && typeof raw === 'object' && (raw as { ok?: unknown }).ok === true) {
    const data = contract.output.safeParse((raw as { data?: unknown }).data);
    if (data.success) return { ok: true, data: data.data as OutputOf<C> };
    console.warn(`[api] ${contract.fn}.${contract.action}: reply does not match the contract`, data.error.issues.slice(0, 3));
    return { ok: false, code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL };
  }
  const err = errEnvelopeSchema.safeParse(raw);
  if (err.success) return err.data;
  return { ok: false, code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL };
}

async function callCloudFunction(name: string, data: Record<string, unknown>): Promise<unknown> {
  const res = await Taro.cloud.callFunction({ name, data });
  return (res as { result?: unknown }).result;
}

async function postToLocalHost(fn: string, event: Record<string, unknown>): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const openid = currentDevOpenid();
  if (openid) headers['X-Dev-Openid'] = openid;
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), H5_TIMEOUT_MS) : null;
  try {
    const res = await fetch('/api/' + fn, { method: 'POST', headers, body: JSON.stringify(event), signal: controller?.signal });
    try {
      return await res.json();
    } catch {
      // A proxy error page or an empty body: not an envelope.
      return { ok: false, code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL };
    }
  } finally {
    if (timer) clearTimeout(timer);
  }
}
