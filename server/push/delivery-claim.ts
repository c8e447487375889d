/**
 * The delivery claim protocol of push-job.ts: claim (pending → sending, consent spent) before
 * the send, settle by the token holder only, renew before a retry, expire a dead worker's lease.
 *
 * Cost on CloudBase, where every operation is a billed round trip: a claim batch of n
 * deliveries is one transaction with one anchor read, three batched reads and 2n writes (the
 * consent spent and the delivery claimed), and the batch's successful sends are recorded by one
 * `updateMany` — about 3.4 SDK calls per recipient with its send, where a transaction per claim
 * and per outcome cost 14.
 */
import { consentDoc, noticeDeliveryDoc, type ConsentDoc, type NoticeDeliveryDoc } from '../../src/contracts/documents/push-documents.schema';
import type { PushDeps } from '../ports/push.port';
import type { Store, TxOps } from '../ports/store.port';
import { readDoc, readDocs, type WithId } from '../runtime/documents';
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

export interface Claimed {
  readonly id: string;
  readonly delivery: NoticeDeliveryDoc;
  readonly attempts: number;
}

/**
 * pending → sending for a batch of deliveries in one transaction, spending each consent the
 * delivery does not hold yet; deliveries no longer pending are skipped, those whose villager
 * unbound, left the list or has no consent left become `noConsent`.
 *
 * The batch is read with getMany (CloudBase transactions allow no query, and a `get` per
 * document is a round trip each) AFTER a first read inside the transaction, which fixes its
 * snapshot: every document read is then at least as new as the snapshot, and a delivery or
 * consent changed after the snapshot makes our write of it conflict (CloudBase: first writer
 * wins against the snapshot; the whole batch is retried with fresh reads). The embedded store
 * commits one transaction at a time, so nothing changes between its reads and writes. The voter
 * is only read (a binding changed in that instant is caught by the send going to the openid the
 * delivery was prepared for).
 */
export async function claimBatch(deps: Exec, jobId: string, ids: readonly string[], token: string, leaseMs: number): Promise<Claimed[]> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  return deps.inTx(async (tx) => {
    await tx.get('pushJob', jobId);
    const pending = [...(await readDocs(deps.store, 'noticeDelivery', ids, noticeDeliveryDoc)).values()].filter((d) => d.status === 'pending');
    if (pending.length === 0) return [];
    const voters = await deps.store.getMany('voter', pending.map((d) => d.voterId));
    const wanted = pending.filter((d) => !d.consentHeld && d.templateId).map((d) => consentId(d.openid, d.templateId as string));
    const consents: Map<string, WithId<ConsentDoc>> = wanted.length > 0 ? await readDocs(deps.store, 'consent', wanted, consentDoc) : new Map();
    const out: Claimed[] = [];
    for (const d of pending) {
      const giveUp = async (errMsg: string) => {
        if (d.consentHeld) await refundConsent(tx, d);
        await tx.set('noticeDelivery', d._id, { ...d, status: 'noConsent', consentHeld: false, lastError: { errCode: null, errMsg }, updatedAt: at });
      };
      // The villager unbound (or was taken off the list) since the job was prepared.
      const voter = voters.get(d.voterId);
      if (!voter || typeof voter.boundTo !== 'string' || voter.boundTo !== d.openid) {
        await giveUp('NOT_BOUND');
        continue;
      }
      if (voter.status !== 'registered') {
        await giveUp('NOT_REGISTERED');
        continue;
      }
      if (!d.consentHeld) {
        const key = d.templateId ? consentId(d.openid, d.templateId) : null;
        const c = key ? consents.get(key) : undefined;
        if (!c || c.unused < 1) {
          await giveUp('NO_CONSENT');
          continue;
        }
        const spent = { ...c, unused: c.unused - 1, used: c.used + 1, lastUsedAt: at };
        consents.set(c._id, spent);
        await tx.set('consent', c._id, spent);
      }
      const attempts = d.attempts + 1;
      const claimed = { ...d, status: 'sending' as const, consentHeld: true, claimToken: token, leaseUntil, attempts, updatedAt: at };
      await tx.set('noticeDelivery', d._id, claimed);
      out.push({ id: d._id, delivery: claimed, attempts });
    }
    return out;
  });
}

/**
 * The successful sends of a claim batch, recorded in one call: each delivery still `sending`
 * under our token becomes `sent` (its consent stays spent). Returns how many were recorded; one
 * that another run meanwhile wrote off as `unknown` is not matched and goes through `settle`.
 */
export async function recordSent(deps: Exec, ids: readonly string[], token: string): Promise<number> {
  if (ids.length === 0) return 0;
  const at = deps.clock.now().toISOString();
  return deps.store.updateMany('noticeDelivery', ids, { status: 'sending', claimToken: token }, { status: 'sent', sentAt: at, lastError: null, claimToken: null, leaseUntil: null, updatedAt: at });
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
