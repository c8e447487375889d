/**
 * One run of a push job over its pending deliveries: the shared state of the concurrent workers
 * (why the run stopped, a fault, a rate-limit pause, sends so far), the time budget, and the
 * send-and-settle loop of one delivery. The protocol itself is described in push-job.ts.
 */
import { randomUUID } from 'node:crypto';
import type { NotifyMessage, NotifyResult } from '../ports/notifier.port';
import { claimDelivery, renew, settle, type Exec } from './delivery-claim';
import { backoffMs, classifyNotifyResult, type NotifyOutcome } from './notify-outcome';
import type { Resolved, StopReason } from './push-options';

/** After an answer: the delivery is settled (or no longer ours), or the same claim sends again. */
type Next = 'settled' | 'sendAgain';

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

  /** Claims, sends and settles one delivery; a fault is kept for the caller and stops the run. */
  async deliver(id: string, compose: (openid: string, templateId: string) => NotifyMessage): Promise<void> {
    try {
      await this.deliverOne(id, compose);
    } catch (e) {
      this.fault ??= e;
    }
  }

  private async deliverOne(id: string, compose: (openid: string, templateId: string) => NotifyMessage): Promise<void> {
    if (this.halted) return;
    if (this.overBudget() || this.pauseOverrunsBudget()) {
      this.stop ??= 'budget';
      return;
    }
    await this.gate();
    const token = randomUUID();
    const claim = await claimDelivery(this.exec, id, token, this.o.leaseMs);
    if (claim.kind !== 'claimed') return;
    const attempts = { n: claim.attempts };
    const message = compose(claim.delivery.openid, claim.delivery.templateId ?? '');
    for (;;) {
      let result: NotifyResult;
      try {
        result = await this.exec.notifier.send(message);
      } catch (e) {
        // As if the process died here: nothing more is written for this delivery.
        this.fault ??= e;
        return;
      }
      if ((await this.afterAnswer(id, token, attempts, classifyNotifyResult(result))) === 'settled') return;
    }
  }

  private async afterAnswer(id: string, token: string, attempts: { n: number }, out: NotifyOutcome): Promise<Next> {
    const { exec } = this;
    switch (out.kind) {
      case 'sent':
        if (await settle(exec, id, token, { status: 'sent', sentAt: exec.clock.now().toISOString(), lastError: null }, 'keep')) this.sent += 1;
        return 'settled';
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
