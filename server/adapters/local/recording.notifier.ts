/**
 * Notifier for the local host and tests: nothing leaves the machine; every message is kept in
 * memory with the time it was "sent", for the dev page that shows deliveries and for asserts.
 */
import { systemClock, type Clock } from '../../ports/clock.port';
import type { NotifyMessage, NotifyResult, Notifier } from '../../ports/notifier.port';

export interface Delivery {
  readonly at: string;
  readonly message: NotifyMessage;
  readonly result: NotifyResult;
}

export interface RecordingNotifier extends Notifier {
  /** Every send, oldest first (including scripted failures). */
  deliveries(): readonly Delivery[];
  /** Makes the next sends return these results, in order (then back to success). */
  failNext(...results: Array<Extract<NotifyResult, { ok: false }>>): void;
  clear(): void;
}

function copyMessage(m: NotifyMessage): NotifyMessage {
  return {
    openid: m.openid,
    templateId: m.templateId,
    ...(m.page !== undefined ? { page: m.page } : {}),
    data: Object.fromEntries(Object.entries(m.data).map(([k, v]) => [k, { value: v.value }])),
  };
}

export function createRecordingNotifier(clock: Clock = systemClock): RecordingNotifier {
  const log: Delivery[] = [];
  const scripted: Array<Extract<NotifyResult, { ok: false }>> = [];
  return {
    async send(message) {
      const result: NotifyResult = scripted.shift() ?? { ok: true };
      // A copy: later mutation by the caller must not rewrite what was "delivered".
      log.push({ at: clock.now().toISOString(), message: copyMessage(message), result });
      return result;
    },
    deliveries: () => [...log],
    failNext: (...results) => {
      scripted.push(...results);
    },
    clear: () => {
      log.length = 0;
      scripted.length = 0;
    },
  };
}
