import { useCallback, useState } from 'react';
import * as township from '../contracts/township.contract';
import type { OutputOf } from '../services/contracts';
import { confirmDialog, toast } from '../services/navigation';
import { useActionCall } from './use-action';

type Member = OutputOf<typeof township.members>['members'][number];

/** Who the member is, in the words the confirmation and the list use. */
export function memberTitle(m: Member): string {
  return m.voter ? `${m.roleLabel} ${m.voter.name}（${m.voter.group}）` : `${m.roleLabel}（未关联选民登记）`;
}

/**
 * 撤销 one election-committee member: a confirmation that says what it does (irreversible), then
 * township.revokeMember. Resolves true when revoked; the refusal stays in `error` for the form.
 */
export function useRevokeMember(villageId: string) {
  const { run, pending, error, clearError } = useActionCall(township.revokeMember);
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const revoke = useCallback(
    async (m: Member, reason: string): Promise<boolean> => {
      // The contract's own check first: no confirmation for a reason the server would refuse.
      const checked = township.revokeMember.input.safeParse({ villageId, memberRef: m.ref, reason });
      setReasonError(checked.success ? undefined : checked.error.issues[0]?.message);
      if (!checked.success) return false;
      const ok = await confirmDialog(
        '撤销选举委员会成员',
        `撤销后，${memberTitle(m)}马上就不能再使用选举委员会的任何功能，这一步不能恢复；如需继续工作，须由乡镇重新发邀请码。确定撤销吗？`,
        '撤销',
      );
      if (!ok) return false;
      const done = await run({ villageId, memberRef: m.ref, reason });
      if (done) toast('已撤销', 'success');
      return done !== null;
    },
    [run, villageId],
  );
  return { revoke, pending, error, reasonError: reasonError ?? error?.fields?.reason, clearError };
}
