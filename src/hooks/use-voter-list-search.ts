import { useCallback, useRef, useState } from 'react';
import { notices } from '../services/contracts';
import { callAction } from '../services/api';

export interface ListEntry {
  no: number;
  name: string;
  group: string;
}

/** Every row of the current published voter list, page by page; a message to show when it cannot be read. */
async function loadPublishedList(): Promise<ListEntry[] | string> {
  const list = await callAction(notices.list, {});
  if (!list.ok) return list.message;
  const notice = list.data.notices.find((n) => n.type === 'voterList' && !n.correctedBy) ?? list.data.notices.find((n) => n.type === 'voterList');
  if (!notice) return '选民名单还没有公布';
  const all: ListEntry[] = [];
  for (let page = 1; ; page++) {
    const res = await callAction(notices.get, { noticeId: notice.id, page });
    if (!res.ok) return res.message;
    const att = res.data.attachment;
    if (!att) break;
    for (const e of att.entries) {
      const no = typeof e.no === 'number' ? e.no : Number(e.no);
      if (Number.isInteger(no) && typeof e.name === 'string') all.push({ no, name: e.name, group: typeof e.group === 'string' ? e.group : '' });
    }
    if (page >= att.pages) break;
  }
  return all;
}

/**
 * Search by name in the published 选民名单公告 of the voter's own election. There is no
 * villager-facing roll search: the published list (names and groups only, with its 序号) is what
 * a villager may read, so it is loaded once, page by page, and searched on the phone.
 */
export function useVoterListSearch() {
  const entries = useRef<ListEntry[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [results, setResults] = useState<ListEntry[]>([]);

  const loadAll = useCallback(async (): Promise<ListEntry[] | null> => {
    if (entries.current) return entries.current;
    const loaded = await loadPublishedList();
    if (typeof loaded === 'string') {
      setMessage(loaded);
      return null;
    }
    entries.current = loaded;
    return loaded;
  }, []);

  const search = useCallback(
    async (name: string) => {
      const q = name.trim();
      if (!q) {
        setResults([]);
        setMessage('请先填写姓名（可以只填一部分）');
        return;
      }
      setLoading(true);
      setMessage(null);
      try {
        const all = await loadAll();
        if (!all) return;
        const hits = all.filter((e) => e.name.includes(q)).slice(0, 30);
        setResults(hits);
        if (hits.length === 0) setMessage(`选民名单上没有找到“${q}”`);
      } finally {
        setLoading(false);
      }
    },
    [loadAll],
  );

  return { search, loading, message, results };
}
