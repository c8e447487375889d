/**
 * The burst of issue 7: many voters of ONE election act at the same instant (a notice goes out,
 * hundreds open it within minutes), each call retried the way the client gateway does (BUSY →
 * same requestId after an exponential, jittered pause, src/services/retry-policy.ts), and half
 * of them sent twice at once with the same requestId (a phone retrying a timed-out call while the
 * first is still running). Shared by test/server/contention/burst.test.ts and bench/contention.ts.
 *
 * Mix, a quarter each: identity.bind (unbound entries), registration.confirm, registration.
 * declareParticipation (category B, pending) and notices.markRead — every state-changing
 * villager action that exists today.
 */
import { storePages } from '../../../server/runtime/documents';
import { performance } from 'node:perf_hooks';
import { RETRY_LIMIT, retryDelayMs } from '../../../src/services/retry-policy';
import type { Envelope } from '../../../src/contracts/envelope';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { readDoc } from '../../../server/runtime/documents';
import { CLERK, CLOUDBASE_LATENCY, type TestApp } from '../harness';
import { makeVillage, type Village } from '../notices/notice-fixture';

type Kind = 'bind' | 'confirm' | 'declare' | 'markRead';
const KINDS: readonly Kind[] = ['bind', 'confirm', 'declare', 'markRead'];

export interface BurstSetup {
  readonly village: Village;
  readonly noticeId: string;
  readonly actors: ReadonlyArray<{ kind: Kind; i: number; openid: string; voterId: string; event: Record<string, unknown> }>;
}

export interface BurstFigures {
  voters: number;
  calls: number;
  ok: number;
  /** BUSY replies seen by the simulated clients (each one retried). */
  busy: number;
  /** Calls still BUSY after the client's retries. */
  busyAfterRetries: number;
  internal: number;
  /** Retries of a copy answered REQUEST_ALREADY_APPLIED instead of the replayed reply. */
  alreadyApplied: number;
  retries: number;
  lost: number;
  double: number;
  p50: number;
  p95: number;
  ms: number;
}

const kindOf = (i: number, n: number): Kind => KINDS[Math.min(KINDS.length - 1, Math.floor((i * KINDS.length) / n))]!;

/** A village with `voters` entries and a published notice, built with the fake answering at once. */
export async function prepareBurst(t: TestApp, voters = 200): Promise<BurstSetup> {
  t.fake?.setLatency(0, 0);
  const village = await makeVillage(t, {
    voters,
    name: '并发村',
    openidPrefix: 'burst',
    bound: (i) => kindOf(i, voters) !== 'bind',
    category: (i) => (kindOf(i, voters) === 'declare' ? 'B' : 'A'),
    status: (i) => (kindOf(i, voters) === 'declare' ? 'pending' : 'registered'),
  });
  const published = await t.ok<{ notice: { id: string } }>(
    'committee',
    { action: 'publishNotice', electionId: village.electionId, type: 'freeText', title: '关于选民登记的通知', body: '请核对本人登记信息。' },
    CLERK,
  );
  const noticeId = published.notice.id;
  const actors = village.drafts.map((d, i) => {
    const kind = kindOf(i, voters);
    const openid = village.people[i]!.openid ?? `o-burst-new-${i}`;
    const event: Record<string, unknown> =
      kind === 'bind'
        ? { action: 'bind', name: d.doc.name, idNumber: d.idNumber, bindingCode: d.bindingCode, consent: true }
        : kind === 'confirm'
          ? { action: 'confirm' }
          : kind === 'declare'
            ? { action: 'declareParticipation' }
            : { action: 'markRead', noticeId };
    return { kind, i, openid, voterId: d.id, event };
  });
  t.fake?.setLatency(CLOUDBASE_LATENCY.latencyMs, CLOUDBASE_LATENCY.jitterMs);
  return { village, noticeId, actors };
}

const FN: Record<Kind, string> = { bind: 'identity', confirm: 'registration', declare: 'registration', markRead: 'notices' };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One phone's call: BUSY is retried with the same requestId, as src/services/api.ts does. */
async function clientCall(t: TestApp, fn: string, event: Record<string, unknown>, openid: string, fig: BurstFigures, retryLimit: number): Promise<Envelope<unknown>> {
  for (let attempt = 0; ; attempt++) {
    const r = await t.call(fn, event, openid);
    fig.calls++;
    if (!r.ok && r.code === 'INTERNAL') fig.internal++;
    if (r.ok || r.code !== 'BUSY') return r;
    fig.busy++;
    if (attempt >= retryLimit) return r;
    fig.retries++;
    await sleep(retryDelayMs(attempt + 1));
  }
}

function percentile(sorted: number[], q: number): number {
  return sorted.length ? Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1)) : 0;
}

export interface BurstRun {
  readonly figures: BurstFigures;
  /** Per actor: the reply to the first copy, and to the duplicate when one was sent. */
  readonly replies: ReadonlyArray<{ first: Envelope<unknown>; copy: Envelope<unknown> | null }>;
}

/** Fires every actor's call at once (every other one twice, same requestId), then checks the store. */
export async function runBurst(t: TestApp, setup: BurstSetup, retryLimit = RETRY_LIMIT): Promise<BurstRun> {
  const fig: BurstFigures = { voters: setup.actors.length, calls: 0, ok: 0, busy: 0, busyAfterRetries: 0, internal: 0, alreadyApplied: 0, retries: 0, lost: 0, double: 0, p50: 0, p95: 0, ms: 0 };
  const durations: number[] = [];
  const started = performance.now();
  const one = async (fn: string, event: Record<string, unknown>, openid: string) => {
    const t0 = performance.now();
    const r = await clientCall(t, fn, event, openid, fig, retryLimit);
    durations.push(performance.now() - t0);
    if (r.ok) fig.ok++;
    else if (r.code === 'BUSY') fig.busyAfterRetries++;
    else if (r.reason === 'REQUEST_ALREADY_APPLIED') fig.alreadyApplied++;
    return r;
  };
  const replies = await Promise.all(
    setup.actors.map(async (a) => {
      const event = { ...a.event, requestId: `burst_${String(a.i).padStart(4, '0')}_${a.kind}` };
      const [first, copy] = await Promise.all([one(FN[a.kind], event, a.openid), a.i % 2 === 0 ? one(FN[a.kind], event, a.openid) : Promise.resolve(null)]);
      return { first, copy };
    }),
  );
  fig.ms = Math.round(performance.now() - started);
  durations.sort((x, y) => x - y);
  fig.p50 = percentile(durations, 0.5);
  fig.p95 = percentile(durations, 0.95);
  t.fake?.setLatency(0, 0);
  await countLostAndDouble(t, setup, replies, fig);
  return { figures: fig, replies };
}

/** Lost: an ok reply whose change is not in the store. Double: a change applied twice. */
async function countLostAndDouble(t: TestApp, setup: BurstSetup, replies: BurstRun['replies'], fig: BurstFigures): Promise<void> {
  const audits = new Map<string, number>();
  // An entry is either still pending or already linked into the chain: count both.
  for (const collection of ['auditPending', 'audit'] as const) {
    for await (const page of storePages(t.app.store, collection, { scope: setup.village.electionId })) {
      for (const a of page) audits.set(`${String(a.action)}:${String(a.subject)}`, (audits.get(`${String(a.action)}:${String(a.subject)}`) ?? 0) + 1);
    }
  }
  for (const count of audits.values()) if (count > 1) fig.double += count - 1;
  for (const [k, a] of setup.actors.entries()) {
    const { first, copy } = replies[k]!;
    // A retry of an applied request must replay its reply: anything else means it acted again.
    if (copy && first.ok && copy.ok && JSON.stringify(copy) !== JSON.stringify(first)) fig.double++;
    if (!first.ok && !copy?.ok) continue;
    if (!(await applied(t, setup, a))) fig.lost++;
  }
}

async function applied(t: TestApp, setup: BurstSetup, a: BurstSetup['actors'][number]): Promise<boolean> {
  if (a.kind === 'bind') return (await t.app.store.get('binding', a.openid))?.voterId === a.voterId;
  if (a.kind === 'markRead') return (await t.app.store.count('read', { noticeId: setup.noticeId, voterId: a.voterId })) === 1;
  const v = await readDoc(t.app.store, 'voter', a.voterId, voterDoc);
  return a.kind === 'confirm' ? v?.confirmed === true : v?.status === 'registered';
}

export const summary = (kind: string, f: BurstFigures) =>
  `burst(${kind}): ${f.voters} voters, ${f.calls} calls → ok ${f.ok} / BUSY seen ${f.busy} (after retries ${f.busyAfterRetries}) / INTERNAL ${f.internal} / already-applied ${f.alreadyApplied}; retries ${f.retries}; lost ${f.lost}, double ${f.double}; p50 ${f.p50} ms, p95 ${f.p95} ms, ${f.ms} ms in all`;
