import { route, type FunctionRoutes } from '../runtime/dispatch';
import { lazyRoute } from './lazy-route';

// Contract and use-case modules are required on an action's first call (lazy-route.ts): a cold
// start builds the schemas and evaluates the code of the one action it serves.
const contracts = {
  committee: () => require('../../src/contracts/committee.contract') as typeof import('../../src/contracts/committee.contract'),
  objectionCommittee: () => require('../../src/contracts/objection-committee.contract') as typeof import('../../src/contracts/objection-committee.contract'),
  roll: () => require('../../src/contracts/roll.contract') as typeof import('../../src/contracts/roll.contract'),
  rollImport: () => require('../../src/contracts/roll-import.contract') as typeof import('../../src/contracts/roll-import.contract'),
  noticeCommittee: () => require('../../src/contracts/notice-committee.contract') as typeof import('../../src/contracts/notice-committee.contract'),
  candidate: () => require('../../src/contracts/candidate.contract') as typeof import('../../src/contracts/candidate.contract'),
  proxyCommittee: () => require('../../src/contracts/proxy-committee.contract') as typeof import('../../src/contracts/proxy-committee.contract'),
  bindingLock: () => require('../../src/contracts/binding-lock.contract') as typeof import('../../src/contracts/binding-lock.contract'),
  phone: () => require('../../src/contracts/phone.contract') as typeof import('../../src/contracts/phone.contract'),
};

export const committeeRoutes: FunctionRoutes = {
  createElection: lazyRoute(() => route(contracts.committee().createElection, (require('../use-cases/committee/create-election.use-case') as typeof import('../use-cases/committee/create-election.use-case')).createElectionUseCase)),
  updateElection: lazyRoute(() => route(contracts.committee().updateElection, (require('../use-cases/committee/update-election.use-case') as typeof import('../use-cases/committee/update-election.use-case')).updateElectionUseCase)),
  publishVoterList: lazyRoute(() => route(contracts.objectionCommittee().publishVoterList, (require('../use-cases/notices/publish-voter-list-push.use-case') as typeof import('../use-cases/notices/publish-voter-list-push.use-case')).publishVoterListAndPushUseCase)),
  listObjections: lazyRoute(() => route(contracts.objectionCommittee().listObjections, (require('../use-cases/objections/list-objections.use-case') as typeof import('../use-cases/objections/list-objections.use-case')).listObjectionsUseCase)),
  decideObjection: lazyRoute(() => route(contracts.objectionCommittee().decideObjection, (require('../use-cases/objections/decide-objection.use-case') as typeof import('../use-cases/objections/decide-objection.use-case')).decideObjectionUseCase)),
  importRoll: lazyRoute(() => route(contracts.rollImport().importRoll, (require('../use-cases/roll/import-roll.use-case') as typeof import('../use-cases/roll/import-roll.use-case')).importRollUseCase)),
  listVoters: lazyRoute(() => route(contracts.roll().listVoters, (require('../use-cases/roll/list-voters.use-case') as typeof import('../use-cases/roll/list-voters.use-case')).listVotersUseCase)),
  setVoterStatus: lazyRoute(() => route(contracts.roll().setVoterStatus, (require('../use-cases/roll/set-voter-status.use-case') as typeof import('../use-cases/roll/set-voter-status.use-case')).setVoterStatusUseCase)),
  stats: lazyRoute(() => route(contracts.roll().stats, (require('../use-cases/roll/roll-stats.use-case') as typeof import('../use-cases/roll/roll-stats.use-case')).rollStatsUseCase)),
  publishNotice: lazyRoute(() => route(contracts.noticeCommittee().publishNotice, (require('../use-cases/notices/publish-notice.use-case') as typeof import('../use-cases/notices/publish-notice.use-case')).publishNoticeUseCase)),
  noticeStats: lazyRoute(() => route(contracts.noticeCommittee().noticeStats, (require('../use-cases/notices/notice-stats.use-case') as typeof import('../use-cases/notices/notice-stats.use-case')).noticeStatsUseCase)),
  remindUnread: lazyRoute(() => route(contracts.noticeCommittee().remindUnread, (require('../use-cases/notices/remind-unread.use-case') as typeof import('../use-cases/notices/remind-unread.use-case')).remindUnreadUseCase)),
  tally: lazyRoute(() => route(contracts.candidate().tally, (require('../use-cases/nominations/tally-nominations.use-case') as typeof import('../use-cases/nominations/tally-nominations.use-case')).tallyNominationsUseCase)),
  closeNominations: lazyRoute(() => route(contracts.candidate().closeNominations, (require('../use-cases/nominations/close-nominations.use-case') as typeof import('../use-cases/nominations/close-nominations.use-case')).closeNominationsUseCase)),
  reviewCandidate: lazyRoute(() => route(contracts.candidate().reviewCandidate, (require('../use-cases/nominations/review-candidate.use-case') as typeof import('../use-cases/nominations/review-candidate.use-case')).reviewCandidateUseCase)),
  withdrawCandidate: lazyRoute(() => route(contracts.candidate().withdrawCandidate, (require('../use-cases/nominations/withdraw-candidate.use-case') as typeof import('../use-cases/nominations/withdraw-candidate.use-case')).withdrawCandidateUseCase)),
  publishCandidates: lazyRoute(() => route(contracts.candidate().publishCandidates, (require('../use-cases/nominations/publish-candidates.use-case') as typeof import('../use-cases/nominations/publish-candidates.use-case')).publishCandidatesUseCase)),
  enterPaperNomination: lazyRoute(() => route(contracts.candidate().enterPaperNomination, (require('../use-cases/nominations/enter-paper-nomination.use-case') as typeof import('../use-cases/nominations/enter-paper-nomination.use-case')).enterPaperNominationUseCase)),
  listProxies: lazyRoute(() => route(contracts.proxyCommittee().listProxies, (require('../use-cases/proxies/list-proxies.use-case') as typeof import('../use-cases/proxies/list-proxies.use-case')).listProxiesUseCase)),
  decideProxy: lazyRoute(() => route(contracts.proxyCommittee().decideProxy, (require('../use-cases/proxies/decide-proxy.use-case') as typeof import('../use-cases/proxies/decide-proxy.use-case')).decideProxyUseCase)),
  publishProxyList: lazyRoute(() => route(contracts.proxyCommittee().publishProxyList, (require('../use-cases/proxies/publish-proxy-list.use-case') as typeof import('../use-cases/proxies/publish-proxy-list.use-case')).publishProxyListUseCase)),
  checkIn: lazyRoute(() => route(contracts.proxyCommittee().checkIn, (require('../use-cases/proxies/check-in.use-case') as typeof import('../use-cases/proxies/check-in.use-case')).checkInUseCase)),
  unlockBinding: lazyRoute(() => route(contracts.bindingLock().unlockBinding, (require('../use-cases/identity/unlock-binding.use-case') as typeof import('../use-cases/identity/unlock-binding.use-case')).unlockBindingUseCase)),
  revealPhone: lazyRoute(() => route(contracts.phone().revealPhone, (require('../use-cases/phones/reveal-phone.use-case') as typeof import('../use-cases/phones/reveal-phone.use-case')).revealPhoneUseCase)),
};
