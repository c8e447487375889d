/** The push job's documents: ids, the job record, delivery counts (see push-job.ts for the life cycle). */
import type { DeliveryCounts, PushSummary } from '../../src/contracts/notice.schema';
import { pushJobDoc, type NoticeDeliveryStatus, type PushJobDoc } from '../../src/contracts/documents/push-documents.schema';
import type { Store, TxOps, Where } from '../ports/store.port';
import { findDocs, readDoc, type WithId } from '../runtime/documents';

type Reader = { readonly store: Store };

export const publishJobId = (noticeId: string): string => noticeId;
export const reminderJobId = (noticeId: string, round: number): string => `${noticeId}~r${round}`;
export const deliveryId = (jobId: string, voterId: string): string => `${jobId}:${voterId}`;

const STATUSES: readonly NoticeDeliveryStatus[] = ['pending', 'sending', 'sent', 'failed', 'noConsent', 'unknown'];

export async function deliveryCounts(deps: Reader, where: { jobId: string } | { noticeId: string }): Promise<DeliveryCounts> {
  const n = await Promise.all(STATUSES.map((status) => deps.store.count('noticeDelivery', { ...(where as Where), status })));
  const [pending, sending, sent, failed, noConsent, unknown] = n as [number, number, number, number, number, number];
  return { total: pending + sending + sent + failed + noConsent + unknown, pending, sending, sent, failed, noConsent, unknown };
}

export async function pushSummary(deps: Reader, jobId: string): Promise<PushSummary> {
  const job = await readDoc(deps.store, 'pushJob', jobId, pushJobDoc);
  if (!job) throw new Error(`no push job ${jobId}`);
  return { jobId, status: job.status, counts: await deliveryCounts(deps, { jobId }) };
}

/** The job document, written by the caller inside the transaction that publishes or reminds. */
export function newPushJob(fields: Pick<PushJobDoc, 'electionId' | 'villageId' | 'noticeId' | 'kind' | 'round'>, at: string): PushJobDoc {
  return { ...fields, status: 'preparing', recipients: 0, createdAt: at, preparedAt: null, finishedAt: null };
}

export async function createPushJob(tx: TxOps, jobId: string, job: PushJobDoc): Promise<void> {
  await tx.set('pushJob', jobId, job);
}

/** Jobs not yet done, oldest first: what a timer trigger resumes. */
export async function unfinishedPushJobs(deps: Reader): Promise<WithId<PushJobDoc>[]> {
  const [preparing, running] = await Promise.all([
    findDocs(deps.store, 'pushJob', { status: 'preparing' }, pushJobDoc, { limit: 100 }),
    findDocs(deps.store, 'pushJob', { status: 'running' }, pushJobDoc, { limit: 100 }),
  ]);
  return [...preparing, ...running].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
