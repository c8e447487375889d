import { useCallback, useState } from 'react';
import { identity, type ErrEnvelope, type InputOf, type OutputOf } from '../services/contracts';
import { callAction } from '../services/api';
import { confirmDialog, toast } from '../services/navigation';
import { refreshSession } from './session-store';
import { useActionData } from './use-action';

export type BindInput = InputOf<typeof identity.bind>;
export type BindOutput = OutputOf<typeof identity.bind>;

/** 绑定选民身份. Errors stay on the form; success reloads the session. */
export function useBind() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrEnvelope | null>(null);
  const submit = useCallback(async (input: BindInput): Promise<BindOutput | null> => {
    setPending(true);
    setError(null);
    try {
      const res = await callAction(identity.bind, input);
      if (res.ok) {
        await refreshSession();
        return res.data;
      }
      setError(res);
      // A lock-out is shown from whoami.bindLockedUntil.
      if (res.code === 'RATE_LIMITED') await refreshSession();
      return null;
    } finally {
      setPending(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { submit, pending, error, clearError };
}

/** 解除绑定, after a plain-language confirmation. */
export function useUnbind() {
  const [pending, setPending] = useState(false);
  const unbind = useCallback(async (): Promise<boolean> => {
    const ok = await confirmDialog('解除绑定', '解除后，这个微信就不再和您的选民登记关联。以后要再用，需要重新填写姓名、身份证号码和绑定码。确定解除吗？', '解除绑定');
    if (!ok) return false;
    setPending(true);
    try {
      const res = await callAction(identity.unbind, {});
      if (!res.ok) {
        toast(res.message);
        return false;
      }
      toast('已解除绑定', 'success');
      await refreshSession();
      return true;
    } finally {
      setPending(false);
    }
  }, []);
  return { unbind, pending };
}

/**
 * The 村民小组 of the election a QR code or link names (identity.whoami with its electionId), for
 * a caller not yet bound who must pick the group in a form. null while on its way; [] when the
 * village has none configured, the election is unknown or the call failed (the form then lets
 * the group be typed).
 */
export function useVillageGroups(electionId: string | null): readonly string[] | null {
  const { data, error } = useActionData(identity.whoami, electionId ? { electionId } : null, electionId);
  if (error) return [];
  return data ? (data.askedElection?.groups ?? []) : electionId ? null : [];
}
