/**
 * 推送记录 of the local host (GET /dev/deliveries): the subscribe messages its recording
 * notifier "sent". The real implementation is notice-dev-deliveries.h5.ts (browser build, dev
 * mode only); in the mini-program pushes go through WeChat and there is nothing to show.
 */
import type { DevDeliveryRow } from '../contracts/notice.schema';

export type { DevDeliveryRow } from '../contracts/notice.schema';

export interface DevDeliveries {
  total: number;
  deliveries: DevDeliveryRow[];
}

export async function fetchDevDeliveries(): Promise<DevDeliveries | null> {
  return null;
}
