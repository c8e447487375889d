import { route, type FunctionRoutes } from '../runtime/dispatch';
import { lazyRoute } from './lazy-route';

// Contract and use-case modules are required on an action's first call (lazy-route.ts): a cold
// start builds the schemas and evaluates the code of the one action it serves.
const contracts = {
  nomination: () => require('../../src/contracts/nomination.contract') as typeof import('../../src/contracts/nomination.contract'),
};

export const nominationsRoutes: FunctionRoutes = {
  form: lazyRoute(() => route(contracts.nomination().form, (require('../use-cases/nominations/get-nomination-form.use-case') as typeof import('../use-cases/nominations/get-nomination-form.use-case')).getNominationFormUseCase)),
  searchNominees: lazyRoute(() => route(contracts.nomination().searchNominees, (require('../use-cases/nominations/search-nominees.use-case') as typeof import('../use-cases/nominations/search-nominees.use-case')).searchNomineesUseCase)),
  submit: lazyRoute(() => route(contracts.nomination().submit, (require('../use-cases/nominations/submit-nomination.use-case') as typeof import('../use-cases/nominations/submit-nomination.use-case')).submitNominationUseCase)),
  mine: lazyRoute(() => route(contracts.nomination().mine, (require('../use-cases/nominations/my-nomination.use-case') as typeof import('../use-cases/nominations/my-nomination.use-case')).myNominationUseCase)),
  verifyReceipt: lazyRoute(() => route(contracts.nomination().verifyReceipt, (require('../use-cases/nominations/verify-receipt.use-case') as typeof import('../use-cases/nominations/verify-receipt.use-case')).verifyReceiptUseCase)),
};
