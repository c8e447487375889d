import { useCallback, useState } from 'react';
import * as nominations from '../contracts/nomination.contract';
import type { NomineeView } from '../contracts/nomination.contract';
import type { SignatureInput } from '../contracts/signature.schema';
import type { OutputOf } from '../services/contracts';
import { useActionCall, useActionData } from './use-action';

export type NominationForm = OutputOf<typeof nominations.form>;
export type Post = NominationForm['posts'][number]['post'];
export type SubmitResult = OutputOf<typeof nominations.submit>;
/** Chosen nominees per post, in the order the villager picked them. */
export type Choices = Partial<Record<Post, NomineeView[]>>;

/** The villager's ballot: the form (posts, window, mine), the search and the submission. */
export function useNomination(electionId: string | null) {
  const input = electionId ? { electionId } : {};
  const form = useActionData(nominations.form, input, electionId ?? '');
  const send = useActionCall(nominations.submit);
  const { run } = send;
  const formElectionId = form.data?.electionId;
  const submit = useCallback(
    (choices: Choices, signature: SignatureInput) => {
      const names: Record<string, string[]> = {};
      for (const [post, list] of Object.entries(choices)) if (list && list.length) names[post] = list.map((n) => n.voterId);
      return run({ ...(formElectionId ? { electionId: formElectionId } : {}), names, signature });
    },
    [run, formElectionId],
  );
  return { form, submit, submitting: send.pending, submitError: send.error, clearSubmitError: send.clearError };
}

/** 查找本村选民 by name, for one post's picker. The latest query wins. */
export function useNomineeSearch(electionId: string | null) {
  const call = useActionCall(nominations.searchNominees);
  const { run } = call;
  const [results, setResults] = useState<NomineeView[] | null>(null);
  const [more, setMore] = useState(false);
  const search = useCallback(
    async (name: string) => {
      const out = await run({ ...(electionId ? { electionId } : {}), name });
      setResults(out ? out.results : null);
      setMore(out?.more ?? false);
    },
    [run, electionId],
  );
  const reset = useCallback(() => setResults(null), []);
  return { search, reset, results, more, pending: call.pending, error: call.error };
}

/** 我的提名 with its receipt (to show it again or verify it). */
export function useMyNomination(electionId: string | null, key: string | null) {
  return useActionData(nominations.mine, electionId ? { electionId } : {}, key);
}

/** 核验回执: anyone, no binding needed. */
export function useVerifyReceipt() {
  return useActionCall(nominations.verifyReceipt);
}
