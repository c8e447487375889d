import { registration } from '../../src/contracts';
import { route, type FunctionRoutes } from '../runtime/dispatch';
import { myRegistration } from '../use-cases/registration/my-registration.use-case';

export const registrationRoutes: FunctionRoutes = {
  mine: route(registration.mine, myRegistration),
};
