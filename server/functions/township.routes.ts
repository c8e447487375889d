import { route, type FunctionRoutes } from '../runtime/dispatch';
import { lazyRoute } from './lazy-route';

// Contract and use-case modules are required on an action's first call (lazy-route.ts): a cold
// start builds the schemas and evaluates the code of the one action it serves.
const contracts = {
  township: () => require('../../src/contracts/township.contract') as typeof import('../../src/contracts/township.contract'),
};

export const townshipRoutes: FunctionRoutes = {
  createVillage: lazyRoute(() => route(contracts.township().createVillage, (require('../use-cases/township/create-village.use-case') as typeof import('../use-cases/township/create-village.use-case')).createVillageUseCase)),
  inviteCommittee: lazyRoute(() => route(contracts.township().inviteCommittee, (require('../use-cases/township/invite-committee.use-case') as typeof import('../use-cases/township/invite-committee.use-case')).inviteCommitteeUseCase)),
  members: lazyRoute(() => route(contracts.township().members, (require('../use-cases/membership/list-members.use-case') as typeof import('../use-cases/membership/list-members.use-case')).listMembersUseCase)),
  revokeMember: lazyRoute(() => route(contracts.township().revokeMember, (require('../use-cases/membership/revoke-member.use-case') as typeof import('../use-cases/membership/revoke-member.use-case')).revokeMemberUseCase)),
  overview: lazyRoute(() => route(contracts.township().overview, (require('../use-cases/objections/township-overview.use-case') as typeof import('../use-cases/objections/township-overview.use-case')).townshipOverviewUseCase)),
  duplicates: lazyRoute(() => route(contracts.township().duplicates, (require('../use-cases/roll/list-duplicates.use-case') as typeof import('../use-cases/roll/list-duplicates.use-case')).listDuplicatesUseCase)),
};
