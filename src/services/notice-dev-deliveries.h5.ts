/**
 * Browser build: 推送记录 of the local host. GET /dev/deliveries answers only in dev mode
 * (404 otherwise, and then nothing is shown). Nothing here runs in the mini-program.
 */
import type { DevDeliveries } from './notice-dev-deliveries';

export type { DevDeliveries, DevDeliveryRow } from './notice-dev-deliveries';

/** null when the host is not in dev mode or unreachable. */
export async function fetchDevDeliveries(): Promise<DevDeliveries | null> {
  if (typeof fetch !== 'function') return null;
  try {
    const res = await fetch('/dev/deliveries', { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (res.status !== 200) return null;
    const body = (await res.json()) as Partial<DevDeliveries>;
    return Array.isArray(body.deliveries) && typeof body.total === 'number' ? { total: body.total, deliveries: body.deliveries } : null;
  } catch {
    return null;
  }
}
