import { useCallback, useState } from 'react';
// The candidate contract stays out of the main package: only committee pages import this hook.
import * as candidates from '../contracts/candidate.contract';
import type { InputOf, OutputOf } from '../services/contracts';
import { useActionCall, useActionData } from './use-action';

export type Tally = OutputOf<typeof candidates.tally>;
export type Selection = OutputOf<typeof candidates.closeNominations>['selection'];
export type Resolution = NonNullable<InputOf<typeof candidates.closeNominations>['resolution']>;
export type Published = OutputOf<typeof candidates.publishCandidates>;
export type ReviewInput = InputOf<typeof candidates.reviewCandidate>;

/**
 * The committee's nomination work on one election: the live tally, closing (and recording a tie
 * resolution through the same action), review, withdrawal and publication. Every answer that
 * carries the selection replaces the one shown, so the page never shows a stale list.
 */
export function useNominationCommittee(electionId: string) {
  const tally = useActionData(candidates.tally, { electionId }, electionId);
  const [selection, setSelection] = useState<Selection | null>(null);
  const close = useActionCall(candidates.closeNominations);
  const review = useActionCall(candidates.reviewCandidate);
  const withdraw = useActionCall(candidates.withdrawCandidate);
  const publish = useActionCall(candidates.publishCandidates);
  const [published, setPublished] = useState<Published | null>(null);
  const { run: closeRun } = close;
  const { run: reviewRun } = review;
  const { run: withdrawRun } = withdraw;
  const { run: publishRun } = publish;
  const { reload: reloadTally } = tally;

  const runClose = useCallback(
    async (resolution?: Resolution) => {
      const out = await closeRun({ electionId, ...(resolution ? { resolution } : {}) });
      if (out) {
        setSelection(out.selection);
        void reloadTally();
      }
      return out;
    },
    [closeRun, electionId, reloadTally],
  );
  const runReview = useCallback(
    async (input: Omit<ReviewInput, 'electionId'>) => {
      const out = await reviewRun({ electionId, ...input });
      if (out) setSelection(out.selection);
      return out;
    },
    [reviewRun, electionId],
  );
  const runWithdraw = useCallback(
    async (voterId: string, writtenOn: string, record: string) => {
      const out = await withdrawRun({ electionId, voterId, writtenOn, record });
      if (out) setSelection(out.selection);
      return out;
    },
    [withdrawRun, electionId],
  );
  const runPublish = useCallback(async () => {
    const out = await publishRun({ electionId });
    if (out) setPublished(out);
    return out;
  }, [publishRun, electionId]);

  return { tally, selection, published, close: runClose, review: runReview, withdraw: runWithdraw, publish: runPublish, calls: { close, review, withdraw, publish } };
}

/** 录入纸质提名票. */
export function usePaperNomination() {
  return useActionCall(candidates.enterPaperNomination);
}

export type NomineeBallots = NonNullable<Tally['nomineeBallots']>;
export interface OpenNominee {
  voterId: string;
  name: string;
}

/**
 * The signed ballots of one nominee (the same `tally` action with `nominee`): opened from a tally
 * line, closed with 返回. The signature links are short-lived, so each opening asks again.
 */
export function useNomineeBallots(electionId: string) {
  const call = useActionCall(candidates.tally);
  const [shown, setShown] = useState<{ nominee: OpenNominee; ballots: NomineeBallots | null } | null>(null);
  const { run } = call;
  const open = useCallback(
    async (nominee: OpenNominee) => {
      setShown({ nominee, ballots: null });
      const out = await run({ electionId, nominee: nominee.voterId });
      setShown((s) => (s && s.nominee.voterId === nominee.voterId ? { nominee, ballots: out?.nomineeBallots ?? [] } : s));
    },
    [run, electionId],
  );
  const close = useCallback(() => setShown(null), []);
  return { shown, open, close, pending: call.pending, error: call.error };
}
