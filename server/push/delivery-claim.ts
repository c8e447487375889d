/**
 * The delivery claim protocol of push-job.ts: claim (pending → sending, consent spent) before
 * the send, settle by the token holder only, renew before a retry, expire a dead worker's lease.
 */
import { consentDoc, noticeDeliveryDoc, type NoticeDeliveryDoc } from '../../src/contracts/documents/push-documents.schema';
import type { PushDeps } from '../ports/push.port';
import type { Store, TxOps } from '../ports/store.port';
import { readDoc, type WithId } from '../runtime/documents';
import { consentId, refundSpentConsent } from './consent';

/**
 * Group commit: claims and outcomes of concurrent workers that arrive while a transaction is
 * running are written together in the next one. Each worker still waits for the commit of its
 * own claim before it sends, so the protocol is unchanged; only the number of commits drops.
 * Every operation is a pure function of `tx`, so a store that retries a conflicting transaction
 * may run the whole batch again.
 */
export class TxBatcher {
  private readonly queue: Array<{ op: (tx: TxOps) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }> = [];
  private running = false;

  constructor(
    private readonly store: Store,
    private readonly max: number,
  ) {}

  run<T>(op: (tx: TxOps) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ op, resolve: resolve as (v: unknown) => void, reject });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.max);
        try {
          const results = await this.store.runTransaction(async (tx) => {
            const out: unknown[] = [];
            for (const b of batch) out.push(await b.op(tx));
            return out;
          });
          batch.forEach((b, i) => b.resolve(results[i]));
        } catch (e) {
          for (const b of batch) b.reject(e);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

export type Exec = PushDeps & { readonly inTx: <T>(fn: (tx: TxOps) => Promise<T>) => Promise<T> };

export type Claim = { kind: 'claimed'; delivery: NoticeDeliveryDoc; attempts: number } | { kind: 'skip' };

/** pending → sending in one transaction, spending the consent if the delivery holds none yet. */
export async function claimDelivery(deps: Exec, id: string, token: string, leaseMs: number): Promise<Claim> {
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.inTx<Claim>(async (tx) => {
    const d = await readDoc(tx, 'noticeDelivery', id, noticeDeliveryDoc);
    if (!d || d.status !== 'pending') return { kind: 'skip' };
    const giveUp = async (errMsg: string) => {
      if (d.consentHeld) await refundConsent(tx, d);
      await tx.set('noticeDelivery', id, { ...d, status: 'noConsent', consentHeld: false, lastError: { errCode: null, errMsg }, updatedAt: at });
      return { kind: 'skip' } as const;
    };
    // The villager unbound (or was taken off the list) since the job was prepared. Only these
    // two fields are read, each checked for its type: the hot path skips parsing the whole entry.
    const voter = await tx.get('voter', d.voterId);
    if (!voter || typeof voter.boundTo !== 'string' || voter.boundTo !== d.openid) return giveUp('NOT_BOUND');
    if (voter.status !== 'registered') return giveUp('NOT_REGISTERED');
    if (!d.consentHeld) {
      const c = d.templateId ? await readDoc(tx, 'consent', consentId(d.openid, d.templateId), consentDoc) : null;
      if (!c || c.unused < 1) return giveUp('NO_CONSENT');
      await tx.set('consent', c._id, { ...c, unused: c.unused - 1, used: c.used + 1, lastUsedAt: at });
    }
    const attempts = d.attempts + 1;
    const claimed = { status: 'sending' as const, consentHeld: true, claimToken: token, leaseUntil: new Date(now.getTime() + leaseMs).toISOString(), attempts, updatedAt: at };
    await tx.set('noticeDelivery', id, { ...d, ...claimed });
    return { kind: 'claimed', delivery: { ...d, ...claimed }, attempts };
  });
}

async function refundConsent(tx: TxOps, d: NoticeDeliveryDoc): Promise<void> {
  if (d.templateId) await refundSpentConsent(tx, d.openid, d.templateId);
}

export type ConsentAction = 'keep' | 'refund' | 'zero';

/**
 * Writes the outcome of a claim. Only the token holder may; the one exception is a success
 * learned after another run wrote the delivery off as `unknown` (the record gets more exact,
 * nothing is sent).
 */
export async function settle(deps: Exec, id: string, token: string, patch: Partial<NoticeDeliveryDoc>, consent: ConsentAction): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  return deps.inTx(async (tx) => {
    const d = await readDoc(tx, 'noticeDelivery', id, noticeDeliveryDoc);
    if (!d) return false;
    const ours = d.status === 'sending' && d.claimToken === token;
    const lateSuccess = d.status === 'unknown' && patch.status === 'sent';
    if (!ours && !lateSuccess) return false;
    let consentHeld = d.consentHeld;
    if (consent === 'refund' && d.consentHeld) {
      await refundConsent(tx, d);
      consentHeld = false;
    } else if (consent === 'zero' && d.templateId) {
      // WeChat says this user has no subscription left: our count was wrong.
      const c = await readDoc(tx, 'consent', consentId(d.openid, d.templateId), consentDoc);
      if (c) await tx.update('consent', c._id, { unused: 0 });
    }
    await tx.set('noticeDelivery', id, { ...d, ...patch, consentHeld, claimToken: null, leaseUntil: null, updatedAt: at });
    return true;
  });
}

/** Extends our lease before a retry; false when the claim is no longer ours (never send then). */
export async function renew(deps: Exec, id: string, token: string, leaseMs: number, attempts: number): Promise<boolean> {
  const now = deps.clock.now();
  return deps.inTx(async (tx) => {
    const d = await readDoc(tx, 'noticeDelivery', id, noticeDeliveryDoc);
    if (!d || d.status !== 'sending' || d.claimToken !== token) return false;
    await tx.update('noticeDelivery', id, { leaseUntil: new Date(now.getTime() + leaseMs).toISOString(), attempts, updatedAt: now.toISOString() });
    return true;
  });
}

/** A `sending` delivery whose lease ran out: its worker died somewhere around the send. */
export async function expireLease(deps: Exec, d: WithId<NoticeDeliveryDoc>): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.inTx(async (tx) => {
    const cur = await readDoc(tx, 'noticeDelivery', d._id, noticeDeliveryDoc);
    if (!cur || cur.status !== 'sending' || cur.claimToken !== d.claimToken || (cur.leaseUntil !== null && cur.leaseUntil > at)) return;
    await tx.update('noticeDelivery', d._id, {
      status: 'unknown',
      claimToken: null,
      leaseUntil: null,
      lastError: { errCode: null, errMsg: 'LEASE_EXPIRED: the worker stopped after claiming; not resent' },
      updatedAt: at,
    });
  });
}
