/**
 * Pushes an objection's decision to the objector (subscribe message, 订阅消息) and records the
 * delivery, so every push is visible and none is sent twice: the delivery document is claimed
 * (`pending`) before the send and settled (`sent` / `failed`) after it, each in a transaction
 * with its audit entry.
 *
 * Consent: WeChat delivers a subscribe message only against a consent the user gave by a tap.
 * Consents are recorded by the notices work (issue 4); until then the notifier is called anyway
 * and its refusal (e.g. errCode 43101, no consent) is recorded as a failed delivery. This is the
 * one place to change when consents arrive.
 */
import { deliveryDoc, type DeliveryDoc, type ObjectionDoc } from '../../../src/contracts/store-documents.schema';
import { OBJECTION_STATUS_LABELS } from '../../../src/contracts/labels';
import { appendAudit } from '../../audit/audit-log';
import type { NotifyMessage, NotifyResult } from '../../ports/notifier.port';
import type { CallContext } from '../../runtime/context';
import { readDoc, type WithId } from '../../runtime/documents';
import { formatShanghaiTime } from '../shared/format';

/**
 * Subscribe-message template for "申诉处理结果" (fields thing1 事项, phrase2 结果, thing3 理由,
 * time4 处理时间), chosen in the mini-program's console; the id is per mini-program, so a
 * deployment setting replaces this constant when the notices work moves template ids to Settings.
 */
export const OBJECTION_RESULT_TEMPLATE_ID = 'objection-result-template';
export const OBJECTION_RESULT_PAGE = 'pages/registration/index?tab=objections';

export type DeliveryStatus = 'sent' | 'failed' | 'skipped';

export const deliveryIdOf = (purpose: string, refId: string, recipient: string) => `${purpose}:${refId}:${recipient}`;

/** WeChat limits: thing ≤ 20 characters, phrase ≤ 5 (Chinese only). */
const clip = (s: string, n: number) => (Array.from(s).length <= n ? s : `${Array.from(s).slice(0, n - 1).join('')}…`);

export function objectionResultMessage(openid: string, o: ObjectionDoc): NotifyMessage {
  const d = o.decision;
  if (!d || o.status === 'open') throw new Error('objectionResultMessage: objection is not decided');
  return {
    openid,
    templateId: OBJECTION_RESULT_TEMPLATE_ID,
    page: OBJECTION_RESULT_PAGE,
    data: {
      thing1: { value: clip(`第${o.no}号选民名单申诉`, 20) },
      phrase2: { value: OBJECTION_STATUS_LABELS[o.status].replace('申诉', '') },
      thing3: { value: clip(d.reason, 20) },
      time4: { value: formatShanghaiTime(d.decidedAt) },
    },
  };
}

export async function notifyObjector(ctx: CallContext, o: WithId<ObjectionDoc>): Promise<{ id: string; status: DeliveryStatus }> {
  // A self-identified objector has no roll entry: the delivery is addressed to them as the objection's filer.
  const id = deliveryIdOf('objectionResult', o._id, o.objectorVoterId ?? 'filer');
  const message = objectionResultMessage(o.objectorOpenid, o);
  const at = ctx.clock.now().toISOString();
  const claimed = await ctx.store.runTransaction(async (tx) => {
    const existing = await readDoc(tx, 'delivery', id, deliveryDoc);
    // Sent, or being sent by another call: never twice.
    if (existing && existing.status !== 'failed') return false;
    const doc: DeliveryDoc = {
      electionId: o.electionId,
      purpose: 'objectionResult',
      refId: o._id,
      recipientVoterId: o.objectorVoterId,
      recipientOpenid: o.objectorOpenid,
      templateId: message.templateId,
      page: message.page ?? null,
      status: 'pending',
      attempts: (existing?.attempts ?? 0) + 1,
      lastError: existing?.lastError ?? null,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    await tx.set('delivery', id, doc);
    return true;
  });
  if (!claimed) return { id, status: 'skipped' };

  let result: NotifyResult;
  try {
    result = await ctx.notifier.send(message);
  } catch (e) {
    // The port promises not to throw; an adapter bug still must not lose the record.
    result = { ok: false, transient: true, errMsg: e instanceof Error ? e.message : String(e) };
  }
  const settledAt = ctx.clock.now().toISOString();
  const status = result.ok ? 'sent' : 'failed';
  await ctx.store.runTransaction(async (tx) => {
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
