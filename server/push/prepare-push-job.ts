import { readReceiptDoc } from '../../src/contracts/documents/notice-documents.schema';
import { pushJobDoc, type NoticeDeliveryDoc } from '../../src/contracts/documents/push-documents.schema';
import { voterDoc } from '../../src/contracts/documents/roll-documents.schema';
import type { PushDeps } from '../ports/push.port';
import { findAllDocs, readDoc, type WithId } from '../runtime/documents';
import { consentsByOpenid, templateWithConsent } from './consent';
import { DEFAULT_RUN_OPTIONS, type PushRunOptions } from './push-options';
import { deliveryId } from './push-job.records';

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
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
  for (const batch of chunks(targets, options.batchSize ?? DEFAULT_RUN_OPTIONS.batchSize)) {
    const templates = batch.map((v) => templateWithConsent(consents.get(v.boundTo) ?? []));
    await store.runTransaction(async (tx) => {
      for (const [i, v] of batch.entries()) {
        const id = deliveryId(jobId, v._id);
        if (await tx.get('noticeDelivery', id)) continue;
        const templateId = templates[i] ?? null;
        const doc: NoticeDeliveryDoc = {
          jobId,
          noticeId: job.noticeId,
          electionId: job.electionId,
          voterId: v._id,
          openid: v.boundTo,
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
        await tx.set('noticeDelivery', id, doc);
      }
    });
  }
  const recipients = await store.count('noticeDelivery', { jobId });
  await store.runTransaction(async (tx) => {
    const j = await readDoc(tx, 'pushJob', jobId, pushJobDoc);
    if (!j || j.status !== 'preparing') return;
    await tx.update('pushJob', jobId, { status: 'running', recipients, preparedAt: deps.clock.now().toISOString() });
  });
}
