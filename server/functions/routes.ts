import type { FunctionName } from '../../src/contracts/define-action';
import type { FunctionRoutes } from '../runtime/dispatch';
import { committeeRoutes } from './committee.routes';
import { identityRoutes } from './identity.routes';
import { noticesRoutes } from './notices.routes';
import { nominationsRoutes } from './nominations.routes';
import { proxiesRoutes } from './proxies.routes';
import { registrationRoutes } from './registration.routes';
import { townshipRoutes } from './township.routes';

/** Every function's routes: the local host serves these; each cloud function wires one. */
export const ROUTES: Partial<Record<FunctionName, FunctionRoutes>> = {
  identity: identityRoutes,
  township: townshipRoutes,
  committee: committeeRoutes,
  registration: registrationRoutes,
  notices: noticesRoutes,
  nominations: nominationsRoutes,
  proxies: proxiesRoutes,
};
