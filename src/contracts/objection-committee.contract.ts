import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { civilDateSchema, COMMITTEE_REFUSALS, electionSummarySchema, idNumberInputSchema, idSchema, personNameSchema, requiredText, voterStatusSchema } from './common.schema';
import { noticeViewSchema } from './notice.schema';
import { ID_REASONS, electionIdSchema, groupNameSchema, objectionFiguresSchema, queuedObjectionViewSchema, writtenText } from './objection.schema';

/** 选民名单公布和申诉处理 — the committee's side: publish the list, the objection queue, written decisions (RULES.md §1). */

/** 公布选民名单 — freeze the registered voters and publish the 选民名单公告. */
export const publishVoterList = defineAction({
  fn: 'committee',
  action: 'publishVoterList',
  mutates: true,
  who: 'committee',
  summary: '公布选民名单：冻结当时已登记的选民（只公布姓名和村民小组），生成选民名单公告，开始计算申诉期限',
  input: z.strictObject({ electionId: electionIdSchema }),
  output: z.object({
    notice: noticeViewSchema,
    publishedOn: civilDateSchema,
    count: z.int(),
    objections: z.object({ filingLastDay: civilDateSchema, filingDeadline: z.string(), rule: z.string() }),
    /** Set when the list goes out with only the statutory minimum margin before election day. */
    warning: z.nullable(z.string()),
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

export const listObjections = defineAction({
  fn: 'committee',
  action: 'listObjections',
  who: 'committee',
  summary: '申诉处理队列：每件申诉的法定处理期限、剩余天数和是否超期',
  input: z.strictObject({
      electionId: electionIdSchema,
      status: z.optional(z.enum(['open', 'decided', 'upheld', 'rejected', 'overdue'], { error: '状态只能是待处理、已处理、成立、不成立或超期' })),
    }),
  output: z.object({ objections: z.array(queuedObjectionViewSchema), figures: objectionFiguresSchema, today: civilDateSchema }),
  errors: { UNAUTHENTICATED: ['NO_OPENID'], FORBIDDEN: COMMITTEE_REFUSALS, NOT_FOUND: ['ELECTION_UNKNOWN'] },
});

const minutesRefSchema = requiredText('请填写会议记录编号', 60, '会议记录编号太长了');

/** Category B: the person told the committee themselves (本人表示参加选举), in person or by phone. */
const declarationRecordSchema = z.strictObject({
    channel: z.enum(['inPerson', 'phone'], { error: '请选择本人是当面还是电话表示的' }),
    declaredOn: civilDateSchema,
  });

/** Category C: the 村民会议/村民代表会议 approval; `residenceSince` fills a missing residence start. */
const meetingRecordSchema = z.strictObject({
    meeting: z.enum(['villagerMeeting', 'representativeMeeting'], { error: '请选择村民会议或村民代表会议' }),
    meetingDate: civilDateSchema,
    minutesRef: minutesRefSchema,
    residenceSince: z.optional(civilDateSchema),
  });

/**
 * The records that put a person of category B or C on the list (RULES.md §1): B needs the
 * person's own declaration — an objection filed by the person is one, otherwise `declaration`;
 * C needs the meeting's approval (`residence`).
 */
const registrationRecordFields = {
  declaration: z.optional(declarationRecordSchema),
  residence: z.optional(meetingRecordSchema),
};

const listChangeInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
        kind: z.literal('addVoter'),
        name: personNameSchema,
        /** Collected by the committee from the person's ID card; stored only as its keyed hash. */
        idNumber: idNumberInputSchema,
        group: groupNameSchema,
        category: z.enum(['A', 'B', 'C'], { error: '请选择登记类别：A、B 或 C' }),
        ...registrationRecordFields,
      }),
    z.strictObject({
        /** 补办登记: an entry still pending at publication (B not declared, C not decided), or flagged off, goes on the list with its record. */
        kind: z.literal('registerVoter'),
        /** Defaults to the entry the objection is about. */
        voterId: z.optional(idSchema),
        ...registrationRecordFields,
      }),
    z.strictObject({
        kind: z.literal('reinstateVoter'),
        /** The flagged entry to put back; defaults to the entry the objection is about. */
        voterId: z.optional(idSchema),
      }),
    z.strictObject({
        kind: z.literal('removeVoter'),
        status: z.enum(['deprived', 'deceased', 'movedAway', 'unableToExercise'], { error: '请选择除名原因：被剥夺政治权利、去世、迁出或无法行使选举权' }),
      }),
    z.strictObject({
        kind: z.literal('correctDetails'),
        name: z.optional(personNameSchema),
        group: z.optional(groupNameSchema),
        idNumber: z.optional(idNumberInputSchema),
        category: z.optional(z.enum(['A', 'B'], { error: '户籍不在本村的村民须申请登记并经村民会议同意，请选择A类或B类' })),
      }).check(z.refine((c) => c.name !== undefined || c.group !== undefined || c.idNumber !== undefined || c.category !== undefined, {
        error: '请填写要更正的内容',
        path: ['name'],
      })),
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
  input: z.strictObject({
      electionId: electionIdSchema,
      objectionId: idSchema,
      decision: z.enum(['upheld', 'rejected'], { error: '请选择申诉成立或不成立' }),
      reason: writtenText(5, 500, '处理理由'),
      change: z.optional(listChangeInput),
    }),
  output: z.object({
    objection: queuedObjectionViewSchema,
    notice: noticeViewSchema,
    /** The push to the objector: sent, failed (recorded, see the delivery), noConsent (the objector has no subscribe consent left: nothing sent), or skipped (already sent). */
    delivery: z.object({ id: z.string(), status: z.enum(['sent', 'failed', 'noConsent', 'skipped']) }),
    /** A person added to the list: the binding code for their 选民登记告知书 (shown once). */
    newVoter: z.nullable(z.object({ voterId: z.string(), name: z.string(), group: z.string(), birthDate: civilDateSchema, status: voterStatusSchema, bindingCode: z.string() })),
    warning: z.nullable(z.string()),
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
