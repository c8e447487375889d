import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { idSchema } from './common.schema';
import { attachmentRowSchema, noticeViewSchema, templateIdSchema } from './notice.schema';

/**
 * 公告 (RULES.md §6): typed notices generated from the data they announce, pushed as WeChat
 * one-time subscribe messages (one message per consent), read receipts and 知晓率
 * (readers / registered voters), and reminders for those who have not read.
 */

// The reader's views of a notice, beside the villager actions that return them (notice.schema.ts
// holds what the committee's contracts share; issue 12).

/** A notice as a reader sees it: the immutable notice plus who corrected it and whether I read it. */
export const noticeItemSchema = z.extend(noticeViewSchema, {
  /** The later notice that corrects this one, if any (this one stays as published). */
  correctedBy: z.nullable(z.string()),
  read: z.boolean(),
  readAt: z.nullable(z.string()),
});
export type NoticeItem = z.infer<typeof noticeItemSchema>;

/**
 * The audit checkpoint a notice was published under, as the reader gets it: the chain position
 * and hash, and the deployment signature anyone can check with identity.publicKeys.
 */
export const noticeCheckpointSchema = z.object({
  /** Number of audit records the chain had (第 N 条记录). */
  seq: z.int(),
  /** Full SHA-256 (hex) of the chain at `seq`; the page shows its first 8 digits. */
  hash: z.string(),
  at: z.string(),
  keyId: z.string(),
  signature: z.string(),
});
export type NoticeCheckpoint = z.infer<typeof noticeCheckpointSchema>;

/** Attachment rows per page in notices.get. */
export const NOTICE_PAGE_SIZE = 100;

const noticeIdSchema = z.string({ error: '请选择公告' }).check(z.minLength(1, { error: '请选择公告' }), z.maxLength(64, { error: '编号太长' }));

/** 公告列表 — the bound voter's election notices, newest first. */
export const list = defineAction({
  fn: 'notices',
  action: 'list',
  who: 'voter',
  summary: '公告列表：本村本届选举的全部公告（新的在前），是否已读、未读条数，还能收到几次推送，以及订阅公告提醒用的消息模板编号',
  input: z.strictObject({}),
  output: z.object({
    electionId: z.string(),
    notices: z.array(noticeItemSchema),
    unread: z.int(),
    /** Unused one-time subscribe consents: how many more pushes this WeChat user can receive. */
    pushesOwed: z.int(),
    /** The deployment's notice template (setting NOTICE_TEMPLATE_ID): what the client asks wx.requestSubscribeMessage for. */
    subscribeTemplateId: z.string(),
  }),
  errors: { UNAUTHENTICATED: ['NO_OPENID', 'NOT_BOUND'], NOT_FOUND: ['ELECTION_GONE'] },
});

/** 公告详情 — with the frozen list (names and groups only), page by page. */
export const get = defineAction({
  fn: 'notices',
  action: 'get',
  who: 'voter',
  summary: '公告详情：正文和附件名单（只有姓名和村民小组，分页），附件哈希可核对；被更正的公告注明更正公告',
  input: z.strictObject({
      noticeId: noticeIdSchema,
      page: z.optional(z.int({ error: '页码必须是整数' }).check(z.gte(1, { error: '页码从1开始' }), z.lte(10_000, { error: '页码太大了' }))),
    }),
  output: z.object({
    notice: z.extend(noticeItemSchema, { checkpoint: z.nullable(noticeCheckpointSchema) }),
    attachment: z.nullable(z
      .object({
        kind: z.string(),
        count: z.int(),
        hash: z.string(),
        page: z.int(),
        pageSize: z.int(),
        pages: z.int(),
        entries: z.array(attachmentRowSchema),
      })),
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
  input: z.strictObject({ noticeId: noticeIdSchema }),
  output: z.object({ noticeId: z.string(), firstRead: z.boolean(), readAt: z.string(), unread: z.int() }),
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
  input: z.strictObject({
      /** Accepted for the client's convenience; the consent belongs to the WeChat user and is filed under the bound election. */
      electionId: z.optional(idSchema),
      /** The templates offered in the request (WeChat allows up to 3 at once); each must be the notice template of notices.list. */
      templateIds: z.array(templateIdSchema, { error: '缺少订阅消息模板' }).check(z.minLength(1, { error: '缺少订阅消息模板' }), z.maxLength(3, { error: '一次最多订阅3种消息' })),
      /** Those the user accepted ('accept' in the wx.requestSubscribeMessage result). */
      accepted: z.array(templateIdSchema, { error: '缺少订阅结果' }).check(z.maxLength(3, { error: '一次最多订阅3种消息' })),
    }).check(z.refine((v) => v.accepted.every((t) => v.templateIds.includes(t)), { error: '同意的模板不在本次请求中', path: ['accepted'] }), z.refine((v) => new Set(v.accepted).size === v.accepted.length, { error: '同一模板只能同意一次', path: ['accepted'] })),
  output: z.object({
    recorded: z.int(),
    pushesOwed: z.int(),
    templates: z.array(z.object({ templateId: z.string(), unused: z.int() })),
  }),
  errors: { INVALID_INPUT: ['TEMPLATE_UNKNOWN'], UNAUTHENTICATED: ['NO_OPENID', 'NOT_BOUND'], NOT_FOUND: ['ELECTION_GONE'] },
});
