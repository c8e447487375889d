import * as z from 'zod';
import { defineAction } from './define-action';
import { idSchema } from './common.schema';
import { nomineeViewSchema } from './nomination.contract';
import { signatureInputSchema } from './signature.schema';

/** 委托投票 — the villagers' proxy actions (RULES.md §4). */

const electionIdSchema = z.string({ error: '缺少选举编号' }).trim().min(1, { error: '缺少选举编号' }).max(64, { error: '选举编号不对' });

export const relationSchema = z.enum(['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild', 'parentInLaw', 'childInLaw', 'siblingInLaw'], { error: '请选择您和受托人的关系' });

export const proxyStatusSchema = z.enum(['requested', 'declined', 'accepted', 'approved', 'rejected', 'revoked', 'voided', 'used']);
export type ProxyStatus = z.infer<typeof proxyStatusSchema>;

/** One authorization as its principal or proxy sees it. */
export const proxyViewSchema = z.object({
  id: idSchema,
  status: proxyStatusSchema,
  statusLabel: z.string(),
  principal: nomineeViewSchema,
  proxy: nomineeViewSchema,
  relation: relationSchema,
  relationLabel: z.string(),
  awayPlace: z.string(),
  requestedAt: z.string(),
  answeredAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Why rejected, declined, voided: plain Chinese. */
  reason: z.string().nullable(),
  /** 委托投票证 number once approved. */
  certificateNo: z.string().nullable(),
  /** Text the certificate's QR code encodes (certificate number + signature), once approved. */
  certificateQr: z.string().nullable(),
  deadline: z.string(),
});
export type ProxyView = z.infer<typeof proxyViewSchema>;

export const request = defineAction({
  fn: 'proxies',
  action: 'request',
  who: 'voter',
  mutates: true,
  summary: '外出选民书面委托一位本村近亲属代为投票（本人手写签名）',
  input: z
    .object({
      electionId: electionIdSchema.optional(),
      proxyVoterId: idSchema,
      relation: relationSchema,
      awayPlace: z.string({ error: '请填写选举日您在哪里' }).trim().min(2, { error: '请填写选举日您在哪里，如“广东深圳”' }).max(40, { error: '地点不超过40字' }),
      signature: signatureInputSchema,
    })
    .strict(),
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
  input: z.object({ electionId: electionIdSchema.optional(), id: idSchema }).strict(),
  output: z.object({ authorization: proxyViewSchema }),
  errors: { UNAUTHENTICATED: ['NOT_BOUND'], NOT_FOUND: ['NO_SUCH_AUTHORIZATION'], CONFLICT: ['NOT_ACTIVE'], WINDOW_CLOSED: ['DEADLINE_PASSED'] },
});

export const incoming = defineAction({
  fn: 'proxies',
  action: 'incoming',
  who: 'voter',
  summary: '受托人：别人请我代为投票的委托，以及我已接受几人（上限）',
  input: z.object({ electionId: electionIdSchema.optional() }).strict(),
  output: z.object({ requests: z.array(proxyViewSchema), holds: z.number().int(), max: z.number().int() }),
  errors: { UNAUTHENTICATED: ['NOT_BOUND'] },
});

export const respond = defineAction({
  fn: 'proxies',
  action: 'respond',
  who: 'voter',
  mutates: true,
  summary: '受托人接受（签名）或拒绝委托；结果推送给委托人',
  input: z
    .object({
      electionId: electionIdSchema.optional(),
      id: idSchema,
      accept: z.boolean(),
      signature: signatureInputSchema.optional(),
      reason: z.string().trim().max(100).optional(),
    })
    .strict()
    .refine((v) => !v.accept || v.signature !== undefined, { error: '接受委托需要您本人签名', path: ['signature'] }),
  output: z.object({ authorization: proxyViewSchema, holds: z.number().int(), max: z.number().int() }),
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
  input: z.object({ electionId: electionIdSchema.optional() }).strict(),
  output: z.object({ authorizations: z.array(proxyViewSchema), allowed: z.boolean(), deadline: z.string(), maxPerProxy: z.number().int() }),
  errors: { UNAUTHENTICATED: ['NOT_BOUND'] },
});
