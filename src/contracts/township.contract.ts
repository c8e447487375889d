import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { civilDateSchema, electionKindSchema, idInput, memberRoleSchema, refuseUnsafeCharacters } from './common.schema';
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
  input: z.strictObject({
      name: z.string({ error: '请填写村（社区）名称' }).check(z.trim(), z.minLength(2, { error: '名称至少两个字' }), z.maxLength(30, { error: '名称太长了' })),
      kind: electionKindSchema,
      presetId: z.string({ error: '请选择适用的选举规则' }).check(z.minLength(1, { error: '请选择适用的选举规则' }), z.maxLength(64, { error: '没有这套选举规则' })),
      groups: z
        .array(z.string().check(z.trim(), z.minLength(1, { error: '小组名称不能为空' }), z.maxLength(20, { error: '小组名称太长了' })), { error: '请填写村民小组' }).check(z.minLength(1, { error: '至少要有一个村民小组' }), z.maxLength(200, { error: '村民小组太多了' }), z.refine((g) => new Set(g).size === g.length, { error: '村民小组名称有重复' })),
    }),
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
  input: z.strictObject({
      villageId: idInput('村（社区）'),
      /** 主任 / 委员 / 办事员; most seats are 委员. */
      role: z._default(memberRoleSchema, 'member'),
    }),
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
  term: z.nullable(z.object({ electionId: z.string(), title: z.string(), ended: z.boolean() })),
  voter: z.nullable(z.object({ name: z.string(), group: z.string() })),
  revoked: z.nullable(z
    .object({ at: z.string(), reason: z.enum(['TOWNSHIP', 'CANDIDATE']), reasonLabel: z.string(), note: z.nullable(z.string()) })),
});
export type CommitteeMemberView = z.infer<typeof committeeMemberViewSchema>;

/** 乡镇 — a village's election-committee members with role, term and status. */
export const members = defineAction({
  fn: 'township',
  action: 'members',
  who: 'township',
  summary: '某村选举委员会成员：职务、任期（服务的选举）、状态、关联的选民（仅姓名和小组）',
  input: z.strictObject({ villageId: villageIdInput }),
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
  input: z.strictObject({
      villageId: villageIdInput,
      memberRef: z.string({ error: '请选择成员' }).check(z.minLength(1, { error: '请选择成员' }), z.maxLength(64, { error: '成员编号不对' })),
      reason: refuseUnsafeCharacters(z.string({ error: '请写明撤销原因' }).check(z.trim(), z.minLength(2, { error: '请写明撤销原因（至少两个字）' }), z.maxLength(200, { error: '原因太长了，请控制在200字以内' })), '撤销原因'),
    }),
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
  /** From the ID number, when known (rows recorded before RULES.md §7's amendment have none). */
  birthDate: z.nullable(civilDateSchema),
  /** The village whose import or application was refused. */
  village: z.object({ id: z.string(), name: z.string() }),
  /** Where the person is registered. */
  registeredIn: z.object({ id: z.string(), name: z.string() }),
  /** What was refused: a roll row, a category C application, a migrant's declaration, a committee act (approval, recorded declaration, restore), an objection's list change. */
  source: z.enum(['import', 'application', 'declaration', 'committee', 'objection']),
  importId: z.nullable(z.string()),
  fileName: z.nullable(z.string()),
  row: z.nullable(z.int()),
  firstAt: z.string(),
  lastAt: z.string(),
  attempts: z.int(),
  resolvedAt: z.nullable(z.string()),
});

/** 重复登记 */
export const duplicates = defineAction({
  fn: 'township',
  action: 'duplicates',
  who: 'township',
  summary: '因已在别的村登记而被拒绝的人：哪个村、何时、哪次导入，身份证号码只显示脱敏形式',
  input: z.strictObject({
      villageId: z.optional(z.string({ error: '村编号应为文字' }).check(z.trim(), z.minLength(1, { error: '请选择村（社区）' }), z.maxLength(64, { error: '村编号不对' }))),
      includeResolved: z._default(z.boolean({ error: '应为是或否' }), false),
    }),
  output: z.object({ total: z.int(), rows: z.array(duplicateRowSchema) }),
  errors: { FORBIDDEN: ['NOT_TOWNSHIP'] },
});

/** 乡镇总览 — every village: election phase, voter counts, list publication, objections (late ones never hidden). */
export const overview = defineAction({
  fn: 'township',
  action: 'overview',
  who: 'township',
  summary: '乡镇总览：每个村（社区）的选举阶段、选民人数、名单是否公布、申诉待处理/已处理/超期',
  input: z.strictObject({}),
  output: z.object({
    today: civilDateSchema,
    villages: z.array(
      z.object({
        villageId: z.string(),
        villageName: z.string(),
        kind: z.enum(['village', 'community']),
        election: z.nullable(z
          .object({
            id: z.string(),
            title: z.string(),
            electionDay: civilDateSchema,
            phase: z.string(),
            phaseLabel: z.string(),
            next: z.nullable(z.object({ key: z.string(), label: z.string(), deadline: z.string() })),
          })),
        voters: z.object({ onRoll: z.int(), registered: z.int(), pending: z.int() }),
        voterList: z.object({ published: z.boolean(), publishedOn: z.nullable(civilDateSchema), noticeId: z.nullable(z.string()), count: z.nullable(z.int()) }),
        objections: objectionFiguresSchema,
      }),
    ),
    totals: z.object({ villages: z.int(), registered: z.int(), objectionsOpen: z.int(), objectionsOverdue: z.int() }),
  }),
  errors: { FORBIDDEN: ['NOT_TOWNSHIP'] },
});
