import * as z from 'zod/mini';

/**
 * Shapes of stored documents, checked on every read (ARCHITECTURE.md principle 4): a document
 * that does not match is a fault, never silently trusted. Storage only: no action contract
 * imports this folder (docs/architecture.md, "Contracts describe the wire").
 */

/**
 * delivery/{purpose}:{refId}:{recipient} — one subscribe-message push and its outcome, so each
 * delivery is visible and never sent twice (`pending` is claimed before the send).
 */
export const deliveryDoc = z.object({
  electionId: z.string(),
  purpose: z.string(),
  refId: z.string(),
  recipientVoterId: z.nullable(z.string()),
  recipientOpenid: z.string(),
  templateId: z.string(),
  page: z.nullable(z.string()),
  /** noConsent: the recipient had no unspent subscribe consent, so nothing was sent. */
  status: z.enum(['pending', 'sent', 'failed', 'noConsent']),
  attempts: z.int().check(z.gte(0)),
  lastError: z.nullable(z.object({ transient: z.boolean(), errCode: z.nullable(z.number()), errMsg: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DeliveryDoc = z.infer<typeof deliveryDoc>;

/**
 * consent/{openid}:{templateId} — WeChat one-time subscribe consents (一次性订阅消息): each tap
 * on 允许 allows exactly one message with that template, so the document counts them.
 */
export const consentDoc = z.object({
  openid: z.string(),
  templateId: z.string(),
  /** Consents not yet spent: the pushes still owed to this WeChat user. */
  unused: z.int().check(z.gte(0)),
  granted: z.int().check(z.gte(0)),
  used: z.int().check(z.gte(0)),
  voterId: z.nullable(z.string()),
  electionId: z.nullable(z.string()),
  lastGrantedAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
});
export type ConsentDoc = z.infer<typeof consentDoc>;

/**
 * pushJob/{jobId} — one fan-out of a notice: `{noticeId}` for the publication push,
 * `{noticeId}~r{n}` for the n-th reminder. preparing → running → done (server/push/push-job.ts).
 */
export const pushJobDoc = z.object({
  electionId: z.string(),
  villageId: z.string(),
  noticeId: z.string(),
  kind: z.enum(['publish', 'remind']),
  round: z.int().check(z.gte(0)),
  status: z.enum(['preparing', 'running', 'done']),
  /** Deliveries created (one per registered voter bound to WeChat; reminders: the unread ones). */
  recipients: z.int().check(z.gte(0)),
  createdAt: z.string(),
  preparedAt: z.nullable(z.string()),
  finishedAt: z.nullable(z.string()),
});
export type PushJobDoc = z.infer<typeof pushJobDoc>;

export const noticeDeliveryStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed', 'noConsent', 'unknown']);
export type NoticeDeliveryStatus = z.infer<typeof noticeDeliveryStatusSchema>;

/**
 * noticeDelivery/{jobId}:{voterId} — one recipient of a notice push. A delivery is claimed
 * (pending → sending, consent spent, claim token and lease) in one transaction before the send;
 * a `sending` delivery whose lease ran out becomes `unknown` and is never sent again.
 */
export const noticeDeliveryDoc = z.object({
  jobId: z.string(),
  noticeId: z.string(),
  electionId: z.string(),
  voterId: z.string(),
  /** The WeChat user bound when the job was prepared; the send goes only to the same binding. */
  openid: z.string(),
  templateId: z.nullable(z.string()),
  status: noticeDeliveryStatusSchema,
  attempts: z.int().check(z.gte(0)),
  /** A consent was spent for this delivery and not yet refunded. */
  consentHeld: z.boolean(),
  claimToken: z.nullable(z.string()),
  leaseUntil: z.nullable(z.string()),
  lastError: z.nullable(z.object({ errCode: z.nullable(z.number()), errMsg: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.nullable(z.string()),
});
export type NoticeDeliveryDoc = z.infer<typeof noticeDeliveryDoc>;
