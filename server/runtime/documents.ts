import type * as z from 'zod/mini';
import type { Collection, DocData, FindCursor, FindOrder, Scalar, Store, StoredDoc, TxOps, Where } from '../ports/store.port';

export type WithId<T> = T & { _id: string };

/** One stored document validated against `schema` (an error naming the fields when it does not match). */
export function checkDoc<S extends z.ZodMiniType>(collection: string, schema: S, doc: DocData & { _id: string }): WithId<z.output<S>> {
  const r = schema.safeParse(doc);
  if (!r.success) {
    throw new Error(`stored ${collection}/${doc._id} does not match its schema: ${r.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  // zod builds a new object for an object schema (unknown keys such as `_id` dropped): give it
  // the id in place rather than copying every field again; never mutate the store's own object.
  const out = r.data as Record<string, unknown>;
  if (out === (doc as unknown)) return { ...out, _id: doc._id } as WithId<z.output<S>>;
  out._id = doc._id;
  return out as WithId<z.output<S>>;
}

/** Read one document by id and validate it (zod on reads). */
export async function readDoc<S extends z.ZodMiniType>(ops: TxOps, collection: Collection, id: string, schema: S): Promise<WithId<z.output<S>> | null> {
  const doc = await ops.get(collection, id);
  return doc ? checkDoc(collection, schema, doc) : null;
}

export async function findDocs<S extends z.ZodMiniType>(
  store: Store,
  collection: Collection,
  where: Where,
  schema: S,
  options?: Parameters<Store['find']>[2],
): Promise<WithId<z.output<S>>[]> {
  const docs = await store.find(collection, where, options);
  return docs.map((d) => checkDoc(collection, schema, d));
}

/** Several documents by id in one batched read (Store.getMany), each validated; missing ids absent. */
export async function readDocs<S extends z.ZodMiniType>(store: Store, collection: Collection, ids: readonly string[], schema: S): Promise<Map<string, WithId<z.output<S>>>> {
  const found = await store.getMany(collection, ids);
  return new Map([...found].map(([id, d]) => [id, checkDoc(collection, schema, d)]));
}

/** Most documents one query returns (the CloudBase server SDK cap). */
export const STORE_PAGE = 1000;

export interface PageOptions {
  /** Documents per query (default STORE_PAGE). */
  readonly limit?: number;
  /** Default `_id` ascending. Another field must hold a non-null scalar in every document read. */
  readonly orderBy?: FindOrder;
}

/** Where the page after `last` starts, in the order `orderBy` gives. */
export function cursorAfter(last: StoredDoc, orderBy?: FindOrder): FindCursor {
  if (!orderBy || orderBy.field === '_id') return { id: last._id };
  const value = last[orderBy.field];
  if (value === null || value === undefined || typeof value === 'object') {
    throw new Error(`cursorAfter: ${orderBy.field} of ${last._id} is not a scalar; keyset paging cannot place it`);
  }
  return { id: last._id, value: value as Scalar };
}

/**
 * Every matching document, a page at a time, each page read after the last document of the one
 * before (keyset, `FindOptions.after`): page n costs what page 1 costs, so a whole-roll pass is
 * linear in the roll. The pages are read one after another, never held together.
 */
export async function* storePages(store: Store, collection: Collection, where: Where, options: PageOptions = {}): AsyncGenerator<StoredDoc[]> {
  const limit = options.limit ?? STORE_PAGE;
  let after: FindCursor | undefined;
  for (;;) {
    const page = await store.find(collection, where, { limit, ...(options.orderBy ? { orderBy: options.orderBy } : {}), ...(after ? { after } : {}) });
    if (page.length > 0) yield page;
    if (page.length < limit) return;
    after = cursorAfter(page[page.length - 1] as StoredDoc, options.orderBy);
  }
}

/** storePages with each document checked against its schema. */
export async function* docPages<S extends z.ZodMiniType>(store: Store, collection: Collection, where: Where, schema: S, options?: PageOptions): AsyncGenerator<WithId<z.output<S>>[]> {
  for await (const page of storePages(store, collection, where, options)) yield page.map((d) => checkDoc(collection, schema, d));
}

/** Every matching document, paging past the 1,000-per-query cap (keyset pages, see storePages). */
export async function findAllDocs<S extends z.ZodMiniType>(store: Store, collection: Collection, where: Where, schema: S): Promise<WithId<z.output<S>>[]> {
  const out: WithId<z.output<S>>[] = [];
  for await (const page of docPages(store, collection, where, schema)) for (const d of page) out.push(d);
  return out;
}

/** Write a typed document (set = create or replace). */
export function writeDoc<T extends DocData>(ops: TxOps, collection: Collection, id: string, data: T): Promise<void> {
  return ops.set(collection, id, data);
}
