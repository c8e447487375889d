import type { Store } from '../ports/store.port';
import type { Clock } from '../ports/clock.port';
import type { Signer } from '../ports/signer.port';
import type { Notifier } from '../ports/notifier.port';
import type { PushService } from '../ports/push.port';
import type { Storage } from '../ports/storage.port';
import type { Settings } from '../config/settings';
import type { RandomSource } from '../security/keyed-hash';
import type { Logger } from './logger';

/** Everything a use case may touch; built once per cold start. */
export interface AppContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly signer: Signer;
  /** The sender under `push`; wiring and tests only — use cases push through `push`. */
  readonly notifier: Notifier;
  /** Notice push jobs, single pushes and consents (server/ports/push.port.ts). */
  readonly push: PushService;
  /** Files passed by id (uploaded roll sheets). */
  readonly storage: Storage;
  readonly settings: Settings;
  readonly rng: RandomSource;
  readonly log: Logger;
}

/** One call: the caller's identity comes only from the WeChat context (or the dev header locally). */
export interface CallContext extends AppContext {
  readonly openid: string | null;
  readonly requestId: string;
}
