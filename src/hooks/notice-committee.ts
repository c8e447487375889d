import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { notices, type ErrEnvelope, type InputOf, type OutputOf } from '../services/contracts';
import { callAction } from '../services/api';
import { useSession, type ElectionView } from './session-store';

export type NoticeStats = OutputOf<typeof notices.noticeStats>;
export type PublishInput = InputOf<typeof notices.publishNotice>;
export type PublishOutput = OutputOf<typeof notices.publishNotice>;
export type RemindOutput = OutputOf<typeof notices.remindUnread>;
export type CallListEntry = RemindOutput['callList'][number];
export type NoticeTypeOption = NoticeStats['types'][number];

/** The election a committee member works on: the first one of a village they serve. */
export function useCommitteeElection(): { session: ReturnType<typeof useSession>; election: ElectionView | null } {
  const session = useSession();
  const villages = new Set((session.whoami?.committeeOf ?? []).map((v) => v.villageId));
  const election = (session.whoami?.elections ?? []).find((e) => villages.has(e.villageId)) ?? null;
  return { session, election };
}

export function useRouteParam(name: string): string | null {
  const raw = useRouter().params[name];
  return typeof raw === 'string' && raw ? decodeURIComponent(raw) : null;
}

/** committee.noticeStats: all notices and the publishable types, or one notice's detail. */
export function useNoticeStats(electionId: string | null, noticeId?: string | null) {
  const [data, setData] = useState<NoticeStats | null>(null);
  const [error, setError] = useState<ErrEnvelope | null>(null);
  const gen = useRef(0);
  const load = useCallback(async () => {
    if (!electionId) return;
    const mine = ++gen.current;
    const res = await callAction(notices.noticeStats, { electionId, ...(noticeId ? { noticeId } : {}) });
    if (mine !== gen.current) return;
    if (res.ok) {
      setData(res.data);
      setError(null);
    } else setError(res);
  }, [electionId, noticeId]);
  useEffect(() => {
    void load();
  }, [load]);
  // Back from compose or stats: show the fresh figures.
  useDidShow(() => {
    if (gen.current > 0) void load();
  });
  return { data, error, reload: load };
}

/** Preview and publish (committee.publishNotice); a refusal stays on the page. */
export function usePublishNotice() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrEnvelope | null>(null);
  const run = useCallback(async (input: PublishInput): Promise<PublishOutput | null> => {
    setPending(true);
    setError(null);
    try {
      const res = await callAction(notices.publishNotice, input);
      if (res.ok) return res.data;
      setError(res);
      return null;
    } finally {
      setPending(false);
    }
  }, []);
  return { run, pending, error, clearError: useCallback(() => setError(null), []) };
}

/** 提醒未读 (committee.remindUnread): pushes to the unread with a consent left; call list for the rest. */
export function useRemindUnread() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrEnvelope | null>(null);
  const remind = useCallback(async (electionId: string, noticeId: string): Promise<RemindOutput | null> => {
    setPending(true);
    setError(null);
    try {
      const res = await callAction(notices.remindUnread, { electionId, noticeId });
      if (res.ok) return res.data;
      setError(res);
      return null;
    } finally {
      setPending(false);
    }
  }, []);
  return { remind, pending, error };
}

/**
 * 重新获取电话通知名单: the call list of the notice's latest push (the one 提醒未读 last gave)
 * from committee.noticeStats with `callList: true` — nothing is pushed again.
 */
export function useCallList() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrEnvelope | null>(null);
  const fetchList = useCallback(async (electionId: string, noticeId: string): Promise<CallListEntry[] | null> => {
    setPending(true);
    setError(null);
    try {
      const res = await callAction(notices.noticeStats, { electionId, noticeId, callList: true });
      if (res.ok) return res.data.detail?.callList ?? [];
      setError(res);
      return null;
    } finally {
      setPending(false);
    }
  }, []);
  return { fetchList, pending, error };
}
