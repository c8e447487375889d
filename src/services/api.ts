import Taro from '@tarojs/taro';
import type { ZodError } from 'zod';
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

/** What a villager reads when the phone cannot reach the server. */
export const NETWORK_MESSAGE = '网络不通，请检查网络后再试';
const H5_TIMEOUT_MS = 15_000;

/**
 * The one client gateway to the cloud functions. Input is checked against the shared contract
 * first (instant Chinese feedback, no network); the reply is checked against the contract too,
 * so a page never renders a shape it did not expect.
 */
export async function callAction<C extends ActionContract>(contract: C, input: InputOf<C>): Promise<Envelope<OutputOf<C>>> {
  const parsed = contract.input.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const event = { action: contract.action, ...(parsed.data as Record<string, unknown>) };

  let raw: unknown;
  try {
    raw = process.env.TARO_ENV === 'h5' ? await postToLocalHost(contract.fn, event) : await callCloudFunction(contract.fn, event);
  } catch {
    return { ok: false, code: 'INTERNAL', message: NETWORK_MESSAGE };
  }
  return readEnvelope(contract, raw);
}

export function invalidInput(error: ZodError): ErrEnvelope {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  const first = error.issues[0]?.message;
  return { ok: false, code: 'INVALID_INPUT', message: first || DEFAULT_MESSAGES.INVALID_INPUT, fields };
}

function readEnvelope<C extends ActionContract>(contract: C, raw: unknown): Envelope<OutputOf<C>> {
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
