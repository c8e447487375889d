import { z } from 'zod';
import { defineAction } from './define-action';
import { electionKindSchema } from './common.schema';

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
  input: z.object({ villageId: z.string({ error: '请选择村（社区）' }).min(1, { error: '请选择村（社区）' }) }).strict(),
  output: z.object({ code: z.string(), villageId: z.string(), expiresAt: z.string() }),
  errors: { FORBIDDEN: ['NOT_TOWNSHIP'], NOT_FOUND: ['VILLAGE_UNKNOWN'] },
});
