import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { electionSummarySchema, idNumberInputSchema, idSchema, memberRoleSchema, personNameSchema } from './common.schema';
import { askedElectionSchema, bindingCodeSchema, roleSchema, voterViewSchema } from './voter.schema';
import { ID_REASONS } from '../domain/id-number';

/** 身份 — who the caller is, from the WeChat context only. */
export const whoami = defineAction({
  fn: 'identity',
  action: 'whoami',
  who: 'anyone',
  summary: '我是谁：角色、已绑定的选民（脱敏）、相关的选举；带选举编号（二维码里的）时，还给出这次选举所在村和村民小组',
  /** electionId: the election of the poster's QR code or link, asking for its village's 村民小组 (a caller not yet bound picks the group in a form). */
  input: z.strictObject({ electionId: z.optional(idSchema) }),
  output: z.object({
    roles: z.array(roleSchema),
    voter: z.nullable(voterViewSchema),
    committeeOf: z.array(z.object({ villageId: z.string(), villageName: z.string() })),
    elections: z.array(electionSummarySchema),
    bindLockedUntil: z.nullable(z.string()),
    /** The election asked by `electionId`: its village and groups, names only; null when none was asked or no such election exists. */
    askedElection: z.nullable(askedElectionSchema),
  }),
  errors: { INVALID_INPUT: [], INTERNAL: [] },
});

export const bind = defineAction({
  fn: 'identity',
  action: 'bind',
  mutates: true,
  who: 'anyone',
  summary: '绑定选民身份：姓名 + 身份证号码 + 告知书上的绑定码；多次失败会锁定',
  input: z.strictObject({
      name: personNameSchema,
      idNumber: idNumberInputSchema,
      bindingCode: bindingCodeSchema,
      /** 个人信息保护法 Art. 29: separate consent for sensitive personal information. */
      consent: z.literal(true, { error: '请先阅读并同意个人信息处理说明' }),
    }),
  output: z.object({ voter: voterViewSchema, election: electionSummarySchema }),
  errors: {
    INVALID_INPUT: [...ID_REASONS],
    UNAUTHENTICATED: ['NO_OPENID'],
    NOT_FOUND: ['BIND_MISMATCH'],
    CONFLICT: ['ALREADY_BOUND', 'VOTER_TAKEN'],
    /** BIND_LOCKED: this WeChat user, for a while; ENTRY_LOCKED: this ID number, until the committee unlocks it. */
    RATE_LIMITED: ['BIND_LOCKED', 'ENTRY_LOCKED'],
  },
});

export const unbind = defineAction({
  fn: 'identity',
  action: 'unbind',
  mutates: true,
  who: 'voter',
  summary: '解除绑定',
  input: z.strictObject({}),
  output: z.object({ unbound: z.literal(true) }),
  errors: { UNAUTHENTICATED: ['NOT_BOUND'] },
});

export const redeemInvite = defineAction({
  fn: 'identity',
  action: 'redeemInvite',
  mutates: true,
  who: 'anyone',
  summary: '使用乡镇发放的邀请码，成为村（居）民选举委员会成员',
  input: z.strictObject({
      code: z.pipe(z.pipe(z
        .string({ error: '请填写邀请码' }).check(z.trim(), z.maxLength(32, { error: '邀请码是10位字母和数字' })), z.transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))), z.string().check(z.regex(/^[A-Z2-9]{10}$/, { error: '邀请码是10位字母和数字' }))),
    }),
  output: z.object({
    villageId: z.string(),
    villageName: z.string(),
    role: z.literal('committee'),
    /** The seat: 主任 / 委员 / 办事员, as the township chose. */
    memberRole: memberRoleSchema,
    /** The election served, when the village has one; otherwise bound when it is created. */
    termElectionId: z.nullable(z.string()),
  }),
  errors: {
    UNAUTHENTICATED: ['NO_OPENID'],
    NOT_FOUND: ['INVITE_INVALID'],
    CONFLICT: ['INVITE_USED', 'ALREADY_MEMBER'],
    WINDOW_CLOSED: ['INVITE_EXPIRED'],
    /** INVITE_TRIES: this WeChat user tried too many wrong codes, for a while; INVITE_LOCKED: this invitation got too many wrong guesses and is void. */
    RATE_LIMITED: ['INVITE_TRIES', 'INVITE_LOCKED'],
  },
});

/** An Ed25519 public key of the deployment: SPKI PEM, by the key id that signatures name. */
export const publicKeySchema = z.object({
  keyId: z.string(),
  /** The key that signs now (false: a retired key, kept so what it signed still verifies). */
  current: z.boolean(),
  pem: z.string(),
});

/** 公钥 — what anyone needs to check the deployment's signatures (audit checkpoints, receipts). */
export const publicKeys = defineAction({
  fn: 'identity',
  action: 'publicKeys',
  who: 'anyone',
  summary: '本系统的签名公钥（当前的和已更换的），按密钥编号：用来核对公告上的存证和回执的签名',
  input: z.strictObject({}),
  output: z.object({ currentKeyId: z.string(), keys: z.array(publicKeySchema) }),
  errors: { INTERNAL: [] },
});
