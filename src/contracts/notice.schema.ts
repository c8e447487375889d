import * as z from 'zod/mini';
import { NOTICE_TYPE_KEYS } from '../domain/notice-type';

/** Wire shapes shared by the villager's and the committee's notice actions (公告, RULES.md §6). */

/** 公告 types (RULES.md §6): each typed notice is generated from the data it announces (src/domain/notice.ts). */
export const NOTICE_TYPES = NOTICE_TYPE_KEYS;
export const noticeTypeSchema = z.enum(NOTICE_TYPES);
export type NoticeType = z.infer<typeof noticeTypeSchema>;

export { LEGACY_NOTICE_DETAIL_PAGE, NOTICE_DETAIL_PAGE } from './notice-pages';

export const noticeViewSchema = z.object({
  id: z.string(),
  type: noticeTypeSchema,
  typeLabel: z.string(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
  /** The frozen list: how many rows and its SHA-256 (rows are read with the notice, names and groups only). */
  attachment: z.nullable(z.object({ kind: z.string(), count: z.int(), hash: z.string() })),
  corrects: z.nullable(z.string()),
});
export type NoticeView = z.infer<typeof noticeViewSchema>;

/**
 * A WeChat subscribe-message template id (公众平台 → 订阅消息). Only the deployment's notice
 * template (setting NOTICE_TEMPLATE_ID, given to the client in notices.list) is accepted by
 * notices.subscribe.
 */
export const templateIdSchema = z
  .string({ error: '缺少订阅消息模板' }).check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '订阅消息模板编号不对' }));

/** readers / registered; `rate` in [0, 1] (4 places) or null when nobody is registered; `label` like "83.3%". */
export const rateSchema = z.object({
  readers: z.int(),
  registered: z.int(),
  rate: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  label: z.string(),
});
export type RateView = z.infer<typeof rateSchema>;

export const deliveryCountsSchema = z.object({
  total: z.int(),
  pending: z.int(),
  sending: z.int(),
  sent: z.int(),
  failed: z.int(),
  noConsent: z.int(),
  /** The worker stopped between claiming and recording: never re-sent (at most one message per consent). */
  unknown: z.int(),
});
export type DeliveryCounts = z.infer<typeof deliveryCountsSchema>;

/** One push run: every registered voter bound to WeChat gets a delivery; those with a consent left get a message. */
export const pushSummarySchema = z.object({
  jobId: z.string(),
  status: z.enum(['preparing', 'running', 'done']),
  counts: deliveryCountsSchema,
});
export type PushSummary = z.infer<typeof pushSummarySchema>;

/** One row of a notice's list on the wire: names and groups only. */
export const attachmentRowSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

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
