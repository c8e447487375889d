import { useCallback, useState, useSyncExternalStore } from 'react';
import { fetchDevDeliveries, type DevDeliveries } from '../services/notice-dev-deliveries';

/** Whether the 推送记录 panel is open: its entry sits in the persona list, the panel under the bar. */
let open = false;
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const getOpen = () => open;

export function setDevDeliveriesOpen(next: boolean): void {
  open = next;
  listeners.forEach((l) => l());
}

export function useDevDeliveriesOpen(): boolean {
  return useSyncExternalStore(subscribe, getOpen, getOpen);
}

/** 推送记录 (H5 dev mode): loaded when the panel opens and on 刷新. */
export function useDevDeliveries() {
  const [data, setData] = useState<DevDeliveries | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    const r = await fetchDevDeliveries();
    setLoading(false);
    setFailed(r === null);
    if (r) setData(r);
  }, []);
  return { data, loading, failed, load };
}
