/**
 * Push port: what the notice push job (server/push/, adapter side) needs from its callers. The
 * job owns deliveries, consents, leases and retries; the wording of a message is the notices
 * capability's (server/use-cases/notices/notice-message.text.ts), handed in as `composeMessage` so
 * the push job never imports a use case.
 */
import type { Clock } from './clock.port';
import type { Notifier, NotifyMessage } from './notifier.port';
import type { Store } from './store.port';
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
