import * as z from 'zod';
import { defineAction } from './define-action';
import { COMMITTEE_REFUSALS, civilDateSchema, electionSummarySchema, idNumberInputSchema, idSchema, personNameSchema, voterCategorySchema, voterStatusSchema } from './common.schema';
import { listChangeKindSchema, noticeTypeSchema, objectionKindSchema, objectionStatusSchema, wrongFieldSchema } from './store-documents.schema';

/**
 * 选民名单公布和申诉 (RULES.md §1): the committee freezes and publishes the voter list, which
 * starts the objection clock; registered voters object; the committee decides each objection in
 * writing inside its statutory window, and every decision is published and pushed.
 */

const ID_REASONS = ['ID_LENGTH', 'ID_CHARS', 'ID_CHECK_DIGIT', 'ID_BIRTH_DATE'] as const;

/** Free text that may be published or kept: refuses anything shaped like an ID or phone number (RULES.md §7). */
function writtenText(min: number, max: number, what: string) {
  return z
    .string({ error: `请填写${what}` })
    .trim()
    .min(min, { error: `${what}至少写${min}个字` })
    .max(max, { error: `${what}不能超过${max}个字` })
    .refine((s) => !/\d{11,}/.test(s.normalize('NFKC').replace(/[\s\-()（）]/g, '')), {
      error: `${what}里请不要写身份证号码或手机号码`,
    });
}

const electionIdSchema = z.string({ error: '请选择选举' }).min(1, { error: '请选择选举' }).max(64, { error: '编号太长' });
const groupNameSchema = z.string({ error: '请选择村民小组' }).trim().min(1, { error: '请选择村民小组' }).max(20, { error: '村民小组名称太长了' });
const listNoSchema = z.number({ error: '序号必须是数字' }).int({ error: '序号必须是整数' }).min(1, { error: '序号从1开始' }).max(100_000, { error: '序号太大了' });

const oneEntry = (v: { voterId?: string | undefined; listNo?: number | undefined }) => (v.voterId === undefined) !== (v.listNo === undefined);
const ONE_ENTRY = { error: '请从选民名单中选择一个人（名单序号或登记编号，只填一个）', path: ['listNo'] };

export const noticeViewSchema = z.object({
  id: z.string(),
  type: noticeTypeSchema,
  typeLabel: z.string(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
  /** The frozen list: how many rows and its SHA-256 (rows are read with the notice, names and groups only). */
  attachment: z.object({ kind: z.string(), count: z.number().int(), hash: z.string() }).nullable(),
  corrects: z.string().nullable(),
});
export type NoticeView = z.infer<typeof noticeViewSchema>;

const decisionViewSchema = z.object({
  outcome: z.enum(['upheld', 'rejected']),
  outcomeLabel: z.string(),
  reason: z.string(),
  decidedAt: z.string(),
  /** Decided after its statutory last day: permanently marked. */
  late: z.boolean(),
  change: z.object({ kind: listChangeKindSchema, label: z.string() }).nullable(),
  noticeId: z.string(),
});

/** An objection as its objector sees it. */
export const myObjectionViewSchema = z.object({
  id: z.string(),
  no: z.number().int(),
  kind: objectionKindSchema,
  kindLabel: z.string(),
  subject: z.object({ name: z.string(), group: z.string() }),
  wrongFields: z.array(wrongFieldSchema),
  details: z.string(),
  filedAt: z.string(),
  receivedOn: civilDateSchema,
  status: objectionStatusSchema,
  statusLabel: z.string(),
  /** Statutory last day for the committee's decision (inclusive), and its exclusive end instant. */
  decisionLastDay: civilDateSchema,
  decisionDeadline: z.string(),
  decision: decisionViewSchema.nullable(),
});
export type MyObjectionView = z.infer<typeof myObjectionViewSchema>;

/** An objection in the committee's queue: with its statutory clock; the ID number only masked. */
export const queuedObjectionViewSchema = myObjectionViewSchema.extend({
  subject: z.object({
    voterId: z.string().nullable(),
    name: z.string(),
    group: z.string(),
    idMasked: z.string().nullable(),
    /** The subject's roll entry as it stands now (pending, flagged…), when the objection names one. */
    entry: z.object({ status: voterStatusSchema, statusLabel: z.string(), category: voterCategorySchema, categoryLabel: z.string() }).nullable(),
  }),
  /** `selfIdentified`: a WeChat user not on the roll who objected that they are missing (voterId null). */
  objector: z.object({ voterId: z.string().nullable(), name: z.string(), group: z.string(), selfIdentified: z.boolean() }),
  /** Filed by the person it is about: for category B, their objection is their declaration (本人表示参加选举). */
  byPerson: z.boolean(),
  clock: z.object({
    /** Asia/Shanghai calendar days to the last day: 0 on the last day, and once decided or overdue. */
    daysLeft: z.number().int(),
    overdue: z.boolean(),
    label: z.string(),
  }),
});
export type QueuedObjectionView = z.infer<typeof queuedObjectionViewSchema>;

export const objectionFiguresSchema = z.object({
  open: z.number().int(),
  decided: z.number().int(),
  /** Undecided past the deadline, plus decided late (a subset of open + decided). */
  overdue: z.number().int(),
});

/** 公布选民名单 — freeze the registered voters and publish the 选民名单公告. */
export const publishVoterList = defineAction({
  fn: 'committee',
  action: 'publishVoterList',
  mutates: true,
  who: 'committee',
  summary: '公布选民名单：冻结当时已登记的选民（只公布姓名和村民小组），生成选民名单公告，开始计算申诉期限',
  input: z.object({ electionId: electionIdSchema }).strict(),
  output: z.object({
    notice: noticeViewSchema,
    publishedOn: civilDateSchema,
    count: z.number().int(),
    objections: z.object({ filingLastDay: civilDateSchema, filingDeadline: z.string(), rule: z.string() }),
    /** Set when the list goes out with only the statutory minimum margin before election day. */
    warning: z.string().nullable(),
    election: electionSummarySchema,
  }),
  errors: {
    UNAUTHENTICATED: ['NO_OPENID'],
    FORBIDDEN: COMMITTEE_REFUSALS,
    NOT_FOUND: ['ELECTION_UNKNOWN'],
    CONFLICT: ['ALREADY_PUBLISHED', 'ELECTION_CLOSED', 'LIST_EMPTY', 'ROLL_CHANGED'],
    WINDOW_CLOSED: ['PUBLICATION_TOO_LATE'],
  },
});

const details = writtenText(5, 300, '申诉理由');

/** A bound voter: someone (else) is missing from the list. */
const missingSomeoneInput = z
  .object({
    kind: z.literal('missingPerson'),
    about: z.literal('someone').optional(),
    name: personNameSchema,
    group: groupNameSchema,
    /** Optional: only its keyed hash and masked form are kept. */
    idNumber: idNumberInputSchema.optional(),
    details,
  })
  .strict();

/**
 * A WeChat user not bound to the roll identifies themself (个人信息保护法 Art. 29: separate
 * consent); the ID number is kept only as its keyed hash and masked form.
 */
const selfIdentitySchema = z
  .object({
    electionId: electionIdSchema,
    name: personNameSchema,
    idNumber: idNumberInputSchema,
    group: groupNameSchema,
    consent: z.literal(true, { error: '请先阅读并同意个人信息处理说明' }),
  })
  .strict();

/**
 * 我自己不在名单上: the caller is the missing person — a bound voter whose own entry is not on the
 * list (pending when it was published, or flagged), or, with `identity`, a WeChat user who is
 * not on the roll at all.
 */
const missingMeInput = z
  .object({
    kind: z.literal('missingPerson'),
    about: z.literal('me'),
    /** Only when not bound to the roll. */
    identity: selfIdentitySchema.optional(),
    details,
  })
  .strict();

const missingPersonInput = z.discriminatedUnion('about', [missingSomeoneInput, missingMeInput], { error: '请选择是本人还是别人没有列入名单' });
const wrongPersonInput = z
  .object({
    kind: z.literal('wrongPerson'),
    /** The entry: its 序号 on the published list, or its registration id. */
    listNo: listNoSchema.optional(),
    voterId: idSchema.optional(),
    details,
  })
  .strict()
  .refine(oneEntry, ONE_ENTRY);
const wrongDetailsInput = z
  .object({
    kind: z.literal('wrongDetails'),
    listNo: listNoSchema.optional(),
    voterId: idSchema.optional(),
    wrongFields: z.array(wrongFieldSchema, { error: '请选择哪一项有误' }).min(1, { error: '请选择哪一项有误' }).max(6),
    details: writtenText(5, 300, '有误的情况'),
  })
  .strict()
  .refine(oneEntry, ONE_ENTRY);

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
    CONFLICT: ['ENTRY_NOT_ON_LIST', 'ALREADY_ON_LIST', 'ALREADY_ON_ROLL', 'ALREADY_BOUND', 'DUPLICATE_OBJECTION'],
    WINDOW_CLOSED: ['LIST_NOT_PUBLISHED', 'OBJECTION_WINDOW_CLOSED'],
    LIMIT_EXCEEDED: ['TOO_MANY_OPEN'],
  },
});

export const myObjections = defineAction({
  fn: 'registration',
  action: 'myObjections',
  who: 'anyone',
  summary: '我的申诉：本微信提出的申诉（包括绑定前就本人提出的）、处理期限、处理结果和理由',
  input: z.object({}).strict(),
  output: z.object({
    objections: z.array(myObjectionViewSchema),
    /** The notice template (setting NOTICE_TEMPLATE_ID) a decision is pushed with; the client asks WeChat for it. */
    subscribeTemplateId: z.string(),
    /** Unspent subscribe consents of this WeChat user: the pushes still owed to them. */
    pushesOwed: z.number().int().min(0),
  }),
  errors: { UNAUTHENTICATED: ['NO_OPENID'] },
});

export const listObjections = defineAction({
  fn: 'committee',
  action: 'listObjections',
  who: 'committee',
  summary: '申诉处理队列：每件申诉的法定处理期限、剩余天数和是否超期',
  input: z
    .object({
      electionId: electionIdSchema,
      status: z.enum(['open', 'decided', 'upheld', 'rejected', 'overdue'], { error: '状态只能是待处理、已处理、成立、不成立或超期' }).optional(),
    })
    .strict(),
  output: z.object({ objections: z.array(queuedObjectionViewSchema), figures: objectionFiguresSchema, today: civilDateSchema }),
  errors: { UNAUTHENTICATED: ['NO_OPENID'], FORBIDDEN: COMMITTEE_REFUSALS, NOT_FOUND: ['ELECTION_UNKNOWN'] },
});

const minutesRefSchema = z.string({ error: '请填写会议记录编号' }).trim().min(1, { error: '请填写会议记录编号' }).max(60, { error: '会议记录编号太长了' });

/** Category B: the person told the committee themselves (本人表示参加选举), in person or by phone. */
const declarationRecordSchema = z
  .object({
    channel: z.enum(['inPerson', 'phone'], { error: '请选择本人是当面还是电话表示的' }),
    declaredOn: civilDateSchema,
  })
  .strict();

/** Category C: the 村民会议/村民代表会议 approval; `residenceSince` fills a missing residence start. */
const meetingRecordSchema = z
  .object({
    meeting: z.enum(['villagerMeeting', 'representativeMeeting'], { error: '请选择村民会议或村民代表会议' }),
    meetingDate: civilDateSchema,
    minutesRef: minutesRefSchema,
    residenceSince: civilDateSchema.optional(),
  })
  .strict();

/**
 * The records that put a person of category B or C on the list (RULES.md §1): B needs the
 * person's own declaration — an objection filed by the person is one, otherwise `declaration`;
 * C needs the meeting's approval (`residence`).
 */
const registrationRecordFields = {
  declaration: declarationRecordSchema.optional(),
  residence: meetingRecordSchema.optional(),
};

const listChangeInput = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('addVoter'),
        name: personNameSchema,
        /** Collected by the committee from the person's ID card; stored only as keyed hash + masked form. */
        idNumber: idNumberInputSchema,
        group: groupNameSchema,
        category: z.enum(['A', 'B', 'C'], { error: '请选择登记类别：A、B 或 C' }),
        ...registrationRecordFields,
      })
      .strict(),
    z
      .object({
        /** 补办登记: an entry still pending at publication (B not declared, C not decided), or flagged off, goes on the list with its record. */
        kind: z.literal('registerVoter'),
        /** Defaults to the entry the objection is about. */
        voterId: idSchema.optional(),
        ...registrationRecordFields,
      })
      .strict(),
    z
      .object({
        kind: z.literal('reinstateVoter'),
        /** The flagged entry to put back; defaults to the entry the objection is about. */
        voterId: idSchema.optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('removeVoter'),
        status: z.enum(['deprived', 'deceased', 'movedAway', 'unableToExercise'], { error: '请选择除名原因：被剥夺政治权利、去世、迁出或无法行使选举权' }),
      })
      .strict(),
    z
      .object({
        kind: z.literal('correctDetails'),
        name: personNameSchema.optional(),
        group: groupNameSchema.optional(),
        idNumber: idNumberInputSchema.optional(),
        category: z.enum(['A', 'B'], { error: '户籍不在本村的村民须申请登记并经村民会议同意，请选择A类或B类' }).optional(),
      })
      .strict()
      .refine((c) => c.name !== undefined || c.group !== undefined || c.idNumber !== undefined || c.category !== undefined, {
        error: '请填写要更正的内容',
        path: ['name'],
      }),
  ],
  { error: '更正方式只能是列入、补办登记、恢复、除名或更正信息' },
);

/** 申诉处理 — decide in writing; an upheld objection changes the list; the result is published and pushed. */
export const decideObjection = defineAction({
  fn: 'committee',
  action: 'decideObjection',
  mutates: true,
  who: 'committee',
  summary: '处理申诉：书面说明理由，申诉成立的同时更正选民名单；处理结果公布并推送给申诉人，超期处理永久标记',
  input: z
    .object({
      electionId: electionIdSchema,
      objectionId: idSchema,
      decision: z.enum(['upheld', 'rejected'], { error: '请选择申诉成立或不成立' }),
      reason: writtenText(5, 500, '处理理由'),
      change: listChangeInput.optional(),
    })
    .strict(),
  output: z.object({
    objection: queuedObjectionViewSchema,
    notice: noticeViewSchema,
    /** The push to the objector: sent, failed (recorded, see the delivery), noConsent (the objector has no subscribe consent left: nothing sent), or skipped (already sent). */
    delivery: z.object({ id: z.string(), status: z.enum(['sent', 'failed', 'noConsent', 'skipped']) }),
    /** A person added to the list: the binding code for their 选民登记告知书 (shown once). */
    newVoter: z.object({ voterId: z.string(), name: z.string(), group: z.string(), idMasked: z.string(), status: voterStatusSchema, bindingCode: z.string() }).nullable(),
    warning: z.string().nullable(),
  }),
  errors: {
    INVALID_INPUT: [
      'CHANGE_REQUIRED',
      'CHANGE_NOT_ALLOWED',
      'GROUP_UNKNOWN',
      'FLAG_NOT_ALLOWED',
      ...ID_REASONS,
      'ID_MISMATCH',
      'DECLARATION_REQUIRED',
      'MEETING_REQUIRED',
      'BAD_DATE',
    ],
    UNAUTHENTICATED: ['NO_OPENID'],
    FORBIDDEN: COMMITTEE_REFUSALS,
    NOT_FOUND: ['ELECTION_UNKNOWN', 'OBJECTION_UNKNOWN', 'ENTRY_UNKNOWN'],
    NOT_ELIGIBLE: ['UNDER_18', 'NO_RESIDENCE_DATE', 'RESIDENCE_TOO_SHORT'],
    CONFLICT: ['ALREADY_DECIDED', 'ENTRY_CHANGED', 'NOT_FLAGGED', 'RECORD_REQUIRED', 'ALREADY_ON_ROLL', 'NOT_HELD', 'DOUBLE_REGISTRATION'],
  },
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
