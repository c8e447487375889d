/**
 * The whoami request index.html starts before any script has downloaded (browser build only,
 * whoami-prefetch.h5.ts). In the mini-program there is no HTML: nothing is prefetched and the
 * session asks itself.
 */
export interface PrefetchedReply {
  /** The reply body as the local host sent it (an envelope, checked by the caller). */
  body: unknown;
  /** Phone wall-clock time the reply arrived, in the clock's current setting. */
  receivedAt: number;
}

export async function takeWhoamiPrefetch(): Promise<PrefetchedReply | null> {
  return null;
}
