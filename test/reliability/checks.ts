/** The checks in the order they run; `pii` last, because it reads what the others left behind. */
import type { CheckResult, Profile } from './profile';
import type { PiiLedger } from './pii-scan';
import { fuzzCheck } from './fuzz.check';
import { authorizationCheck } from './authorization.check';
import { tamperCheck } from './tamper.check';
import { crashCheck } from './crash.check';
import { piiCheck } from './pii.check';
import { oracleCheck } from './oracle.check';
import { deadlinesCheck } from './deadlines.check';
import { httpCheck } from './http.check';

export interface Check {
  readonly name: string;
  run(profile: Profile, ledger: PiiLedger): Promise<CheckResult>;
}

export const CHECKS: readonly Check[] = [
  { name: 'fuzz', run: fuzzCheck },
  { name: 'authorization', run: authorizationCheck },
  { name: 'tamper', run: tamperCheck },
  { name: 'crash', run: crashCheck },
  { name: 'http', run: httpCheck },
  { name: 'deadlines', run: deadlinesCheck },
  { name: 'oracle', run: oracleCheck },
  { name: 'pii', run: piiCheck },
];
