/**
 * Idempotent retries of state-changing calls (ActionContract.mutates).
 *
 * A client sends the same `requestId` on every retry of one intended change. The call's store is
 * wrapped so that every transaction it runs also reads `request/{key}` and, the first time,
 * writes it with this call's nonce — in the SAME transaction as the change, so "applied" and
 * "recorded" commit or roll back together on both stores. A transaction that finds the record
 * written by another call refuses without applying (RequestAlreadyApplied); a later transaction
 * of the same call recognises its own nonce. When the use case has answered, its reply envelope
 * is kept on the record (best effort, outside the transaction) and replayed to retries.
 *
 * Outcomes for a retry: reply kept → that reply; applied but no reply yet (the first call is
 * still finishing, or died between commit and reply) → wait briefly, then CONFLICT
 * REQUEST_ALREADY_APPLIED; never applied (refused before any transaction, rolled back, BUSY)
 * → runs again. Records are honoured for REQUEST_RETENTION_DAYS; an older one counts as absent
 * (no client retries that late) and may be deleted.
 *
 * Cost: +1 read +1 write in the call's first transaction, +1 read in each later one, +1 read
 * before the call and +1 transaction (read + write) for the reply — only when a requestId is sent.
 */
import { randomUUID } from 'node:crypto';
import { REQUEST_ALREADY_APPLIED, REQUEST_ALREADY_APPLIED_MESSAGE } from '../../src/contracts/define-action';
import type { Envelope } from '../../src/contracts/envelope';
import { requestDoc, type RequestDoc } from '../../src/contracts/documents/request-documents.schema';
import type { Clock } from '../ports/clock.port';
import type { Store, TxOps } from '../ports/store.port';
import { keyedHash } from '../security/keyed-hash';
import type { Logger } from './logger';
import { readDoc } from './documents';

export const REQUEST_RETENTION_DAYS = 7;
/** How long a retry waits for the first call's reply before answering REQUEST_ALREADY_APPLIED. */
export const REPLY_WAIT = { tries: 15, pauseMs: 100 } as const;

/** Thrown inside a transaction whose request another call already applied: rolls it back. */
export class RequestAlreadyApplied extends Error {
  constructor() {
    super('request already applied by an earlier call');
    this.name = 'RequestAlreadyApplied';
  }
}

export function requestKey(hmacKey: string, openid: string | null, fnAction: string, requestId: string): string {
  return keyedHash(hmacKey, 'request', `${openid ?? 'anon'}\u0000${fnAction}\u0000${requestId}`);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const alreadyApplied = (): Envelope<never> => ({ ok: false, code: 'CONFLICT', reason: REQUEST_ALREADY_APPLIED, message: REQUEST_ALREADY_APPLIED_MESSAGE });

export interface IdempotentCall {
  /** The store the use case gets: its transactions carry the request record. */
  readonly store: Store;
  /** What an earlier call with this id left: its reply, `applied` without one, or null. */
  prior(): Promise<Envelope<unknown> | 'applied' | null>;
  /** After losing a race to an earlier call: its reply when it comes, else REQUEST_ALREADY_APPLIED. */
  afterRace(): Promise<Envelope<unknown>>;
  /** Keeps this call's reply for its retries, if one of its transactions committed. */
  keep(reply: Envelope<unknown>, secret: boolean): Promise<void>;
}

/** Every operation of `inner` unchanged: only runTransaction is wrapped (by idempotentCall). */
function passThrough(inner: Store): Omit<Store, 'runTransaction'> {
  return {
    get: (c, id) => inner.get(c, id),
    getMany: (c, ids) => inner.getMany(c, ids),
    insertMany: (c, docs) => inner.insertMany(c, docs),
    updateMany: (c, ids, expect, patch) => inner.updateMany(c, ids, expect, patch),
    set: (c, id, d) => inner.set(c, id, d),
    update: (c, id, p) => inner.update(c, id, p),
    remove: (c, id) => inner.remove(c, id),
    find: (c, w, o) => inner.find(c, w, o),
    count: (c, w) => inner.count(c, w),
    close: () => inner.close(),
  };
}

export interface IdempotencyDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  readonly hmacKey: string;
}

export function idempotentCall(deps: IdempotencyDeps, openid: string | null, fnAction: string, requestId: string): IdempotentCall {
  const key = requestKey(deps.hmacKey, openid, fnAction, requestId);
  const nonce = randomUUID();
  let applied = false;
  const live = async (ops: TxOps): Promise<RequestDoc | null> => {
    const doc = await readDoc(ops, 'request', key, requestDoc);
    return doc && doc.expiresAt > deps.clock.now().toISOString() ? doc : null;
  };

  const mark = async (tx: TxOps): Promise<void> => {
    const rec = await live(tx);
    if (rec && rec.appliedBy !== nonce) throw new RequestAlreadyApplied();
    if (rec) return;
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + REQUEST_RETENTION_DAYS * 86_400_000).toISOString();
    await tx.set('request', key, { appliedBy: nonce, action: fnAction, appliedAt: now.toISOString(), expiresAt });
  };

  const store: Store = {
    ...passThrough(deps.store),
    async runTransaction(fn) {
      const result = await deps.store.runTransaction(async (tx) => {
        await mark(tx);
        return fn(tx);
      });
      applied = true;
      return result;
    },
  };

  const prior = async (): Promise<Envelope<unknown> | 'applied' | null> => {
    const rec = await live(deps.store);
    if (!rec) return null;
    if (rec.reply !== undefined) return JSON.parse(rec.reply) as Envelope<unknown>;
    return rec.repliedAt !== undefined ? alreadyApplied() : 'applied';
  };

  return {
    store,
    prior,
    async afterRace() {
      for (let i = 0; i < REPLY_WAIT.tries; i++) {
        const p = await prior();
        if (p !== null && p !== 'applied') return p;
        await sleep(REPLY_WAIT.pauseMs);
      }
      return alreadyApplied();
    },
    async keep(reply, secret) {
      if (!applied) return;
      try {
        const patch = { repliedAt: deps.clock.now().toISOString(), ...(secret ? {} : { reply: JSON.stringify(reply) }) };
        await deps.store.update('request', key, patch);
      } catch (e) {
        // Best effort: without the reply a retry is told REQUEST_ALREADY_APPLIED, which is true.
        deps.log.error('request.reply-not-kept', { action: fnAction, error: e instanceof Error ? e.name : 'unknown' });
      }
    },
  };
}
