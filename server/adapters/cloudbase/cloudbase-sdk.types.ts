/**
 * The subset of wx-server-sdk's database API that cloudbase.store.ts uses (structural, so the FAKE in
 * cloudbase-db.fake.ts and the real SDK both fit).
 */
export interface CloudbaseDocumentRef {
  get(): Promise<{ data?: unknown }>;
  set(options: { data: Record<string, unknown> }): Promise<unknown>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats?: { updated?: number } }>;
  remove(): Promise<{ stats?: { removed?: number } }>;
}

export interface CloudbaseQuery {
  where(condition: Record<string, unknown> | CloudbaseLogicCommand): CloudbaseQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CloudbaseQuery;
  skip(offset: number): CloudbaseQuery;
  limit(max: number): CloudbaseQuery;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  /** `where(...).update({ data })`: every matching document, each atomically; nested objects deep-merge. */
  update(options: { data: Record<string, unknown> }): Promise<{ stats?: { updated?: number } }>;
}

/** `collection.add`: an array inserts several documents in one request (`database.insertDocument`). */
export interface CloudbaseAdder {
  add(options: { data: Array<Record<string, unknown>> }): Promise<unknown>;
}

export interface CloudbaseCollectionRef extends CloudbaseQuery, CloudbaseAdder {
  doc(id: string): CloudbaseDocumentRef;
}

export interface CloudbaseTransaction {
  /** Documented: inside a transaction only `add` and `doc(id)` operations, no `where` (Transaction.collection). */
  collection(name: string): CloudbaseAdder & { doc(id: string): CloudbaseDocumentRef };
}

export interface CloudbaseDatabase {
  collection(name: string): CloudbaseCollectionRef;
  /** Query operators: `in` (getMany), `gt` / `lt` / `or` (keyset paging after a cursor). */
  readonly command: CloudbaseCommand;
  /** `times`: extra attempts after a conflict reported with `code` (SDK default 3). */
  runTransaction<T>(callback: (transaction: CloudbaseTransaction) => Promise<T>, times?: number): Promise<T>;
}

/** `db.command`, the operators the store uses; each returns an opaque command the SDK serialises. */
export interface CloudbaseCommand {
  in(values: unknown[]): unknown;
  gt(value: unknown): unknown;
  lt(value: unknown): unknown;
  /** For a top-level `where(_.or([...]))`: documents matching any of the conditions. */
  or(conditions: Array<Record<string, unknown>>): CloudbaseLogicCommand;
}

/** What `_.or` returns (the SDK's LogicCommand, whose `operands` are the conditions). */
export interface CloudbaseLogicCommand {
  readonly operands: readonly unknown[];
}
