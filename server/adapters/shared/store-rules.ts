/**
 * Rules both Store adapters apply before touching their backend, so that the embedded store
 * refuses exactly what CloudBase would refuse (or silently mangle) and the contract suite can
 * hold them to one behaviour.
 */
import { GET_MANY_CHUNK, INDEXED_FIELDS, StoreError, type DocData, type FindOptions, type Scalar, type StoredDoc, type Where } from '../../ports/store.port';

export const DEFAULT_FIND_LIMIT = 100;
/** The CloudBase server SDK caps one query at 1,000 documents. */
export const MAX_FIND_LIMIT = 1000;
/** CloudBase refuses documents above 512 KB (@cloudbase/database config db_doc_size_limit). */
export const MAX_DOC_BYTES = 512 * 1024;

/** Field names usable in queries and ordering; they are also inlined into SQL JSON paths. */
const QUERY_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface CheckedQuery {
  readonly where: ReadonlyArray<readonly [string, Scalar]>;
  readonly limit: number;
  readonly orderBy: { readonly field: string; readonly direction: 'asc' | 'desc' } | null;
  /** Keyset cursor; `value` is null when the order is by `_id` (the id alone places it). */
  readonly after: { readonly id: string; readonly value: Scalar } | null;
}

/** True when the query's order is `_id` alone (no orderBy, or orderBy `_id`). */
export const ordersById = (q: Pick<CheckedQuery, 'orderBy'>): boolean => !q.orderBy || q.orderBy.field === '_id';

function checkCursor(options: FindOptions, orderBy: CheckedQuery['orderBy']): CheckedQuery['after'] {
  const after = options.after;
  if (!after) return null;
  if (typeof after.id !== 'string' || after.id === '') throw new StoreError('INVALID', 'find after: the cursor needs the id of the last document read');
  if (ordersById({ orderBy })) return { id: after.id, value: null };
  // Ties on the ordered field are broken by _id; a missing value has no place in that order here.
  if (after.value === undefined || after.value === null || !isScalar(after.value)) {
    throw new StoreError('INVALID', `find after: ordering by ${orderBy?.field ?? '?'} needs the last document's non-null value`);
  }
  return { id: after.id, value: after.value };
}

function indexedFieldsOf(collection: string): readonly string[] {
  return Object.prototype.hasOwnProperty.call(INDEXED_FIELDS, collection)
    ? (INDEXED_FIELDS as Record<string, readonly string[]>)[collection] ?? []
    : [];
}

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

export function checkWhere(collection: string, where: Where): CheckedQuery['where'] {
  const allowed = indexedFieldsOf(collection);
  const out: Array<readonly [string, Scalar]> = [];
  for (const [field, value] of Object.entries(where)) {
    if (!allowed.includes(field)) {
      throw new StoreError('INVALID', `query on ${collection}.${field}: not in INDEXED_FIELDS (every queried field needs an index)`);
    }
    if (!isScalar(value)) throw new StoreError('INVALID', `query on ${collection}.${field}: value must be a string, finite number, boolean or null`);
    out.push([field, value]);
  }
  return out;
}

export function checkFind(collection: string, where: Where, options: FindOptions = {}): CheckedQuery {
  const limit = options.limit ?? DEFAULT_FIND_LIMIT;
  // CloudBase would silently cut a larger page to 1,000; refusing it surfaces the paging bug.
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FIND_LIMIT) {
    throw new StoreError('INVALID', `find limit must be an integer in 1..${MAX_FIND_LIMIT}, got ${String(limit)}`);
  }
  let orderBy: CheckedQuery['orderBy'] = null;
  if (options.orderBy) {
    const { field, direction } = options.orderBy;
    if (!QUERY_FIELD.test(field)) throw new StoreError('INVALID', `orderBy field must be a top-level field name, got ${JSON.stringify(field)}`);
    if (direction !== 'asc' && direction !== 'desc') throw new StoreError('INVALID', `orderBy direction must be asc or desc`);
    orderBy = { field, direction };
  }
  return { where: checkWhere(collection, where), limit, orderBy, after: checkCursor(options, orderBy) };
}

export function checkCollection(collection: string): void {
  if (typeof collection !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(collection)) {
    throw new StoreError('INVALID', `collection name must be an identifier, got ${JSON.stringify(collection)}`);
  }
}

export function checkId(collection: string, id: string): void {
  checkCollection(collection);
  if (typeof id !== 'string' || id.length === 0 || id.length > 256) {
    throw new StoreError('INVALID', `document id must be a non-empty string of at most 256 characters`);
  }
}

/** Plain object from any realm (vm contexts, workers): its prototype is some Object.prototype. */
export function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(v) === '[object Object]');
}

/**
 * A deep copy of `data` as plain JSON, or StoreError INVALID. Object fields that are
 * `undefined` are dropped (as JSON.stringify and the CloudBase SDK both do); anything else
 * that JSON cannot carry faithfully (Date, NaN, class instances, holes) is refused, and so are
 * keys CloudBase reads as paths or operators ('a.b', '$set').
 */
export function toJsonValue(value: unknown, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new StoreError('INVALID', `${path}: ${String(value)} is not storable as JSON`);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown, i) => {
      if (item === undefined) throw new StoreError('INVALID', `${path}[${i}]: undefined inside an array`);
      return toJsonValue(item, `${path}[${i}]`);
    });
  }
  if (typeof value === 'object') {
    if (!isPlainObject(value)) throw new StoreError('INVALID', `${path}: only plain objects are storable (got ${value.constructor?.name ?? 'object'}); store dates as ISO strings`);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (k === '' || k.includes('.') || k.startsWith('$')) throw new StoreError('INVALID', `${path}: field name ${JSON.stringify(k)} is not allowed (no dots, no leading $)`);
      out[k] = toJsonValue(v, `${path}.${k}`);
    }
    return out;
  }
  throw new StoreError('INVALID', `${path}: a ${typeof value} is not storable as JSON`);
}

/**
 * True when `value` is already plain JSON as toJsonValue would return it (no undefined field to
 * drop, nothing to refuse): a walk that allocates nothing. Nearly every write is; only the rest
 * take toJsonValue's copying walk, which builds each field's path for its error message.
 */
function isCleanJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (value[i] === undefined || !isCleanJson(value[i])) return false;
    return true;
  }
  if (!isPlainObject(value)) return false;
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || k === '' || k.includes('.') || k.charCodeAt(0) === 36 /* $ */ || !isCleanJson(v)) return false;
  }
  return true;
}

/** The checked body and its JSON text (stringified once: for the size limit, and for an adapter that stores text). */
function checkedBody(collection: string, id: string, data: DocData): { body: Record<string, unknown>; json: string } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new StoreError('INVALID', `${collection}/${id}: data must be an object`);
  const { _id: _ignored, ...rest } = data;
  // Clean JSON is stored as given (top level copied above; adapters copy or serialize before keeping it).
  const body = isCleanJson(rest) ? rest : (toJsonValue(rest, `${collection}/${id}`) as Record<string, unknown>);
  const json = JSON.stringify(body);
  // A UTF-16 unit is at most 3 bytes of UTF-8: only a long text needs counting.
  if (json.length * 3 > MAX_DOC_BYTES && Buffer.byteLength(json, 'utf8') > MAX_DOC_BYTES) {
    throw new StoreError('INVALID', `${collection}/${id}: document larger than ${MAX_DOC_BYTES} bytes`);
  }
  return { body, json };
}

/** The document body to store: JSON only, top-level `_id` removed (the id is the address). */
export function toStoredBody(collection: string, id: string, data: DocData): Record<string, unknown> {
  return checkedBody(collection, id, data).body;
}

/** `set` needs at least one field: CloudBase rejects `set({ data: {} })`. */
export function toSetBody(collection: string, id: string, data: DocData): Record<string, unknown> {
  return toSetJson(collection, id, data).body;
}

/** toSetBody with the body's JSON text, for an adapter that stores the text. */
export function toSetJson(collection: string, id: string, data: DocData): { body: Record<string, unknown>; json: string } {
  const checked = checkedBody(collection, id, data);
  if (Object.keys(checked.body).length === 0) throw new StoreError('INVALID', `${collection}/${id}: cannot store an empty document`);
  return checked;
}

/** A collection's ids, each checked, duplicates dropped (getMany and updateMany take lists). */
function checkedUniqueIds(collection: string, ids: readonly string[]): string[] {
  checkCollection(collection);
  const unique = [...new Set(ids)];
  for (const id of unique) checkId(collection, id);
  return unique;
}

/**
 * updateMany's arguments: ids checked, `expect` and `patch` top-level scalars (no `_id`; a
 * nested value would be deep-merged by CloudBase's update and replaced here), patch not empty.
 */
export function checkUpdateMany(collection: string, ids: readonly string[], expect: Where, patch: Readonly<Record<string, Scalar>>): string[] {
  const unique = checkedUniqueIds(collection, ids);
  for (const [what, fields] of [['expect', expect], ['patch', patch]] as const) {
    for (const [field, value] of Object.entries(fields)) {
      if (field === '_id' || field.includes('.') || field.startsWith('$')) throw new StoreError('INVALID', `updateMany ${collection}: ${what} field ${field} not allowed`);
      if (!isScalar(value)) throw new StoreError('INVALID', `updateMany ${collection}.${field}: ${what} value must be a string, finite number, boolean or null`);
    }
  }
  if (Object.keys(patch).length === 0) throw new StoreError('INVALID', `updateMany ${collection}: empty patch`);
  return unique;
}

/** Whether a stored document still has every `expect` field equal (updateMany's guard). */
export function matchesExpect(doc: Readonly<Record<string, unknown>>, expect: Where): boolean {
  return Object.entries(expect).every(([field, value]) => (doc[field] ?? null) === value);
}

/**
 * getMany's frame, the same in both adapters: checked, deduplicated ids, read GET_MANY_CHUNK at
 * a time (CloudBase's `in` takes at most that many); `readChunk` returns the documents it found.
 */
export async function readManyInChunks<T extends DocData>(collection: string, ids: readonly string[], readChunk: (chunk: readonly string[]) => Promise<ReadonlyArray<StoredDoc<T>>>): Promise<Map<string, StoredDoc<T>>> {
  const unique = checkedUniqueIds(collection, ids);
  const out = new Map<string, StoredDoc<T>>();
  for (let i = 0; i < unique.length; i += GET_MANY_CHUNK) {
    for (const d of await readChunk(unique.slice(i, i + GET_MANY_CHUNK))) out.set(d._id, d);
  }
  return out;
}
