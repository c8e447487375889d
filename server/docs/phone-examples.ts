/**
 * The executed example of committee.revealPhone for docs/api.md: the clerk dials 张建军 from the
 * call list (his number came with the roll import, sealed; the list shows it masked). The number
 * is a made-up placeholder.
 */
import type { Step } from './example-state';

/** The phone column of 张建军's row in the roll import example. */
export const EXAMPLE_PHONE = '199 1234 5678';

export const PHONE_STEPS: Step[] = [
  { fn: 'committee', caller: 'clerk', event: (s) => ({ action: 'revealPhone', electionId: s.electionId, voterId: s.roll['张建军']?.voterId }) },
];
