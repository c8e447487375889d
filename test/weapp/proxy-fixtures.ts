/** 委托投票 replies shaped like the contracts (src/contracts/proxy*.contract.ts). */
import type { OutputOf } from '../../src/contracts/define-action';
import type * as proxies from '../../src/contracts/proxy.contract';
import type * as proxyCommittee from '../../src/contracts/proxy-committee.contract';
import * as fx from './fixtures';

type View = OutputOf<typeof proxies.mine>['authorizations'][number];

export const principal = { voterId: 'vt-0002', name: '李志强', group: '第五村民小组', sex: 'M' as const, birthYear: 1991 };
export const proxyPerson = { voterId: 'vt-0003', name: '李志刚', group: '第五村民小组', sex: 'M' as const, birthYear: 1987 };

export const DEADLINE = '2026-06-17T16:00:00.000Z';

export const approved: View = {
  id: 'px-1',
  status: 'approved',
  statusLabel: '已批准',
  principal,
  proxy: proxyPerson,
  relation: 'sibling',
  relationLabel: '兄弟姐妹',
  awayPlace: '广东深圳',
  requestedAt: '2026-06-01T02:00:00.000Z',
  answeredAt: '2026-06-01T05:00:00.000Z',
  decidedAt: '2026-06-02T03:00:00.000Z',
  reason: null,
  certificateNo: 'WT-2026-0007',
  certificateQr: 'CXT1.WT-2026-0007.sig-abc',
  deadline: DEADLINE,
};

export const requested: View = { ...approved, id: 'px-2', status: 'requested', statusLabel: '待受托人确认', answeredAt: null, decidedAt: null, certificateNo: null, certificateQr: null };
export const accepted: View = { ...requested, id: 'px-3', status: 'accepted', statusLabel: '待选举委员会审核', answeredAt: '2026-06-01T05:00:00.000Z' };

export const mineApproved: OutputOf<typeof proxies.mine> = { authorizations: [approved], allowed: true, deadline: DEADLINE, maxPerProxy: 3 };
export const incoming: OutputOf<typeof proxies.incoming> = { requests: [requested], holds: 1, max: 3 };

export const queue: OutputOf<typeof proxyCommittee.listProxies> = {
  items: [{ ...accepted, principalSignatureUrl: 'https://files.local/sig/p.png?t=1', proxySignatureUrl: 'https://files.local/sig/q.png?t=1' }],
  total: 1,
  figures: { principals: 4, proxies: 3, approved: 2, rejected: 1, revoked: 1, used: 0, rejectedByReason: { 不是近亲属: 1 } },
};

export const whoamiPrincipal = { ...fx.whoamiBound, voter: { ...fx.voter, id: principal.voterId, name: principal.name, group: principal.group, category: 'B' as const } };
