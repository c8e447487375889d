import * as z from 'zod';
import { defineAction } from './define-action';
import { electionKindSchema, memberRoleSchema } from './common.schema';

export const villageViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: electionKindSchema,
  presetId: z.string(),
  groups: z.array(z.string()),
  createdAt: z.string(),
});

/** 乡镇 — create a village (村) or community (社区). */
export const createVillage = defineAction({
  fn: 'township',
  action: 'createVillage',
  mutates: true,
  who: 'township',
  summary: '新建村或社区，指定适用的选举规则',
  input: z
    .object({
      name: z.string({ error: '请填写村（社区）名称' }).trim().min(2, { error: '名称至少两个字' }).max(30, { error: '名称太长了' }),
      kind: electionKindSchema,
      presetId: z.string({ error: '请选择适用的选举规则' }).min(1, { error: '请选择适用的选举规则' }),
      groups: z
        .array(z.string().trim().min(1, { error: '小组名称不能为空' }).max(20, { error: '小组名称太长了' }), { error: '请填写村民小组' })
        .min(1, { error: '至少要有一个村民小组' })
        .max(200, { error: '村民小组太多了' })
        .refine((g) => new Set(g).size === g.length, { error: '村民小组名称有重复' }),
    })
    .strict(),
  output: z.object({ village: villageViewSchema }),
  errors: {
    INVALID_INPUT: [],
    FORBIDDEN: ['NOT_TOWNSHIP'],
    NOT_FOUND: ['PRESET_UNKNOWN'],
    CONFLICT: ['VILLAGE_EXISTS'],
  },
});

export const inviteCommittee = defineAction({
  fn: 'township',
  action: 'inviteCommittee',
  mutates: true,
  secretReply: true,
  who: 'township',
  summary: '为某村选举委员会生成一次性邀请码',
  input: z
    .object({
      villageId: z.string({ error: '请选择村（社区）' }).min(1, { error: '请选择村（社区）' }),
      /** 主任 / 委员 / 办事员; most seats are 委员. */
      role: memberRoleSchema.default('member'),
    })
    .strict(),
  output: z.object({ code: z.string(), villageId: z.string(), role: memberRoleSchema, expiresAt: z.string() }),
  errors: { FORBIDDEN: ['NOT_TOWNSHIP'], NOT_FOUND: ['VILLAGE_UNKNOWN'] },
});

const villageIdInput = z.string({ error: '请选择村（社区）' }).min(1, { error: '请选择村（社区）' });

/** One member as the township sees it: no openid, the linked voter as name and group only. */
export const committeeMemberViewSchema = z.object({
  /** Opaque reference (the member's audit actor id), used to revoke; never the openid. */
  ref: z.string(),
  role: memberRoleSchema,
  roleLabel: z.string(),
  joinedAt: z.string(),
  status: z.enum(['active', 'revoked']),
  /** The election served; null while the village has no election yet (bound when it is created). */
  term: z.object({ electionId: z.string(), title: z.string(), ended: z.boolean() }).nullable(),
  voter: z.object({ name: z.string(), group: z.string() }).nullable(),
  revoked: z
    .object({ at: z.string(), reason: z.enum(['TOWNSHIP', 'CANDIDATE']), reasonLabel: z.string(), note: z.string().nullable() })
    .nullable(),
});
export type CommitteeMemberView = z.infer<typeof committeeMemberViewSchema>;

/** 乡镇 — a village's election-committee members with role, term and status. */
export const members = defineAction({
  fn: 'township',
  action: 'members',
  who: 'township',
  summary: '某村选举委员会成员：职务、任期（服务的选举）、状态、关联的选民（仅姓名和小组）',
  input: z.object({ villageId: villageIdInput }).strict(),
  output: z.object({ village: z.object({ id: z.string(), name: z.string() }), members: z.array(committeeMemberViewSchema) }),
  errors: { FORBIDDEN: ['NOT_TOWNSHIP'], NOT_FOUND: ['VILLAGE_UNKNOWN'] },
});

/** 乡镇 — revoke one member; they are refused from their next call on. */
export const revokeMember = defineAction({
  fn: 'township',
  action: 'revokeMember',
  who: 'township',
  mutates: true,
  summary: '撤销某村一名选举委员会成员（不可恢复，需写明原因；如需继续工作须重新邀请）',
  input: z
    .object({
      villageId: villageIdInput,
      memberRef: z.string({ error: '请选择成员' }).min(1, { error: '请选择成员' }).max(64, { error: '成员编号不对' }),
      reason: z.string({ error: '请写明撤销原因' }).trim().min(2, { error: '请写明撤销原因（至少两个字）' }).max(200, { error: '原因太长了，请控制在200字以内' }),
    })
    .strict(),
  output: z.object({ member: committeeMemberViewSchema }),
  errors: {
    INVALID_INPUT: [],
    FORBIDDEN: ['NOT_TOWNSHIP'],
    NOT_FOUND: ['VILLAGE_UNKNOWN', 'MEMBER_UNKNOWN'],
    CONFLICT: ['MEMBER_ALREADY_REVOKED'],
  },
});
