import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { COMMITTEE_REFUSALS, requiredText } from './common.schema';

const idField = (missing: string) => requiredText(missing, 64, '编号不对');

/**
 * 解除绑定锁定 — an entry locked by too many wrong binding tries (identity.bind ENTRY_LOCKED) is
 * released by the committee, after it has checked the person (ID card in hand). The entry's
 * count starts again; it stays unbound until its owner binds.
 */
export const unlockBinding = defineAction({
  fn: 'committee',
  action: 'unlockBinding',
  mutates: true,
  who: 'committee',
  summary: '解除一条登记的绑定锁定（多次输错绑定码后锁定；核实本人后解锁），记入审计日志',
  input: z.strictObject({ electionId: idField('缺少选举编号'), voterId: idField('缺少选民编号') }),
  output: z.object({ voterId: z.string(), name: z.string(), group: z.string(), unlocked: z.literal(true) }),
  errors: {
    UNAUTHENTICATED: ['NO_OPENID'],
    FORBIDDEN: COMMITTEE_REFUSALS,
    NOT_FOUND: ['ELECTION_UNKNOWN', 'VOTER_UNKNOWN'],
    CONFLICT: ['NOT_LOCKED'],
  },
});
