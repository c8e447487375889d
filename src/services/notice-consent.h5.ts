/**
 * Browser build (dev mode only): there is no WeChat here, so the consent dialog is simulated on
 * the page (components/notice-consent-dialog.h5.tsx), clearly labelled as a simulation. The
 * answer goes to notices.subscribe exactly as the WeChat result would.
 */
import type { ConsentKind, ConsentRequest, ConsentResult } from './notice-consent';

export type { ConsentKind, ConsentRequest, ConsentResult } from './notice-consent';
export const CONSENT_KIND: ConsentKind = 'simulated';

let open: (ConsentRequest & { resolve: (r: ConsentResult) => void }) | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function requestConsent(templateIds: string[]): Promise<ConsentResult> {
  open?.resolve({ ok: true, accepted: [] });
  return new Promise((resolve) => {
    open = { templateIds, resolve };
    notify();
  });
}

export function currentConsentRequest(): ConsentRequest | null {
  return open;
}

export function watchConsentRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function answerConsentRequest(accept: boolean): void {
  const req = open;
  if (!req) return;
  open = null;
  notify();
  req.resolve({ ok: true, accepted: accept ? req.templateIds.slice() : [] });
}
