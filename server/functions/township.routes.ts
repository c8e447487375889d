import * as township from '../../src/contracts/township.contract';
import { route, type FunctionRoutes } from '../runtime/dispatch';
import { createVillageUseCase } from '../use-cases/township/create-village.use-case';
import { inviteCommitteeUseCase } from '../use-cases/township/invite-committee.use-case';
import { listMembersUseCase } from '../use-cases/membership/list-members.use-case';
import { revokeMemberUseCase } from '../use-cases/membership/revoke-member.use-case';
import { townshipOverviewUseCase } from '../use-cases/objections/township-overview.use-case';
import { listDuplicatesUseCase } from '../use-cases/roll/list-duplicates.use-case';

export const townshipRoutes: FunctionRoutes = {
  createVillage: route(township.createVillage, createVillageUseCase),
  inviteCommittee: route(township.inviteCommittee, inviteCommitteeUseCase),
  members: route(township.members, listMembersUseCase),
  revokeMember: route(township.revokeMember, revokeMemberUseCase),
  overview: route(township.overview, townshipOverviewUseCase),
  duplicates: route(township.duplicates, listDuplicatesUseCase),
};
