/**
 * FAKE (tests only): `collection.where(...).orderBy(...).skip(...).limit(...).get() / .count() / .update()` of
 * the in-memory CloudBase database (cloudbase-db.fake.ts documents what is modelled).
 */
import type { CloudbaseQuery } from './cloudbase-sdk.types';
import { FakeOrCommand, checkWriteData, cloneWhere, compareValues, isPlainObject, matches, type Doc } from './cloudbase-fake-values.fake';

export interface QuerySpec {
  readonly where: Doc | FakeOrCommand | null;
  readonly order: Array<[string, 'asc' | 'desc']>;
  readonly skip: number;
  readonly limit: number;
}

/** What a query needs from the database: the latest committed documents and the network. */
export interface QueryHost {
  rows(collection: string): Iterable<[string, { data: Doc | null }[]]>;
  sdkCall(apiName: string, collection: string): Promise<void>;
  withId(id: string, data: Doc): Doc;
  /** Applies `patch` once no open transaction holds the document, if `still` holds for it then. */
  updateIf(collection: string, id: string, still: (data: Doc) => boolean, patch: Doc): Promise<boolean>;
}

export function fakeQuery(host: QueryHost, collection: string, spec: QuerySpec): CloudbaseQuery {
  const integer = (param: string, n: number) => {
    if (!Number.isInteger(n)) throw new Error(`${param} must be an integer`);
  };
  const selected = (): Array<[string, Doc]> => {
    const out: Array<[string, Doc]> = [];
    for (const [id, list] of host.rows(collection)) {
      const data = list[list.length - 1]?.data;
      if (data && (!spec.where || matches({ ...data, _id: id }, spec.where))) out.push([id, data]);
    }
    return out;
  };
  return {
    where: (condition) => {
      if (!(condition instanceof FakeOrCommand) && !isPlainObject(condition)) throw new Error('query param type error');
      return fakeQuery(host, collection, { ...spec, where: cloneWhere(condition) });
    },
    orderBy: (field, direction) => {
      if (direction !== 'asc' && direction !== 'desc') throw new Error('direction must be asc or desc');
      // Later orderBy calls on the same field replace the earlier one (the SDK merges objects).
      return fakeQuery(host, collection, { ...spec, order: [...spec.order.filter(([f]) => f !== field), [field, direction]] });
    },
    skip: (offset) => {
      integer('offset', offset);
      return fakeQuery(host, collection, { ...spec, skip: offset });
    },
    limit: (max) => {
      integer('limit', max);
      return fakeQuery(host, collection, { ...spec, limit: max });
    },
    get: async () => {
      await host.sdkCall('collection.get', collection);
      const rows = selected();
      if (spec.order.length > 0) {
        rows.sort(([ida, a], [idb, b]) => {
          for (const [field, dir] of spec.order) {
            const c = compareValues(field === '_id' ? ida : a[field], field === '_id' ? idb : b[field]);
            if (c !== 0) return dir === 'desc' ? -c : c;
          }
          return 0;
        });
      }
      const limit = spec.limit ? Math.min(spec.limit, 1000) : 100;
      return { data: rows.slice(spec.skip, spec.skip + limit).map(([id, d]) => host.withId(id, d)), errMsg: 'collection.get:ok' };
    },
    count: async () => {
      await host.sdkCall('collection.count', collection);
      return { total: selected().length, errMsg: 'collection.count:ok' };
    },
    update: async (options) => {
      const patch = checkWriteData('collection.update', options);
      await host.sdkCall('collection.update', collection);
      let updated = 0;
      const still = (id: string) => (data: Doc) => !spec.where || matches({ ...data, _id: id }, spec.where);
      for (const [id] of selected()) if (await host.updateIf(collection, id, still(id), patch)) updated += 1;
      return { stats: { updated }, errMsg: 'collection.update:ok' };
    },
  };
}
