/**
 * Push port: what the notice push job (server/push/, adapter side) needs from its callers. The
 * job owns deliveries, consents, leases and retries; the wording of a message is the notices
 * capability's (server/use-cases/notices/notice-message.text.ts), handed in as `composeMessage` so
 * the push job never imports a use case.
 */
import type { DeliveryCounts, PushSummary } from '../../src/contracts/notice.schema';
import type { ConsentDoc } from '../../src/contracts/documents/push-documents.schema';
import type { Clock } from './clock.port';
import type { Notifier, NotifyMessage } from './notifier.port';
import type { Store, TxOps } from './store.port';
import type { Logger } from '../runtime/logger';

/** One recipient of one notice push: what its message is worded from. */
export interface NoticeMessageSubject {
  readonly openid: string;
  readonly templateId: string;
  readonly noticeId: string;
  readonly title: string;
  readonly publishedAt: string;
  /** The village whose election committee publishes the notice. */
  readonly village: { readonly name: string; readonly kind: 'village' | 'community' };
  /** A reminder round (committee.remindUnread) rather than the publication push. */
  readonly reminder: boolean;
}

export type ComposeNoticeMessage = (subject: NoticeMessageSubject) => NotifyMessage;

/** What a push job runs on: the stores and the notifier, plus the notices' message wording. */
export interface PushDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly log: Logger;
  readonly composeMessage: ComposeNoticeMessage;
}

/** What became of one single push (pushOnce): sent, refused, no consent left, or already claimed. */
export type SinglePushStatus = 'sent' | 'failed' | 'noConsent' | 'skipped';

/** One subscribe-message push to one person outside a notice job (an objection's decision, a proxy's answer). */
export interface SinglePush {
  readonly purpose: string;
  readonly refId: string;
  readonly electionId: string;
  readonly recipientVoterId: string | null;
  readonly message: NotifyMessage;
}

/** Taps on 允许 to record for one WeChat user (notices.subscribe); voter and election fall back to what the consent already names. */
export interface ConsentGrant {
  readonly openid: string;
  readonly templateIds: readonly string[];
  readonly voterId: string | null;
  readonly electionId: string | null;
}

/**
 * The push service a use case reaches through `ctx.push` (server/push/push.service.ts builds it
 * from PushDeps). Use cases never import server/push (lint): whatever they need of pushes —
 * writing a job inside their own transaction, running it within the inline budget, a single
 * push, the consents owed — is a method here.
 */
export interface PushService {
  /** Writes a notice's publication push job inside the caller's publishing transaction; its id. */
  createPublicationJob(tx: TxOps, notice: { readonly electionId: string; readonly villageId: string }, noticeId: string, at: string): Promise<string>;
  /** Writes reminder round `round` of a notice inside the caller's transaction; null when that round's job exists already (the id is the claim). */
  createReminderJob(tx: TxOps, job: { readonly electionId: string; readonly villageId: string; readonly noticeId: string; readonly round: number }, at: string): Promise<string | null>;
  /** Runs a notice's publication push within the inline budget (creating a missing job, logged). */
  pushPublication(noticeId: string): Promise<PushSummary>;
  /** Runs a written job within the inline budget; faults are logged and the rest left to the timer. */
  runJobNow(jobId: string): Promise<PushSummary>;
  /** One recorded push to one person, spending one of their consents (server/push/single-push.ts). */
  pushOnce(push: SinglePush, requestId: string): Promise<{ id: string; status: SinglePushStatus }>;
  /** Pushes still owed to this WeChat user (unspent consents over every template). */
  pushesOwed(openid: string): Promise<number>;
  /** This WeChat user's consents, by template id. */
  consentsOf(openid: string): Promise<readonly ConsentDoc[]>;
  /** Consents of many users of one election at once, for a call list. */
  consentsByOpenid(electionId: string, openids: readonly string[]): Promise<Map<string, ConsentDoc[]>>;
  /** Adds one consent per accepted template inside the caller's transaction. */
  grantConsents(tx: TxOps, grant: ConsentGrant, at: string): Promise<void>;
  /** Deliveries by status, of one job or of every job of a notice. */
  deliveryCounts(where: { readonly jobId: string } | { readonly noticeId: string }): Promise<DeliveryCounts>;
}
