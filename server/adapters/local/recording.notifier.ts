/**
 * Notifier for the local host and tests: nothing leaves the machine; every message is kept with
 * the time it was "sent", for the dev page that shows deliveries (H5 开发模式 → 推送记录) and
 * for asserts. With `file`, each delivery is also appended to that JSON-lines file and read back
 * on the next start, so the record survives a restart of `npm start`.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
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

export interface RecordingOptions {
  /** JSON-lines file that keeps the record across restarts (the local host: DATA_DIR/dev-deliveries.jsonl). */
  readonly file?: string;
  /** Deliveries kept (the oldest are dropped beyond this); default 5,000. */
  readonly keep?: number;
}

function copyMessage(m: NotifyMessage): NotifyMessage {
  return {
    openid: m.openid,
    templateId: m.templateId,
    ...(m.page !== undefined ? { page: m.page } : {}),
    data: Object.fromEntries(Object.entries(m.data).map(([k, v]) => [k, { value: v.value }])),
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** One line of the file, or null when it is not a delivery this notifier wrote (a torn last line after a crash). */
function parseLine(line: string): Delivery | null {
  let x: unknown;
  try {
    x = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isRecord(x) || typeof x.at !== 'string' || !isRecord(x.message) || !isRecord(x.result)) return null;
  const m = x.message;
  const r = x.result;
  if (typeof m.openid !== 'string' || typeof m.templateId !== 'string' || !isRecord(m.data)) return null;
  if (m.page !== undefined && typeof m.page !== 'string') return null;
  const data: Record<string, { value: string }> = {};
  for (const [k, v] of Object.entries(m.data)) {
    if (!isRecord(v) || typeof v.value !== 'string') return null;
    data[k] = { value: v.value };
  }
  let result: NotifyResult;
  if (r.ok === true) result = { ok: true };
  else if (r.ok === false && typeof r.transient === 'boolean' && typeof r.errMsg === 'string' && (r.errCode === undefined || typeof r.errCode === 'number')) {
    result = { ok: false, transient: r.transient, errMsg: r.errMsg, ...(typeof r.errCode === 'number' ? { errCode: r.errCode } : {}) };
  } else return null;
  return { at: x.at, message: { openid: m.openid, templateId: m.templateId, ...(typeof m.page === 'string' ? { page: m.page } : {}), data }, result };
}

function load(file: string, keep: number): Delivery[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const all = lines.map(parseLine).filter((d): d is Delivery => d !== null);
  const kept = all.slice(-keep);
  // Compact once the file holds far more than is kept (or lines that are not deliveries).
  if (lines.length > 2 * keep || all.length !== lines.length) writeFileSync(file, kept.map((d) => JSON.stringify(d) + '\n').join(''));
  return kept;
}

export function createRecordingNotifier(clock: Clock = systemClock, options: RecordingOptions = {}): RecordingNotifier {
  const keep = Math.max(1, options.keep ?? 5_000);
  const file = options.file ?? null;
  const log: Delivery[] = file ? load(file, keep) : [];
  const scripted: Array<Extract<NotifyResult, { ok: false }>> = [];
  return {
    async send(message) {
      const result: NotifyResult = scripted.shift() ?? { ok: true };
      // A copy: later mutation by the caller must not rewrite what was "delivered".
      const d: Delivery = { at: clock.now().toISOString(), message: copyMessage(message), result };
      log.push(d);
      if (log.length > keep) log.splice(0, log.length - keep);
      if (file) appendFileSync(file, JSON.stringify(d) + '\n');
      return result;
    },
    deliveries: () => [...log],
    failNext: (...results) => {
      scripted.push(...results);
    },
    clear: () => {
      log.length = 0;
      scripted.length = 0;
      if (file) writeFileSync(file, '');
    },
  };
}
