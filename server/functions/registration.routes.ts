import * as registration from '../../src/contracts/registration.contract';
import { route, type FunctionRoutes } from '../runtime/dispatch';
import { myRegistrationUseCase } from '../use-cases/registration/my-registration.use-case';
import * as objection from '../../src/contracts/objection.contract';
import { fileObjectionUseCase } from '../use-cases/objections/file-objection.use-case';
import { myObjectionsUseCase } from '../use-cases/objections/my-objections.use-case';
import { applyResidenceUseCase } from '../use-cases/roll/apply-residence.use-case';
import { confirmRegistrationUseCase } from '../use-cases/roll/confirm-registration.use-case';
import { declareParticipationUseCase } from '../use-cases/roll/declare-participation.use-case';

export const registrationRoutes: FunctionRoutes = {
  mine: route(registration.mine, myRegistrationUseCase),
  fileObjection: route(objection.fileObjection, fileObjectionUseCase),
  myObjections: route(objection.myObjections, myObjectionsUseCase),
  confirm: route(registration.confirm, confirmRegistrationUseCase),
  declareParticipation: route(registration.declareParticipation, declareParticipationUseCase),
  applyResidence: route(registration.applyResidence, applyResidenceUseCase),
};
