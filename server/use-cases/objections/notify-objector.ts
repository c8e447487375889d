/**
 * Pushes an objection's decision to the objector (subscribe message, 订阅消息) and records the
 * delivery, so every push is visible and none is sent twice: the delivery document is claimed
 * (`pending`) before the send and settled (`sent` / `failed`) after it, each in a transaction
 * with its audit entry.
 *
 * Consent: WeChat delivers a one-time subscribe message only against a consent the user gave by
 * a tap. The decision goes out with the deployment's notice template (setting
 * NOTICE_TEMPLATE_ID — the one villagers subscribe to in the app), spending one of the
 * objector's consents in the claiming transaction; without one nothing is sent and the delivery
 * is recorded as `noConsent` (the objector still sees the decision in registration.myObjections).
 * A refusal that proves nothing was sent gives the consent back.
 */
import { deliveryDoc, type DeliveryDoc, type ObjectionDoc } from '../../../src/contracts/store-documents.schema';
import { OBJECTION_STATUS_LABELS } from '../../../src/contracts/labels';
import { appendAudit } from '../../audit/audit-log';
import type { NotifyMessage, NotifyResult } from '../../ports/notifier.port';
import type { CallContext } from '../../runtime/context';
import { readDoc, type WithId } from '../../runtime/documents';
import { formatShanghaiTime } from '../shared/format';
import { refundSpentConsent, spendConsent } from '../../push/consent';
import { classifyNotifyResult } from '../../push/notify-outcome';
import { thing } from '../../push/notice-message';

export const OBJECTION_RESULT_PAGE = 'pages/registration/index?tab=objections';

export type DeliveryStatus = 'sent' | 'failed' | 'noConsent' | 'skipped';

export const deliveryIdOf = (purpose: string, refId: string, recipient: string) => `${purpose}:${refId}:${recipient}`;

/** The decision in the notice template's keywords: thing1 公告标题 · time2 发布时间 · thing3 温馨提示. */
export function objectionResultMessage(openid: string, templateId: string, o: ObjectionDoc): NotifyMessage {
  const d = o.decision;
  if (!d || o.status === 'open') throw new Error('objectionResultMessage: objection is not decided');
  return {
    openid,
    templateId,
    page: OBJECTION_RESULT_PAGE,
    data: {
      thing1: { value: thing(`第${o.no}号申诉${OBJECTION_STATUS_LABELS[o.status].replace('申诉', '')}`) },
      time2: { value: formatShanghaiTime(d.decidedAt) },
      thing3: { value: thing(`理由：${d.reason}`) },
    },
  };
}

export async function notifyObjector(ctx: CallContext, o: WithId<ObjectionDoc>): Promise<{ id: string; status: DeliveryStatus }> {
  // A self-identified objector has no roll entry: the delivery is addressed to them as the objection's filer.
  const id = deliveryIdOf('objectionResult', o._id, o.objectorVoterId ?? 'filer');
  const message = objectionResultMessage(o.objectorOpenid, ctx.settings.noticeTemplateId, o);
  const at = ctx.clock.now().toISOString();
  const claimed = await ctx.store.runTransaction(async (tx): Promise<'claimed' | 'skipped' | 'noConsent'> => {
    const existing = await readDoc(tx, 'delivery', id, deliveryDoc);
    // Sent, being sent by another call, or known to have no consent: never twice.
    if (existing && existing.status !== 'failed') return 'skipped';
    const consented = await spendConsent(tx, o.objectorOpenid, message.templateId, at);
    const doc: DeliveryDoc = {
      electionId: o.electionId,
      purpose: 'objectionResult',
      refId: o._id,
      recipientVoterId: o.objectorVoterId,
      recipientOpenid: o.objectorOpenid,
      templateId: message.templateId,
      page: message.page ?? null,
      status: consented ? 'pending' : 'noConsent',
      attempts: (existing?.attempts ?? 0) + (consented ? 1 : 0),
      lastError: existing?.lastError ?? null,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    await tx.set('delivery', id, doc);
    if (!consented) {
      await appendAudit(tx, { scope: o.electionId, action: 'notify.objectionResult', actor: 'system', at, subject: id, data: { status: 'noConsent' } });
    }
    return consented ? 'claimed' : 'noConsent';
  });
  if (claimed !== 'claimed') return { id, status: claimed };

  let result: NotifyResult;
  try {
    result = await ctx.notifier.send(message);
  } catch (e) {
    // The port promises not to throw; an adapter bug still must not lose the record.
    result = { ok: false, transient: true, errMsg: e instanceof Error ? e.message : String(e) };
  }
  // Only a refusal that proves nothing went out (not 43101, not an ambiguous timeout) returns the consent.
  const outcome = classifyNotifyResult(result);
  const refund = outcome.kind === 'failed' || outcome.kind === 'retry' || outcome.kind === 'rateLimited' || outcome.kind === 'dailyQuota';
  const settledAt = ctx.clock.now().toISOString();
  const status = result.ok ? 'sent' : 'failed';
  await ctx.store.runTransaction(async (tx) => {
    if (refund) await refundSpentConsent(tx, o.objectorOpenid, message.templateId);
    await tx.update('delivery', id, {
      status,
      lastError: result.ok ? null : { transient: result.transient, errCode: result.errCode ?? null, errMsg: result.errMsg },
      updatedAt: settledAt,
    });
    await appendAudit(tx, {
      scope: o.electionId,
      action: 'notify.objectionResult',
      actor: 'system',
      at: settledAt,
      subject: id,
      data: { status, ...(result.ok ? {} : { errCode: result.errCode ?? null, transient: result.transient }) },
    });
  });
  if (!result.ok) ctx.log.info('notify.failed', { purpose: 'objectionResult', deliveryId: id, errCode: result.errCode, transient: result.transient, requestId: ctx.requestId });
  return { id, status };
}
