import { readReceiptDoc } from '../../src/contracts/documents/notice-documents.schema';
import { pushJobDoc, type NoticeDeliveryDoc, type PushJobDoc } from '../../src/contracts/documents/push-documents.schema';
import { voterDoc } from '../../src/contracts/documents/roll-documents.schema';
import type { PushDeps } from '../ports/push.port';
import { StoreError } from '../ports/store.port';
import { findAllDocs, readDoc, type WithId } from '../runtime/documents';
import { consentsByOpenid, templateWithConsent } from './consent';
import { DEFAULT_RUN_OPTIONS, type PushRunOptions } from './push-options';
import { deliveryId } from './push-job.records';

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function newDelivery(job: PushJobDoc, jobId: string, voterId: string, openid: string, templateId: string | null, at: string): NoticeDeliveryDoc {
  return {
    jobId,
    noticeId: job.noticeId,
    electionId: job.electionId,
    voterId,
    openid,
    templateId,
    status: templateId ? 'pending' : 'noConsent',
    attempts: 0,
    consentHeld: false,
    claimToken: null,
    leaseUntil: null,
    lastError: null,
    createdAt: at,
    updatedAt: at,
    sentAt: null,
  };
}

/**
 * Creates the job's deliveries in batches: every registered voter bound to WeChat (a reminder:
 * those who have not read). Idempotent — an interrupted preparation is simply run again; an
 * existing delivery is never overwritten (it may already be sent).
 */
export async function preparePushJob(deps: Pick<PushDeps, 'store' | 'clock'>, jobId: string, options: Pick<PushRunOptions, 'batchSize'> = {}): Promise<void> {
  const { store } = deps;
  const job = await readDoc(store, 'pushJob', jobId, pushJobDoc);
  if (!job || job.status !== 'preparing') return;
  const voters = await findAllDocs(store, 'voter', { electionId: job.electionId, status: 'registered' }, voterDoc);
  let targets = voters.filter((v): v is WithId<typeof v> & { boundTo: string } => v.boundTo !== null);
  if (job.kind === 'remind') {
    const readers = new Set((await findAllDocs(store, 'read', { noticeId: job.noticeId }, readReceiptDoc)).map((r) => r.voterId));
    targets = targets.filter((v) => !readers.has(v._id));
  }
  const at = deps.clock.now().toISOString();
  const consents = await consentsByOpenid(store, job.electionId, targets.map((v) => v.boundTo));
  // Deliveries an interrupted preparation already created are never overwritten (they may be
  // sent); the rest are created with one insertMany per batch (a `get` and a `set` per
  // recipient cost two SDK calls on CloudBase).
  const existing = await store.getMany('noticeDelivery', targets.map((v) => deliveryId(jobId, v._id)));
  const todo = targets.filter((v) => !existing.has(deliveryId(jobId, v._id)));
  for (const batch of chunks(todo, options.batchSize ?? DEFAULT_RUN_OPTIONS.batchSize)) {
    const docs = batch.map((v) => ({ id: deliveryId(jobId, v._id), data: newDelivery(job, jobId, v._id, v.boundTo, templateWithConsent(consents.get(v.boundTo) ?? []), at) }));
    try {
      await store.runTransaction((tx) => tx.insertMany('noticeDelivery', docs));
    } catch (e) {
      if (!(e instanceof StoreError && e.storeCode === 'CONFLICT')) throw e;
      // A concurrent preparation created some of them meanwhile: add the rest one by one.
      await store.runTransaction(async (tx) => {
        for (const d of docs) if (!(await tx.get('noticeDelivery', d.id))) await tx.set('noticeDelivery', d.id, d.data);
      });
    }
  }
  const recipients = await store.count('noticeDelivery', { jobId });
  await store.runTransaction(async (tx) => {
    const j = await readDoc(tx, 'pushJob', jobId, pushJobDoc);
    if (!j || j.status !== 'preparing') return;
    await tx.update('pushJob', jobId, { status: 'running', recipients, preparedAt: deps.clock.now().toISOString() });
  });
}
