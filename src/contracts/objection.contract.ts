import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { idNumberInputSchema, idSchema, personNameSchema } from './common.schema';
import { ID_REASONS, electionIdSchema, groupNameSchema, myObjectionViewSchema, wrongFieldSchema, writtenText } from './objection.schema';

/**
 * 选民名单公布和申诉 (RULES.md §1): the committee freezes and publishes the voter list, which
 * starts the objection clock; registered voters object; the committee decides each objection in
 * writing inside its statutory window, and every decision is published and pushed.
 */

const listNoSchema = z.int({ error: '序号必须是整数' }).check(z.gte(1, { error: '序号从1开始' }), z.lte(100_000, { error: '序号太大了' }));

const oneEntry = (v: { voterId?: string | undefined; listNo?: number | undefined }) => (v.voterId === undefined) !== (v.listNo === undefined);
const ONE_ENTRY = { error: '请从选民名单中选择一个人（名单序号或登记编号，只填一个）', path: ['listNo'] };

const details = writtenText(5, 300, '申诉理由');

/** A bound voter: someone (else) is missing from the list. */
const missingSomeoneInput = z.strictObject({
    kind: z.literal('missingPerson'),
    about: z.optional(z.literal('someone')),
    name: personNameSchema,
    group: groupNameSchema,
    /** Optional: only its keyed hash is kept; the reply never says whether it is on the roll. */
    idNumber: z.optional(idNumberInputSchema),
    details,
  });

/**
 * A WeChat user not bound to the roll identifies themself (个人信息保护法 Art. 29: separate
 * consent); the ID number is kept only as its keyed hash, and the reply never says whether it is on the roll.
 */
const selfIdentitySchema = z.strictObject({
    electionId: electionIdSchema,
    name: personNameSchema,
    idNumber: idNumberInputSchema,
    group: groupNameSchema,
    consent: z.literal(true, { error: '请先阅读并同意个人信息处理说明' }),
  });

/**
 * 我自己不在名单上: the caller is the missing person — a bound voter whose own entry is not on the
 * list (pending when it was published, or flagged), or, with `identity`, a WeChat user who is
 * not on the roll at all.
 */
const missingMeInput = z.strictObject({
    kind: z.literal('missingPerson'),
    about: z.literal('me'),
    /** Only when not bound to the roll. */
    identity: z.optional(selfIdentitySchema),
    details,
  });

const missingPersonInput = z.discriminatedUnion('about', [missingSomeoneInput, missingMeInput], { error: '请选择是本人还是别人没有列入名单' });
const wrongPersonInput = z.strictObject({
    kind: z.literal('wrongPerson'),
    /** The entry: its 序号 on the published list, or its registration id. */
    listNo: z.optional(listNoSchema),
    voterId: z.optional(idSchema),
    details,
  }).check(z.refine(oneEntry, ONE_ENTRY));
const wrongDetailsInput = z.strictObject({
    kind: z.literal('wrongDetails'),
    listNo: z.optional(listNoSchema),
    voterId: z.optional(idSchema),
    wrongFields: z.array(wrongFieldSchema, { error: '请选择哪一项有误' }).check(z.minLength(1, { error: '请选择哪一项有误' }), z.maxLength(6)),
    details: writtenText(5, 300, '有误的情况'),
  }).check(z.refine(oneEntry, ONE_ENTRY));

/**
 * 申诉 — a voter objects about any entry of the published list, or about a missing person; a
 * person left off the list objects about their own entry; a WeChat user not on the roll objects
 * that they themselves are missing (`about: 'me'` with `identity`).
 */
export const fileObjection = defineAction({
  fn: 'registration',
  action: 'fileObjection',
  mutates: true,
  who: 'anyone',
  summary: '对选民名单提出申诉：漏登、错登或登记信息有误，在法定申诉期限内提出；本人没有列入名单的（包括还没有绑定、不在登记里的人），可以就本人提出申诉',
  input: z.discriminatedUnion('kind', [missingPersonInput, wrongPersonInput, wrongDetailsInput], { error: '请选择申诉类型：漏登、错登或信息有误' }),
  output: z.object({ objection: myObjectionViewSchema }),
  errors: {
    INVALID_INPUT: [...ID_REASONS, 'GROUP_UNKNOWN'],
    UNAUTHENTICATED: ['NO_OPENID', 'NOT_BOUND'],
    NOT_FOUND: ['ELECTION_GONE', 'ELECTION_UNKNOWN', 'ENTRY_UNKNOWN'],
    NOT_ELIGIBLE: ['NOT_REGISTERED', 'UNDER_18'],
    /** ALREADY_ON_LIST: only about the caller's own entry (their binding proves the number). */
    CONFLICT: ['ENTRY_NOT_ON_LIST', 'ALREADY_ON_LIST', 'ALREADY_BOUND', 'DUPLICATE_OBJECTION'],
    WINDOW_CLOSED: ['LIST_NOT_PUBLISHED', 'OBJECTION_WINDOW_CLOSED'],
    LIMIT_EXCEEDED: ['TOO_MANY_OPEN'],
  },
});

export const myObjections = defineAction({
  fn: 'registration',
  action: 'myObjections',
  who: 'anyone',
  summary: '我的申诉：本微信提出的申诉（包括绑定前就本人提出的）、处理期限、处理结果和理由',
  input: z.strictObject({}),
  output: z.object({
    objections: z.array(myObjectionViewSchema),
    /** The notice template (setting NOTICE_TEMPLATE_ID) a decision is pushed with; the client asks WeChat for it. */
    subscribeTemplateId: z.string(),
    /** Unspent subscribe consents of this WeChat user: the pushes still owed to them. */
    pushesOwed: z.int().check(z.gte(0)),
  }),
  errors: { UNAUTHENTICATED: ['NO_OPENID'] },
});
