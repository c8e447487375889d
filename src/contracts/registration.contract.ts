import * as z from 'zod';
import { defineAction } from './define-action';
import { electionSummarySchema, voterViewSchema } from './common.schema';

/** 选民登记 — the caller's own roll entry. */
export const mine = defineAction({
  fn: 'registration',
  action: 'mine',
  who: 'voter',
  summary: '我的登记：本人的选民登记信息（身份证号脱敏）和还需要做的事',
  input: z.object({}).strict(),
  output: z.object({
    voter: voterViewSchema,
    election: electionSummarySchema,
    todo: z.array(z.object({ key: z.string(), label: z.string(), deadline: z.string().nullable() })),
    /** The village's 村民小组 in the village's order: the 申诉 form picks from them (never typed). */
    groups: z.array(z.string()),
  }),
  errors: { UNAUTHENTICATED: ['NOT_BOUND'], NOT_FOUND: ['ELECTION_GONE'] },
});
