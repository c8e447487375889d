import * as z from 'zod';
import { defineAction } from './define-action';
import { COMMITTEE_REFUSALS, civilDateSchema, idSchema, voterCategorySchema } from './common.schema';
import { noticeViewSchema } from './objection.contract';
import { noticeTypeSchema } from './store-documents.schema';

/**
 * 公告 (RULES.md §6): typed notices generated from the data they announce, pushed as WeChat
 * one-time subscribe messages (one message per consent), read receipts and 知晓率
 * (readers / registered voters), and reminders for those who have not read.
 */

/** Mini-program page a subscribe-message card opens: `${NOTICE_DETAIL_PAGE}?id=<noticeId>`. */
export const NOTICE_DETAIL_PAGE = 'pages/notices/detail';

/** Attachment rows per page in notices.get. */
export const NOTICE_PAGE_SIZE = 100;

const electionIdSchema = z.string({ error: '请选择选举' }).min(1, { error: '请选择选举' }).max(64, { error: '编号太长' });
const noticeIdSchema = z.string({ error: '请选择公告' }).min(1, { error: '请选择公告' }).max(64, { error: '编号太长' });

/** Published text: refuses anything shaped like an ID or phone number (RULES.md §7). */
function publicText(min: number, max: number, what: string) {
  return z
    .string({ error: `请填写${what}` })
    .trim()
    .min(min, { error: `${what}至少${min}个字` })
    .max(max, { error: `${what}不能超过${max}个字` })
    .refine((s) => !/\d{11,}/.test(s.normalize('NFKC').replace(/[\s\-()（）]/g, '')), { error: `${what}里请不要写身份证号码或手机号码` });
}

/**
 * A WeChat subscribe-message template id (公众平台 → 订阅消息). Only the deployment's notice
 * template (setting NOTICE_TEMPLATE_ID, given to the client in notices.list) is accepted by
 * notices.subscribe.
 */
export const templateIdSchema = z
  .string({ error: '缺少订阅消息模板' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '订阅消息模板编号不对' });

/** readers / registered; `rate` in [0, 1] (4 places) or null when nobody is registered; `label` like "83.3%". */
export const rateSchema = z.object({
  readers: z.number().int(),
  registered: z.number().int(),
  rate: z.number().min(0).max(1).nullable(),
  label: z.string(),
});
export type RateView = z.infer<typeof rateSchema>;

export const deliveryCountsSchema = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  sending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  noConsent: z.number().int(),
  /** The worker stopped between claiming and recording: never re-sent (at most one message per consent). */
  unknown: z.number().int(),
});
export type DeliveryCounts = z.infer<typeof deliveryCountsSchema>;

/** One push run: every registered voter bound to WeChat gets a delivery; those with a consent left get a message. */
export const pushSummarySchema = z.object({
  jobId: z.string(),
  status: z.enum(['preparing', 'running', 'done']),
  counts: deliveryCountsSchema,
});
export type PushSummary = z.infer<typeof pushSummarySchema>;

/** A notice as a reader sees it: the immutable notice plus who corrected it and whether I read it. */
export const noticeItemSchema = noticeViewSchema.extend({
  /** The later notice that corrects this one, if any (this one stays as published). */
  correctedBy: z.string().nullable(),
  read: z.boolean(),
  readAt: z.string().nullable(),
});
export type NoticeItem = z.infer<typeof noticeItemSchema>;

const attachmentRowSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

const noticeDraftSchema = z.object({
  type: noticeTypeSchema,
  typeLabel: z.string(),
  title: z.string(),
  body: z.string(),
  attachment: z.object({ kind: z.string(), count: z.number().int(), hash: z.string(), sample: z.array(attachmentRowSchema) }).nullable(),
  corrects: z.string().nullable(),
});

/** 发布公告 — typed notice generated from the store, or free text; pushes to every voter with a consent left. */
export const publishNotice = defineAction({
  fn: 'committee',
  action: 'publishNotice',
  mutates: true,
  who: 'committee',
  summary: '发布公告：按类型从现有数据生成（附件名单冻结并计算哈希），或自拟一般公告；更正时指向被更正的公告；发布后推送给有订阅次数的选民',
  input: z
    .object({
      electionId: electionIdSchema,
      type: noticeTypeSchema,
      /** Replaces the generated title (required for free text). */
      title: publicText(2, 40, '标题').optional(),
      /** Free text: the whole body; typed notice: added to the generated body (e.g. times and places). */
      body: publicText(2, 2000, '正文').optional(),
      /** The published notice this one corrects. */
      corrects: noticeIdSchema.optional(),
      /** Generate and check only: nothing is stored or sent. */
      preview: z.boolean({ error: '预览只能是是或否' }).optional(),
    })
    .strict()
    .refine((v) => v.type !== 'freeText' || (v.title !== undefined && v.body !== undefined), { error: '一般公告请填写标题和正文', path: ['body'] }),
  output: z.object({
    /** Null on preview. */
    notice: noticeViewSchema.nullable(),
    draft: noticeDraftSchema,
    /** The statutory window of this type: last day (inclusive) and its basis. */
    window: z.object({ lastDay: civilDateSchema.nullable(), basis: z.string() }),
    /** The push started with the publication (null on preview). */
    push: pushSummarySchema.nullable(),
    warning: z.string().nullable(),
  }),
  errors: {
    INVALID_INPUT: ['TEXT_FIXED'],
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
  name: z.string(),
  group: z.string(),
  category: voterCategorySchema,
  /** As stored: masked at the source (e.g. 138****1234), or null when none is known. */
  phoneMasked: z.string().nullable(),
  /**
   * Not bound to WeChat, no consent left, the push was refused, or its outcome is unknown (the
   * worker stopped between claiming and recording; never resent, so a call makes sure).
   */
  why: z.enum(['notBound', 'noConsent', 'pushFailed', 'pushUnknown']),
  whyLabel: z.string(),
});

const noticeStatsDetailSchema = z.object({
  notice: noticeViewSchema.extend({ correctedBy: z.string().nullable() }),
  awareness: z.object({
    overall: rateSchema,
    byGroup: z.array(rateSchema.extend({ group: z.string() })),
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
    total: z.number().int(),
    /** Bound with a consent left: a reminder push can reach them. */
    withConsent: z.number().int(),
    /** Not bound, or no consent left: only a call reaches them. */
    callOnly: z.number().int(),
    /** On the call list of the latest push (callList below): the call-only ones plus those whose push failed or is unknown. */
    onCallList: z.number().int(),
    /** Unread, and the latest push to them is `unknown` (may not have arrived, never resent): on the call list. */
    pushUnknown: z.number().int(),
  }),
  /** The call list of the latest push, without pushing again; only when asked for (`callList: true`), else null. */
  callList: z.array(callListEntrySchema).nullable(),
});

/** 阅读情况 — 知晓率 per notice, per group, migrants apart; push deliveries by status. */
export const noticeStats = defineAction({
  fn: 'committee',
  action: 'noticeStats',
  who: 'committee',
  summary: '公告阅读情况：知晓率（已读选民/登记选民），分村民小组，外出选民单列；推送送达情况（含情况不明的）；可选返回最近一轮推送后的电话通知名单（不再推送）；不带公告编号时列出全部公告和可发布的公告类型',
  input: z
    .object({
      electionId: electionIdSchema,
      noticeId: noticeIdSchema.optional(),
      /** With a notice: also return its call list as of the latest push (the one remindUnread last gave), pushing nothing. */
      callList: z.boolean({ error: '电话通知名单只能选要或不要' }).optional(),
    })
    .strict()
    .refine((v) => !v.callList || v.noticeId !== undefined, { error: '请先选择公告，再获取电话通知名单', path: ['callList'] }),
  output: z.object({
    /** Newest first. */
    notices: z.array(noticeViewSchema.extend({ correctedBy: z.string().nullable(), awareness: rateSchema })),
    /** For the compose page: which type may be published today, and why not. */
    types: z.array(
      z.object({
        type: noticeTypeSchema,
        label: z.string(),
        allowed: z.boolean(),
        reason: z.string().nullable(),
        message: z.string().nullable(),
        lastDay: civilDateSchema.nullable(),
        basis: z.string(),
      }),
    ),
    detail: noticeStatsDetailSchema.nullable(),
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
  input: z.object({ electionId: electionIdSchema, noticeId: noticeIdSchema }).strict(),
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

/** 公告列表 — the bound voter's election notices, newest first. */
export const list = defineAction({
  fn: 'notices',
  action: 'list',
  who: 'voter',
  summary: '公告列表：本村本届选举的全部公告（新的在前），是否已读、未读条数，还能收到几次推送，以及订阅公告提醒用的消息模板编号',
  input: z.object({}).strict(),
  output: z.object({
    electionId: z.string(),
    notices: z.array(noticeItemSchema),
    unread: z.number().int(),
    /** Unused one-time subscribe consents: how many more pushes this WeChat user can receive. */
    pushesOwed: z.number().int(),
    /** The deployment's notice template (setting NOTICE_TEMPLATE_ID): what the client asks wx.requestSubscribeMessage for. */
    subscribeTemplateId: z.string(),
  }),
  errors: { UNAUTHENTICATED: ['NO_OPENID', 'NOT_BOUND'], NOT_FOUND: ['ELECTION_GONE'] },
});

/**
 * The audit checkpoint a notice was published under, as the reader gets it: the chain position
 * and hash, and the deployment signature anyone can check with identity.publicKeys.
 */
export const noticeCheckpointSchema = z.object({
  /** Number of audit records the chain had (第 N 条记录). */
  seq: z.number().int(),
  /** Full SHA-256 (hex) of the chain at `seq`; the page shows its first 8 digits. */
  hash: z.string(),
  at: z.string(),
  keyId: z.string(),
  signature: z.string(),
});
export type NoticeCheckpoint = z.infer<typeof noticeCheckpointSchema>;

/** 公告详情 — with the frozen list (names and groups only), page by page. */
export const get = defineAction({
  fn: 'notices',
  action: 'get',
  who: 'voter',
  summary: '公告详情：正文和附件名单（只有姓名和村民小组，分页），附件哈希可核对；被更正的公告注明更正公告',
  input: z
    .object({
      noticeId: noticeIdSchema,
      page: z.number({ error: '页码必须是数字' }).int({ error: '页码必须是整数' }).min(1, { error: '页码从1开始' }).max(10_000, { error: '页码太大了' }).optional(),
    })
    .strict(),
  output: z.object({
    notice: noticeItemSchema.extend({ checkpoint: noticeCheckpointSchema.nullable() }),
    attachment: z
      .object({
        kind: z.string(),
        count: z.number().int(),
        hash: z.string(),
        page: z.number().int(),
        pageSize: z.number().int(),
        pages: z.number().int(),
        entries: z.array(attachmentRowSchema),
      })
      .nullable(),
  }),
  errors: { UNAUTHENTICATED: ['NO_OPENID', 'NOT_BOUND'], NOT_FOUND: ['ELECTION_GONE', 'NOTICE_UNKNOWN'] },
});

/** 我已阅读 — one read receipt per voter per notice; repeating it changes nothing. */
export const markRead = defineAction({
  fn: 'notices',
  action: 'markRead',
  mutates: true,
  who: 'voter',
  summary: '我已阅读：记录本人已阅读这份公告（每人每份只记一次，重复点击不变）',
  input: z.object({ noticeId: noticeIdSchema }).strict(),
  output: z.object({ noticeId: z.string(), firstRead: z.boolean(), readAt: z.string(), unread: z.number().int() }),
  errors: { UNAUTHENTICATED: ['NO_OPENID', 'NOT_BOUND'], NOT_FOUND: ['ELECTION_GONE', 'NOTICE_UNKNOWN'] },
});

/**
 * 订阅消息 — record the result of wx.requestSubscribeMessage: each accepted one-time template
 * allows exactly one message later.
 */
export const subscribe = defineAction({
  fn: 'notices',
  action: 'subscribe',
  mutates: true,
  who: 'voter',
  summary: '订阅公告提醒：记录本人在微信里同意接收的一次性订阅消息（每同意一次，可以收到一条推送）；只接受本部署的公告提醒模板（公告列表里给出的编号）',
  input: z
    .object({
      /** Accepted for the client's convenience; the consent belongs to the WeChat user and is filed under the bound election. */
      electionId: idSchema.optional(),
      /** The templates offered in the request (WeChat allows up to 3 at once); each must be the notice template of notices.list. */
      templateIds: z.array(templateIdSchema, { error: '缺少订阅消息模板' }).min(1, { error: '缺少订阅消息模板' }).max(3, { error: '一次最多订阅3种消息' }),
      /** Those the user accepted ('accept' in the wx.requestSubscribeMessage result). */
      accepted: z.array(templateIdSchema, { error: '缺少订阅结果' }).max(3, { error: '一次最多订阅3种消息' }),
    })
    .strict()
    .refine((v) => v.accepted.every((t) => v.templateIds.includes(t)), { error: '同意的模板不在本次请求中', path: ['accepted'] })
    .refine((v) => new Set(v.accepted).size === v.accepted.length, { error: '同一模板只能同意一次', path: ['accepted'] }),
  output: z.object({
    recorded: z.number().int(),
    pushesOwed: z.number().int(),
    templates: z.array(z.object({ templateId: z.string(), unused: z.number().int() })),
  }),
  errors: { INVALID_INPUT: ['TEMPLATE_UNKNOWN'], UNAUTHENTICATED: ['NO_OPENID', 'NOT_BOUND'], NOT_FOUND: ['ELECTION_GONE'] },
});

/**
 * One row of the local host's GET /dev/deliveries (dev mode only; not a cloud-function action):
 * a subscribe message the recording notifier "sent", newest first, for the H5 开发模式 推送记录
 * panel. The recipient is shown as the dev persona, or masked.
 */
export interface DevDeliveryRow {
  readonly at: string;
  /** The dev persona's label (e.g. 村民 张秀兰), else the openid masked (dev-v…ager). */
  readonly recipient: string;
  readonly persona: string | null;
  readonly templateId: string;
  readonly page: string | null;
  /** The template's thing1 (the notice title) when present. */
  readonly title: string | null;
  readonly reminder: boolean;
  readonly outcome: 'sent' | 'failed';
  readonly error: string | null;
  /** As recorded (the e2e reads these). */
  readonly message: { readonly openid: string; readonly templateId: string; readonly page?: string; readonly data: Readonly<Record<string, { readonly value: string }>> };
  readonly result: { readonly ok: boolean; readonly errCode?: number; readonly errMsg?: string };
}
