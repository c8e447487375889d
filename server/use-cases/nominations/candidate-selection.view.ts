/**
 * The formal candidates as they stand: the close's counts, the committee's tie resolutions, and
 * the reviews and withdrawals recorded since (withdrawn or blocked people are excluded, so the
 * next by votes fills the slot — src/domain/formal-candidates.ts decides everything).
 */
import type * as z from 'zod/mini';
import type { candidateViewSchema, selectionViewSchema } from '../../../src/contracts/candidate.contract';
import { candidateDoc, nominationCloseDoc, type CandidateDoc, type NominationCloseDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import { selectFormalCandidates, type FormalCandidate, type FormalSelection, type WomanStatus } from '../../../src/domain/formal-candidates';
import { POST_LABELS } from '../../../src/domain/nomination-ballot';
import type { RuleSet } from '../../../src/domain/presets/types';
import type { Store, TxOps } from '../../ports/store.port';
import { findAllDocs, readDoc, type WithId } from '../../runtime/documents';
import { closeId } from './nomination-scope.policy';

export type SelectionView = z.infer<typeof selectionViewSchema>;
export type CandidateView = z.infer<typeof candidateViewSchema>;

export const readClose = (ops: TxOps, electionId: string): Promise<WithId<NominationCloseDoc> | null> => readDoc(ops, 'meta', closeId(electionId), nominationCloseDoc);

export async function candidateDocs(store: Store, electionId: string): Promise<Map<string, WithId<CandidateDoc>>> {
  const docs = await findAllDocs(store, 'candidate', { electionId }, candidateDoc);
  return new Map(docs.map((d) => [d.voterId, d]));
}

export type CandidateStatus = CandidateView['status'];

export function statusOf(doc: CandidateDoc | undefined): CandidateStatus {
  if (!doc) return 'candidate';
  if (doc.withdrawal) return 'withdrawn';
  if (doc.checks.some((c) => c.outcome === 'block')) return 'disqualified';
  if (doc.checks.some((c) => c.outcome === 'flag')) return 'flagged';
  return 'candidate';
}

export function computeSelection(close: NominationCloseDoc, candidates: ReadonlyMap<string, CandidateDoc>, rules: RuleSet): FormalSelection {
  const excluded = new Set([...candidates.values()].filter((c) => ['withdrawn', 'disqualified'].includes(statusOf(c))).map((c) => c.voterId));
  return selectFormalCandidates({
    posts: close.posts.map((p) => ({ post: p.post, seats: p.seats, ...(p.margin === null ? {} : { margin: p.margin }), nominees: p.nominees })),
    excluded,
    resolutions: close.resolutions,
    rules,
  });
}

const WOMAN_MESSAGES: Readonly<Record<WomanStatus, string>> = {
  present: '正式候选人中有妇女',
  added: '正式候选人中原本没有妇女，已按规定把得票最多的妇女列为委员候选人',
  tie: '得票最多的妇女有多人票数相同，请选举委员会决定',
  noneNominated: '没有妇女被提名，正式候选人中没有妇女（请在报告中说明）',
  pending: '职位的候选人确定以后再看是否有妇女',
};

function candidateView(c: FormalCandidate, post: NominationCloseDoc['posts'][number], doc: CandidateDoc | undefined): CandidateView {
  const record = post.nominees.find((n) => n.voterId === c.voterId);
  return {
    voterId: c.voterId,
    name: c.name,
    group: record?.group ?? '',
    sex: c.sex,
    birthYear: record?.birthYear ?? 0,
    post: post.post,
    postLabel: POST_LABELS[post.post],
    votes: c.votes,
    via: c.via,
    status: statusOf(doc),
    review: doc?.checks ?? [],
  };
}

function tiedLines(close: NominationCloseDoc, post: string, ids: readonly string[]) {
  const nominees = close.posts.find((p) => p.post === post)?.nominees ?? close.posts.flatMap((p) => p.nominees);
  return ids.flatMap((id) => {
    const n = nominees.find((x) => x.voterId === id);
    return n ? [{ voterId: n.voterId, name: n.name, group: n.group, sex: n.sex, votes: n.votes }] : [];
  });
}

export function selectionView(sel: FormalSelection, close: NominationCloseDoc, candidates: ReadonlyMap<string, CandidateDoc>): SelectionView {
  const posts = sel.posts.map((p) => {
    const stored = close.posts.find((x) => x.post === p.post)!;
    return { post: p.post, label: POST_LABELS[p.post], seats: p.seats, target: p.target, initialCount: p.initialCount, status: p.status, candidates: p.candidates.map((c) => candidateView(c, stored, candidates.get(c.voterId))) };
  });
  const problems = sel.problems.map((pr) => {
    const tie = pr.post === 'woman' ? sel.woman.tied : sel.posts.find((p) => p.post === pr.post)?.tie?.tied;
    const slots = pr.post === 'woman' ? 1 : sel.posts.find((p) => p.post === pr.post)?.tie?.slots;
    return { reason: pr.reason, post: pr.post, message: pr.message, ...(tie ? { tied: tiedLines(close, pr.post, tie) } : {}), ...(slots !== undefined && pr.reason !== 'SHORTFALL' ? { slots } : {}) };
  });
  return { publishable: sel.publishable, problems, posts, woman: { status: sel.woman.status, message: WOMAN_MESSAGES[sel.woman.status] } };
}
