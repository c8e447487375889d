import * as nomination from '../../src/contracts/nomination.contract';
import { route, type FunctionRoutes } from '../runtime/dispatch';
import { getNominationFormUseCase } from '../use-cases/nominations/get-nomination-form.use-case';
import { myNominationUseCase } from '../use-cases/nominations/my-nomination.use-case';
import { searchNomineesUseCase } from '../use-cases/nominations/search-nominees.use-case';
import { submitNominationUseCase } from '../use-cases/nominations/submit-nomination.use-case';
import { verifyReceiptUseCase } from '../use-cases/nominations/verify-receipt.use-case';

export const nominationsRoutes: FunctionRoutes = {
  form: route(nomination.form, getNominationFormUseCase),
  searchNominees: route(nomination.searchNominees, searchNomineesUseCase),
  submit: route(nomination.submit, submitNominationUseCase),
  mine: route(nomination.mine, myNominationUseCase),
  verifyReceipt: route(nomination.verifyReceipt, verifyReceiptUseCase),
};
