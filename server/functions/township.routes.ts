import { township } from '../../src/contracts';
import { route, type FunctionRoutes } from '../runtime/dispatch';
import { createVillageUseCase } from '../use-cases/township/create-village.use-case';
import { inviteCommitteeUseCase } from '../use-cases/township/invite-committee.use-case';

export const townshipRoutes: FunctionRoutes = {
  createVillage: route(township.createVillage, createVillageUseCase),
  inviteCommittee: route(township.inviteCommittee, inviteCommitteeUseCase),
};
