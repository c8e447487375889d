import { z } from 'zod';
import { defineAction } from './define-action';
import { civilDateSchema, electionSummarySchema, postSchema } from './common.schema';

/** 选举委员会 — set up an election; returns the statutory calendar. */
export const createElection = defineAction({
  fn: 'committee',
  action: 'createElection',
  who: 'committee',
  summary: '创建本届选举：职位和名额、选举日、适用规则；返回法定日程',
  input: z
    .object({
      villageId: z.string({ error: '请选择村（社区）' }).min(1, { error: '请选择村（社区）' }),
      title: z.string().trim().min(2, { error: '标题至少两个字' }).max(40, { error: '标题太长了' }).optional(),
      electionDay: civilDateSchema,
      posts: z
        .array(z.object({ post: postSchema, seats: z.number({ error: '名额必须是数字' }).int({ error: '名额必须是整数' }).min(1, { error: '名额至少为1' }).max(9, { error: '名额太多了' }) }), {
          error: '请填写职位和名额',
        })
        .min(1, { error: '至少要有一个职位' })
        .refine((p) => new Set(p.map((x) => x.post)).size === p.length, { error: '同一职位只能填写一次' }),
      registrationOpensOn: civilDateSchema.optional(),
      nominationOpensOn: civilDateSchema.optional(),
      nominationClosesOn: civilDateSchema.optional(),
    })
    .strict(),
  output: z.object({ election: electionSummarySchema }),
  errors: {
    INVALID_INPUT: ['BAD_DATE', 'BAD_SEATS', 'WINDOW_ORDER'],
    FORBIDDEN: ['NOT_COMMITTEE'],
    NOT_FOUND: ['VILLAGE_UNKNOWN', 'NO_RULE_SET'],
    CONFLICT: ['ELECTION_EXISTS'],
    WINDOW_CLOSED: ['ELECTION_DAY_TOO_SOON'],
  },
});
