import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { civilDateSchema, electionSummarySchema, idNumberInputSchema, personNameSchema, requiredText } from './common.schema';
import { voterViewSchema } from './voter.schema';
import { ID_REASONS } from '../domain/id-number';

const electionIdSchema = requiredText('缺少选举编号', 64, '选举编号不对');

/** 选民登记 — the caller's own roll entry. */
export const mine = defineAction({
  fn: 'registration',
  action: 'mine',
  who: 'voter',
  summary: '我的登记：本人的选民登记信息（身份证号脱敏）和还需要做的事',
  input: z.strictObject({}),
  output: z.object({
    voter: voterViewSchema,
    election: electionSummarySchema,
    todo: z.array(z.object({ key: z.string(), label: z.string(), deadline: z.nullable(z.string()) })),
    /** The village's 村民小组 in the village's order: the 申诉 form picks from them (never typed). */
    groups: z.array(z.string()),
  }),
  errors: { UNAUTHENTICATED: ['NOT_BOUND'], NOT_FOUND: ['ELECTION_GONE'] },
});

/** 核对本人登记信息 */
export const confirm = defineAction({
  fn: 'registration',
  action: 'confirm',
  mutates: true,
  who: 'voter',
  summary: '选民核对本人登记信息无误（重复核对也返回成功，alreadyConfirmed 为 true）',
  input: z.strictObject({}),
  output: z.object({ voter: voterViewSchema, confirmedAt: z.string(), alreadyConfirmed: z.boolean() }),
  errors: { UNAUTHENTICATED: ['NO_OPENID', 'NOT_BOUND'], NOT_FOUND: ['ELECTION_GONE'], WINDOW_CLOSED: ['ELECTION_CLOSED'] },
});

/** 外出选民表示参加选举 */
export const declareParticipation = defineAction({
  fn: 'registration',
  action: 'declareParticipation',
  mutates: true,
  who: 'voter',
  summary: '户籍在本村、外出居住的选民（B类）在手机上表示参加本届选举，可填现居住城市；重复表示也返回成功',
  input: z.strictObject({
      livesIn: z.optional(z.string({ error: '现居住地应为文字' }).check(z.trim(), z.minLength(2, { error: '现居住地至少两个字' }), z.maxLength(40, { error: '现居住地不超过40字' }))),
    }),
  output: z.object({ voter: voterViewSchema, declaredOn: civilDateSchema, alreadyDeclared: z.boolean() }),
  errors: {
    UNAUTHENTICATED: ['NO_OPENID', 'NOT_BOUND'],
    NOT_FOUND: ['ELECTION_GONE'],
    NOT_ELIGIBLE: ['NOT_CATEGORY_B', 'FLAGGED'],
    CONFLICT: ['DOUBLE_REGISTRATION'],
    WINDOW_CLOSED: ['LIST_PUBLISHED', 'REGISTRATION_CLOSED', 'ELECTION_CLOSED'],
  },
});

/** 外来居住村民申请参加选举（C类） */
export const applyResidence = defineAction({
  fn: 'registration',
  action: 'applyResidence',
  mutates: true,
  who: 'anyone',
  summary: '户籍不在本村、在本村居住的村民申请参加选举（C类）：登记为待村民会议同意，并绑定本微信；身份证号码由选举委员会核实（已在本村或外村登记的，由委员会处理），回复不因号码而不同',
  input: z.strictObject({
      electionId: electionIdSchema,
      name: personNameSchema,
      idNumber: idNumberInputSchema,
      group: requiredText('请选择村民小组', 40, '小组名称太长了'),
      residenceSince: civilDateSchema,
      /** 个人信息保护法 Art. 29: separate consent for sensitive personal information. */
      consent: z.literal(true, { error: '请先阅读并同意个人信息处理说明' }),
    }),
  output: z.object({ voter: voterViewSchema, election: electionSummarySchema }),
  errors: {
    INVALID_INPUT: [...ID_REASONS, 'UNKNOWN_GROUP', 'BAD_DATE'],
    UNAUTHENTICATED: ['NO_OPENID'],
    NOT_FOUND: ['ELECTION_UNKNOWN'],
    CONFLICT: ['ALREADY_BOUND'],
    /** CLAIM_POLICY.maxApplicationsPerUser applications from this WeChat user in this election. */
    LIMIT_EXCEEDED: ['TOO_MANY_APPLICATIONS'],
    NOT_ELIGIBLE: ['UNDER_18', 'RESIDENCE_TOO_SHORT'],
    WINDOW_CLOSED: ['LIST_PUBLISHED', 'REGISTRATION_CLOSED', 'ELECTION_CLOSED'],
  },
});
