import type { z } from 'zod';
import type { Collection, DocData, Store, TxOps, Where } from '../ports/store.port';

export type WithId<T> = T & { _id: string };

function check<S extends z.ZodType>(collection: string, schema: S, doc: DocData & { _id: string }): WithId<z.output<S>> {
  const r = schema.safeParse(doc);
  if (!r.success) {
    throw new Error(`stored ${collection}/${doc._id} does not match its schema: ${r.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  return { ...(r.data as object), _id: doc._id } as WithId<z.output<S>>;
}

/** Read one document by id and validate it (zod on reads). */
export async function readDoc<S extends z.ZodType>(ops: TxOps, collection: Collection, id: string, schema: S): Promise<WithId<z.output<S>> | null> {
  const doc = await ops.get(collection, id);
  return doc ? check(collection, schema, doc) : null;
}

export async function findDocs<S extends z.ZodType>(
  store: Store,
  collection: Collection,
  where: Where,
  schema: S,
  options?: Parameters<Store['find']>[2],
): Promise<WithId<z.output<S>>[]> {
  const docs = await store.find(collection, where, options);
  return docs.map((d) => check(collection, schema, d));
}

/** Every matching document, paging past the 1,000-per-query cap. */
export async function findAllDocs<S extends z.ZodType>(store: Store, collection: Collection, where: Where, schema: S): Promise<WithId<z.output<S>>[]> {
  const out: WithId<z.output<S>>[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await findDocs(store, collection, where, schema, { limit: 1000, skip, orderBy: { field: '_id', direction: 'asc' } });
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

/** Write a typed document (set = create or replace). */
export function writeDoc<T extends DocData>(ops: TxOps, collection: Collection, id: string, data: T): Promise<void> {
  return ops.set(collection, id, data);
}
