/**
 * GET /dev/deliveries (dev mode only, server/local/http-host.ts): what the recording notifier
 * "sent", newest first, with the recipient shown as its dev persona or masked — for the H5
 * 开发模式 推送记录 panel and the e2e.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { DevDeliveryRow } from '../../src/contracts/notice.schema';
import type { Delivery } from '../adapters/local/recording.notifier';
import { REMINDER_HINT } from '../use-cases/notices/notice-message.text';

/** Rows returned at most (the newest). */
export const DEV_DELIVERIES_SHOWN = 500;

export function maskOpenid(openid: string): string {
  const chars = [...openid];
  return chars.length <= 8 ? `${chars.slice(0, 2).join('')}…` : `${chars.slice(0, 4).join('')}…${chars.slice(-4).join('')}`;
}

/** openid → persona (key, label) from dev-personas.json; empty when it is missing or unreadable. */
export function personasByOpenid(personasFile: string | null): Map<string, { key: string; label: string }> {
  const out = new Map<string, { key: string; label: string }>();
  if (!personasFile || !existsSync(personasFile)) return out;
  try {
    const body = JSON.parse(readFileSync(personasFile, 'utf8')) as { personas?: unknown };
    for (const p of Array.isArray(body.personas) ? body.personas : []) {
      const x = p as { openid?: unknown; key?: unknown; label?: unknown };
      if (typeof x.openid === 'string' && typeof x.key === 'string' && typeof x.label === 'string') out.set(x.openid, { key: x.key, label: x.label });
    }
  } catch {
    // A half-written file during `npm run seed`: show masked recipients.
  }
  return out;
}

export function devDeliveryRows(deliveries: readonly Delivery[], personas: ReadonlyMap<string, { key: string; label: string }>): { total: number; deliveries: DevDeliveryRow[] } {
  const rows = deliveries
    .slice(-DEV_DELIVERIES_SHOWN)
    .reverse()
    .map((d): DevDeliveryRow => {
      const who = personas.get(d.message.openid);
      const r = d.result;
      return {
        at: d.at,
        recipient: who?.label ?? maskOpenid(d.message.openid),
        persona: who?.key ?? null,
        templateId: d.message.templateId,
        page: d.message.page ?? null,
        title: d.message.data.thing1?.value ?? null,
        reminder: d.message.data.thing3?.value === REMINDER_HINT,
        outcome: r.ok ? 'sent' : 'failed',
        error: r.ok ? null : `${r.errCode ?? ''} ${r.errMsg}`.trim(),
        message: d.message,
        result: r.ok ? { ok: true } : { ok: false, ...(r.errCode !== undefined ? { errCode: r.errCode } : {}), errMsg: r.errMsg },
      };
    });
  return { total: deliveries.length, deliveries: rows };
}
