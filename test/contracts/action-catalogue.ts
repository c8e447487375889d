/**
 * The fixed action catalogue of ../shared/docs/API.md §Catalogue, kept in the repository so the
 * contract test runs on a clone that has no ../shared. `contracts.test.ts` checks this copy
 * against the shared document whenever that document is present.
 */
export const ACTION_CATALOGUE: Readonly<Record<string, readonly string[]>> = {
  identity: ['whoami', 'bind', 'unbind', 'redeemInvite', 'publicKeys'],
  township: ['createVillage', 'inviteCommittee', 'overview', 'duplicates', 'members', 'revokeMember'],
  committee: [
    'createElection', 'updateElection', 'importRoll', 'unlockBinding', 'revealPhone', 'listVoters', 'setVoterStatus', 'publishVoterList',
    'listObjections', 'decideObjection', 'publishNotice', 'noticeStats', 'remindUnread', 'tally',
    'closeNominations', 'reviewCandidate', 'withdrawCandidate', 'publishCandidates', 'enterPaperNomination',
    'listProxies', 'decideProxy', 'publishProxyList', 'checkIn', 'stats', 'report',
  ],
  registration: ['mine', 'confirm', 'declareParticipation', 'applyResidence', 'fileObjection', 'myObjections'],
  notices: ['list', 'get', 'markRead', 'subscribe'],
  nominations: ['form', 'searchNominees', 'submit', 'mine', 'verifyReceipt'],
  proxies: ['request', 'revoke', 'incoming', 'respond', 'mine'],
};

/** Parses the catalogue table of API.md: `| fn | a / b | who | what |` rows. */
export function parseCatalogue(apiDoc: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of apiDoc.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !(cells[1]! in ACTION_CATALOGUE)) continue;
    (out[cells[1]!] ??= []).push(...cells[2]!.split('/').map((a) => a.trim()).filter(Boolean));
  }
  return out;
}
