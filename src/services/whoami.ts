import { callAction, readEnvelope } from './api';
import { identity, type Envelope, type OutputOf } from './contracts';
import { takeWhoamiPrefetch } from './whoami-prefetch';

export interface WhoamiReply {
  reply: Envelope<OutputOf<typeof identity.whoami>>;
  /** Phone wall-clock time the reply arrived (for the clock offset). */
  receivedAt: number;
}

/**
 * identity.whoami for the session: the reply index.html prefetched when there is a good one
 * (browser build; checked against the contract like any reply), else a call of its own.
 */
export async function callWhoami(): Promise<WhoamiReply> {
  const pre = await takeWhoamiPrefetch();
  if (pre) {
    const reply = readEnvelope(identity.whoami, pre.body);
    if (reply.ok) return { reply, receivedAt: pre.receivedAt };
  }
  const reply = await callAction(identity.whoami, {});
  return { reply, receivedAt: Date.now() };
}
