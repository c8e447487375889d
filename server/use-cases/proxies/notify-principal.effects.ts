/**
 * Tells a principal what became of their authorization (the proxy's answer, a voiding), by
 * subscribe message with the deployment's notice template, spending one of their consents
 * (noConsent recorded when none). They also see it in proxies.mine.
 */
import type { ProxyDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { thing } from '../notices/notice-message.text';
import type { SinglePushStatus } from '../../ports/push.port';
import type { CallContext } from '../../runtime/context';
import { readDoc, type WithId } from '../../runtime/documents';
import { PROXY_STATUS_LABELS } from './proxy.view';
import { pushTime } from '../shared/format.text';

export const PROXY_PAGE = 'pages/proxies/index';

const HINTS: Partial<Record<ProxyDoc['status'], string>> = {
  accepted: '受托人已同意，等待村选举委员会审核',
  declined: '受托人没有同意，您可以另选一位近亲属',
  approved: '村选举委员会已批准，已签发委托投票证',
  rejected: '村选举委员会没有批准，截止前您可以另选一位近亲属',
  voided: '委托已作废，截止前您可以另选一位近亲属',
};

export async function notifyPrincipal(ctx: CallContext, auth: WithId<ProxyDoc>): Promise<SinglePushStatus> {
  const principal = await readDoc(ctx.store, 'voter', auth.principalVoterId, voterDoc);
  if (!principal?.boundTo) return 'skipped';
  const at = auth.endedAt ?? auth.decidedAt ?? auth.answeredAt ?? ctx.clock.now().toISOString();
  const r = await ctx.push.pushOnce({
    purpose: 'proxyAnswer',
    refId: `${auth._id}:${auth.status}`,
    electionId: auth.electionId,
    recipientVoterId: principal._id,
    message: {
      openid: principal.boundTo,
      templateId: ctx.settings.noticeTemplateId,
      page: PROXY_PAGE,
      data: {
        thing1: { value: thing(`委托投票：${PROXY_STATUS_LABELS[auth.status]}`) },
        time2: { value: pushTime(at) },
        thing3: { value: thing(auth.reason ? `${HINTS[auth.status] ?? ''}（${auth.reason}）` : (HINTS[auth.status] ?? '请打开小程序查看')) },
      },
    },
  }, ctx.requestId);
  return r.status;
}
