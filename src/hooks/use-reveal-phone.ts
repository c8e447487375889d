import { useCallback } from 'react';
import { revealPhone } from '../contracts/phone.contract';
import { dialPhone } from '../services/phone-call';
import { useActionCall } from './use-action';

/**
 * 拨打 on the committee's call list: committee.revealPhone opens the voter's sealed phone (an
 * audited, rate-limited reveal) and the number goes straight to the dialler — the page never
 * shows or keeps it. Returns a message for the clerk when the call could not be placed.
 */
export function useRevealPhone() {
  const { run, pending, error } = useActionCall(revealPhone);
  const call = useCallback(
    async (electionId: string, voterId: string): Promise<string | null> => {
      const data = await run({ electionId, voterId });
      if (!data) return null;
      const dialled = await dialPhone(data.phone);
      return dialled.ok ? null : dialled.message;
    },
    [run],
  );
  return { call, pending, error };
}
