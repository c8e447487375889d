import { useSession } from './session-store';

/**
 * The committee member's village and its election (the first village when there are several).
 * The UI gate is for clarity only: the server checks the role on every committee action.
 */
export function useCommitteeElection() {
  const session = useSession();
  const village = session.whoami?.committeeOf[0] ?? null;
  const election = village ? (session.whoami?.elections.find((e) => e.villageId === village.villageId) ?? null) : null;
  return { ...session, village, election };
}
