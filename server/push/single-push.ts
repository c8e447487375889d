/**
 * One subscribe-message push to one villager outside a notice job (an objection's decision, a
 * proxy's answer), recorded as delivery/{purpose}:{refId}:{recipient} so it is visible and never
 * sent twice. The one-time consent model (server/push/consent.ts): one of the recipient's
 * consents is spent in the claiming transaction; without one nothing is sent and the delivery is
 * `noConsent`; a refusal that proves nothing went out gives the consent back.
 */
import { deliveryDoc, type DeliveryDoc } from '../../src/contracts/documents/push-documents.schema';
import { appendAudit } from '../audit/audit-log';
import type { NotifyResult } from '../ports/notifier.port';
import type { PushDeps, SinglePush, SinglePushStatus } from '../ports/push.port';
import { readDoc } from '../runtime/documents';
import { refundSpentConsent, spendConsent } from './consent';
import { classifyNotifyResult } from './notify-outcome';

/** What a single push runs on: no notice wording is needed. */
type SingleDeps = Pick<PushDeps, 'store' | 'clock' | 'notifier' | 'log'>;

export const singleDeliveryId = (purpose: string, refId: string, recipient: string) => `${purpose}:${refId}:${recipient}`;

async function claim(ctx: SingleDeps, p: SinglePush, id: string, at: string): Promise<'claimed' | 'skipped' | 'noConsent'> {
  const { message } = p;
  return ctx.store.runTransaction(async (tx) => {
    const existing = await readDoc(tx, 'delivery', id, deliveryDoc);
    if (existing && existing.status !== 'failed') return 'skipped';
    const consented = await spendConsent(tx, message.openid, message.templateId, at);
    const doc: DeliveryDoc = {
      electionId: p.electionId,
      purpose: p.purpose,
      refId: p.refId,
      recipientVoterId: p.recipientVoterId,
      recipientOpenid: message.openid,
      templateId: message.templateId,
      page: message.page ?? null,
      status: consented ? 'pending' : 'noConsent',
      attempts: (existing?.attempts ?? 0) + (consented ? 1 : 0),
      lastError: existing?.lastError ?? null,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    await tx.set('delivery', id, doc);
    if (!consented) await appendAudit(tx, { scope: p.electionId, action: `notify.${p.purpose}`, actor: 'system', at, subject: id, data: { status: 'noConsent' } });
    return consented ? 'claimed' : 'noConsent';
  });
}

export async function pushOnce(ctx: SingleDeps, p: SinglePush, requestId: string): Promise<{ id: string; status: SinglePushStatus }> {
  const id = singleDeliveryId(p.purpose, p.refId, p.recipientVoterId ?? 'filer');
  const claimed = await claim(ctx, p, id, ctx.clock.now().toISOString());
  if (claimed !== 'claimed') return { id, status: claimed };
  let result: NotifyResult;
  try {
    result = await ctx.notifier.send(p.message);
  } catch (e) {
    result = { ok: false, transient: true, errMsg: e instanceof Error ? e.message : String(e) };
  }
  const outcome = classifyNotifyResult(result);
  const refund = outcome.kind === 'failed' || outcome.kind === 'retry' || outcome.kind === 'rateLimited' || outcome.kind === 'dailyQuota';
  const at = ctx.clock.now().toISOString();
  const status = result.ok ? 'sent' : 'failed';
  await ctx.store.runTransaction(async (tx) => {
    if (refund) await refundSpentConsent(tx, p.message.openid, p.message.templateId);
    await tx.update('delivery', id, {
      status,
      lastError: result.ok ? null : { transient: result.transient, errCode: result.errCode ?? null, errMsg: result.errMsg },
      updatedAt: at,
    });
    await appendAudit(tx, {
      scope: p.electionId,
      action: `notify.${p.purpose}`,
      actor: 'system',
      at,
      subject: id,
      data: { status, ...(result.ok ? {} : { errCode: result.errCode ?? null, transient: result.transient }) },
    });
  });
  if (!result.ok) ctx.log.info('notify.failed', { purpose: p.purpose, deliveryId: id, errCode: result.errCode, transient: result.transient, requestId });
  return { id, status };
}
