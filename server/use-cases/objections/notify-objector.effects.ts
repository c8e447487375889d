/**
 * Pushes an objection's decision to the objector (subscribe message, 订阅消息) and records the
 * delivery through ctx.push.pushOnce (server/push/single-push.ts), so every push is visible and none is
 * sent twice: the delivery document is claimed (`pending`) before the send and settled (`sent` /
 * `failed`) after it, each in a transaction with its audit entry.
 *
 * Consent: WeChat delivers a one-time subscribe message only against a consent the user gave by
 * a tap. The decision goes out with the deployment's notice template (setting
 * NOTICE_TEMPLATE_ID — the one villagers subscribe to in the app), spending one of the
 * objector's consents in the claiming transaction; without one nothing is sent and the delivery
 * is recorded as `noConsent` (the objector still sees the decision in registration.myObjections).
 * A refusal that proves nothing was sent gives the consent back.
 */
import type { ObjectionDoc } from '../../../src/contracts/documents/objection-documents.schema';
import { OBJECTION_STATUS_LABELS } from '../../../src/contracts/labels';
import type { NotifyMessage } from '../../ports/notifier.port';
import type { CallContext } from '../../runtime/context';
import type { WithId } from '../../runtime/documents';
import { thing } from '../notices/notice-message.text';
import { pushTime } from '../shared/format.text';
import type { SinglePushStatus } from '../../ports/push.port';

export const OBJECTION_RESULT_PAGE = 'pages/registration/index?tab=objections';

export type DeliveryStatus = SinglePushStatus;

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
      time2: { value: pushTime(d.decidedAt) },
      thing3: { value: thing(`理由：${d.reason}`) },
    },
  };
}

export function notifyObjector(ctx: CallContext, o: WithId<ObjectionDoc>): Promise<{ id: string; status: DeliveryStatus }> {
  // A self-identified objector has no roll entry: the delivery is addressed to them as the objection's filer.
  return ctx.push.pushOnce(
    {
      purpose: 'objectionResult',
      refId: o._id,
      electionId: o.electionId,
      recipientVoterId: o.objectorVoterId,
      message: objectionResultMessage(o.objectorOpenid, ctx.settings.noticeTemplateId, o),
    },
    ctx.requestId,
  );
}
