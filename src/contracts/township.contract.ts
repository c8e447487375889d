import * as z from 'zod';
import { defineAction } from './define-action';
import { civilDateSchema, electionKindSchema, idInput, memberRoleSchema } from './common.schema';
import { objectionFiguresSchema } from './objection.schema';

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
      presetId: z.string({ error: '请选择适用的选举规则' }).min(1, { error: '请选择适用的选举规则' }).max(64, { error: '没有这套选举规则' }),
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
      villageId: idInput('村（社区）'),
      /** 主任 / 委员 / 办事员; most seats are 委员. */
      role: memberRoleSchema.default('member'),
    })
    .strict(),
  output: z.object({ code: z.string(), villageId: z.string(), role: memberRoleSchema, expiresAt: z.string() }),
  errors: { FORBIDDEN: ['NOT_TOWNSHIP'], NOT_FOUND: ['VILLAGE_UNKNOWN'] },
});

const villageIdInput = idInput('村（社区）');

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

export const duplicateRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  idMasked: z.string(),
  /** The village whose import or application was refused. */
  village: z.object({ id: z.string(), name: z.string() }),
  /** Where the person is registered. */
  registeredIn: z.object({ id: z.string(), name: z.string() }),
  /** What was refused: a roll row, a category C application, a migrant's declaration, a committee act (approval, recorded declaration, restore), an objection's list change. */
  source: z.enum(['import', 'application', 'declaration', 'committee', 'objection']),
  importId: z.string().nullable(),
  fileName: z.string().nullable(),
  row: z.number().int().nullable(),
  firstAt: z.string(),
  lastAt: z.string(),
  attempts: z.number().int(),
  resolvedAt: z.string().nullable(),
});

/** 重复登记 */
export const duplicates = defineAction({
  fn: 'township',
  action: 'duplicates',
  who: 'township',
  summary: '因已在别的村登记而被拒绝的人：哪个村、何时、哪次导入，身份证号码只显示脱敏形式',
  input: z
    .object({
      villageId: z.string({ error: '村编号应为文字' }).trim().min(1, { error: '请选择村（社区）' }).max(64, { error: '村编号不对' }).optional(),
      includeResolved: z.boolean({ error: '应为是或否' }).default(false),
    })
    .strict(),
  output: z.object({ total: z.number().int(), rows: z.array(duplicateRowSchema) }),
  errors: { FORBIDDEN: ['NOT_TOWNSHIP'] },
});

/** 乡镇总览 — every village: election phase, voter counts, list publication, objections (late ones never hidden). */
export const overview = defineAction({
  fn: 'township',
  action: 'overview',
  who: 'township',
  summary: '乡镇总览：每个村（社区）的选举阶段、选民人数、名单是否公布、申诉待处理/已处理/超期',
  input: z.object({}).strict(),
  output: z.object({
    today: civilDateSchema,
    villages: z.array(
      z.object({
        villageId: z.string(),
        villageName: z.string(),
        kind: z.enum(['village', 'community']),
        election: z
          .object({
            id: z.string(),
            title: z.string(),
            electionDay: civilDateSchema,
            phase: z.string(),
            phaseLabel: z.string(),
            next: z.object({ key: z.string(), label: z.string(), deadline: z.string() }).nullable(),
          })
          .nullable(),
        voters: z.object({ onRoll: z.number().int(), registered: z.number().int(), pending: z.number().int() }),
        voterList: z.object({ published: z.boolean(), publishedOn: civilDateSchema.nullable(), noticeId: z.string().nullable(), count: z.number().int().nullable() }),
        objections: objectionFiguresSchema,
      }),
    ),
    totals: z.object({ villages: z.number().int(), registered: z.number().int(), objectionsOpen: z.number().int(), objectionsOverdue: z.number().int() }),
  }),
  errors: { FORBIDDEN: ['NOT_TOWNSHIP'] },
});
