/**
 * FAKE (tests only): the values, errors and `where` matching of the in-memory CloudBase database
 * (cloudbase-db.fake.ts). Split from it so each file stays readable; behaviour described there.
 */
export type Doc = Record<string, unknown>;

export const FAKE_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
export const TX_GONE_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

/** Same name and fields as @cloudbase/node-sdk's TcbError (raw errors of commit and begin). */
export class TcbError extends Error {
  readonly code: string;
  readonly requestId: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.requestId = 'fake-request';
  }
}

/** What wx-server-sdk's toSDKError makes of a failure inside `apiName`. */
export function sdkError(apiName: string, errCode: number, detail: string, label = ''): Error & { errCode: number; errMsg: string } {
  const text = errCode === -1 ? `${apiName}:fail ${detail}` : `${apiName}:fail ${errCode} ${label}. ${detail}`;
  const e = new Error(text) as Error & { errCode: number; errMsg: string };
  e.errCode = errCode;
  e.errMsg = text;
  return e;
}

export const conflictError = (apiName: string) => sdkError(apiName, -501001, FAKE_CONFLICT_MESSAGE, 'resource system error');
export const txGoneError = (apiName: string) => sdkError(apiName, -501001, TX_GONE_MESSAGE, 'resource system error');

export function isPlainObject(v: unknown): v is Doc {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(v) === '[object Object]');
}

/** A deep copy as the SDK's EJSON round trip makes it, for the JSON values the adapter stores. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export function checkWriteData(apiName: string, options: { data: Doc } | undefined): Doc {
  const data = options?.data;
  if (!isPlainObject(data)) throw sdkError(apiName, -401003, 'options.data should be object', 'parameter type error');
  if (Object.keys(data).length === 0) throw sdkError(apiName, -401002, 'options.data must not be empty', 'parameter error');
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw sdkError(apiName, -501007, '不能更新_id的值', 'invalid parameters');
  return clone(data);
}

/** @cloudbase/database's flattenQueryObject: nested objects become dotted paths; {} is skipped. */
export function flatten(data: Doc, prefix = '', out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  for (const [k, v] of Object.entries(data)) {
    if (v === undefined) continue;
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) flatten(v, path, out);
    else out.push([path, v]);
  }
  return out;
}

export function applyUpdate(apiName: string, doc: Doc, patch: Doc): Doc {
  const next = clone(doc);
  for (const [path, value] of flatten(patch)) {
    const parts = path.split('.');
    let node: Doc = next;
    for (const part of parts.slice(0, -1)) {
      const child = node[part];
      if (child === undefined) node[part] = {};
      else if (!isPlainObject(child)) throw sdkError(apiName, -502001, `Cannot create field '${part}' in a non-object`, 'database request fail');
      node = node[part] as Doc;
    }
    node[parts[parts.length - 1] as string] = clone(value);
  }
  return next;
}

/** MongoDB's cross-type sort order for the JSON types. */
export function typeRank(v: unknown): number {
  if (v === null || v === undefined) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (typeof v === 'object') return 4;
  if (typeof v === 'boolean') return 8;
  return 10;
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // MongoDB compares strings by their UTF-8 bytes (no collation).
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (ra === 1) return 0;
  return Buffer.compare(Buffer.from(JSON.stringify(a), 'utf8'), Buffer.from(JSON.stringify(b), 'utf8'));
}

export function matches(doc: Doc, where: Doc | FakeOrCommand): boolean {
  if (where instanceof FakeOrCommand) return where.operands.some((c) => matches(doc, c));
  for (const [field, expected] of Object.entries(where)) {
    if (expected === undefined) continue;
    const actual = doc[field];
    if (expected === null) {
      if (actual !== null && actual !== undefined) return false;
    } else if (expected instanceof FakeInCommand) {
      if (!expected.values.some((v) => v === actual)) return false;
    } else if (expected instanceof FakeCompareCommand) {
      // MongoDB's type bracketing: $gt/$lt compare within one type only (a missing field never matches).
      if (typeRank(actual) !== typeRank(expected.value) || actual === undefined || actual === null) return false;
      const c = compareValues(actual, expected.value);
      if (expected.op === 'gt' ? c <= 0 : c >= 0) return false;
    } else if (typeof expected === 'object') {
      throw new Error(`FakeCloudbaseDatabase: where supports equality on scalars, in, gt and lt only (field ${field})`);
    } else if (actual !== expected) {
      return false;
    }
  }
  return true;
}

export const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

/** What `db.command.in(values)` stands for in the fake's `where`. */
export class FakeInCommand {
  constructor(readonly values: readonly unknown[]) {}
}

/** MongoDB's duplicate-key error as the SDK reports it (rewrapped like every failure). */
export function duplicateKeyError(collection: string, id: string): Error {
  return sdkError('collection.add', -502001, `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${id}" }`, 'database request fail');
}

/** What `db.command.gt(value)` / `lt(value)` stand for in the fake's `where`. */
export class FakeCompareCommand {
  constructor(
    readonly op: 'gt' | 'lt',
    readonly value: unknown,
  ) {}
}

/** What `db.command.or([...])` stands for as a whole `where` (named like the SDK's LogicCommand field). */
export class FakeOrCommand {
  constructor(readonly operands: readonly Doc[]) {}
}

/** `db.command` of the fake: the operators the store uses. */
export const fakeCommand = {
  in: (values: unknown[]): unknown => new FakeInCommand(values),
  gt: (value: unknown): unknown => new FakeCompareCommand('gt', clone(value)),
  lt: (value: unknown): unknown => new FakeCompareCommand('lt', clone(value)),
  or: (conditions: Doc[]): FakeOrCommand => {
    if (!Array.isArray(conditions) || !conditions.every(isPlainObject)) throw new Error('or: conditions must be objects');
    return new FakeOrCommand(conditions.map((c) => cloneWhere(c) as Doc));
  },
};

function cloneCommand(v: unknown): unknown {
  if (v instanceof FakeInCommand) return new FakeInCommand(clone([...v.values]));
  if (v instanceof FakeCompareCommand) return new FakeCompareCommand(v.op, clone(v.value));
  return clone(v);
}

/** A copy of a `where` condition that keeps query commands (the SDK serialises them itself). */
export function cloneWhere(condition: Doc | FakeOrCommand): Doc | FakeOrCommand {
  if (condition instanceof FakeOrCommand) return new FakeOrCommand(condition.operands.map((c) => cloneWhere(c) as Doc));
  return Object.fromEntries(Object.entries(condition).map(([k, v]) => [k, cloneCommand(v)]));
}
