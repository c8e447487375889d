/**
 * The chain writer (docs/decisions/0001-audit-chain.md): links the pending entries of a scope
 * into its hash chain, then signs the new head.
 *
 * One writer per scope at a time, by a lease on `auditHead/{scope}` (owner token + expiry, as
 * push-job.ts leases deliveries). Safety does not rest on the lease alone: every batch is one
 * transaction addressed by id (CloudBase allows no query inside) that re-reads the head, checks
 * the token AND that the head is still where this writer left it, and writes the head. Two
 * writers that both believe they hold the lease (one paused past its expiry) therefore both
 * write the head document: the store serialises them (embedded: one writer; CloudBase:
 * first-writer-wins conflict), and the loser sees a moved head and stops. The chain never forks,
 * and a pending entry is linked exactly once because its removal commits with its link.
 *
 * Checkpoints are numbered per scope (n = 1, 2, … and the seq of the one before, under a second
 * signature) and the head records the last one, so the verifier names a deleted checkpoint.
 * Heads and checkpoints written before numbering existed continue: the first numbered
 * checkpoint names the newest unnumbered one as its predecessor.
 *
 * Contention: only chain writers touch the head — at most one per scope per tick — never the
 * villagers' transactions.
 */
import { randomUUID } from 'node:crypto';
import type { AuditCheckpoint, AuditHead } from '../ports/audit.port';
import type { Clock } from '../ports/clock.port';
import type { Signer } from '../ports/signer.port';
import type { DocData, Store, StoredDoc, TxOps } from '../ports/store.port';
import { checkpointDocId, isCheckpoint, signCheckpoint, type CheckpointLink } from './audit-checkpoint';
import { auditDocId, auditHash, GENESIS_HASH } from './audit-log';

export interface LinkOptions {
  /** Entries linked per transaction (each costs a write and a remove). */
  readonly batchSize?: number;
  /** How long the lease holds without renewal; renewed by every batch. Must exceed one batch. */
  readonly leaseMs?: number;
  /** Stop starting batches after this long (a cloud function's time limit); the rest waits for the next run. */
  readonly budgetMs?: number;
  /** Monotonic milliseconds for the budget. */
  readonly elapsed?: () => number;
}

export const DEFAULT_LINK_OPTIONS = {
  batchSize: 50,
  leaseMs: 60_000,
  budgetMs: Number.POSITIVE_INFINITY,
  elapsed: () => performance.now(),
} as const;

type Resolved = { -readonly [K in keyof typeof DEFAULT_LINK_OPTIONS]: NonNullable<LinkOptions[K]> };

/** Why a run left pending entries behind (null: it linked everything it found). */
export type LinkStop = 'leased' | 'leaseLost' | 'budget';

export interface LinkReport {
  readonly scope: string;
  /** Entries this run linked. */
  readonly linked: number;
  /** The head after this run (seq 0 and the genesis hash for an empty scope). */
  readonly head: { readonly seq: number; readonly hash: string };
  /** The signed checkpoint at the head, null for an empty scope or when another writer holds the lease. */
  readonly checkpoint: AuditCheckpoint | null;
  readonly stoppedBy: LinkStop | null;
}

export interface LinkDeps {
  readonly store: Store;
  readonly signer: Pick<Signer, 'keyId' | 'sign'>;
  readonly clock: Clock;
}

type HeadDoc = StoredDoc<DocData & AuditHead>;
type Link = { seq: number; hash: string };

function isHead(doc: DocData | null): doc is HeadDoc {
  return doc !== null && Number.isInteger(doc.seq) && typeof doc.hash === 'string';
}

async function readHead(tx: TxOps, scope: string): Promise<HeadDoc | null> {
  const head = await tx.get('auditHead', scope);
  if (head !== null && !isHead(head)) throw new Error(`auditHead/${scope} is malformed`);
  return head;
}

const plainHead = (h: HeadDoc): AuditHead => ({
  scope: h.scope,
  seq: h.seq,
  hash: h.hash,
  at: h.at,
  leaseOwner: h.leaseOwner ?? null,
  leaseUntil: h.leaseUntil ?? null,
  ...(h.lastCheckpoint ? { lastCheckpoint: h.lastCheckpoint } : {}),
});

/** Takes the lease; null when another writer holds an unexpired one. */
async function acquire(deps: LinkDeps, scope: string, token: string, leaseMs: number): Promise<Link | null> {
  const now = deps.clock.now();
  return deps.store.runTransaction(async (tx) => {
    const head = await readHead(tx, scope);
    if (head?.leaseOwner && head.leaseOwner !== token && head.leaseUntil && Date.parse(head.leaseUntil) > now.getTime()) return null;
    const base: AuditHead = head ? plainHead(head) : { scope, seq: 0, hash: GENESIS_HASH, at: now.toISOString() };
    await tx.set('auditHead', scope, { ...base, leaseOwner: token, leaseUntil: new Date(now.getTime() + leaseMs).toISOString() });
    return { seq: base.seq, hash: base.hash };
  });
}

/** The head, if this writer still holds it where it left it; else null (lease lost). */
async function heldHead(tx: TxOps, scope: string, token: string, expected: Link): Promise<HeadDoc | null> {
  const head = await readHead(tx, scope);
  if (!head || head.leaseOwner !== token || head.seq !== expected.seq || head.hash !== expected.hash) return null;
  return head;
}

function entryBody(doc: StoredDoc, scope: string): Record<string, unknown> {
  const { _id: id, ...body } = doc;
  if (body.scope !== scope || typeof body.action !== 'string' || typeof body.actor !== 'string' || typeof body.at !== 'string' || 'seq' in body) {
    throw new Error(`auditPending/${id} is malformed`);
  }
  return body;
}

/** Links one page of pending entries in one transaction; null when the lease was lost. */
async function linkBatch(deps: LinkDeps, scope: string, token: string, from: Link, page: StoredDoc[], leaseMs: number): Promise<Link | null> {
  const bodies = page.map((doc) => entryBody(doc, scope));
  const now = deps.clock.now();
  return deps.store.runTransaction(async (tx) => {
    const head = await heldHead(tx, scope, token, from);
    if (!head) return null;
    let link = from;
    for (const [i, body] of bodies.entries()) {
      const seq = link.seq + 1;
      const hash = auditHash(link.hash, { ...body, seq });
      await tx.set('audit', auditDocId(scope, seq), { ...body, seq, prevHash: link.hash, hash });
      await tx.remove('auditPending', page[i]!._id);
      link = { seq, hash };
    }
    const moved: AuditHead = { ...plainHead(head), seq: link.seq, hash: link.hash, at: now.toISOString(), leaseUntil: new Date(now.getTime() + leaseMs).toISOString() };
    await tx.set('auditHead', scope, { ...moved });
    return link;
  });
}

/**
 * The number and predecessor of the next checkpoint: from the head's `lastCheckpoint`; on a head
 * linked before numbering existed, the newest unnumbered checkpoint (read before the transaction,
 * which may not query; no other writer signs while the lease is held) and number 1.
 */
function nextLink(head: HeadDoc, legacyPrevSeq: number): CheckpointLink {
  const last = head.lastCheckpoint;
  return last ? { n: last.n + 1, prevSeq: last.seq } : { n: 1, prevSeq: legacyPrevSeq };
}

/** Signs the head if it has no checkpoint yet, and gives the lease back. Null when the lease was lost. */
async function checkpointAndRelease(deps: LinkDeps, scope: string, token: string, at: Link, legacyPrevSeq: number): Promise<{ checkpoint: AuditCheckpoint | null } | null> {
  const signedAt = deps.clock.now().toISOString();
  return deps.store.runTransaction(async (tx) => {
    const head = await heldHead(tx, scope, token, at);
    if (!head) return null;
    let checkpoint: AuditCheckpoint | null = null;
    let lastCheckpoint = head.lastCheckpoint ?? null;
    if (at.seq > 0) {
      const existing = await tx.get('auditCheckpoint', checkpointDocId(scope, at.seq));
      if (isCheckpoint(existing) && existing.hash === at.hash) {
        const { _id: _ignored, ...stored } = existing as StoredDoc<DocData & AuditCheckpoint>;
        checkpoint = stored;
      } else {
        const link = nextLink(head, legacyPrevSeq);
        checkpoint = signCheckpoint(deps.signer, { scope, ...at }, signedAt, link);
        await tx.set('auditCheckpoint', checkpointDocId(scope, at.seq), { ...checkpoint });
        lastCheckpoint = { n: link.n, seq: at.seq };
      }
    }
    await tx.set('auditHead', scope, { ...plainHead(head), lastCheckpoint, leaseOwner: null, leaseUntil: null });
    return { checkpoint };
  });
}

/** The seq of the newest checkpoint signed before numbering existed (0: none), when the head has no numbered one. */
async function legacyPrevSeq(store: Store, scope: string): Promise<number> {
  const head = await store.get('auditHead', scope);
  if (isHead(head) && head.lastCheckpoint) return 0;
  return (await latestCheckpoint(store, scope))?.seq ?? 0;
}

/**
 * Links every pending entry of `scope` (oldest `at` first, then id), in batches, within the
 * budget, and signs a checkpoint at the new head. Safe to run anywhere at any time, any number
 * of times at once: a run that finds the lease held returns at once (`stoppedBy: 'leased'`).
 */
export async function linkAuditScope(store: Store, scope: string, signer: Pick<Signer, 'keyId' | 'sign'>, clock: Clock, options: LinkOptions = {}): Promise<LinkReport> {
  const o = { ...DEFAULT_LINK_OPTIONS, ...options } as Resolved;
  const deps: LinkDeps = { store, signer, clock };
  const started = o.elapsed();
  const settled = await alreadyCheckpointed(store, scope);
  if (settled) return { scope, linked: 0, ...settled, stoppedBy: null };
  const token = randomUUID();
  const held = await acquire(deps, scope, token, o.leaseMs);
  if (!held) {
    const head = await store.get('auditHead', scope);
    return { scope, linked: 0, head: isHead(head) ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: GENESIS_HASH }, checkpoint: null, stoppedBy: 'leased' };
  }
  let link: Link = held;
  let linked = 0;
  let stoppedBy: LinkStop | null = null;
  for (;;) {
    if (o.elapsed() - started > o.budgetMs) {
      stoppedBy = 'budget';
      break;
    }
    const page = await store.find('auditPending', { scope }, { limit: o.batchSize, orderBy: { field: '_id', direction: 'asc' } });
    if (page.length === 0) break;
    const next = await linkBatch(deps, scope, token, link, page, o.leaseMs);
    if (!next) return { scope, linked, head: link, checkpoint: null, stoppedBy: 'leaseLost' };
    linked += next.seq - link.seq;
    link = next;
  }
  const done = await checkpointAndRelease(deps, scope, token, link, await legacyPrevSeq(store, scope));
  if (!done) return { scope, linked, head: link, checkpoint: null, stoppedBy: 'leaseLost' };
  return { scope, linked, head: link, checkpoint: done.checkpoint, stoppedBy };
}

/** The newest signed checkpoint of `scope` (ids are zero-padded, so `_id` order is `seq` order). */
export async function latestCheckpoint(store: Pick<Store, 'find'>, scope: string): Promise<AuditCheckpoint | null> {
  const [doc] = await store.find('auditCheckpoint', { scope }, { limit: 1, orderBy: { field: '_id', direction: 'desc' } });
  if (!isCheckpoint(doc)) return null;
  const { _id: _ignored, ...checkpoint } = doc as StoredDoc<DocData & AuditCheckpoint>;
  return checkpoint;
}

/** Nothing pending and the head already signed (or no chain at all): no write, no lease. */
async function alreadyCheckpointed(store: Store, scope: string): Promise<Pick<LinkReport, 'head' | 'checkpoint'> | null> {
  if ((await store.find('auditPending', { scope }, { limit: 1 })).length > 0) return null;
  const head = await store.get('auditHead', scope);
  if (head === null) return { head: { seq: 0, hash: GENESIS_HASH }, checkpoint: null };
  if (!isHead(head)) return null;
  if (head.seq === 0) return { head: { seq: 0, hash: head.hash }, checkpoint: null };
  const cp = await store.get('auditCheckpoint', checkpointDocId(scope, head.seq));
  if (!isCheckpoint(cp) || cp.hash !== head.hash) return null;
  const { _id: _ignored, ...checkpoint } = cp as StoredDoc<DocData & AuditCheckpoint>;
  return { head: { seq: head.seq, hash: head.hash }, checkpoint };
}

/** Scopes with pending entries, from the first `limit` pending documents (oldest scopes first). */
export async function pendingScopes(store: Store, limit = 1000): Promise<string[]> {
  const page = await store.find('auditPending', {}, { limit, orderBy: { field: '_id', direction: 'asc' } });
  return [...new Set(page.map((d) => d.scope).filter((s): s is string => typeof s === 'string'))];
}

/**
 * Links every scope that has pending entries, within one time budget (the local host's
 * interval and the cloud timer call this). A scope that faults is skipped and reported in
 * `failed`; the others go on.
 */
export async function linkAllScopes(
  store: Store,
  signer: Pick<Signer, 'keyId' | 'sign'>,
  clock: Clock,
  options: LinkOptions = {},
): Promise<{ reports: LinkReport[]; failed: Array<{ scope: string; error: unknown }> }> {
  const elapsed = options.elapsed ?? DEFAULT_LINK_OPTIONS.elapsed;
  const budget = options.budgetMs ?? DEFAULT_LINK_OPTIONS.budgetMs;
  const started = elapsed();
  const reports: LinkReport[] = [];
  const failed: Array<{ scope: string; error: unknown }> = [];
  for (const scope of await pendingScopes(store)) {
    const left = budget - (elapsed() - started);
    if (left <= 0) break;
    try {
      reports.push(await linkAuditScope(store, scope, signer, clock, { ...options, budgetMs: left }));
    } catch (error) {
      failed.push({ scope, error });
    }
  }
  return { reports, failed };
}
