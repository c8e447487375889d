/**
 * committee.publishProxyList — 公布委托投票名单: the approved principals and their proxies, name and
 * group only (RULES.md §4 "publication before E", §7), written as the notice source
 * meta/noticeSource:{electionId}:proxyList, from which committee.publishNotice generates, freezes
 * and pushes the 委托投票公告. Published again after a change (a new version), never unchanged.
 *
 * Outcomes:
 * - ok: the published rows, their version and time
 * - FORBIDDEN NOT_COMMITTEE · NOT_FOUND ELECTION_UNKNOWN
 * - WINDOW_CLOSED ELECTION_DAY_REACHED: from 00:00 of election day, Asia/Shanghai
 * - CONFLICT PENDING_DECISIONS: accepted authorizations still wait for the committee's decision ·
 *   UNCHANGED: the list is the same as the one already published
 */
import type { publishProxyList } from '../../../src/contracts/proxy-committee.contract';
import { proxyDoc } from '../../../src/contracts/documents/proxy-documents.schema';
import { noticeSourceDoc, type AttachmentEntry, type NoticeSourceDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { counterDoc } from '../../../src/contracts/documents/objection-documents.schema';
import { startOfShanghaiDay } from '../../../src/domain/civil-date';
import { err, ok } from '../../../src/domain/result';
import { sortByStroke } from '../../../src/domain/stroke-order';
import { appendAudit } from '../../audit/audit-log';
import { canonicalJson } from '../../audit/canonical-json';
import { findAllDocs, readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireCommitteeElection } from '../shared/election-access.policy';
import { noticeSourceId } from '../notices/typed-notice.text';
import { actorOf } from '../shared/access.policy';
import { votersOf } from './proxy.view';

export const proxyListVersionId = (electionId: string) => `proxyListVersion:${electionId}`;

export const publishProxyListUseCase: UseCase<typeof publishProxyList> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, village } = scope.value;
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (now.getTime() >= startOfShanghaiDay(election.electionDay).getTime()) {
    return err('WINDOW_CLOSED', 'ELECTION_DAY_REACHED', '委托投票名单要在选举日之前公布，今天已经是选举日或以后了');
  }
  const all = await findAllDocs(ctx.store, 'proxy', { electionId: election._id }, proxyDoc);
  const waiting = all.filter((a) => a.status === 'accepted').length;
  if (waiting) return err('CONFLICT', 'PENDING_DECISIONS', `还有${waiting}份委托等待审核，请先批准或驳回后再公布`);
  const valid = all.filter((a) => a.status === 'approved' || a.status === 'used');
  const voters = await votersOf(ctx.store, valid);
  const groupRank = (g: string) => (village.groups.indexOf(g) + 1 || village.groups.length + 1);
  const rows = sortByStroke(
    valid.map((a) => {
      const p = voters.get(a.principalVoterId);
      const q = voters.get(a.proxyVoterId);
      if (!p || !q) throw new Error(`authorization ${a._id} names a voter that is gone`);
      return { principal: { name: p.name, group: p.group }, proxy: { name: q.name, group: q.group } };
    }),
    (r) => r.principal.name,
  ).sort((a, b) => groupRank(a.principal.group) - groupRank(b.principal.group));
  const entries: AttachmentEntry[] = rows.map((r, i) => ({ no: i + 1, principal: r.principal.name, principalGroup: r.principal.group, proxy: r.proxy.name, proxyGroup: r.proxy.group }));

  const r = await ctx.store.runTransaction(async (tx) => {
    const prev = await readDoc(tx, 'meta', noticeSourceId(election._id, 'proxyList'), noticeSourceDoc);
    if (prev && canonicalJson(prev.entries) === canonicalJson(entries)) return err('CONFLICT', 'UNCHANGED', '委托投票名单和上次公布的一样，不需要再公布');
    const version = ((await readDoc(tx, 'meta', proxyListVersionId(election._id), counterDoc))?.value ?? 0) + 1;
    const source: NoticeSourceDoc = {
      electionId: election._id,
      type: 'proxyList',
      preparedAt: at,
      summary: `经村选举委员会审核，共有${rows.length}名选民委托${new Set(valid.map((a) => a.proxyVoterId)).size}名近亲属代为投票。`,
      entries,
    };
    await tx.set('meta', noticeSourceId(election._id, 'proxyList'), source);
    await tx.set('meta', proxyListVersionId(election._id), { value: version });
    await appendAudit(tx, { scope: election._id, action: 'committee.publishProxyList', actor: actorOf(ctx), at, subject: election._id, data: { version, rows: rows.length } });
    return ok(version);
  });
  if (!r.ok) return r;
  return ok({ publishedAt: at, version: r.value, rows });
};
