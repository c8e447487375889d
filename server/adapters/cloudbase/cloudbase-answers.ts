/**
 * How cloudbase.store.ts reads SDK answers: error mapping to StoreError (not found, conflict,
 * invalid, unavailable) and the document shapes of `get`.
 */
import { StoreError, type DocData, type StoredDoc } from '../../ports/store.port';
import type { CloudbaseDocumentRef } from './cloudbase-sdk.types';

export interface SdkErrorFields {
  readonly code: string | undefined;
  readonly errCode: number | undefined;
  readonly text: string;
}

export function sdkFields(e: unknown): SdkErrorFields | null {
  if (typeof e === 'string') return { code: undefined, errCode: undefined, text: e };
  if (typeof e !== 'object' || e === null || e instanceof StoreError) return null;
  const o = e as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown };
  const code = typeof o.code === 'string' ? o.code : undefined;
  const errCode = typeof o.errCode === 'number' ? o.errCode : undefined;
  if (code === undefined && errCode === undefined) return null;
  const text = [o.errMsg, o.message].filter((x): x is string => typeof x === 'string').join(' ');
  return { code, errCode, text };
}

export function isNotFound(e: unknown): boolean {
  const f = sdkFields(e);
  return f !== null && /document with _id .* does not exist/s.test(f.text);
}

export function isConflict(e: unknown): boolean {
  const f = sdkFields(e);
  // A duplicate _id on insert (MongoDB E11000) means a concurrent writer created it: the same
  // "re-read and try again" as a transaction conflict.
  return f !== null && (f.code === 'DATABASE_TRANSACTION_CONFLICT' || /DATABASE_TRANSACTION_CONFLICT|TransactionConflict|E11000|duplicate/i.test(f.text));
}

/** SDK codes that mean "this request was malformed" rather than "the backend is unavailable". */
export const INVALID_ERR_CODES = new Set([-401002, -401003, -501006, -501007, -502002]);

/** Maps an SDK failure to StoreError; returns null for errors that did not come from the SDK. */
export function cloudbaseStoreError(e: unknown, op: string): StoreError | null {
  if (e instanceof StoreError) return e;
  const f = sdkFields(e);
  if (!f) return null;
  if (isConflict(e)) return new StoreError('CONFLICT', `${op}: transaction conflict`, { cause: e });
  const credentials = /secretId|secretKey|credential/i.test(f.text);
  if (!credentials && (f.code === 'INVALID_PARAM' || (f.errCode !== undefined && INVALID_ERR_CODES.has(f.errCode)))) {
    return new StoreError('INVALID', `${op}: request refused by CloudBase (${f.errCode ?? f.code})`, { cause: e });
  }
  const what = f.code === 'DATABASE_TRANSACTION_FAIL' ? 'transaction expired or aborted' : `CloudBase error ${f.errCode ?? f.code ?? 'unknown'}`;
  return new StoreError('UNAVAILABLE', `${op}: ${what}`, { cause: e });
}

export function asStoreError(e: unknown, op: string): StoreError {
  return cloudbaseStoreError(e, op) ?? new StoreError('UNAVAILABLE', `${op}: unexpected failure`, { cause: e });
}

// ---------------------------------------------------------------------------------------------

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{ data: [doc] }` (plain get), `{ data: doc }` (in a transaction) or `{ data: null }`. */
export function singleDoc(res: { data?: unknown }): Record<string, unknown> | null {
  const d = Array.isArray(res.data) ? (res.data[0] as unknown) : res.data;
  if (d === undefined || d === null) return null;
  if (!isRecord(d)) throw new StoreError('UNAVAILABLE', 'CloudBase returned a document that is not an object');
  return d;
}

export function toStored<T extends DocData>(id: string, raw: Record<string, unknown>): StoredDoc<T> {
  const { _id: _ignored, ...rest } = raw;
  return { ...(rest as T), _id: id };
}

export async function readDoc<T extends DocData>(ref: CloudbaseDocumentRef, collection: string, id: string): Promise<StoredDoc<T> | null> {
  try {
    const d = singleDoc(await ref.get());
    return d ? toStored<T>(id, d) : null;
  } catch (e) {
    if (isNotFound(e)) return null;
    throw asStoreError(e, `get ${collection}`);
  }
}

export async function call<T>(op: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw asStoreError(e, op);
  }
}
