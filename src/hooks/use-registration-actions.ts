import { useCallback } from 'react';
import { objection, registration, type InputOf } from '../services/contracts';
import { useActionCall, useActionData } from './use-action';
import { refreshSession } from './session-store';

/** 确认登记信息: success reloads the session (the entry then reads 已确认); the reply feeds the finish box. */
export function useConfirmEntry() {
  const call = useActionCall(registration.confirm);
  const confirmEntry = useCallback(async () => {
    const data = await call.run({});
    if (!data) return null;
    await refreshSession();
    return data;
  }, [call.run]);
  return { confirmEntry, pending: call.pending, error: call.error };
}

/** 外出选民表示参加选举 (category B). */
export function useDeclareParticipation() {
  const call = useActionCall(registration.declareParticipation);
  const declare = useCallback(
    async (livesIn: string) => {
      const text = livesIn.trim();
      const data = await call.run(text ? { livesIn: text } : {});
      if (!data) return null;
      await refreshSession();
      return data;
    },
    [call.run],
  );
  return { declare, pending: call.pending, error: call.error };
}

export type ApplyResidenceInput = InputOf<typeof registration.applyResidence>;

/** 申请登记（C类）: binds this WeChat to the new pending entry. */
export function useApplyResidence() {
  const call = useActionCall(registration.applyResidence);
  const apply = useCallback(
    async (input: ApplyResidenceInput) => {
      const data = await call.run(input);
      if (!data) return null;
      await refreshSession();
      return data;
    },
    [call.run],
  );
  return { apply, pending: call.pending, error: call.error, clearError: call.clearError };
}

export type FileObjectionInput = InputOf<typeof objection.fileObjection>;

/** 我的申诉: loaded for a bound voter; `file` adds one and reloads the list. */
export function useMyObjections(enabled: boolean, reloadKey: string) {
  const list = useActionData(objection.myObjections, enabled ? {} : null, enabled ? reloadKey : null);
  const call = useActionCall(objection.fileObjection);
  const file = useCallback(
    async (input: FileObjectionInput) => {
      const data = await call.run(input);
      if (!data) return null;
      await list.reload();
      return data.objection;
    },
    [call.run, list.reload],
  );
  return { list, file, filing: call.pending, fileError: call.error, clearFileError: call.clearError };
}
