/**
 * committee.publishCandidates — 公布正式候选人名单: once every tie is resolved, no post is short
 * and every formal candidate has been reviewed, on or before E − candidates.publishDaysBefore
 * (Beijing date), the list in the preset's order (姓氏笔画 by default, or by votes) is settled
 * into `meta/noticeSource:{electionId}:formalCandidates` — names and groups only, with the
 * figures of the count and the Merkle root over the valid ballots, so every voter can check
 * their receipt against the printed root. The 正式候选人名单 notice is then generated from it,
 * frozen and pushed like every other notice (committee.publishNotice). After a withdrawal or a
 * review change the list is published again as a new version. In the same transaction each formal
 * candidate's proxy holdings are voided (voidProxiesOfCandidate) and their principals told after.
 *
 * Outcomes:
 * - ok: version, order, the list per post, the root
 * - UNAUTHENTICATED NO_OPENID · FORBIDDEN NOT_COMMITTEE | MEMBER_REVOKED · NOT_FOUND ELECTION_UNKNOWN
 * - WINDOW_CLOSED NOT_CLOSED | PAST_DEADLINE
 * - CONFLICT TIE_AT_CUT | SHORTFALL | WOMAN_TIE (settle first) | REVIEW_PENDING | UNCHANGED (already published as is)
 */
import type { publishCandidates } from '../../../src/contracts/candidate.contract';
import type { NoticeSourceDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { addDays, compareCivil, shanghaiDateOf } from '../../../src/domain/civil-date';
import { err, ok } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { canonicalJson } from '../../audit/canonical-json';
import type { UseCase } from '../../runtime/dispatch';
import { noticeSourceId } from '../notices/typed-notice.text';
import { notifyVoided, voidProxiesOfCandidate } from '../proxies/void-proxies.effects';
import { actorOf } from '../shared/access.policy';
import { sha256Hex } from './ballot-receipt.records';
import { candidateDocs, computeSelection, selectionView } from './candidate-selection.view';
import { closedElection } from './candidate-change.records';
import { sealClose } from './nomination-close.records';
import { dateWords } from '../../../src/domain/date-words';

export const publishCandidatesUseCase: UseCase<typeof publishCandidates> = async (input, ctx) => {
  const scope = await closedElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { close, rules, election } = scope.value;
  const now = ctx.clock.now();
  const lastDay = addDays(election.electionDay, -rules.candidates.publishDaysBefore);
  if (compareCivil(shanghaiDateOf(now), lastDay) > 0) return err('WINDOW_CLOSED', 'PAST_DEADLINE', `正式候选人名单最晚要在${dateWords(lastDay)}公布，已经过了期限，请向乡镇报告`);
  const candidates = await candidateDocs(ctx.store, election._id);
  const selection = computeSelection(close, candidates, rules);
  const problem = selection.problems[0];
  if (problem) return err('CONFLICT', problem.reason, problem.message);
  const listed = selection.posts.flatMap((p) => p.candidates);
  const unreviewed = listed.filter((c) => !candidates.get(c.voterId)?.reviewedAt);
  if (unreviewed.length > 0) return err('CONFLICT', 'REVIEW_PENDING', `还有${unreviewed.length}名候选人没有做资格审查：${unreviewed.map((c) => c.name).join('、')}`);
  if (close.publication && !close.republishNeeded) return err('CONFLICT', 'UNCHANGED', '名单没有变化，已经公布过了');

  // The root goes on the notice: a close whose seal was cut off is sealed first.
  const { merkle } = await sealClose(ctx.store, close, actorOf(ctx), now.toISOString());
  const view = selectionView(selection, close, candidates);
  const entries = view.posts.flatMap((p) => p.candidates.map((c) => ({ post: p.label, name: c.name, group: c.group })));
  const version = (close.publication?.version ?? 0) + 1;
  const at = now.toISOString();
  const counts = view.posts.map((p) => `${p.label}${p.candidates.length}名`).join('、');
  const source: NoticeSourceDoc = {
    electionId: election._id,
    type: 'formalCandidates',
    preparedAt: at,
    summary: `本次提名共收到提名票${close.ballots}张，其中有效${close.valid}张、无效${close.invalid}张；确定正式候选人${counts}${rules.candidates.order === 'stroke' ? '，按姓氏笔画排列' : '，按得票多少排列'}。提名计票核验码：${merkle.root}。选民可以用自己的回执编号核验本人的提名票已经计入。${version > 1 ? `（第${version}次公布，因候选人变动重新公布）` : ''}`,
    entries,
  };
  const hash = sha256Hex(canonicalJson(entries));
  const voided = await ctx.store.runTransaction(async (tx) => {
    await tx.set('meta', noticeSourceId(election._id, 'formalCandidates'), { ...source });
    await tx.update('meta', close._id, { publication: { version, publishedAt: at, hash }, republishNeeded: false });
    await appendAudit(tx, { scope: election._id, action: 'committee.publishCandidates', actor: actorOf(ctx), at, subject: election._id, data: { version, hash, merkleRoot: merkle.root, count: entries.length } });
    // RULES.md §4: a formal candidate may not act as proxy (unless the preset allows it for near relatives).
    const ended = [];
    for (const c of listed) ended.push(...(await voidProxiesOfCandidate(tx, { electionId: election._id, voterId: c.voterId, at }, rules)));
    return ended;
  });
  await notifyVoided(ctx, voided);
  return ok({
    publishedAt: at,
    version,
    order: rules.candidates.order,
    posts: view.posts.map((p) => ({ post: p.post, label: p.label, names: p.candidates.map((c) => ({ voterId: c.voterId, name: c.name, group: c.group, sex: c.sex, birthYear: c.birthYear, votes: c.votes })) })),
    tallyRoot: merkle.root,
  });
};
