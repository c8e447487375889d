/**
 * Shared steps of the committee's changes to a closed list (review, withdrawal): the closed
 * record and the person's place in it, the candidate document write with its audit entry, and
 * the reply's views.
 */
import type { ErrorCode } from '../../../src/contracts/envelope';
import { candidateDoc, type CandidateDoc, type NominationCloseDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import { POST_LABELS } from '../../../src/domain/nomination-ballot';
import type { RuleSet } from '../../../src/domain/presets/types';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { CallContext } from '../../runtime/context';
import { readDoc, type WithId } from '../../runtime/documents';
import { requireCommitteeElection, type ElectionScope } from '../shared/election-access.policy';
import { candidateDocs, computeSelection, readClose, selectionView, statusOf, type CandidateView, type SelectionView } from './candidate-selection.view';
import { candidateId } from './nomination-scope.policy';

export interface ClosedScope extends ElectionScope {
  readonly close: WithId<NominationCloseDoc>;
}

export async function closedElection(ctx: CallContext, electionId: string): Promise<Result<ClosedScope, ErrorCode>> {
  const scope = await requireCommitteeElection(ctx, electionId);
  if (!scope.ok) return scope;
  const close = await readClose(ctx.store, electionId);
  if (!close) return err('WINDOW_CLOSED', 'NOT_CLOSED', '提名还没有结束计票，请先结束提名');
  return ok({ ...scope.value, close });
}

/** The person's best line among the initial candidates (highest post first), or null. */
export function initialLine(close: NominationCloseDoc, voterId: string, rules: RuleSet): { post: NominationCloseDoc['posts'][number]['post']; votes: number; record: NominationCloseDoc['posts'][number]['nominees'][number] } | null {
  for (const p of close.posts) {
    const n = p.nominees.find((x) => x.voterId === voterId && x.votes >= rules.nomination.jointMinimum);
    if (n) return { post: p.post, votes: n.votes, record: n };
  }
  return null;
}

export const emptyCandidate = (electionId: string, voterId: string): CandidateDoc => ({
  electionId,
  voterId,
  checks: [],
  profile: { education: null, partyMember: null, incumbent: null },
  reviewedAt: null,
  withdrawal: null,
});

export const readCandidate = (ctx: CallContext, electionId: string, voterId: string) => readDoc(ctx.store, 'candidate', candidateId(electionId, voterId), candidateDoc);

/** Writes the candidate and flags the published list for re-publication, with the audit entry. */
export async function saveCandidate(ctx: CallContext, close: WithId<NominationCloseDoc>, doc: CandidateDoc, action: string, at: string, actor: string, data: Record<string, unknown>): Promise<void> {
  await ctx.store.runTransaction(async (tx) => {
    await tx.set('candidate', candidateId(doc.electionId, doc.voterId), doc);
    if (close.publication) await tx.update('meta', close._id, { republishNeeded: true });
    await appendAudit(tx, { scope: doc.electionId, action, actor, at, subject: doc.voterId, data });
  });
}

export async function currentViews(ctx: CallContext, scope: ClosedScope, voterId: string): Promise<{ selection: SelectionView; candidate: CandidateView | null }> {
  const candidates = await candidateDocs(ctx.store, scope.election._id);
  const selection = selectionView(computeSelection(scope.close, candidates, scope.rules), scope.close, candidates);
  const listed = selection.posts.flatMap((p) => p.candidates).find((c) => c.voterId === voterId);
  if (listed) return { selection, candidate: listed };
  const line = initialLine(scope.close, voterId, scope.rules);
  if (!line) return { selection, candidate: null };
  const doc = candidates.get(voterId);
  const { record } = line;
  return {
    selection,
    candidate: { voterId, name: record.name, group: record.group, sex: record.sex, birthYear: record.birthYear, post: line.post, postLabel: POST_LABELS[line.post], votes: line.votes, via: 'votes', status: statusOf(doc), review: doc?.checks ?? [] },
  };
}
