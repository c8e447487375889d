import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { idSchema, refuseUnsafeCharacters, requiredText } from './common.schema';
import { nomineeViewSchema } from './nominee.schema';
import { proxyStatusSchema, proxyViewSchema } from './proxy.schema';

/** The committee's side of proxy voting: queue, decision, published list, election-day check-in. */

const electionIdSchema = requiredText('缺少选举编号', 64, '选举编号不对');

export const listProxies = defineAction({
  fn: 'committee',
  action: 'listProxies',
  who: 'committee',
  summary: '委托投票审核队列：关系、外出地点、双方签名（限时链接），以及统计',
  input: z.strictObject({ electionId: electionIdSchema, status: z.optional(proxyStatusSchema), skip: z.optional(z.int().check(z.gte(0))), limit: z.optional(z.int().check(z.gte(1), z.lte(100))) }),
  output: z.object({
    items: z.array(z.extend(proxyViewSchema, { principalSignatureUrl: z.nullable(z.string()), proxySignatureUrl: z.nullable(z.string()) })),
    total: z.int(),
    figures: z.object({ principals: z.int(), proxies: z.int(), approved: z.int(), rejected: z.int(), revoked: z.int(), used: z.int(), rejectedByReason: z.record(z.string(), z.int()) }),
  }),
  errors: { FORBIDDEN: ['NOT_COMMITTEE', 'MEMBER_REVOKED'], NOT_FOUND: ['ELECTION_UNKNOWN'] },
});

export const decideProxy = defineAction({
  fn: 'committee',
  action: 'decideProxy',
  who: 'committee',
  mutates: true,
  summary: '批准（签发委托投票证）或驳回委托，驳回写明理由',
  input: z.strictObject({ electionId: electionIdSchema, id: idSchema, approve: z.boolean(), reason: z.optional(refuseUnsafeCharacters(z.string().check(z.trim(), z.maxLength(200)), '理由')) }).check(z.refine((v) => v.approve || (v.reason !== undefined && v.reason.length >= 2), { error: '驳回请写明理由', path: ['reason'] })),
  output: z.object({ authorization: proxyViewSchema }),
  errors: {
    FORBIDDEN: ['NOT_COMMITTEE', 'MEMBER_REVOKED'],
    NOT_FOUND: ['ELECTION_UNKNOWN', 'NO_SUCH_AUTHORIZATION'],
    CONFLICT: ['NOT_ACCEPTED'],
    WINDOW_CLOSED: ['DEADLINE_PASSED'],
    NOT_ELIGIBLE: ['PROXY_IS_CANDIDATE', 'PRINCIPAL_NOT_REGISTERED', 'PROXY_NOT_REGISTERED'],
  },
});

export const publishProxyList = defineAction({
  fn: 'committee',
  action: 'publishProxyList',
  who: 'committee',
  mutates: true,
  summary: '公布委托投票名单（委托人、受托人，只有姓名和小组），生成委托投票公告',
  input: z.strictObject({ electionId: electionIdSchema }),
  output: z.object({ publishedAt: z.string(), version: z.int(), rows: z.array(z.object({ principal: z.object({ name: z.string(), group: z.string() }), proxy: z.object({ name: z.string(), group: z.string() }) })) }),
  errors: { FORBIDDEN: ['NOT_COMMITTEE', 'MEMBER_REVOKED'], NOT_FOUND: ['ELECTION_UNKNOWN'], WINDOW_CLOSED: ['ELECTION_DAY_REACHED'], CONFLICT: ['PENDING_DECISIONS', 'UNCHANGED'] },
});

export const checkIn = defineAction({
  fn: 'committee',
  action: 'checkIn',
  who: 'committee',
  mutates: true,
  summary: '选举日登记：本人到场投票（其委托作废），或受托人凭委托投票证（扫码，或输入证上编号）代领选票（只能一次）',
  input: z.strictObject({
      electionId: electionIdSchema,
      kind: z.enum(['inPerson', 'proxyBallot']),
      voterId: z.optional(idSchema),
      /** The scanned QR payload, or the number printed on the certificate (W007; `w7` and `7` too). */
      certificate: z.optional(z.string().check(z.trim(), z.maxLength(400))),
    }).check(z.refine((v) => (v.kind === 'inPerson' ? v.voterId !== undefined : v.certificate !== undefined || v.voterId !== undefined), { error: '请选择选民或扫描委托投票证' })),
  output: z.object({ outcome: z.enum(['recorded', 'proxyVoided', 'ballotIssued']), message: z.string(), voter: nomineeViewSchema, authorization: z.nullable(proxyViewSchema) }),
  errors: {
    FORBIDDEN: ['NOT_COMMITTEE', 'MEMBER_REVOKED'],
    NOT_FOUND: ['ELECTION_UNKNOWN', 'VOTER_UNKNOWN', 'NO_SUCH_CERTIFICATE'],
    CONFLICT: ['ALREADY_USED', 'PRINCIPAL_VOTED_IN_PERSON', 'ALREADY_CHECKED_IN', 'NOT_APPROVED'],
    WINDOW_CLOSED: ['NOT_ELECTION_DAY'],
    INVALID_INPUT: ['BAD_CERTIFICATE'],
  },
});
