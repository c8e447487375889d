import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { COMMITTEE_REFUSALS, civilDateSchema, safeText, voterCategorySchema } from './common.schema';
import { attachmentRowSchema, deliveryCountsSchema, noticeTypeSchema, noticeViewSchema, pushSummarySchema, rateSchema } from './notice.schema';

/** 公告 — the committee's side: publish typed or free-text notices, 知晓率, reminders (RULES.md §6). */

const electionIdSchema = z.string({ error: '请选择选举' }).check(z.minLength(1, { error: '请选择选举' }), z.maxLength(64, { error: '编号太长' }));
const noticeIdSchema = z.string({ error: '请选择公告' }).check(z.minLength(1, { error: '请选择公告' }), z.maxLength(64, { error: '编号太长' }));

/** Published text: refuses anything shaped like an ID or phone number (RULES.md §7). */
function publicText(min: number, max: number, what: string, multiline = false) {
  return safeText(what, { min, max, multiline });
}

const noticeDraftSchema = z.object({
  type: noticeTypeSchema,
  typeLabel: z.string(),
  title: z.string(),
  body: z.string(),
  attachment: z.nullable(z.object({ kind: z.string(), count: z.int(), hash: z.string(), sample: z.array(attachmentRowSchema) })),
  corrects: z.nullable(z.string()),
});

/** 发布公告 — typed notice generated from the store, or free text; pushes to every voter with a consent left. */
export const publishNotice = defineAction({
  fn: 'committee',
  action: 'publishNotice',
  mutates: true,
  who: 'committee',
  summary: '发布公告：按类型从现有数据生成（附件名单冻结并计算哈希），或自拟一般公告；更正时指向被更正的公告；发布后推送给有订阅次数的选民',
  input: z.strictObject({
      electionId: electionIdSchema,
      type: noticeTypeSchema,
      /** Replaces the generated title (required for free text). */
      title: z.optional(publicText(2, 40, '标题')),
      /** Free text: the whole body; typed notice: added to the generated body (e.g. times and places). */
      body: z.optional(publicText(2, 2000, '正文', true)),
      /** The published notice this one corrects. */
      corrects: z.optional(noticeIdSchema),
      /** Generate and check only: nothing is stored or sent. */
      preview: z.optional(z.boolean({ error: '预览只能是是或否' })),
    }).check(z.refine((v) => v.type !== 'freeText' || (v.title !== undefined && v.body !== undefined), { error: '一般公告请填写标题和正文', path: ['body'] })),
  output: z.object({
    /** Null on preview. */
    notice: z.nullable(noticeViewSchema),
    draft: noticeDraftSchema,
    /** The statutory window of this type: last day (inclusive) and its basis. */
    window: z.object({ lastDay: z.nullable(civilDateSchema), basis: z.string() }),
    /** The push started with the publication (null on preview). */
    push: z.nullable(pushSummarySchema),
    warning: z.nullable(z.string()),
  }),
  errors: {
    INVALID_INPUT: ['TEXT_FIXED', 'TITLE_CLAIMS_TYPE'],
    UNAUTHENTICATED: ['NO_OPENID'],
    FORBIDDEN: COMMITTEE_REFUSALS,
    NOT_FOUND: ['ELECTION_UNKNOWN', 'NOTICE_UNKNOWN'],
    NOT_ELIGIBLE: ['DATA_NOT_READY', 'NOT_APPLICABLE', 'CORRECTION_NOT_ALLOWED'],
    CONFLICT: ['ALREADY_CORRECTED', 'ALREADY_PUBLISHED', 'ELECTION_CLOSED', 'LIST_EMPTY'],
    WINDOW_CLOSED: ['DEADLINE_PASSED', 'NOT_YET_OPEN', 'PUBLICATION_TOO_LATE'],
  },
});

/** One row of the group leader's call list: never an ID number or a clear phone number. */
export const callListEntrySchema = z.object({
  /** The roll entry: committee.revealPhone opens its phone for a call. */
  voterId: z.string(),
  name: z.string(),
  group: z.string(),
  category: voterCategorySchema,
  /** Masked (e.g. 138****1234), or null when none is known. */
  phoneMasked: z.nullable(z.string()),
  /** The phone is kept sealed and committee.revealPhone can dial it; false for a masked-only phone. */
  callable: z.boolean(),
  /**
   * Not bound to WeChat, no consent left, the push was refused, or its outcome is unknown (the
   * worker stopped between claiming and recording; never resent, so a call makes sure).
   */
  why: z.enum(['notBound', 'noConsent', 'pushFailed', 'pushUnknown']),
  whyLabel: z.string(),
});

const noticeStatsDetailSchema = z.object({
  notice: z.extend(noticeViewSchema, { correctedBy: z.nullable(z.string()) }),
  awareness: z.object({
    overall: rateSchema,
    byGroup: z.array(z.extend(rateSchema, { group: z.string() })),
    /** Category B (外出) voters, apart. */
    migrants: rateSchema,
    /** Categories A and C (living in the village). */
    residents: rateSchema,
  }),
  /** Every push of this notice (publication and reminders), by delivery status. */
  deliveries: deliveryCountsSchema,
  jobs: z.array(z.object({ jobId: z.string(), kind: z.enum(['publish', 'remind']), status: z.enum(['preparing', 'running', 'done']), createdAt: z.string(), counts: deliveryCountsSchema })),
  /** Registered voters who have not read: reachable by push (a consent left) or only by a call. */
  unread: z.object({
    total: z.int(),
    /** Bound with a consent left: a reminder push can reach them. */
    withConsent: z.int(),
    /** Not bound, or no consent left: only a call reaches them. */
    callOnly: z.int(),
    /** On the call list of the latest push (callList below): the call-only ones plus those whose push failed or is unknown. */
    onCallList: z.int(),
    /** Unread, and the latest push to them is `unknown` (may not have arrived, never resent): on the call list. */
    pushUnknown: z.int(),
  }),
  /** The call list of the latest push, without pushing again; only when asked for (`callList: true`), else null. */
  callList: z.nullable(z.array(callListEntrySchema)),
});

/** 阅读情况 — 知晓率 per notice, per group, migrants apart; push deliveries by status. */
export const noticeStats = defineAction({
  fn: 'committee',
  action: 'noticeStats',
  who: 'committee',
  summary: '公告阅读情况：知晓率（已读选民/登记选民），分村民小组，外出选民单列；推送送达情况（含情况不明的）；可选返回最近一轮推送后的电话通知名单（不再推送）；不带公告编号时列出全部公告和可发布的公告类型',
  input: z.strictObject({
      electionId: electionIdSchema,
      noticeId: z.optional(noticeIdSchema),
      /** With a notice: also return its call list as of the latest push (the one remindUnread last gave), pushing nothing. */
      callList: z.optional(z.boolean({ error: '电话通知名单只能选要或不要' })),
    }).check(z.refine((v) => !v.callList || v.noticeId !== undefined, { error: '请先选择公告，再获取电话通知名单', path: ['callList'] })),
  output: z.object({
    /** Newest first. */
    notices: z.array(z.extend(noticeViewSchema, { correctedBy: z.nullable(z.string()), awareness: rateSchema })),
    /** For the compose page: which type may be published today, and why not. */
    types: z.array(
      z.object({
        type: noticeTypeSchema,
        label: z.string(),
        allowed: z.boolean(),
        reason: z.nullable(z.string()),
        message: z.nullable(z.string()),
        lastDay: z.nullable(civilDateSchema),
        basis: z.string(),
      }),
    ),
    detail: z.nullable(noticeStatsDetailSchema),
  }),
  errors: { UNAUTHENTICATED: ['NO_OPENID'], FORBIDDEN: COMMITTEE_REFUSALS, NOT_FOUND: ['ELECTION_UNKNOWN', 'NOTICE_UNKNOWN'] },
});

/** 提醒未读 — push again to unread voters with a consent left; a call list for the rest. */
export const remindUnread = defineAction({
  fn: 'committee',
  action: 'remindUnread',
  mutates: true,
  who: 'committee',
  summary: '提醒未读：向还没有阅读、仍有订阅次数的选民再推送一次；其余未读选民（未绑定、没有订阅次数、推送失败或情况不明）生成电话通知名单（姓名、小组、脱敏手机号），交村民小组长逐一通知；名单可以用阅读情况（callList）再次获取，不再推送',
  input: z.strictObject({ electionId: electionIdSchema, noticeId: noticeIdSchema }),
  output: z.object({
    push: pushSummarySchema,
    /** By village group, then 姓氏笔画. */
    callList: z.array(callListEntrySchema),
  }),
  errors: {
    UNAUTHENTICATED: ['NO_OPENID'],
    FORBIDDEN: COMMITTEE_REFUSALS,
    NOT_FOUND: ['ELECTION_UNKNOWN', 'NOTICE_UNKNOWN'],
    CONFLICT: ['PUSH_IN_PROGRESS'],
  },
});
