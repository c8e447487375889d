/**
 * Store port: a document store addressed by id, with equality queries on declared fields and
 * transactions by document id (the subset CloudBase allows; ARCHITECTURE.md principle 7).
 *
 * Both adapters (embedded better-sqlite3, CloudBase wx-server-sdk) pass the same contract suite
 * in test/server/store/store.contract.ts.
 *
 * CloudBase transactions are snapshot-isolated with first-writer-wins on each document, so an
 * invariant holds on both stores only when every transaction that could break it WRITES the
 * document that embodies it (a claim like idIndex/{hash}, a counter): never rely on a read alone.
 */
export type Scalar = string | number | boolean | null;
/** A stored document: plain JSON. `_id` is set by the store on read. */
export type DocData = { [key: string]: unknown };
export type StoredDoc<T extends DocData = DocData> = T & { _id: string };

/** Equality filter on top-level fields (AND of all entries). */
export type Where = Readonly<Record<string, Scalar>>;

export interface FindOrder {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

/**
 * Where the next page starts: strictly after the document last read, in the query's order (the
 * orderBy field, then `_id` ascending on ties; `_id` alone without orderBy). `value` is that
 * document's orderBy field (needed unless ordering by `_id`). Keyset, not OFFSET: page n costs
 * what page 1 costs, where skipping n pages made a whole-roll pass quadratic (SQLite stepped
 * over every skipped row; CloudBase bills and times a large skip the same way).
 */
export interface FindCursor {
  readonly id: string;
  readonly value?: Scalar;
}

export interface FindOptions {
  /** Default 100, max 1000 per call (CloudBase server SDK caps a page at 1000). */
  readonly limit?: number;
  readonly orderBy?: FindOrder;
  readonly after?: FindCursor;
}

/** Operations allowed inside a transaction: by id only, as CloudBase transactions require. */
export interface TxOps {
  get<T extends DocData = DocData>(collection: string, id: string): Promise<StoredDoc<T> | null>;
  /** Create or replace the whole document. */
  set(collection: string, id: string, data: DocData): Promise<void>;
  /** Shallow merge of top-level fields into an existing document; throws StoreError NOT_FOUND if absent. */
  update(collection: string, id: string, patch: DocData): Promise<void>;
  remove(collection: string, id: string): Promise<void>;
  /**
   * Creates several documents that must not exist yet, in one call (CloudBase: one
   * `collection.add([...])`, an operation its transactions allow). Throws StoreError CONFLICT when
   * one of them exists (or a concurrent transaction wrote it): the caller re-reads and re-plans.
   * Inside a transaction all or none are created; outside one, a CONFLICT may leave the documents
   * before the existing one created (CloudBase inserts in order), so use it outside only for
   * documents whose partial creation harms nothing.
   */
  insertMany(collection: string, docs: ReadonlyArray<{ readonly id: string; readonly data: DocData }>): Promise<void>;
}

/** Most ids one getMany call sends to CloudBase (the server SDK returns at most 1,000 documents a query). */
export const GET_MANY_CHUNK = 1000;

export interface Store extends TxOps {
  find<T extends DocData = DocData>(collection: string, where: Where, options?: FindOptions): Promise<StoredDoc<T>[]>;
  count(collection: string, where: Where): Promise<number>;
  /**
   * Several documents by id: one query per GET_MANY_CHUNK ids (CloudBase: `where({ _id: _.in(ids) })`,
   * one billed read; embedded: one `IN (...)`). Missing ids are absent from the map; repeated ids
   * are read once. Committed state only, like `find`: CloudBase transactions allow no query, so
   * there is no transactional form — a plan made from it must be re-checked by the transaction's
   * own writes (insertMany refuses an id that appeared meanwhile).
   */
  getMany<T extends DocData = DocData>(collection: string, ids: readonly string[]): Promise<Map<string, StoredDoc<T>>>;
  /**
   * Sets the same top-level scalar fields on every listed document that still matches `expect`
   * (equality on top-level fields, any field), each document atomically but not all together;
   * missing or non-matching documents are left alone. Returns how many were updated. One call
   * per GET_MANY_CHUNK ids (CloudBase: `where({ _id: _.in(ids), ...expect }).update({ data })`),
   * where a loop of `update` costs a read and a write per document. Outside transactions only
   * (CloudBase transactions allow no query): for recording the same outcome on many documents
   * whose state the caller owns, guarded by `expect` (a push batch's sends).
   */
  updateMany(collection: string, ids: readonly string[], expect: Where, patch: Readonly<Record<string, Scalar>>): Promise<number>;
  /**
   * Runs `fn` as one serializable transaction: two transactions never interleave their reads
   * and writes, even when `fn` awaits. Everything `fn` wrote is committed when it resolves and
   * rolled back when it throws (the error is rethrown). `fn` may be retried on write conflict
   * by adapters whose backend reports one, so it must have no side effect outside `tx`.
   */
  runTransaction<T>(fn: (tx: TxOps) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type StoreErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE' | 'INVALID';

/** Infrastructure fault of the store (not an expected business outcome). */
export class StoreError extends Error {
  constructor(
    readonly storeCode: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/**
 * Collections and the fields that equality queries may use. Adapters create an index per entry
 * (embedded: expression index; CloudBase: listed in docs for the console). A query on a field
 * not listed here is a programming error and throws StoreError INVALID.
 */
export const INDEXED_FIELDS = {
  township: [],
  village: ['townshipId'],
  invite: ['villageId'],
  member: ['openid', 'villageId'],
  election: ['villageId', 'status'],
  voter: ['electionId', 'villageId', 'group', 'category', 'status', 'nameKey', 'idHash', 'appliedBy'],
  idIndex: ['villageId'],
  binding: ['voterId'],
  bindAttempt: [],
  audit: ['scope'],
  auditHead: [],
  auditPending: ['scope'],
  auditCheckpoint: ['scope'],
  notice: ['electionId', 'type'],
  meta: [],
  noticeChunk: [],
  voterListMap: [],
  objection: ['electionId', 'objectorVoterId', 'objectorOpenid', 'status'],
  delivery: ['electionId', 'refId'],
  duplicate: ['townshipId', 'electionId'],
  rollImport: ['electionId', 'status'],
  rollImportBatch: [],
  consent: ['openid', 'electionId'],
  read: ['noticeId', 'voterId'],
  pushJob: ['noticeId', 'status'],
  noticeDelivery: ['jobId', 'noticeId', 'status'],
  request: [],
  nomination: ['electionId'],
  receipt: [],
  nominationCount: ['electionId'],
  candidate: ['electionId'],
  proxy: ['electionId', 'principalVoterId', 'proxyVoterId', 'status'],
  proxyLoad: [],
  proxyPrincipal: [],
  ballotIssue: [],
  phoneReveal: [],
} as const satisfies Record<string, readonly string[]>;
export type Collection = keyof typeof INDEXED_FIELDS;
