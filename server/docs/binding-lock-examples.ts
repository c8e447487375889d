/**
 * The executed example of committee.unlockBinding for docs/api.md: before 李志强 binds, people
 * who are not him try wrong binding codes at his ID number until the entry locks (identity.bind
 * ENTRY_LOCKED); he shows his ID card to the committee, which unlocks the entry, and he binds.
 */
import { ROUTES } from '../functions/routes';
import { dispatch } from '../runtime/dispatch';
import type { Step } from './example-state';

/** A code that is not 李志强's (the seeded codes never repeat a letter eight times). */
const WRONG_CODE = 'ZZZZZZZZ';

export function unlockBindingStep(name: string, idNumber: string): Step {
  return {
    fn: 'committee',
    caller: 'clerk',
    before: async (app) => {
      for (let i = 0; i < app.settings.bindEntryMaxFailures; i++) {
        const event = { action: 'bind', name, idNumber, bindingCode: WRONG_CODE, consent: true };
        await dispatch('identity', ROUTES.identity!, event, { ...app, openid: `oGuesser${i}`, requestId: 'example' });
      }
    },
    event: (s) => ({ action: 'unlockBinding', electionId: s.electionId, voterId: s.roll[name]?.voterId }),
  };
}
