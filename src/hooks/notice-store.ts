import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { notices, type ErrEnvelope, type OutputOf } from '../services/contracts';
import { callAction } from '../services/api';
import { CONSENT_KIND, requestConsent } from '../services/notice-consent';
import { showUnreadBadge } from '../services/notice-navigation';
import { createLatestStore } from './latest-store';
import { getSession } from './session-store';
import { useLatestCall } from './use-action';

export type NoticeList = OutputOf<typeof notices.list>;
export type NoticeItem = NoticeList['notices'][number];
export type NoticeDetail = OutputOf<typeof notices.get>;

/** The bound villager's notices: shared by 首页 (badge), the 公告 tab and the detail page. */
interface NoticeState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: NoticeList | null;
  error: ErrEnvelope | null;
  loadedAt: number;
}

const STALE_MS = 10_000;
const store = createLatestStore<NoticeState>({ status: 'idle', data: null, error: null, loadedAt: 0 });
const { set } = store;

function setData(data: NoticeList): void {
  set({ status: 'ready', data, error: null });
  showUnreadBadge(data.unread);
}

export function refreshNotices(): Promise<void> {
  if (store.get().status !== 'ready') set({ status: 'loading' });
  return store.load(async (current) => {
    const res = await callAction(notices.list, {});
    if (!current()) return;
    if (res.ok) {
      setData(res.data);
      set({ loadedAt: Date.now() });
    } else set({ status: 'error', error: res, loadedAt: Date.now() });
  });
}

/** Unread first, then newest first. */
export function sortNotices(list: readonly NoticeItem[]): NoticeItem[] {
  return list.slice().sort((a, b) => Number(a.read) - Number(b.read) || b.publishedAt.localeCompare(a.publishedAt));
}

/** The notice list for a bound voter (`enabled`); reloads when shown and stale. */
export function useNoticeList(enabled: boolean) {
  const snapshot = useSyncExternalStore(store.subscribe, store.get, store.get);
  const maybeLoad = useCallback(() => {
    if (!enabled || store.loading()) return;
    const state = store.get();
    if (state.status === 'idle' || state.status === 'error' || Date.now() - state.loadedAt > STALE_MS) void refreshNotices();
  }, [enabled]);
  useEffect(maybeLoad, [maybeLoad]);
  useDidShow(maybeLoad);
  useEffect(() => {
    // Unbinding (or another persona) must not keep the previous voter's notices.
    if (!enabled && store.get().status !== 'idle') {
      store.drop();
      set({ status: 'idle', data: null, error: null, loadedAt: 0 });
    }
  }, [enabled]);
  const reload = useCallback(() => refreshNotices(), []);
  return { ...snapshot, reload };
}

/** Pull-down on the 公告 tab reloads the list (the session hook reloads whoami alongside). */
export function useNoticePullDown(enabled: boolean): void {
  usePullDownRefresh(() => {
    if (enabled) void refreshNotices().finally(() => void Taro.stopPullDownRefresh());
  });
}

function noteRead(noticeId: string, unread: number, readAt: string): void {
  const data = store.get().data;
  if (!data) return;
  setData({ ...data, unread, notices: data.notices.map((n) => (n.id === noticeId ? { ...n, read: true, readAt: n.readAt ?? readAt } : n)) });
}

function notePushesOwed(pushesOwed: number): void {
  const data = store.get().data;
  if (data) setData({ ...data, pushesOwed });
}

/** 公告详情 page by page, with 我已阅读 (once per voter per notice). */
export function useNoticeDetail() {
  const params = useRouter().params;
  const id = typeof params.id === 'string' ? decodeURIComponent(params.id) : '';
  const { data: detail, error, loading, load: loadPage, setData: setDetail } = useLatestCall(notices.get);
  const [marking, setMarking] = useState(false);
  const [markError, setMarkError] = useState<string | null>(null);
  const busy = useRef(false);

  const load = useCallback(
    async (page: number) => {
      if (id) await loadPage({ noticeId: id, page });
    },
    [id, loadPage],
  );
  useEffect(() => {
    void load(1);
  }, [load]);

  const markRead = useCallback(async (): Promise<boolean> => {
    if (busy.current || !detail || detail.notice.read) return false;
    busy.current = true;
    setMarking(true);
    setMarkError(null);
    try {
      const res = await callAction(notices.markRead, { noticeId: detail.notice.id });
      if (!res.ok) {
        setMarkError(res.message);
        return false;
      }
      setDetail((d) => (d ? { ...d, notice: { ...d.notice, read: true, readAt: res.data.readAt } } : d));
      noteRead(res.data.noticeId, res.data.unread, res.data.readAt);
      return true;
    } finally {
      busy.current = false;
      setMarking(false);
    }
  }, [detail]);

  return { id, detail, error, loading, reload: load, markRead, marking, markError };
}

/**
 * 订阅消息提醒: asks WeChat for one consent (a tap is required) for the deployment's notice
 * template — given by notices.list (`subscribeTemplateId`, setting NOTICE_TEMPLATE_ID) — records
 * what was accepted through notices.subscribe, and keeps the count of pushes owed up to date.
 */
export function useNoticeSubscribe(templateOverride?: string, onRecorded?: (pushesOwed: number) => void) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const subscribeOnce = useCallback(async () => {
    if (pending) return;
    setPending(true);
    setMessage(null);
    try {
      const templateId = templateOverride ?? store.get().data?.subscribeTemplateId;
      if (!templateId) {
        setMessage({ ok: false, text: '公告还没有加载好，请稍后再点一次。' });
        return;
      }
      const templateIds = [templateId];
      const consent = await requestConsent(templateIds);
      if (!consent.ok) {
        setMessage({ ok: false, text: consent.message });
        return;
      }
      if (consent.accepted.length === 0) {
        setMessage({ ok: false, text: '您没有同意，这次不会收到提醒。以后想收提醒，再点一次就行。' });
        return;
      }
      const electionId = getSession().whoami?.voter?.electionId;
      const res = await callAction(notices.subscribe, { templateIds, accepted: consent.accepted, ...(electionId ? { electionId } : {}) });
      if (!res.ok) {
        setMessage({ ok: false, text: res.message });
        return;
      }
      notePushesOwed(res.data.pushesOwed);
      onRecorded?.(res.data.pushesOwed);
      setMessage({ ok: true, text: `订阅成功：同意了${res.data.recorded}次。` });
    } finally {
      setPending(false);
    }
  }, [pending, templateOverride, onRecorded]);
  return { subscribeOnce, pending, message, kind: CONSENT_KIND };
}
