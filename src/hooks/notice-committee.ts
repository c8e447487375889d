import { useCallback } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import * as noticeCommittee from '../contracts/notice-committee.contract';
import type { InputOf, OutputOf } from '../services/contracts';
import { useActionCall, useActionData } from './use-action';

export type NoticeStats = OutputOf<typeof noticeCommittee.noticeStats>;
export type PublishInput = InputOf<typeof noticeCommittee.publishNotice>;
export type PublishOutput = OutputOf<typeof noticeCommittee.publishNotice>;
export type RemindOutput = OutputOf<typeof noticeCommittee.remindUnread>;
export type CallListEntry = RemindOutput['callList'][number];
export type NoticeTypeOption = NoticeStats['types'][number];

export function useRouteParam(name: string): string | null {
  const raw = useRouter().params[name];
  return typeof raw === 'string' && raw ? decodeURIComponent(raw) : null;
}

/** committee.noticeStats: all notices and the publishable types, or one notice's detail. */
export function useNoticeStats(electionId: string | null, noticeId?: string | null) {
  const input = electionId ? { electionId, ...(noticeId ? { noticeId } : {}) } : null;
  const { data, error, reload } = useActionData(noticeCommittee.noticeStats, input, input ? `${electionId}:${noticeId ?? ''}` : null);
  // Back from compose or stats: show the fresh figures.
  const loaded = data !== null || error !== null;
  useDidShow(() => {
    if (loaded) void reload();
  });
  return { data, error, reload };
}

/** Preview and publish (committee.publishNotice); a refusal stays on the page. */
export function usePublishNotice() {
  return useActionCall(noticeCommittee.publishNotice);
}

/** 提醒未读 (committee.remindUnread): pushes to the unread with a consent left; call list for the rest. */
export function useRemindUnread() {
  const { run, pending, error } = useActionCall(noticeCommittee.remindUnread);
  const remind = useCallback((electionId: string, noticeId: string): Promise<RemindOutput | null> => run({ electionId, noticeId }), [run]);
  return { remind, pending, error };
}

/**
 * 重新获取电话通知名单: the call list of the notice's latest push (the one 提醒未读 last gave)
 * from committee.noticeStats with `callList: true` — nothing is pushed again.
 */
export function useCallList() {
  const { run, pending, error } = useActionCall(noticeCommittee.noticeStats);
  const fetchList = useCallback(
    async (electionId: string, noticeId: string): Promise<CallListEntry[] | null> => {
      const data = await run({ electionId, noticeId, callList: true });
      return data ? (data.detail?.callList ?? []) : null;
    },
    [run],
  );
  return { fetchList, pending, error };
}
