/**
 * One run of a push job over its pending deliveries: the shared state of the concurrent workers
 * (why the run stopped, a fault, a rate-limit pause, sends so far), the time budget, and the
 * sending of one claim batch. The protocol itself is described in push-job.ts.
 */
import type { NotifyMessage, NotifyResult } from '../ports/notifier.port';
import { recordSent, renew, settle, type Claimed, type Exec } from './delivery-claim';
import { backoffMs, classifyNotifyResult, type NotifyOutcome } from './notify-outcome';
import type { Resolved, StopReason } from './push-options';

/** After an answer: settled (or no longer ours), sent (recorded with its batch), or the same claim sends again. */
type Next = 'settled' | 'sendAgain' | 'sent';

const failure = (r: { errCode: number | null; errMsg: string }) => ({ errCode: r.errCode, errMsg: r.errMsg });

export class PushRun {
  stop: StopReason | null = null;
  fault: unknown = null;
  sent = 0;
  private pausedUntil = 0;

  /** `started`: when the run began (its preparation included), on `o.elapsed`'s clock. */
  constructor(
    private readonly exec: Exec,
    private readonly o: Resolved,
    private readonly started: number,
  ) {}

  get halted(): boolean {
    return this.stop !== null || this.fault !== null;
  }

  /** Whether another batch may be claimed now; past the budget the run stops instead. */
  mayClaim(): boolean {
    if (this.halted) return false;
    if (this.overBudget() || this.pauseOverrunsBudget()) {
      this.stop ??= 'budget';
      return false;
    }
    return true;
  }

  private overBudget(extraMs = 0): boolean {
    return this.o.elapsed() + extraMs - this.started > this.o.budgetMs;
  }

  /** A rate-limit pause set by another worker that would outlast the budget: stop instead of waiting it out. */
  private pauseOverrunsBudget(): boolean {
    return this.overBudget(Math.max(0, this.pausedUntil - this.o.elapsed()));
  }

  private async gate(): Promise<void> {
    for (let wait = this.pausedUntil - this.o.elapsed(); wait > 0; wait = this.pausedUntil - this.o.elapsed()) await this.o.sleep(wait);
  }

  /**
   * Sends a claim batch with bounded concurrency. Failures are settled one by one as they come;
   * the successful sends are recorded together at the end (one `updateMany`); claims never
   * attempted — the run stopped, or a send faulted, first — go back to `pending` with their
   * consent kept, since provably nothing was sent for them. A notifier that throws is a fault,
   * as if the process died during that send: its delivery stays `sending` (`unknown` after the
   * lease). A real crash leaves the whole batch `sending`: the batch size bounds what it loses.
   */
  async sendBatch(batch: readonly Claimed[], token: string, compose: (openid: string, templateId: string) => NotifyMessage): Promise<void> {
    const sent: string[] = [];
    const unattempted = new Set(batch.map((c) => c.id));
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        if (!this.mayClaim()) return;
        await this.gate();
        // Another worker may have taken the last claim, or the run stopped, during the pause.
        if (next >= batch.length || this.halted) return;
        const c = batch[next++]!;
        unattempted.delete(c.id);
        try {
          if ((await this.sendClaimed(c, token, compose(c.delivery.openid, c.delivery.templateId ?? ''))) === 'sent') sent.push(c.id);
        } catch (e) {
          this.fault ??= e;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.o.concurrency, batch.length)) }, worker));
    await this.recordBatch(batch, token, sent, unattempted);
  }

  private async recordBatch(batch: readonly Claimed[], token: string, sent: readonly string[], unattempted: ReadonlySet<string>): Promise<void> {
    const { exec } = this;
    const recorded = await recordSent(exec, sent, token);
    this.sent += recorded;
    // A send another run wrote off as `unknown` meanwhile: settle records the late success.
    if (recorded < sent.length) {
      for (const id of sent) if (await settle(exec, id, token, { status: 'sent', sentAt: exec.clock.now().toISOString(), lastError: null }, 'keep')) this.sent += 1;
    }
    for (const c of batch) if (unattempted.has(c.id)) await settle(exec, c.id, token, { status: 'pending', attempts: c.attempts - 1 }, 'keep');
  }

  /** One claimed delivery through its attempts; 'sent' is left for the batch to record. */
  private async sendClaimed(c: Claimed, token: string, message: NotifyMessage): Promise<'sent' | 'settled'> {
    const attempts = { n: c.attempts };
    for (;;) {
      const result: NotifyResult = await this.exec.notifier.send(message);
      const next = await this.afterAnswer(c.id, token, attempts, classifyNotifyResult(result));
      if (next !== 'sendAgain') return next;
    }
  }

  private async afterAnswer(id: string, token: string, attempts: { n: number }, out: NotifyOutcome): Promise<Next> {
    const { exec } = this;
    switch (out.kind) {
      case 'sent':
        return 'sent';
      case 'unknown':
        await settle(exec, id, token, { status: 'unknown', lastError: failure(out) }, 'keep');
        return 'settled';
      case 'consentGone':
        await settle(exec, id, token, { status: 'failed', lastError: failure(out) }, 'zero');
        return 'settled';
      case 'failed':
        await settle(exec, id, token, { status: 'failed', lastError: failure(out) }, 'refund');
        return 'settled';
      case 'dailyQuota':
        this.stop = 'dailyQuota';
        // Nothing was sent: back to pending, this attempt not counted, consent kept for the retry.
        await settle(exec, id, token, { status: 'pending', attempts: attempts.n - 1, lastError: failure(out) }, 'keep');
        return 'settled';
      case 'rateLimited':
        return this.afterRateLimit(id, token, attempts.n, out);
      case 'retry':
        return this.afterRetryable(id, token, attempts, out);
    }
  }

  private async afterRateLimit(id: string, token: string, attempts: number, out: Extract<NotifyOutcome, { kind: 'rateLimited' }>): Promise<Next> {
    this.pausedUntil = Math.max(this.pausedUntil, this.o.elapsed() + this.o.rateLimitPauseMs);
    if (this.overBudget(this.pausedUntil - this.o.elapsed())) {
      this.stop = 'budget';
      await settle(this.exec, id, token, { status: 'pending', attempts: attempts - 1, lastError: failure(out) }, 'keep');
      return 'settled';
    }
    await this.gate();
    // A rate-limited try is not an attempt of the message: same attempt number again.
    return (await renew(this.exec, id, token, this.o.leaseMs, attempts)) ? 'sendAgain' : 'settled';
  }

  private async afterRetryable(id: string, token: string, attempts: { n: number }, out: Extract<NotifyOutcome, { kind: 'retry' }>): Promise<Next> {
    const { exec, o } = this;
    if (attempts.n >= o.maxAttempts) {
      await settle(exec, id, token, { status: 'failed', lastError: failure(out) }, 'refund');
      return 'settled';
    }
    const wait = backoffMs(attempts.n, o.backoff);
    if (this.overBudget(wait)) {
      this.stop = 'budget';
      await settle(exec, id, token, { status: 'pending', lastError: failure(out) }, 'keep');
      return 'settled';
    }
    await o.sleep(wait);
    // Meanwhile the run may have stopped (daily quota) or a rate-limit pause may outlast
    // the budget: leave the retry to the next run rather than overrun the function's time.
    if (this.halted || this.pauseOverrunsBudget()) {
      this.stop ??= 'budget';
      await settle(exec, id, token, { status: 'pending', lastError: failure(out) }, 'keep');
      return 'settled';
    }
    await this.gate();
    attempts.n += 1;
    return (await renew(exec, id, token, o.leaseMs, attempts.n)) ? 'sendAgain' : 'settled';
  }
}
