import { route, type FunctionRoutes } from '../runtime/dispatch';
import { lazyRoute } from './lazy-route';

// Contract and use-case modules are required on an action's first call (lazy-route.ts): a cold
// start builds the schemas and evaluates the code of the one action it serves.
const contracts = {
  registration: () => require('../../src/contracts/registration.contract') as typeof import('../../src/contracts/registration.contract'),
  objection: () => require('../../src/contracts/objection.contract') as typeof import('../../src/contracts/objection.contract'),
};

export const registrationRoutes: FunctionRoutes = {
  mine: lazyRoute(() => route(contracts.registration().mine, (require('../use-cases/registration/my-registration.use-case') as typeof import('../use-cases/registration/my-registration.use-case')).myRegistrationUseCase)),
  fileObjection: lazyRoute(() => route(contracts.objection().fileObjection, (require('../use-cases/objections/file-objection.use-case') as typeof import('../use-cases/objections/file-objection.use-case')).fileObjectionUseCase)),
  myObjections: lazyRoute(() => route(contracts.objection().myObjections, (require('../use-cases/objections/my-objections.use-case') as typeof import('../use-cases/objections/my-objections.use-case')).myObjectionsUseCase)),
  confirm: lazyRoute(() => route(contracts.registration().confirm, (require('../use-cases/roll/confirm-registration.use-case') as typeof import('../use-cases/roll/confirm-registration.use-case')).confirmRegistrationUseCase)),
  declareParticipation: lazyRoute(() => route(contracts.registration().declareParticipation, (require('../use-cases/roll/declare-participation.use-case') as typeof import('../use-cases/roll/declare-participation.use-case')).declareParticipationUseCase)),
  applyResidence: lazyRoute(() => route(contracts.registration().applyResidence, (require('../use-cases/roll/apply-residence.use-case') as typeof import('../use-cases/roll/apply-residence.use-case')).applyResidenceUseCase)),
};
