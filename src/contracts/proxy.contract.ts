import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { idSchema, refuseUnsafeCharacters, requiredText } from './common.schema';
import { proxyViewSchema, relationSchema } from './proxy.schema';
import { signatureInputSchema } from './signature.schema';

export { proxyStatusSchema, proxyViewSchema, relationSchema, type ProxyStatus, type ProxyView } from './proxy.schema';

/** 委托投票 — the villagers' proxy actions (RULES.md §4). */

const electionIdSchema = requiredText('缺少选举编号', 64, '选举编号不对');

export const request = defineAction({
  fn: 'proxies',
  action: 'request',
  who: 'voter',
  mutates: true,
  summary: '外出选民书面委托一位本村近亲属代为投票（本人手写签名）',
  input: z.strictObject({
      electionId: z.optional(electionIdSchema),
      proxyVoterId: idSchema,
      relation: relationSchema,
      awayPlace: z.string({ error: '请填写选举日您在哪里' }).check(z.trim(), z.minLength(2, { error: '请填写选举日您在哪里，如“广东深圳”' }), z.maxLength(40, { error: '地点不超过40字' })),
      signature: signatureInputSchema,
    }),
  output: z.object({ authorization: proxyViewSchema }),
  errors: {
    UNAUTHENTICATED: ['NOT_BOUND'],
    NOT_ELIGIBLE: ['NO_PROXIES', 'PRINCIPAL_NOT_REGISTERED', 'PROXY_NOT_REGISTERED', 'PROXY_OTHER_VILLAGE', 'PROXY_IS_SELF', 'NOT_NEAR_RELATIVE', 'PROXY_IS_CANDIDATE'],
    CONFLICT: ['ALREADY_AUTHORIZED'],
    LIMIT_EXCEEDED: ['PROXY_LIMIT'],
    WINDOW_CLOSED: ['DEADLINE_PASSED', 'LIST_NOT_PUBLISHED'],
  },
});

export const revoke = defineAction({
  fn: 'proxies',
  action: 'revoke',
  who: 'voter',
  mutates: true,
  summary: '委托人在截止前撤销委托',
  input: z.strictObject({ electionId: z.optional(electionIdSchema), id: idSchema }),
  output: z.object({ authorization: proxyViewSchema }),
  errors: { UNAUTHENTICATED: ['NOT_BOUND'], NOT_FOUND: ['NO_SUCH_AUTHORIZATION'], CONFLICT: ['NOT_ACTIVE'], WINDOW_CLOSED: ['DEADLINE_PASSED'] },
});

export const incoming = defineAction({
  fn: 'proxies',
  action: 'incoming',
  who: 'voter',
  summary: '受托人：别人请我代为投票的委托，以及我已接受几人（上限）',
  input: z.strictObject({ electionId: z.optional(electionIdSchema) }),
  output: z.object({ requests: z.array(proxyViewSchema), holds: z.int(), max: z.int() }),
  errors: { UNAUTHENTICATED: ['NOT_BOUND'] },
});

export const respond = defineAction({
  fn: 'proxies',
  action: 'respond',
  who: 'voter',
  mutates: true,
  summary: '受托人接受（签名）或拒绝委托；结果推送给委托人',
  input: z.strictObject({
      electionId: z.optional(electionIdSchema),
      id: idSchema,
      accept: z.boolean(),
      signature: z.optional(signatureInputSchema),
      reason: z.optional(refuseUnsafeCharacters(z.string().check(z.trim(), z.maxLength(100)), '理由')),
    }).check(z.refine((v) => !v.accept || v.signature !== undefined, { error: '接受委托需要您本人签名', path: ['signature'] })),
  output: z.object({ authorization: proxyViewSchema, holds: z.int(), max: z.int() }),
  errors: {
    UNAUTHENTICATED: ['NOT_BOUND'],
    NOT_FOUND: ['NO_SUCH_AUTHORIZATION'],
    CONFLICT: ['NOT_PENDING'],
    LIMIT_EXCEEDED: ['PROXY_LIMIT'],
    NOT_ELIGIBLE: ['PROXY_IS_CANDIDATE', 'PROXY_NOT_REGISTERED', 'PRINCIPAL_NOT_REGISTERED'],
    WINDOW_CLOSED: ['DEADLINE_PASSED'],
  },
});

export const mine = defineAction({
  fn: 'proxies',
  action: 'mine',
  who: 'voter',
  summary: '我的委托：状态（待受托人确认 → 待选举委员会审核 → 已批准/已驳回）、委托投票证',
  input: z.strictObject({ electionId: z.optional(electionIdSchema) }),
  output: z.object({ authorizations: z.array(proxyViewSchema), allowed: z.boolean(), deadline: z.string(), maxPerProxy: z.int() }),
  errors: { UNAUTHENTICATED: ['NOT_BOUND'] },
});
