/**
 * Sending one claim batch of a push run (server/push/push-job.ts): the claimed deliveries go
 * out with bounded concurrency, each through retries, backoff and rate-limit pauses; failures
 * are written one by one (`settle`), the successful sends together at the end (`recordSent`,
 * one call for the batch), and claims never attempted — the run stopped or a send faulted
 * first — go back to `pending` with their consent kept, since provably nothing was sent for
 * them. A crash of the process instead leaves the batch `sending` until its lease runs out and
 * then `unknown` (never resent): the claim batch size bounds what a crash can lose.
 */
import type { NoticeDeliveryDoc } from '../../src/contracts/documents/push-documents.schema';
import type { NotifyMessage, NotifyResult } from '../ports/notifier.port';
import { recordSent, renew, settle, type Claimed, type Exec } from './push-claims';
import { backoffMs, classifyNotifyResult } from './notify-outcome';
import type { StopReason } from './push-job';

export interface RunState {
  stop: StopReason | null;
  fault: unknown;
  pausedUntil: number;
  sent: number;
}

export interface SendOptions {
  readonly concurrency: number;
  readonly maxAttempts: number;
  readonly backoff: { readonly baseMs: number; readonly maxMs: number };
  readonly leaseMs: number;
  readonly rateLimitPauseMs: number;
  readonly budgetMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly elapsed: () => number;
}

export interface RunControl {
  readonly state: RunState;
  /** Past the budget now, or after waiting `extraMs` more. */
  overBudget(extraMs?: number): boolean;
  /** Waits out a rate-limit pause set by any worker. */
  gate(): Promise<void>;
  /** A rate-limit pause that would outlast the budget: stop instead of waiting it out. */
  pauseOverrunsBudget(): boolean;
}

export function runControl(o: SendOptions, started: number): RunControl {
  const state: RunState = { stop: null, fault: null, pausedUntil: 0, sent: 0 };
  const overBudget = (extraMs = 0) => o.elapsed() + extraMs - started > o.budgetMs;
  return {
    state,
    overBudget,
    async gate() {
      for (let wait = state.pausedUntil - o.elapsed(); wait > 0; wait = state.pausedUntil - o.elapsed()) await o.sleep(wait);
    },
    pauseOverrunsBudget: () => overBudget(Math.max(0, state.pausedUntil - o.elapsed())),
  };
}

const failure = (r: { errCode: number | null; errMsg: string }) => ({ errCode: r.errCode, errMsg: r.errMsg });

type Outcome = 'sent' | 'written';

/** One claimed delivery through its attempts; 'sent' is left for the batch to record. */
async function sendClaimed(exec: Exec, o: SendOptions, ctl: RunControl, c: Claimed, token: string, message: NotifyMessage): Promise<Outcome> {
  const { state } = ctl;
  const put = (patch: Partial<NoticeDeliveryDoc>, consent: 'keep' | 'refund' | 'zero') => settle(exec, c.id, token, patch, consent).then(() => 'written' as const);
  let attempts = c.attempts;
  for (;;) {
    const result: NotifyResult = await exec.notifier.send(message);
    const out = classifyNotifyResult(result);
    switch (out.kind) {
      case 'sent':
        return 'sent';
      case 'unknown':
        return put({ status: 'unknown', lastError: failure(out) }, 'keep');
      case 'consentGone':
        return put({ status: 'failed', lastError: failure(out) }, 'zero');
      case 'failed':
        return put({ status: 'failed', lastError: failure(out) }, 'refund');
      case 'dailyQuota':
        state.stop = 'dailyQuota';
        // Nothing was sent: back to pending, this attempt not counted, consent kept for the retry.
        return put({ status: 'pending', attempts: attempts - 1, lastError: failure(out) }, 'keep');
      case 'rateLimited': {
        state.pausedUntil = Math.max(state.pausedUntil, o.elapsed() + o.rateLimitPauseMs);
        if (ctl.overBudget(state.pausedUntil - o.elapsed())) {
          state.stop = 'budget';
          return put({ status: 'pending', attempts: attempts - 1, lastError: failure(out) }, 'keep');
        }
        await ctl.gate();
        // A rate-limited try is not an attempt of the message: same attempt number again.
        if (!(await renew(exec, c.id, token, o.leaseMs, attempts))) return 'written';
        continue;
      }
      case 'retry': {
        if (attempts >= o.maxAttempts) return put({ status: 'failed', lastError: failure(out) }, 'refund');
        const wait = backoffMs(attempts, o.backoff);
        if (ctl.overBudget(wait)) {
          state.stop = 'budget';
          return put({ status: 'pending', lastError: failure(out) }, 'keep');
        }
        await o.sleep(wait);
        // Meanwhile the run may have stopped (daily quota) or a rate-limit pause may outlast
        // the budget: leave the retry to the next run rather than overrun the function's time.
        if (state.stop || state.fault || ctl.pauseOverrunsBudget()) {
          state.stop ??= 'budget';
          return put({ status: 'pending', lastError: failure(out) }, 'keep');
        }
        await ctl.gate();
        attempts += 1;
        if (!(await renew(exec, c.id, token, o.leaseMs, attempts))) return 'written';
        continue;
      }
    }
  }
}

/**
 * Sends a claim batch. A notifier that throws is a fault, as if the process died during that
 * send: its delivery stays `sending` (written off as `unknown` after the lease). Store faults
 * propagate the same way through `state.fault`.
 */
export async function sendBatch(exec: Exec, o: SendOptions, ctl: RunControl, batch: readonly Claimed[], token: string, messageOf: (d: NoticeDeliveryDoc) => NotifyMessage): Promise<void> {
  const { state } = ctl;
  const sent: string[] = [];
  const unattempted = new Set(batch.map((c) => c.id));
  let next = 0;
  const worker = async () => {
    while (next < batch.length && !state.stop && !state.fault) {
      if (ctl.overBudget() || ctl.pauseOverrunsBudget()) {
        state.stop ??= 'budget';
        return;
      }
      await ctl.gate();
      // Another worker may have taken the last claim, or the run stopped, during the pause.
      if (next >= batch.length || state.stop || state.fault) return;
      const c = batch[next++]!;
      unattempted.delete(c.id);
      try {
        if ((await sendClaimed(exec, o, ctl, c, token, messageOf(c.delivery))) === 'sent') sent.push(c.id);
      } catch (e) {
        state.fault ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, batch.length)) }, worker));
  const recorded = await recordSent(exec, sent, token);
  state.sent += recorded;
  // A send another run wrote off as `unknown` meanwhile: settle records the late success.
  if (recorded < sent.length) {
    for (const id of sent) if (await settle(exec, id, token, { status: 'sent', sentAt: exec.clock.now().toISOString(), lastError: null }, 'keep')) state.sent += 1;
  }
  for (const c of batch) {
    if (unattempted.has(c.id)) await settle(exec, c.id, token, { status: 'pending', attempts: c.attempts - 1 }, 'keep');
  }
}
