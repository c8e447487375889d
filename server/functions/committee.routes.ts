import * as committee from '../../src/contracts/committee.contract';
import { route, type FunctionRoutes } from '../runtime/dispatch';
import { createElectionUseCase } from '../use-cases/committee/create-election.use-case';
import { updateElectionUseCase } from '../use-cases/committee/update-election.use-case';
import * as objectionCommittee from '../../src/contracts/objection-committee.contract';
import { decideObjectionUseCase } from '../use-cases/objections/decide-objection.use-case';
import { listObjectionsUseCase } from '../use-cases/objections/list-objections.use-case';
import * as roll from '../../src/contracts/roll.contract';
import * as rollImport from '../../src/contracts/roll-import.contract';
import { importRollUseCase } from '../use-cases/roll/import-roll.use-case';
import { listVotersUseCase } from '../use-cases/roll/list-voters.use-case';
import { rollStatsUseCase } from '../use-cases/roll/roll-stats.use-case';
import { setVoterStatusUseCase } from '../use-cases/roll/set-voter-status.use-case';
import * as noticeCommittee from '../../src/contracts/notice-committee.contract';
import { noticeStatsUseCase } from '../use-cases/notices/notice-stats.use-case';
import { publishNoticeUseCase } from '../use-cases/notices/publish-notice.use-case';
import { remindUnreadUseCase } from '../use-cases/notices/remind-unread.use-case';
import { publishVoterListAndPushUseCase } from '../use-cases/notices/publish-voter-list-push.use-case';
import * as candidate from '../../src/contracts/candidate.contract';
import { closeNominationsUseCase } from '../use-cases/nominations/close-nominations.use-case';
import { enterPaperNominationUseCase } from '../use-cases/nominations/enter-paper-nomination.use-case';
import { publishCandidatesUseCase } from '../use-cases/nominations/publish-candidates.use-case';
import { reviewCandidateUseCase } from '../use-cases/nominations/review-candidate.use-case';
import { tallyNominationsUseCase } from '../use-cases/nominations/tally-nominations.use-case';
import { withdrawCandidateUseCase } from '../use-cases/nominations/withdraw-candidate.use-case';
import * as proxyCommittee from '../../src/contracts/proxy-committee.contract';
import * as bindingLock from '../../src/contracts/binding-lock.contract';
import { unlockBindingUseCase } from '../use-cases/identity/unlock-binding.use-case';
import { checkInUseCase } from '../use-cases/proxies/check-in.use-case';
import { decideProxyUseCase } from '../use-cases/proxies/decide-proxy.use-case';
import { listProxiesUseCase } from '../use-cases/proxies/list-proxies.use-case';
import { publishProxyListUseCase } from '../use-cases/proxies/publish-proxy-list.use-case';
import * as phone from '../../src/contracts/phone.contract';
import { revealPhoneUseCase } from '../use-cases/phones/reveal-phone.use-case';

export const committeeRoutes: FunctionRoutes = {
  createElection: route(committee.createElection, createElectionUseCase),
  updateElection: route(committee.updateElection, updateElectionUseCase),
  publishVoterList: route(objectionCommittee.publishVoterList, publishVoterListAndPushUseCase),
  listObjections: route(objectionCommittee.listObjections, listObjectionsUseCase),
  decideObjection: route(objectionCommittee.decideObjection, decideObjectionUseCase),
  importRoll: route(rollImport.importRoll, importRollUseCase),
  listVoters: route(roll.listVoters, listVotersUseCase),
  setVoterStatus: route(roll.setVoterStatus, setVoterStatusUseCase),
  stats: route(roll.stats, rollStatsUseCase),
  publishNotice: route(noticeCommittee.publishNotice, publishNoticeUseCase),
  noticeStats: route(noticeCommittee.noticeStats, noticeStatsUseCase),
  remindUnread: route(noticeCommittee.remindUnread, remindUnreadUseCase),
  tally: route(candidate.tally, tallyNominationsUseCase),
  closeNominations: route(candidate.closeNominations, closeNominationsUseCase),
  reviewCandidate: route(candidate.reviewCandidate, reviewCandidateUseCase),
  withdrawCandidate: route(candidate.withdrawCandidate, withdrawCandidateUseCase),
  publishCandidates: route(candidate.publishCandidates, publishCandidatesUseCase),
  enterPaperNomination: route(candidate.enterPaperNomination, enterPaperNominationUseCase),
  listProxies: route(proxyCommittee.listProxies, listProxiesUseCase),
  decideProxy: route(proxyCommittee.decideProxy, decideProxyUseCase),
  publishProxyList: route(proxyCommittee.publishProxyList, publishProxyListUseCase),
  checkIn: route(proxyCommittee.checkIn, checkInUseCase),
  unlockBinding: route(bindingLock.unlockBinding, unlockBindingUseCase),
  revealPhone: route(phone.revealPhone, revealPhoneUseCase),
};
