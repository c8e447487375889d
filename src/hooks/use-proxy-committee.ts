import { useCallback, useState } from 'react';
import * as proxyCommittee from '../contracts/proxy-committee.contract';
import * as roll from '../contracts/roll.contract';
import type { InputOf, OutputOf } from '../services/contracts';
import { CAN_SCAN, scanCertificate } from '../services/scan-code';
import { useActionCall, useActionData } from './use-action';

export type QueueItem = OutputOf<typeof proxyCommittee.listProxies>['items'][number];
export type QueueFilter = NonNullable<InputOf<typeof proxyCommittee.listProxies>['status']> | '';

/** The committee's proxy queue and figures, filtered by status. */
export function useProxyQueue(electionId: string, filter: QueueFilter) {
  const input = { electionId, ...(filter ? { status: filter } : {}) };
  return useActionData(proxyCommittee.listProxies, input, JSON.stringify(input));
}

export const useDecideProxy = () => useActionCall(proxyCommittee.decideProxy);
export const usePublishProxyList = () => useActionCall(proxyCommittee.publishProxyList);
export const useCheckIn = () => useActionCall(proxyCommittee.checkIn);

/** Registered voters by name for the election-day desk (sex and birth date to compare with the card). */
export function useCheckInSearch(electionId: string) {
  const call = useActionCall(roll.listVoters);
  const search = useCallback((name: string) => call.run({ electionId, name, status: 'registered', page: 1, pageSize: 20 }), [call.run, electionId]);
  return { ...call, search };
}

/** The camera scanner where the platform has one (weapp); H5 types the number instead. */
export function useCertificateScan() {
  const [message, setMessage] = useState<string | null>(null);
  const scan = useCallback(async (): Promise<string | null> => {
    setMessage(null);
    const r = await scanCertificate();
    if (r.ok) return r.text;
    setMessage(r.message);
    return null;
  }, []);
  return { canScan: CAN_SCAN, scan, message };
}
